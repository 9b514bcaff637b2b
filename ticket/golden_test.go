package ticket

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/require"
)

type goldenFile struct {
	N                  uint64   `json:"n"`
	Replied            uint64   `json:"replied"`
	Solved             uint64   `json:"solved"`
	FirstReply         Times    `json:"first_reply"`
	Resolution         Times    `json:"resolution"`
	BusinessFirstReply Times    `json:"business_first_reply"`
	BusinessResolution Times    `json:"business_resolution"`
	OneTouchPct        *float64 `json:"one_touch_pct"`
	ReopenPct          *float64 `json:"reopen_pct"`
	SLA                []struct {
		Priority            string   `json:"priority"`
		Business            bool     `json:"business"`
		Tickets             uint64   `json:"tickets"`
		Replied             uint64   `json:"replied"`
		FirstReplyBreached  uint64   `json:"first_reply_breached"`
		FirstReplyBreachPct *float64 `json:"first_reply_breach_pct"`
		Solved              uint64   `json:"solved"`
		ResolutionBreached  uint64   `json:"resolution_breached"`
		ResolutionBreachPct *float64 `json:"resolution_breach_pct"`
	} `json:"sla"`
	Backlog []struct {
		At            time.Time `json:"at"`
		Open          uint64    `json:"open"`
		Age           Times     `json:"age"`
		OldestSeconds *float64  `json:"oldest_seconds"`
		Bands         []uint64  `json:"bands"`
	} `json:"backlog"`
}

// goldenTargets are the TARGETS of testdata/reference.py.
var goldenTargets = Targets{
	"urgent": {FirstReply: time.Hour, Resolution: 4 * time.Hour},
	"high":   {FirstReply: 4 * time.Hour, Resolution: 8 * time.Hour, Business: true},
	"normal": {FirstReply: 2 * time.Hour, Business: true},
}

// checkFigure compares a figure with its reference: equal within
// rounding of the float.
func checkFigure(t *testing.T, want, got *float64, what string) {
	t.Helper()
	if want == nil {
		require.Nil(t, got, what)
		return
	}
	require.NotNil(t, got, what)
	require.InDelta(t, *want, *got, 1e-9*max(1, *want), what)
}

// checkPercentile compares a percentile with the exact nearest-rank
// value: equal up to 512 minutes, within the bin (≤ 1/256 above) past it.
func checkPercentile(t *testing.T, want, got *float64, what string) {
	t.Helper()
	require.NotNil(t, want, what)
	require.NotNil(t, got, what)
	if *want <= 512*60 {
		require.Equal(t, *want, *got, what)
		return
	}
	require.GreaterOrEqual(t, *got, *want, what)
	require.LessOrEqual(t, *got, *want*(1+1.0/256)+60, what)
}

func checkTimes(t *testing.T, want Times, got Times, what string) int {
	t.Helper()
	require.Equal(t, want.N, got.N, what)
	checkFigure(t, want.MeanSeconds, got.MeanSeconds, what+" mean")
	checkPercentile(t, want.P50Seconds, got.P50Seconds, what+" p50")
	checkPercentile(t, want.P90Seconds, got.P90Seconds, what+" p90")
	checkPercentile(t, want.P95Seconds, got.P95Seconds, what+" p95")
	return 5
}

// TestGolden reads testdata/tickets.csv (a Zendesk export) and checks the
// tally and the backlog against testdata/reference.py (pandas).
func TestGolden(t *testing.T) {
	g := golden.Read[goldenFile](t, filepath.Join("testdata", "golden.json"))
	f, err := os.Open(filepath.Join("testdata", "tickets.csv"))
	require.NoError(t, err)
	defer f.Close()
	tickets, sum, err := NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Zero(t, sum.Rejected, "%v", sum.Errors)
	require.Len(t, tickets, int(g.N))

	tally, err := TallyOf(slices.Values(tickets), goldenTargets, office(t))
	require.NoError(t, err)
	r, err := tally.Result()
	require.NoError(t, err)
	require.Equal(t, g.N, r.N)
	require.Equal(t, g.Replied, r.Replied)
	require.Equal(t, g.Solved, r.Solved)
	n := 3
	n += checkTimes(t, g.FirstReply, r.FirstReply, "first reply")
	n += checkTimes(t, g.Resolution, r.Resolution, "resolution")
	n += checkTimes(t, g.BusinessFirstReply, r.BusinessFirstReply, "business first reply")
	n += checkTimes(t, g.BusinessResolution, r.BusinessResolution, "business resolution")
	checkFigure(t, g.OneTouchPct, r.OneTouchPct, "one-touch")
	checkFigure(t, g.ReopenPct, r.ReopenPct, "reopens")
	n += 2
	require.Len(t, r.SLA, len(g.SLA))
	for i, w := range g.SLA {
		s := r.SLA[i]
		require.Equal(t, w.Priority, s.Priority)
		require.Equal(t, w.Business, s.Business)
		require.Equal(t, []uint64{w.Tickets, w.Replied, w.FirstReplyBreached, w.Solved, w.ResolutionBreached},
			[]uint64{s.Tickets, s.Replied, s.FirstReplyBreached, s.Solved, s.ResolutionBreached}, w.Priority)
		checkFigure(t, w.FirstReplyBreachPct, s.FirstReplyBreachPct, w.Priority+" first reply breaches")
		checkFigure(t, w.ResolutionBreachPct, s.ResolutionBreachPct, w.Priority+" resolution breaches")
		n += 7
	}
	for _, w := range g.Backlog {
		b, err := Backlog(slices.Values(tickets), w.At)
		require.NoError(t, err)
		require.Equal(t, w.Open, b.Open)
		checkFigure(t, w.OldestSeconds, b.OldestSeconds, "oldest")
		n += 2 + checkTimes(t, w.Age, b.Age, "backlog age")
		got := make([]uint64, len(b.Bands))
		for i, band := range b.Bands {
			got[i] = band.Tickets
		}
		require.Equal(t, w.Bands, got)
		n += len(got)
	}
	t.Logf("%d reference values", n)
}
