package hours

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/rapportkit/rapport/period"
	"github.com/stretchr/testify/require"
)

func paris(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	return loc
}

func hm(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

// office is the calendar of testdata/reference.py.
func office(t testing.TB) *Calendar {
	t.Helper()
	work := Spans{{hm(13, 0), hm(17, 30)}, {hm(9, 0), hm(12, 0)}} // out of order on purpose
	week := Week{time.Monday: work, time.Tuesday: work, time.Wednesday: work, time.Thursday: work, time.Friday: work}
	c, err := New(paris(t), week,
		[]period.Day{period.DateDay(2026, 11, 11), period.DateDay(2026, 12, 25), period.DateDay(2027, 1, 1)},
		map[period.Day]Spans{period.DateDay(2026, 12, 24): {{hm(9, 0), hm(12, 0)}}})
	require.NoError(t, err)
	return c
}

func always(t testing.TB) *Calendar {
	t.Helper()
	all := Spans{{0, 24 * time.Hour}}
	c, err := New(paris(t), Week{all, all, all, all, all, all, all}, nil, nil)
	require.NoError(t, err)
	return c
}

type goldenFile struct {
	Between []struct {
		Calendar    string `json:"calendar"`
		A           string `json:"a"`
		B           string `json:"b"`
		OpenSeconds int64  `json:"open_seconds"`
	} `json:"between"`
	Busdays []struct {
		A           string `json:"a"`
		B           string `json:"b"`
		Busdays     int    `json:"busdays"`
		OpenSeconds int64  `json:"open_seconds"`
	} `json:"busdays"`
	Add []struct {
		A     string `json:"a"`
		Hours int    `json:"hours"`
		Want  string `json:"want"`
	} `json:"add"`
}

// TestGolden checks Between and Add against testdata/reference.py:
// brute-force minute grids with pandas time zones, numpy busday_count and
// pandas CustomBusinessHour.
func TestGolden(t *testing.T) {
	g := golden.Read[goldenFile](t, filepath.Join("testdata", "golden.json"))
	cals := map[string]*Calendar{"office": office(t), "always": always(t)}
	loc := paris(t)
	n, moved := 0, 0
	for _, c := range g.Between {
		a, err := time.Parse(time.RFC3339, c.A)
		require.NoError(t, err)
		b, err := time.Parse(time.RFC3339, c.B)
		require.NoError(t, err)
		got, err := cals[c.Calendar].Between(a, b)
		require.NoError(t, err)
		require.Equal(t, time.Duration(c.OpenSeconds)*time.Second, got, "%s %s..%s", c.Calendar, c.A, c.B)
		n++
	}
	for _, c := range g.Busdays {
		a, err := time.ParseInLocation(time.DateOnly, c.A, loc)
		require.NoError(t, err)
		b, err := time.ParseInLocation(time.DateOnly, c.B, loc)
		require.NoError(t, err)
		got, err := cals["office"].Between(a, b)
		require.NoError(t, err)
		require.Equal(t, time.Duration(c.OpenSeconds)*time.Second, got, "%s..%s", c.A, c.B)
		n++
	}
	for _, c := range g.Add {
		a, err := time.ParseInLocation("2006-01-02T15:04", c.A, loc)
		require.NoError(t, err)
		got, err := cals["office"].Add(a, time.Duration(c.Hours)*time.Hour)
		require.NoError(t, err)
		want, err := time.ParseInLocation("2006-01-02T15:04", c.Want, loc)
		require.NoError(t, err)
		// pandas moves a result at a midday close (12:00) to the next
		// opening (13:00); Add stays at the close: the same open time.
		if !got.Equal(want) {
			require.True(t, got.Before(want), "%s + %dh = %v, pandas %v", c.A, c.Hours, got, want)
			gap, err := cals["office"].Between(got, want)
			require.NoError(t, err)
			require.Zero(t, gap, "%s + %dh = %v, pandas %v", c.A, c.Hours, got, want)
			require.True(t, !cals["office"].IsOpen(got) && cals["office"].IsOpen(got.Add(-time.Second)), "not at a close")
			moved++
		}
		// Add and Between agree: the open time from a to Add(a, d) is d.
		back, err := cals["office"].Between(a, got)
		require.NoError(t, err)
		require.Equal(t, time.Duration(c.Hours)*time.Hour, back)
		n++
	}
	require.Greater(t, n, 400)
	t.Logf("%d reference vectors (%d Add results at a close where pandas gives the next opening)", n, moved)
}

// TestHandWorked checks cases worked by hand.
func TestHandWorked(t *testing.T) {
	c := office(t)
	loc := paris(t)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, loc) }
	for _, tc := range []struct {
		name string
		a, b time.Time
		want time.Duration
	}{
		{"within a span", at(2026, 12, 1, 9, 30), at(2026, 12, 1, 11, 0), hm(1, 30)},
		{"over lunch", at(2026, 12, 1, 11, 0), at(2026, 12, 1, 14, 0), hm(2, 0)},
		{"overnight", at(2026, 12, 1, 17, 0), at(2026, 12, 2, 9, 30), hm(1, 0)},
		{"weekend", at(2026, 12, 4, 17, 0), at(2026, 12, 7, 10, 0), hm(1, 30)}, // Fri 17:00 → Mon 10:00
		{"christmas eve and day", at(2026, 12, 24, 0, 0), at(2026, 12, 26, 0, 0), hm(3, 0)},
		{"closed only", at(2026, 12, 5, 0, 0), at(2026, 12, 6, 23, 59), 0},
		{"empty", at(2026, 12, 1, 10, 0), at(2026, 12, 1, 10, 0), 0},
	} {
		got, err := c.Between(tc.a, tc.b)
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.want, got, tc.name)
	}
	// 23 h and 25 h days in an always-open calendar.
	a := always(t)
	for _, tc := range []struct {
		d    int
		m    time.Month
		want time.Duration
	}{{29, time.March, 23 * time.Hour}, {25, time.October, 25 * time.Hour}, {1, time.December, 24 * time.Hour}} {
		got, err := a.Between(time.Date(2026, tc.m, tc.d, 0, 0, 0, 0, loc), time.Date(2026, tc.m, tc.d+1, 0, 0, 0, 0, loc))
		require.NoError(t, err)
		require.Equal(t, tc.want, got)
	}
	// Add: Friday 16:00 + 2h → Monday 10:30; exactly to the close stays there.
	got, err := c.Add(at(2026, 12, 4, 16, 0), 2*time.Hour)
	require.NoError(t, err)
	require.Equal(t, at(2026, 12, 7, 9, 30), got)
	got, err = c.Add(at(2026, 12, 1, 11, 0), time.Hour)
	require.NoError(t, err)
	require.Equal(t, at(2026, 12, 1, 12, 0), got)
	got, err = c.Add(at(2026, 12, 5, 3, 0), 0)
	require.NoError(t, err)
	require.Equal(t, at(2026, 12, 5, 3, 0), got)

	require.True(t, c.IsOpen(at(2026, 12, 1, 9, 0)))
	require.False(t, c.IsOpen(at(2026, 12, 1, 12, 0)))
	require.False(t, c.IsOpen(at(2026, 12, 25, 10, 0)))
	require.True(t, c.IsOpen(at(2026, 12, 24, 11, 59)))
	require.False(t, c.IsOpen(at(2026, 12, 24, 14, 0)))
	require.False(t, c.IsOpen(at(2026, 12, 5, 10, 0)))
	var zero Calendar
	require.False(t, zero.IsOpen(at(2026, 12, 1, 10, 0)))
}

