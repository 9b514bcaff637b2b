package agent

import (
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitDays(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	night := Interval{Agent: "ana", State: OnContact, Contacts: 3,
		Start: time.Date(2026, 3, 2, 22, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 3, 2, 0, 0, 0, time.UTC)}
	// Paris changes to summer time on 29 March 2026: that day has 23 hours.
	long := Interval{Agent: "ben", State: Offline,
		Start: time.Date(2026, 3, 28, 12, 0, 0, 0, paris), End: time.Date(2026, 3, 30, 12, 0, 0, 0, paris)}
	bad := Interval{Agent: "cleo", State: Break, Start: night.End, End: night.Start}
	exact := Interval{Agent: "dan", State: Break, Start: night.End.Add(-2 * time.Hour), End: night.End}

	parts := slices.Collect(SplitDays(slices.Values([]Interval{night, long, bad, exact}), nil))
	require.Len(t, parts, 7) // 2 + 3 (ben in UTC) + 1 + 1
	assert.Equal(t, []time.Duration{2 * time.Hour, 2 * time.Hour}, []time.Duration{parts[0].Duration(), parts[1].Duration()})
	assert.Equal(t, 3, parts[0].Contacts)
	assert.Zero(t, parts[1].Contacts)
	assert.Equal(t, bad, parts[5], "invalid intervals pass through")
	assert.Equal(t, exact, parts[6], "an interval from midnight stays whole")

	local := slices.Collect(SplitDays(slices.Values([]Interval{long}), paris))
	require.Len(t, local, 3)
	assert.Equal(t, []time.Duration{12 * time.Hour, 23 * time.Hour, 12 * time.Hour},
		[]time.Duration{local[0].Duration(), local[1].Duration(), local[2].Duration()})

	byDay, err := TallyBy(SplitDays(slices.Values([]Interval{night, long}), paris), func(iv Interval) period.Day {
		return period.DayOf(iv.Start, paris)
	})
	require.NoError(t, err)
	d, _ := byDay[period.DateDay(2026, 3, 29)].Time(Offline)
	assert.Equal(t, 23*time.Hour, d)
	d, _ = byDay[period.DateDay(2026, 3, 2)].Time(OnContact) // 22:00–24:00 UTC is 23:00–01:00 in Paris
	assert.Equal(t, time.Hour, d)

	// Stopping early stops.
	n := 0
	for range SplitDays(slices.Values([]Interval{long, night}), nil) {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
}
