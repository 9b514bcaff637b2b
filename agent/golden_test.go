package agent

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/rapportkit/rapport/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The vectors testdata/reference.py writes with pandas (the spread with
// Spread's keys).
type goldenGroup struct {
	By                 string             `json:"by"`
	Key                string             `json:"key"`
	N                  uint64             `json:"n"`
	Agents             int                `json:"agents"`
	Seconds            map[string]float64 `json:"seconds"`
	LoggedInSeconds    float64            `json:"logged_in_seconds"`
	Occupancy          *float64           `json:"occupancy"`
	Utilization        *float64           `json:"utilization"`
	OpenShare          *float64           `json:"open_share"`
	Shrinkage          *float64           `json:"shrinkage"`
	PlannedShrinkage   *float64           `json:"planned_shrinkage"`
	UnplannedShrinkage *float64           `json:"unplanned_shrinkage"`
	Contacts           uint64             `json:"contacts"`
	AHTSeconds         *float64           `json:"aht_seconds"`
	ContactsPerHour    *float64           `json:"contacts_per_hour"`
	FTE                float64            `json:"fte"`
	Spread             Spread             `json:"spread"`
}

type goldenAdherence struct {
	Key                string  `json:"key"`
	ScheduledSeconds   float64 `json:"scheduled_seconds"`
	InAdherenceSeconds float64 `json:"in_adherence_seconds"`
	WorkedSeconds      float64 `json:"worked_seconds"`
	Adherence          float64 `json:"adherence"`
	Conformance        float64 `json:"conformance"`
}

type goldenFile struct {
	Source        string            `json:"source"`
	PerFTESeconds int               `json:"per_fte_seconds"`
	Team          map[string]string `json:"team"`
	Groups        []goldenGroup     `json:"groups"`
	Adherence     []goldenAdherence `json:"adherence"`
}

// readFile reads a testdata CSV through the Reader, every row accepted.
func readFile(t *testing.T, name string) []Interval {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	ivs, sum, err := NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Zero(t, sum.Rejected, "%v", sum.Errors)
	require.Equal(t, sum.Read, len(ivs))
	return ivs
}

// near compares a figure to its reference: both undefined, or within a
// relative 1e-12 (the sums are exact; only the last division rounds).
func near(t *testing.T, want *float64, got float64, ok bool, what string) {
	t.Helper()
	if want == nil {
		assert.False(t, ok, "%s: want undefined, got %v", what, got)
		return
	}
	if assert.True(t, ok, "%s: undefined, want %v", what, *want) {
		assert.InEpsilon(t, *want, got, 1e-12, what)
	}
}

// nearSeconds is near for a duration rounded to the nanosecond.
func nearSeconds(t *testing.T, want *float64, got time.Duration, ok bool, what string) {
	t.Helper()
	if want == nil {
		assert.False(t, ok, "%s: want undefined, got %v", what, got)
		return
	}
	if assert.True(t, ok, "%s: undefined, want %v s", what, *want) {
		assert.InDelta(t, *want, got.Seconds(), 2e-9, what)
	}
}

func TestGolden(t *testing.T) {
	g := golden.Read[goldenFile](t, filepath.Join("testdata", "golden.json"))
	ivs := readFile(t, "intervals.csv")
	all, err := TallyOf(slices.Values(ivs))
	require.NoError(t, err)
	byAgent, err := TallyBy(slices.Values(ivs), func(iv Interval) string { return iv.Agent })
	require.NoError(t, err)
	byTeam, err := TallyBy(slices.Values(ivs), func(iv Interval) string { return g.Team[iv.Agent] })
	require.NoError(t, err)
	days, err := TallyBy(SplitDays(slices.Values(ivs), nil), func(iv Interval) period.Day { return period.DayOf(iv.Start, nil) })
	require.NoError(t, err)
	byDay := make(map[string]*Tally, len(days))
	for d, tl := range days {
		byDay[d.String()] = tl
	}
	groups := map[string]map[string]*Tally{"all": {"": all}, "agent": byAgent, "team": byTeam, "day": byDay}
	perFTE := time.Duration(g.PerFTESeconds) * time.Second
	vectors := 0
	for _, want := range g.Groups {
		tl := groups[want.By][want.Key]
		require.NotNil(t, tl, "%s %s", want.By, want.Key)
		name := want.By + " " + want.Key
		assert.Equal(t, want.N, tl.N(), name)
		assert.Len(t, tl.Agents(), want.Agents, name)
		for st := Available; st <= Offline; st++ {
			d, ok := tl.Time(st)
			require.True(t, ok)
			assert.Equal(t, want.Seconds[st.String()], d.Seconds(), "%s %s", name, st) // whole seconds: exact
		}
		in, _ := tl.LoggedIn()
		assert.Equal(t, want.LoggedInSeconds, in.Seconds(), name)
		occ, ok := tl.Occupancy()
		near(t, want.Occupancy, occ, ok, name+" occupancy")
		u, ok := tl.Utilization()
		near(t, want.Utilization, u, ok, name+" utilization")
		o, ok := tl.OpenShare()
		near(t, want.OpenShare, o, ok, name+" open share")
		s, ok := tl.Shrinkage()
		near(t, want.Shrinkage, s, ok, name+" shrinkage")
		s, ok = tl.PlannedShrinkage()
		near(t, want.PlannedShrinkage, s, ok, name+" planned shrinkage")
		s, ok = tl.UnplannedShrinkage()
		near(t, want.UnplannedShrinkage, s, ok, name+" unplanned shrinkage")
		c, _ := tl.Contacts()
		assert.Equal(t, want.Contacts, c, name)
		aht, ok := tl.AHT()
		nearSeconds(t, want.AHTSeconds, aht, ok, name+" AHT")
		cph, ok := tl.ContactsPerHour()
		near(t, want.ContactsPerHour, cph, ok, name+" contacts per hour")
		fte, ok := tl.FTE(perFTE)
		near(t, &want.FTE, fte, ok, name+" FTE")
		assert.Equal(t, want.Spread.Agents, tl.AgentsWithAHT(), name)
		m, ok := tl.AHTMean()
		nearSeconds(t, want.Spread.MeanSeconds, m, ok, name+" AHT mean")
		sd, ok := tl.AHTDeviation()
		nearSeconds(t, want.Spread.SDSeconds, sd, ok, name+" AHT sd")
		for _, q := range []struct {
			p    float64
			want *float64
		}{{0.1, want.Spread.P10Seconds}, {0.5, want.Spread.P50Seconds}, {0.9, want.Spread.P90Seconds}} {
			d, ok := tl.AHTQuantile(q.p)
			nearSeconds(t, q.want, d, ok, name+" AHT quantile")
		}
		r, err := tl.Result(perFTE)
		require.NoError(t, err)
		if want.Occupancy != nil {
			assert.InEpsilon(t, 100**want.Occupancy, *r.OccupancyPct, 1e-12)
		}
		vectors++
	}

	sched, err := NewSchedule(slices.Values(readFile(t, "schedule.csv")))
	require.NoError(t, err)
	adh, err := sched.Compare(slices.Values(ivs))
	require.NoError(t, err)
	teams := map[string]Adherence{}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range adh {
			if !yield(k) {
				return
			}
		}
	}) {
		a := teams[g.Team[name]]
		require.NoError(t, a.Merge(adh[name]))
		teams[g.Team[name]] = a
	}
	for _, want := range g.Adherence {
		a, ok := adh[want.Key]
		if !ok {
			a, ok = teams[want.Key]
		}
		require.True(t, ok, want.Key)
		assert.Equal(t, want.ScheduledSeconds, a.Scheduled.Seconds(), want.Key)
		assert.Equal(t, want.InAdherenceSeconds, a.InAdherence.Seconds(), want.Key)
		assert.Equal(t, want.WorkedSeconds, a.Worked.Seconds(), want.Key)
		x, ok := a.Adherence()
		near(t, &want.Adherence, x, ok, want.Key+" adherence")
		x, ok = a.Conformance()
		near(t, &want.Conformance, x, ok, want.Key+" conformance")
		vectors++
	}
	t.Logf("%d reference vectors from %s", vectors, g.Source)
}