func TestErrors(t *testing.T) {
	loc := paris(t)
	for _, tc := range []struct {
		name string
		week Week
		hol  []period.Day
		exc  map[period.Day]Spans
		want error
	}{
		{"backwards", Week{time.Monday: {{hm(17, 0), hm(9, 0)}}}, nil, nil, ErrHours},
		{"empty span", Week{time.Monday: {{hm(9, 0), hm(9, 0)}}}, nil, nil, ErrHours},
		{"overlap", Week{time.Monday: {{hm(9, 0), hm(12, 0)}, {hm(11, 0), hm(13, 0)}}}, nil, nil, ErrHours},
		{"past midnight", Week{time.Monday: {{hm(22, 0), hm(25, 0)}}}, nil, nil, ErrHours},
		{"negative", Week{time.Monday: {{-time.Hour, hm(1, 0)}}}, nil, nil, ErrHours},
		{"fraction of a second", Week{time.Monday: {{time.Millisecond, hm(1, 0)}}}, nil, nil, ErrHours},
		{"bad date", Week{}, []period.Day{period.DateDay(10000, 1, 1)}, nil, ErrDate},
		{"holiday and exception", Week{}, []period.Day{period.DateDay(2026, 2, 3)}, map[period.Day]Spans{period.DateDay(2026, 2, 3): {{0, hm(1, 0)}}}, ErrDate},
		{"bad exception", Week{}, nil, map[period.Day]Spans{period.DateDay(2026, 2, 3): {{hm(2, 0), hm(1, 0)}}}, ErrHours},
	} {
		_, err := New(loc, tc.week, tc.hol, tc.exc)
		require.ErrorIs(t, err, tc.want, tc.name)
	}
	_, err := New(nil, Week{}, nil, nil)
	require.ErrorIs(t, err, ErrLocation)
	_, err = New(time.FixedZone("X", 3600), Week{}, nil, nil)
	require.ErrorIs(t, err, ErrLocation)
	_, err = New(time.Local, Week{}, nil, nil)
	require.ErrorIs(t, err, ErrLocation)

	c := office(t)
	a := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
	_, err = c.Between(a, a.AddDate(101, 0, 0))
	require.ErrorIs(t, err, ErrSpan)
	_, err = c.Between(a, a.Add(-time.Second))
	require.ErrorIs(t, err, ErrTime)
	_, err = c.Between(time.Time{}, a)
	require.ErrorIs(t, err, ErrTime)
	_, err = c.Add(a, -time.Second)
	require.ErrorIs(t, err, ErrDuration)
	var closed Calendar
	_, err = closed.Add(a, time.Second)
	require.ErrorIs(t, err, ErrSpan)
	_, err = c.Add(a, 1<<62) // 146 years of open time: past the bound
	require.ErrorIs(t, err, ErrSpan)
	require.True(t, errors.Is(err, ErrSpan))
}

