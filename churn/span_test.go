package churn

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWindowUnix(t *testing.T) {
	require.Equal(t, minTime.Unix(), int64(minUnix))
	require.Equal(t, maxTime.Unix(), int64(maxUnix))
}

// span agrees with Validate and Lifetime: ok only for a valid customer,
// and then the start, the end and the lifetime they give.
func TestSpanMatchesValidate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	edges := []time.Time{
		{}, minTime, minTime.Add(-1), minTime.Add(1), maxTime, maxTime.Add(1), maxTime.Add(-1),
		time.Unix(0, 0), time.Unix(0, 0).In(time.FixedZone("x", 3600)), time.Now(), time.Now().Add(time.Hour),
		time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 1, 0, 0, 0, 1, time.UTC),
	}
	pick := func() time.Time {
		if rng.IntN(2) == 0 {
			return edges[rng.IntN(len(edges))]
		}
		return minTime.Add(time.Duration(rng.Int64N(int64(MaxLifetime)+2) - 1))
	}
	asOfs := []time.Time{survivalAsOf, maxTime, minTime, time.Date(2025, 6, 1, 0, 0, 0, 1, time.UTC)}
	for trial := range 200000 {
		c := Customer{ID: "x", Start: pick()}
		if rng.IntN(4) > 0 {
			c.End = pick()
		}
		if rng.IntN(4) == 0 {
			c.ContractEnd = pick()
		}
		if rng.IntN(20) == 0 {
			c.ID = ""
		}
		if rng.IntN(20) == 0 {
			c.Renewals = []time.Time{pick()}
		}
		s, e, ended, ok := c.span()
		if !ok {
			continue
		}
		require.NoError(t, c.Validate(), "trial %d: %+v", trial, c)
		require.Equal(t, c.Start.Sub(time.Unix(0, 0)), time.Duration(s))
		require.Equal(t, !c.End.IsZero(), ended)
		if ended {
			require.Equal(t, c.End.Sub(time.Unix(0, 0)), time.Duration(e))
		}
		for _, asOf := range asOfs {
			want, has := c.Lifetime(asOf)
			got, gotHas := lifetimeOf(s, e, ended, asOf.UnixNano())
			require.Equal(t, has, gotHas)
			if has {
				require.Equal(t, want, got, "trial %d: %+v as of %v", trial, c, asOf)
			}
		}
	}
}

// Times with monotonic clock readings (from time.Now) take the slow path
// where it matters and give the oracle's state.
func TestSurvivalOfMonotonic(t *testing.T) {
	now := time.Now()
	rng := rand.New(rand.NewPCG(5, 6))
	cs := make([]Customer, 5000)
	for i := range cs {
		start := now.Add(-time.Duration(rng.Int64N(int64(400 * 24 * time.Hour))))
		if rng.IntN(2) == 0 {
			start = start.Round(0)
		}
		cs[i] = Customer{ID: strconv.Itoa(i), Start: start}
		if rng.IntN(3) > 0 {
			cs[i].End = start.Add(time.Duration(rng.Int64N(int64(500 * 24 * time.Hour))))
		}
	}
	for _, asOf := range []time.Time{now, now.Round(0), now.Add(-100 * 24 * time.Hour)} {
		for _, unit := range []time.Duration{0, time.Hour, 24 * time.Hour} {
			want, err := survivalByMap(slices.Values(cs), asOf, unit, func(Customer) bool { return true })
			require.NoError(t, err)
			got, err := SurvivalOf(slices.Values(cs), asOf, unit)
			require.NoError(t, err)
			wb, _ := want[true].MarshalBinary()
			gb, _ := got.MarshalBinary()
			require.Equal(t, wb, gb)
		}
	}
}

// monotonic reads the bit that t.Round(0) clears.
func TestMonotonic(t *testing.T) {
	for _, tm := range []time.Time{time.Now(), time.Now().Add(time.Hour), time.Now().Round(0), {}, minTime, time.Unix(1, 2), time.Now().In(time.FixedZone("x", 60)), time.Now().UTC()} {
		require.Equal(t, tm.Round(0) != tm, monotonic(tm), "%v", tm)
	}
}
