package hours

import "errors"

// Sentinel errors; messages start with "hours:" and name the weekday,
// date or argument that was wrong.
var (
	// ErrHours: opening hours that run backwards, overlap, fall outside
	// the day or are not whole seconds.
	ErrHours = errors.New("hours: invalid opening hours")
	// ErrDate: a holiday or exception that is not a date of years 1–9999.
	ErrDate = errors.New("hours: invalid date")
	// ErrLocation: a nil location, or one that cannot be loaded again
	// by its name (time.LoadLocation), which an encoding needs.
	ErrLocation = errors.New("hours: invalid location")
	// ErrSpan: a span of time longer than MaxDays days to walk.
	ErrSpan = errors.New("hours: span too long")
	// ErrTime: times out of order, or a zero time.
	ErrTime = errors.New("hours: invalid time")
	// ErrDuration: a negative duration.
	ErrDuration = errors.New("hours: invalid duration")
	// ErrEncoding: a malformed binary or JSON encoding.
	ErrEncoding = errors.New("hours: invalid encoding")
)
