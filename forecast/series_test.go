package forecast

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// The days of a series follow the local clock: in Europe/Paris the last
// Sunday of March has 46 half hours (02:00–03:00 does not exist) and the
// last Sunday of October 50 (02:00–03:00 twice, both passes in slots 4
// and 5); in America/Santiago 2022-09-11 midnight does not exist and the
// day starts at 01:00.
func TestCalendarClockChanges(t *testing.T) {
	paris, santiago := zone(t, "Europe/Paris"), zone(t, "America/Santiago")
	for _, c := range []struct {
		name      string
		loc       *time.Location
		step      time.Duration
		date      Date
		start     string // local clock
		intervals int
		slots     []int // the slots of the first intervals, nil for a standard day
	}{
		{"paris-normal", paris, 30 * time.Minute, Date{2025, 3, 29}, "00:00", 48, nil},
		{"paris-spring", paris, 30 * time.Minute, Date{2025, 3, 30}, "00:00", 46, []int{0, 1, 2, 3, 6, 7}},
		{"paris-autumn", paris, 30 * time.Minute, Date{2025, 10, 26}, "00:00", 50, []int{0, 1, 2, 3, 4, 5, 4, 5, 6}},
		{"paris-autumn-hourly", paris, time.Hour, Date{2025, 10, 26}, "00:00", 25, []int{0, 1, 2, 2, 3}},
		{"paris-spring-15", paris, 15 * time.Minute, Date{2025, 3, 30}, "00:00", 92, []int{0, 1, 2, 3, 4, 5, 6, 7, 12}},
		{"santiago-no-midnight", santiago, 30 * time.Minute, Date{2022, 9, 11}, "01:00", 46, []int{2, 3, 4}},
		{"utc", time.UTC, 15 * time.Minute, Date{2025, 3, 30}, "00:00", 96, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			cal, err := newCalendar(c.loc, c.step)
			require.NoError(t, err)
			start := c.date.Start(c.loc)
			assert.Equal(t, c.start, start.Format("15:04"))
			assert.Equal(t, c.date, DateOf(start))
			d, next, err := cal.lay(c.date, start, 0)
			require.NoError(t, err)
			assert.Equal(t, c.intervals, d.n)
			assert.Equal(t, c.date.AddDays(1), DateOf(next))
			if c.slots == nil {
				assert.True(t, d.standard())
				return
			}
			require.False(t, d.standard())
			assert.Equal(t, c.slots, d.slots[:len(c.slots)])
			for k := range d.n { // every real interval is on the local grid
				assert.True(t, onGrid(start.Add(time.Duration(k)*c.step), c.step))
			}
		})
	}
}

// A clock change that is not a whole number of intervals cannot be laid
// out: Lord Howe Island moves by 30 minutes, so its day is not a whole
// number of hours.
func TestCalendarChangeNotMultiple(t *testing.T) {
	lh := zone(t, "Australia/Lord_Howe")
	cal, err := newCalendar(lh, time.Hour)
	require.NoError(t, err)
	d := Date{2025, 4, 6}
	_, _, err = cal.lay(d, d.Start(lh), 0)
	require.ErrorIs(t, err, ErrSeries)
	cal30, _ := newCalendar(lh, 30*time.Minute)
	dy, _, err := cal30.lay(d, d.Start(lh), 0)
	require.NoError(t, err)
	assert.Equal(t, 49, dy.n)
}

// intervalStart maps each pass of the repeated hour to its own interval.
func TestIntervalStartRepeatedHour(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	cal, _ := newCalendar(paris, 30*time.Minute)
	first := time.Date(2025, 10, 26, 0, 10, 0, 0, time.UTC) // 02:10 CEST
	second := first.Add(time.Hour)                          // 02:10 CET
	s1, err := cal.intervalStart(first)
	require.NoError(t, err)
	s2, err := cal.intervalStart(second)
	require.NoError(t, err)
	assert.Equal(t, "02:00 +0200", s1.Format("15:04 -0700"))
	assert.Equal(t, "02:00 +0100", s2.Format("15:04 -0700"))
	assert.Equal(t, time.Hour, s2.Sub(s1))
}

