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

// FuzzSurvivalOf: for any customers (ids from a small alphabet, so that
// they repeat; times near the window's edges, with and without monotonic
// readings; renewals, contract ends) SurvivalOf gives the map oracle's
// state or its error, to the byte.
func FuzzSurvivalOf(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, uint8(0))
	f.Add([]byte("the quick brown fox jumps over the lazy dog, twice: the quick brown fox"), uint8(3))
	now := time.Now()
	bases := []time.Time{minTime, maxTime, survivalAsOf, time.Unix(0, 0), now, now.Round(0), {}}
	f.Fuzz(func(t *testing.T, data []byte, unitPick uint8) {
		unit := []time.Duration{0, 1, time.Hour, 24 * time.Hour, MaxLifetime}[int(unitPick)%5]
		next := func() byte {
			if len(data) == 0 {
				return 0
			}
			b := data[0]
			data = data[1:]
			return b
		}
		at := func() time.Time {
			b := next()
			return bases[int(b)%len(bases)].Add(time.Duration(int8(next())) * time.Duration(1+int(b>>4)*int(b>>4)) * 24 * time.Hour).Add(time.Duration(int8(next())))
		}
		asOf := bases[int(next())%3+2]
		var cs []Customer
		for len(data) > 0 && len(cs) < 300 {
			flags := next()
			c := Customer{ID: string(rune('a' + int(next())%20)), Start: at()}
			if flags&1 != 0 {
				c.End = at()
			}
			if flags&2 != 0 {
				c.ContractEnd = at()
			}
			if flags&4 != 0 {
				c.Renewals = []time.Time{at()}
			}
			if flags&8 != 0 {
				c.ID = ""
			}
			if flags&16 != 0 {
				c.ID += strconv.Itoa(len(cs)) // mostly distinct
			}
			cs = append(cs, c)
		}
		want, werr := survivalByMap(slices.Values(cs), asOf, unit, func(Customer) bool { return true })
		got, gerr := SurvivalOf(slices.Values(cs), asOf, unit)
		if werr != nil || gerr != nil {
			if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
				t.Fatalf("errors differ: %v, oracle %v", gerr, werr)
			}
			return
		}
		w := want[true]
		if w == nil {
			w = new(Survival)
		}
		wb, _ := w.MarshalBinary()
		gb, _ := got.MarshalBinary()
		require.Equal(t, wb, gb)
	})
}