func TestEncoding(t *testing.T) {
	for _, c := range []*Calendar{office(t), always(t), {}} {
		b, err := c.MarshalBinary()
		require.NoError(t, err)
		var d Calendar
		require.NoError(t, d.UnmarshalBinary(b))
		require.True(t, c.Equal(&d))
		js, err := c.MarshalJSON()
		require.NoError(t, err)
		var e Calendar
		require.NoError(t, e.UnmarshalJSON(js), "%s", js)
		require.True(t, c.Equal(&e))
		b2, _ := e.MarshalBinary()
		require.Equal(t, b, b2)
		require.Error(t, d.UnmarshalBinary(append(b, 0)))
		require.Error(t, d.UnmarshalBinary(b[:len(b)-1]))
		require.True(t, c.Equal(&d), "a rejected decode changed the calendar")
	}
	require.False(t, office(t).Equal(always(t)))
	var d Calendar
	for _, bad := range []string{
		`{"location":"Europe/Paris","week":[[],[[32400,36000]],[],[],[],[],[]],"holidays":[],"exceptions":[],"x":1}`,
		`{"location":"Europe/Paris","week":[[],[[36000,32400]],[],[],[],[],[]],"holidays":[],"exceptions":[]}`,
		`{"location":"Local","week":[[],[],[],[],[],[],[]],"holidays":[],"exceptions":[]}`,
		`{"location":"UTC","week":[[],[],[],[],[],[],[]],"holidays":["2026-01-02","2026-01-01"],"exceptions":[]}`,
		`{"location":"UTC","week":[[],[],[],[],[],[],[]],"holidays":["2026-01-01","2026-01-01"],"exceptions":[]}`,
	} {
		require.ErrorIs(t, d.UnmarshalJSON([]byte(bad)), ErrEncoding, bad)
	}
	require.NoError(t, d.UnmarshalJSON([]byte(`{"location":"UTC","week":[[],[],[],[],[],[],[]],"holidays":["2026-01-01","2026-01-02"],"exceptions":[]}`)))
}

