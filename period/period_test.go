package period

import (
	"encoding"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var paris, _ = time.LoadLocation("Europe/Paris")

// Every key agrees with package time's calendar, in UTC and in Paris, on
// random instants from 1900 to 2200.
func TestAgainstPackageTime(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	lo, hi := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for range 20_000 {
		at := time.Unix(lo+r.Int64N(hi-lo), 0)
		for _, loc := range []*time.Location{nil, time.UTC, paris} {
			l := at.In(orUTC(loc))
			y, m, d := l.Date()
			day := DayOf(at, loc)
			gy, gm, gd := day.Date()
			require.Equal(t, [3]int{y, int(m), d}, [3]int{gy, int(gm), gd})
			require.Equal(t, l.Weekday(), day.Weekday())
			require.True(t, day.Start(loc).Equal(time.Date(y, m, d, 0, 0, 0, 0, orUTC(loc))))
			iy, iw := l.ISOWeek()
			wy, ww := WeekOf(at, loc).ISO()
			require.Equal(t, [2]int{iy, iw}, [2]int{wy, ww}, "%v", l)
			require.Equal(t, time.Monday, WeekOf(at, loc).Monday().Weekday())
			mo := MonthOf(at, loc)
			require.Equal(t, y, mo.Year())
			require.Equal(t, m, mo.Month())
			require.Equal(t, (int(m)-1)/3+1, QuarterOf(at, loc).Number())
			require.Equal(t, Year(y), YearOf(at, loc))
			h := HourOfWeekOf(at, loc)
			require.Equal(t, l.Weekday(), h.Weekday())
			require.Equal(t, l.Hour(), h.Hour())
			hh := HalfHourOfWeekOf(at, loc)
			ch, cm := hh.Clock()
			require.Equal(t, l.Hour(), ch)
			require.Equal(t, l.Minute()/30*30, cm)
			require.Equal(t, h, hh.Hour())
			s, err := SlotOf(at, loc, 15*time.Minute)
			require.NoError(t, err)
			sh, sm := s.Clock()
			require.Equal(t, [2]int{l.Hour(), l.Minute() / 15 * 15}, [2]int{sh, sm})
		}
	}
}

// A month keeps its year: January 2024 and January 2025 are two keys,
// where time.Month merges them.
func TestMonthKeepsItsYear(t *testing.T) {
	a := time.Date(2024, time.January, 10, 0, 0, 0, 0, time.UTC)
	b := a.AddDate(1, 0, 0)
	assert.Equal(t, a.Month(), b.Month(), "the trap")
	assert.NotEqual(t, MonthOf(a, nil), MonthOf(b, nil))
	assert.Equal(t, MonthOf(a, nil).Add(12), MonthOf(b, nil))
	assert.Less(t, YearMonth(2024, time.December), YearMonth(2025, time.January))
	// 23:30 UTC on 31 March is April in Paris.
	at := time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC)
	assert.Equal(t, "2025-03", MonthOf(at, nil).String())
	assert.Equal(t, "2025-04", MonthOf(at, paris).String())
}

func TestStrings(t *testing.T) {
	at := time.Date(2024, 12, 30, 9, 47, 0, 0, time.UTC) // a Monday, in 2025-W01
	s30, _ := SlotOf(at, nil, 30*time.Minute)
	for _, c := range []struct {
		key interface {
			String() string
			encoding.TextMarshaler
		}
		want string
		into encoding.TextUnmarshaler
	}{
		{DayOf(at, nil), "2024-12-30", new(Day)},
		{WeekOf(at, nil), "2025-W01", new(Week)},
		{MonthOf(at, nil), "2024-12", new(Month)},
		{QuarterOf(at, nil), "2024-Q4", new(Quarter)},
		{YearOf(at, nil), "2024", new(Year)},
		{HourOfWeekOf(at, nil), "Mon 09:00", new(HourOfWeek)},
		{HalfHourOfWeekOf(at, nil), "Mon 09:30", new(HalfHourOfWeek)},
		{s30, "09:30/30m", new(Slot)},
	} {
		t.Run(c.want, func(t *testing.T) {
			assert.Equal(t, c.want, c.key.String())
			b, err := c.key.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, c.want, string(b))
			require.NoError(t, c.into.UnmarshalText(b))
			assert.Equal(t, c.want, c.into.(interface{ String() string }).String())
		})
	}
}

func TestUnmarshalRejects(t *testing.T) {
	for _, c := range []struct {
		into encoding.TextUnmarshaler
		text string
	}{
		{new(Day), "2025-02-30"}, {new(Day), "14/03/2025"},
		{new(Week), "2025-W54"}, {new(Week), "2021-W53"}, {new(Week), "2025-W00"}, {new(Week), "2025W01"},
		{new(Month), "2025-13"}, {new(Quarter), "2025-Q5"}, {new(Year), "25"}, {new(Year), "0000"},
		{new(HourOfWeek), "Mon 09:30"}, {new(HourOfWeek), "Xyz 09:00"}, {new(HalfHourOfWeek), "Mon 09:15"},
		{new(Slot), "09:15/7m"}, {new(Slot), "09:10/15m"}, {new(Slot), "25:00/60m"},
	} {
		assert.Error(t, c.into.UnmarshalText([]byte(c.text)), "%T %q", c.into, c.text)
	}
	// 2020 has a week 53.
	var w Week
	require.NoError(t, w.UnmarshalText([]byte("2020-W53")))
	assert.Equal(t, DateDay(2020, time.December, 28), w.Monday())
}

func TestSlot(t *testing.T) {
	for _, w := range []time.Duration{0, -time.Minute, 7 * time.Minute, 90 * time.Second, 25 * time.Hour} {
		_, err := SlotOf(time.Now(), nil, w)
		assert.ErrorIs(t, err, ErrWidth, "%v", w)
	}
	assert.False(t, Slot{}.Valid())
	at := time.Date(2025, 3, 14, 9, 59, 0, 0, time.UTC)
	var slots []Slot
	for _, w := range []time.Duration{60 * time.Minute, 15 * time.Minute, 30 * time.Minute} {
		s, err := SlotOf(at, nil, w)
		require.NoError(t, err)
		slots = append(slots, s)
	}
	slices.SortFunc(slots, Slot.Compare)
	assert.Equal(t, []string{"09:00/60m", "09:30/30m", "09:45/15m"}, []string{slots[0].String(), slots[1].String(), slots[2].String()})
	assert.Equal(t, 39, slots[2].Index())
}

// Keys are JSON object keys through their text.
func TestJSONKeys(t *testing.T) {
	m := map[Month]int{YearMonth(2025, 1): 3, YearMonth(2024, 1): 1}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, `{"2024-01":1,"2025-01":3}`, string(b))
	var back map[Month]int
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, m, back)
	_, err = Month(-100).MarshalText()
	assert.Error(t, err, "a month outside the years 1–9999")
}
