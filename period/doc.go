// Package period holds calendar keys: the day, ISO week, month, quarter
// and year an instant falls in, its hour or half-hour of the week, and
// its slot of the day (15, 30 or 60 minutes). They are the keys of the
// rapport By functions (nps.TallyBy, operations.TallyBy, segment's
// CollectionBy…) for reports over time:
//
//	byMonth, err := operations.TallyBy(contacts, func(c operations.Contact) period.Month {
//		return period.MonthOf(c.Arrived, paris)
//	})
//
// Every key is a small comparable value, so it works as a map key; the
// integer keys (Day, Week, Month, Quarter, Year, HourOfWeek,
// HalfHourOfWeek) are ordered with < and sort with slices.Sort, and Slot
// has Compare. Each has a String for people and the text marshalling of
// its String (2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025, Fri 09:00,
// Fri 09:30, 09:15/15m), so that it is a JSON object key. Each is made
// from a time.Time in a *time.Location (nil means UTC): a calendar key
// is the calendar of a place, and 23:30 UTC on 31 March is April in
// Paris. Start returns the first instant of a key in a location.
//
// # The trap of time.Month
//
// time.Month is the month of the year, without the year: keying by
// t.Month() adds January 2024 and January 2025 together, and a report
// over more than twelve months silently merges them. Key by
// period.Month (a month with its year), or period.Quarter, never by
// t.Month() or t.YearDay().
//
// # Ranges
//
// Days, weeks, months, quarters and years cover the years 1 to 9999
// (time.Time's range as text). A key outside them marshals to an error
// (as time.Time's MarshalText does) and prints with its number.
package period