func FuzzUnmarshalBinary(f *testing.F) {
	for _, c := range []*Calendar{office(f), always(f), {}} {
		b, _ := c.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Calendar
		if err := c.UnmarshalBinary(data); err != nil {
			return
		}
		again, err := c.MarshalBinary()
		require.NoError(t, err)
		require.Equal(t, data, again)
	})
}

func FuzzUnmarshalJSON(f *testing.F) {
	for _, c := range []*Calendar{office(f), always(f), {}} {
		b, _ := c.MarshalJSON()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Calendar
		if err := c.UnmarshalJSON(data); err != nil {
			return
		}
		again, err := c.MarshalJSON()
		require.NoError(t, err)
		var d Calendar
		require.NoError(t, d.UnmarshalJSON(again))
		require.True(t, c.Equal(&d))
	})
}

// FuzzBetween checks that Between never fails or panics on ordered times
// within the bound, never exceeds b − a, and that Add inverts it.
func FuzzBetween(f *testing.F) {
	f.Add(int64(1790000000), int64(3600*24*3))
	f.Fuzz(func(t *testing.T, start, length int64) {
		if length < 0 || length > 3600*24*400 || start < -1e10 || start > 1e11 {
			return
		}
		c := office(t)
		a := time.Unix(start, 0)
		b := a.Add(time.Duration(length) * time.Second)
		open, err := c.Between(a, b)
		require.NoError(t, err)
		require.LessOrEqual(t, open, b.Sub(a))
		if open > 0 {
			end, err := c.Add(a, open)
			require.NoError(t, err)
			require.False(t, end.After(b))
			back, err := c.Between(a, end)
			require.NoError(t, err)
			require.Equal(t, open, back)
		}
	})
}

// TestZones checks Between against a count of open minutes by IsOpen
// (which reads every span with time.Date) around the changes of the
// clocks of zones that change at midnight (America/Santiago), by half an
// hour (Australia/Lord_Howe), or not at all (Asia/Kolkata).
func TestZones(t *testing.T) {
	n := 0
	for _, name := range []string{"America/Santiago", "Australia/Lord_Howe", "America/New_York", "Asia/Kolkata", "Europe/Paris"} {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		split := Spans{{0, hm(1, 30)}, {hm(9, 0), hm(12, 0)}, {hm(23, 0), 24 * time.Hour}}
		c, err := New(loc, Week{split, split, split, split, split, split, split}, nil, nil)
		require.NoError(t, err)
		// Every change of the clocks of 2026, three days either side.
		for m := time.Date(2026, 1, 1, 0, 0, 0, 0, loc); m.Year() == 2026; {
			_, end := m.ZoneBounds()
			if end.IsZero() || end.Year() > 2026 {
				break
			}
			a, b := end.Add(-72*time.Hour), end.Add(72*time.Hour)
			var want time.Duration
			for x := a; x.Before(b); x = x.Add(time.Minute) {
				if c.IsOpen(x) {
					want += time.Minute
				}
			}
			got, err := c.Between(a, b)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s around %v", name, end)
			n++
			m = end
		}
	}
	require.Greater(t, n, 5)
	t.Logf("%d changes of the clocks", n)
}