func TestCheckInterval(t *testing.T) {
	for _, d := range []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 24 * time.Hour} {
		assert.NoError(t, checkInterval(d), "%v", d)
	}
	for _, d := range []time.Duration{0, -time.Hour, 7 * time.Minute, 25 * time.Minute, 90 * time.Second, 48 * time.Hour, 30*time.Minute + 1} {
		assert.ErrorIs(t, checkInterval(d), ErrInterval, "%v", d)
	}
}

// counts returns the counts of `days` days from the first of them at
// `per` intervals a day in UTC, interval k of day d holding 10·d + k.
func counts(first Date, days int, step time.Duration) []Count {
	var out []Count
	for d := range days {
		t0 := first.AddDays(d).Start(time.UTC)
		for k := range int(24 * time.Hour / step) {
			out = append(out, Count{Start: t0.Add(time.Duration(k) * step), Contacts: float64(10*d + k), Handled: 1, Handle: time.Minute})
		}
	}
	return out
}

func TestSeriesOf(t *testing.T) {
	first := Date{2026, 3, 2}
	all := counts(first, 3, 6*time.Hour)
	t.Run("any-order", func(t *testing.T) {
		rev := slices.Clone(all)
		slices.Reverse(rev)
		s, err := SeriesOf(slices.Values(rev), 6*time.Hour, time.UTC, FillNone)
		require.NoError(t, err)
		assert.Equal(t, []float64{0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23}, s.Contacts)
		assert.Equal(t, first.Start(time.UTC), s.Start)
		assert.Equal(t, 3, s.Days())
		assert.Empty(t, s.Filled)
		assert.Len(t, s.Handle, 12)
	})
	t.Run("gap", func(t *testing.T) {
		gappy := slices.Delete(slices.Clone(all), 5, 7)
		_, err := SeriesOf(slices.Values(gappy), 6*time.Hour, time.UTC, FillNone)
		require.ErrorIs(t, err, ErrGap)
		assert.Contains(t, err.Error(), "2 intervals from 2026-03-03T06:00:00Z")
		s, err := SeriesOf(slices.Values(gappy), 6*time.Hour, time.UTC, FillZero)
		require.NoError(t, err)
		assert.Equal(t, []Gap{{Start: time.Date(2026, 3, 3, 6, 0, 0, 0, time.UTC), Intervals: 2}}, s.Filled)
		assert.Equal(t, 0.0, s.Contacts[5])
	})
	t.Run("gap-at-the-ends", func(t *testing.T) {
		open := slices.Clone(all[1:11]) // the first night and the last evening are missing
		_, err := SeriesOf(slices.Values(open), 6*time.Hour, time.UTC, FillNone)
		require.ErrorIs(t, err, ErrGap)
		s, err := SeriesOf(slices.Values(open), 6*time.Hour, time.UTC, FillZero)
		require.NoError(t, err)
		assert.Len(t, s.Contacts, 12)
		assert.Equal(t, []Gap{{Start: first.Start(time.UTC), Intervals: 1}, {Start: time.Date(2026, 3, 4, 18, 0, 0, 0, time.UTC), Intervals: 1}}, s.Filled)
	})
	for _, c := range []struct {
		name string
		edit func([]Count) []Count
		want error
		msg  string
	}{
		{"duplicate", func(x []Count) []Count { return append(x, x[3]) }, ErrDuplicate, "counts 3 and 12"},
		{"misaligned", func(x []Count) []Count { x[2].Start = x[2].Start.Add(time.Minute); return x }, ErrAlign, "count 2"},
		{"negative", func(x []Count) []Count { x[4].Contacts = -1; return x }, ErrValue, "count 4"},
		{"nan", func(x []Count) []Count { x[4].Contacts = math.NaN(); return x }, ErrValue, "count 4"},
		{"inf-handled", func(x []Count) []Count { x[1].Handled = math.Inf(1); return x }, ErrValue, "count 1"},
		{"negative-handle", func(x []Count) []Count { x[1].Handle = -time.Second; return x }, ErrValue, "count 1"},
		{"handle-without-handled", func(x []Count) []Count { x[1].Handled = 0; return x }, ErrValue, "count 1"},
		{"empty", func([]Count) []Count { return nil }, ErrEmpty, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := SeriesOf(slices.Values(c.edit(slices.Clone(all))), 6*time.Hour, time.UTC, FillZero)
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
	t.Run("bad-interval", func(t *testing.T) {
		_, err := SeriesOf(slices.Values(all), 25*time.Minute, time.UTC, FillNone)
		require.ErrorIs(t, err, ErrInterval)
	})
	t.Run("nil-location", func(t *testing.T) {
		_, err := SeriesOf(slices.Values(all), 6*time.Hour, nil, FillNone)
		require.ErrorIs(t, err, ErrLocation)
	})
	t.Run("bad-fill", func(t *testing.T) {
		_, err := SeriesOf(slices.Values(all), 6*time.Hour, time.UTC, Fill(9))
		require.ErrorIs(t, err, ErrMethod)
	})
}

// A Paris export across the autumn change: the repeated hour's two
// passes are two counts each, at different instants, and the day has 50
// intervals.
func TestSeriesOfClockChange(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	d := Date{2025, 10, 26}
	t0 := d.Start(paris)
	var cs []Count
	for k := range 50 {
		cs = append(cs, Count{Start: t0.Add(time.Duration(k) * 30 * time.Minute), Contacts: float64(k)})
	}
	s, err := SeriesOf(slices.Values(cs), 30*time.Minute, paris, FillNone)
	require.NoError(t, err)
	assert.Len(t, s.Contacts, 50)
	assert.Equal(t, 1, s.Days())
	_, err = SeriesOf(slices.Values(cs[:49]), 30*time.Minute, paris, FillNone)
	require.ErrorIs(t, err, ErrGap)
}

func TestSeriesLayoutErrors(t *testing.T) {
	good := Series{Location: time.UTC, Interval: 6 * time.Hour, Start: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Contacts: make([]float64, 8)}
	_, err := good.layout()
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		edit func(*Series)
		want error
	}{
		{"start-not-midnight", func(s *Series) { s.Start = s.Start.Add(6 * time.Hour) }, ErrSeries},
		{"end-inside-a-day", func(s *Series) { s.Contacts = s.Contacts[:7] }, ErrSeries},
		{"no-intervals", func(s *Series) { s.Contacts = nil }, ErrEmpty},
		{"handled-without-handle", func(s *Series) { s.Handled = make([]float64, 8) }, ErrSeries},
		{"short-handle", func(s *Series) { s.Handled, s.Handle = make([]float64, 8), make([]time.Duration, 7) }, ErrSeries},
		{"negative", func(s *Series) { s.Contacts[3] = -2 }, ErrValue},
		{"interval", func(s *Series) { s.Interval = 7 * time.Minute }, ErrInterval},
		{"location", func(s *Series) { s.Location = nil }, ErrLocation},
		{"too-long", func(s *Series) { s.Contacts = make([]float64, MaxIntervals+4) }, ErrSeries},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := good
			s.Contacts = slices.Clone(good.Contacts)
			c.edit(&s)
			_, err := s.layout()
			require.True(t, errors.Is(err, c.want), "err = %v, want %v", err, c.want)
			assert.Equal(t, 0, s.Days())
		})
	}
}

func TestDate(t *testing.T) {
	d := Date{2024, 2, 28}
	assert.Equal(t, Date{2024, 3, 1}, d.AddDays(2))
	assert.Equal(t, 2, d.AddDays(2).Sub(d))
	assert.Equal(t, time.Wednesday, d.Weekday())
	assert.Equal(t, "2024-02-28", d.String())
	assert.False(t, Date{2025, 2, 29}.IsValid())
	var e Date
	require.NoError(t, e.UnmarshalText([]byte("2025-12-25")))
	assert.Equal(t, Date{2025, 12, 25}, e)
	require.Error(t, e.UnmarshalText([]byte("25/12/2025")))
	assert.Equal(t, -1, d.Compare(e))
}
