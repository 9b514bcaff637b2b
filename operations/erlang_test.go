package operations

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func near(got, want, rel, abs float64) bool {
	return math.Abs(got-want) <= math.Max(abs, rel*math.Abs(want))
}

// erlangs returns a queue with exactly a Erlangs: a contacts per AHT.
func erlangs(a float64, aht time.Duration) Queue {
	return Queue{Contacts: a, Interval: aht, AHT: aht}
}

// fraction returns a Metrics percentage as a fraction, failing on nil.
func fraction(t *testing.T, p *float64) float64 {
	t.Helper()
	require.NotNil(t, p)
	return *p / 100
}

// testdata/erlang_b.txt: mpmath, 40 digits, from the defining sum.
func TestErlangBReference(t *testing.T) {
	for _, row := range golden(t, "erlang_b.txt", 3) {
		t.Run("A="+row[0]+" N="+row[1], func(t *testing.T) {
			a, n, want := float(t, row[0]), integer(t, row[1]), float(t, row[2])
			got, err := ErlangB(a, n)
			require.NoError(t, err)
			assert.True(t, near(got, want, 1e-13, 0), "ErlangB(%v, %d) = %.17g, want %.17g", a, n, got, want)
		})
	}
	t.Run("no traffic", func(t *testing.T) {
		b, err := ErlangB(0, 3)
		require.NoError(t, err)
		assert.Zero(t, b)
	})
	t.Run("underflow", func(t *testing.T) {
		b, err := ErlangB(1, 100000)
		require.NoError(t, err)
		assert.Zero(t, b)
	})
}

// testdata/erlang_c.txt: mpmath, textbook M/M/N formulas in 40 digits.
func TestErlangCReference(t *testing.T) {
	for _, row := range golden(t, "erlang_c.txt", 7) {
		t.Run("A="+row[0]+" N="+row[1], func(t *testing.T) {
			a, n, aht, within := float(t, row[0]), integer(t, row[1]), seconds(t, row[2]), seconds(t, row[3])
			c, sl, asa := float(t, row[4]), float(t, row[5]), float(t, row[6])*aht.Seconds()
			pw, err := ErlangC(a, n)
			require.NoError(t, err)
			assert.True(t, near(pw, c, 1e-12, 0), "ErlangC = %.17g, want %.17g", pw, c)
			m, err := erlangs(a, aht).Metrics(n, within)
			require.NoError(t, err)
			assert.True(t, near(fraction(t, m.PWaitPct), c, 1e-12, 0), "P(wait) %v, want %.17g", *m.PWaitPct, c)
			assert.True(t, near(fraction(t, m.ServiceLevelPct), sl, 1e-13, 1e-15), "SL %v, want %.17g", *m.ServiceLevelPct, sl)
			require.NotNil(t, m.ASASeconds)
			assert.True(t, near(*m.ASASeconds, asa, 1e-12, 1e-9), "ASA %v s, want %.17g s", *m.ASASeconds, asa)
			assert.Equal(t, 100*(a/float64(n)), *m.OccupancyPct)
			assert.Equal(t, 0.0, *m.AbandonmentPct)
		})
	}
}

// The issue's example: 100 calls in 30 min, AHT 180 s (erlang_c.txt's
// first row, rounded as the issue prints it).
func TestIssueExample(t *testing.T) {
	q := Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	a, err := q.Traffic()
	require.NoError(t, err)
	require.Equal(t, 10.0, a)
	m, err := q.Metrics(14, 20*time.Second)
	require.NoError(t, err)
	assert.Equal(t, 1741319.0, math.Round(*m.PWaitPct*1e5))
	assert.Equal(t, 8883500.0, math.Round(*m.ServiceLevelPct*1e5))
	assert.Equal(t, 7835937.0, math.Round(*m.ASASeconds*1e6))
	s, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3})
	require.NoError(t, err)
	assert.Equal(t, 14, s.Agents)
	assert.Equal(t, 20, s.Positions)
	assert.Equal(t, m, s.Metrics)
}

// staffingCase is a row of testdata/staffing.txt.
type staffingCase struct {
	name   string
	q      Queue
	t      Targets
	agents int
}

func staffingCases(t *testing.T) []staffingCase {
	var cases []staffingCase
	for _, row := range golden(t, "staffing.txt", 12) {
		cases = append(cases, staffingCase{
			name: row[0],
			q: Queue{Contacts: float(t, row[1]), Interval: seconds(t, row[2]), AHT: seconds(t, row[3]),
				Patience: seconds(t, row[4]), Concurrency: float(t, row[5])},
			t: Targets{ServiceLevel: float(t, row[6]), Within: seconds(t, row[7]), ASA: seconds(t, row[8]),
				Abandonment: float(t, row[9]), Occupancy: float(t, row[10])},
			agents: integer(t, row[11]),
		})
	}
	return cases
}

// occupancyAtMost reports whether A/n ≤ o exactly, with the traffic and
// o read as decimals, independently of the package's own arithmetic.
func occupancyAtMost(q Queue, n int, o float64) bool {
	rat := func(x float64) *big.Rat {
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
		return r
	}
	a := rat(q.Contacts)
	a.Mul(a, big.NewRat(int64(q.AHT), int64(q.Interval)))
	if q.Concurrency != 0 {
		a.Quo(a, rat(q.Concurrency))
	}
	return a.Quo(a, big.NewRat(int64(n), 1)).Cmp(rat(o)) <= 0
}

// meets reports whether n agents meet the targets by the rules Staff
// documents: Erlang C stable and within the occupancy exactly, the other
// values rounded to 12 significant digits.
func meets(t *testing.T, q Queue, tg Targets, n int) bool {
	t.Helper()
	l, err := q.load()
	require.NoError(t, err)
	if l.r == 0 && !l.stable(n) {
		return false
	}
	b := terms(maxEvalTerms)
	p, err := l.evaluate(n, tg.Within, invB(l.a, n), &b)
	require.NoError(t, err)
	if l.r == 0 {
		return tg.goals().met(p, false) && (tg.Occupancy == 0 || occupancyAtMost(q, n, tg.Occupancy))
	}
	return tg.goals().met(p, true)
}

// testdata/staffing.txt: the smallest N found by mpmath (and exact
// fractions for the occupancy) scanning N = 1, 2, ….
func TestStaffReference(t *testing.T) {
	for _, c := range staffingCases(t) {
		t.Run(c.name, func(t *testing.T) {
			s, err := c.q.Staff(c.t)
			require.NoError(t, err)
			assert.Equal(t, c.agents, s.Agents)
			m, err := c.q.Metrics(s.Agents, c.t.Within)
			require.NoError(t, err)
			assert.Equal(t, m, s.Metrics, "Staff's metrics are those of Metrics")
			assert.True(t, meets(t, c.q, c.t, s.Agents))
			assert.False(t, meets(t, c.q, c.t, s.Agents-1), "%d agents meet the targets too", s.Agents-1)
		})
	}
}

// Targets typed as decimals compare as those decimals: 2.1 Erlangs on 3
// agents are exactly 70 %; 15.3 Erlangs on 18 exactly 85 %.
func TestStaffExactOccupancy(t *testing.T) {
	for _, c := range []struct {
		name      string
		q         Queue
		t         Targets
		agents    int
		occupancy string
	}{
		{"2.1 Erlangs at 70 %", Queue{Contacts: 21, Interval: 30 * time.Minute, AHT: 3 * time.Minute},
			Targets{Occupancy: 0.7}, 3, "70.0%"},
		{"15.3 Erlangs at 85 % and 80/60", Queue{Contacts: 153, Interval: 30 * time.Minute, AHT: 3 * time.Minute},
			Targets{ServiceLevel: 0.8, Within: time.Minute, Occupancy: 0.85}, 18, "85.0%"},
		{"12.5 calls at 2 chats each", Queue{Contacts: 12.5, Interval: 10 * time.Minute, AHT: 8 * time.Minute, Concurrency: 2},
			Targets{Occupancy: 0.625}, 8, "62.5%"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := c.q.Staff(c.t)
			require.NoError(t, err)
			assert.Equal(t, c.agents, s.Agents)
			assert.Contains(t, s.Metrics.String(), "occupancy "+c.occupancy)
			m, err := c.q.Metrics(c.agents, c.t.Within)
			require.NoError(t, err)
			assert.Contains(t, m.String(), "occupancy "+c.occupancy)
		})
	}
}

// A service level is rounded to 12 significant digits before it meets
// its target: a target equal to the rounded value is met, one a unit of
// the 12th digit above it is not.
func TestStaffServiceLevelRounding(t *testing.T) {
	q := Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	m, err := q.Metrics(13, 20*time.Second)
	require.NoError(t, err)
	sl := fraction(t, m.ServiceLevelPct)
	rounded, err := strconv.ParseFloat(strconv.FormatFloat(sl, 'e', 11, 64), 64)
	require.NoError(t, err)
	for _, c := range []struct {
		name   string
		target float64
		agents int
	}{
		{"the value rounded", rounded, 13},
		{"a 12th digit above", rounded + math.Pow(10, math.Floor(math.Log10(rounded))-11), 14},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := q.Staff(Targets{ServiceLevel: c.target, Within: 20 * time.Second})
			require.NoError(t, err)
			assert.Equal(t, c.agents, s.Agents, "target %v, SL at 13 agents %v", c.target, sl)
		})
	}
}

// Traffic that is an integer exactly is unstable on that many agents, even
// where floating point computes it a hair below.
func TestStabilityExact(t *testing.T) {
	// 2.8 contacts per 5 min of 750 s each: exactly 7 Erlangs,
	// 6.999999999999999 in floating point.
	q := Queue{Contacts: 2.8, Interval: 5 * time.Minute, AHT: 750 * time.Second}
	a, err := q.Traffic()
	require.NoError(t, err)
	require.Less(t, a, 7.0, "the example needs a float traffic below 7")
	_, err = q.Metrics(7, 0)
	assert.ErrorIs(t, err, ErrUnstable)
	_, err = q.Metrics(8, 0)
	assert.NoError(t, err)
	s, err := q.Staff(Targets{Occupancy: 0.999})
	require.NoError(t, err)
	assert.Equal(t, 8, s.Agents)
}

// Targets that cannot work are errors that say why.
func TestTargetsUnusable(t *testing.T) {
	erlangC := Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	erlangA := erlangC
	erlangA.Patience = 5 * time.Minute
	for _, c := range []struct {
		name string
		q    Queue
		t    Targets
		msg  string
	}{
		{"service level without a threshold", erlangC, Targets{ServiceLevel: 0.8},
			"operations: invalid targets: ServiceLevel 0.8 needs Within > 0"},
		{"threshold without a service level", erlangC, Targets{Within: 20 * time.Second, ASA: time.Minute},
			"operations: invalid targets: Within 20s without a ServiceLevel sets no target"},
		{"abandonment without patience", erlangC, Targets{Abandonment: 0.05},
			"operations: invalid targets: Abandonment 0.05 needs a Queue.Patience: without one (Erlang C) no contact abandons"},
		{"no target", erlangC, Targets{Shrinkage: 0.3},
			"operations: invalid targets: no target set (ServiceLevel, ASA, Abandonment or Occupancy)"},
		{"no target with patience", erlangA, Targets{},
			"operations: invalid targets: no target set (ServiceLevel, ASA, Abandonment or Occupancy)"},
		{"occupancy of 100 %", erlangC, Targets{Occupancy: 1},
			"operations: invalid targets: Occupancy 1 not in (0, 1)"},
		{"service level within 0 s", erlangA, Targets{ServiceLevel: 0.5, Within: 0},
			"operations: invalid targets: ServiceLevel 0.5 needs Within > 0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.q.Staff(c.t)
			require.ErrorIs(t, err, ErrTargets)
			assert.EqualError(t, err, c.msg)
		})
	}
}

// Staff returns exactly the smallest N a scan of Metrics over N = 1, 2, …
// finds, over a grid of queues and targets, for Erlang C and Erlang A.
func TestStaffMatchesScan(t *testing.T) {
	targets := []Targets{
		{ServiceLevel: 0.8, Within: 20 * time.Second},
		{ServiceLevel: 0.95, Within: 10 * time.Second, Occupancy: 0.9},
		{ASA: 15 * time.Second},
		{ServiceLevel: 0.5, Within: time.Second},
		{Occupancy: 0.75},
		{Abandonment: 0.05, ServiceLevel: 0.7, Within: 30 * time.Second},
		{Abandonment: 0.01, ASA: 5 * time.Second, Occupancy: 0.95},
	}
	for _, a := range []float64{0.05, 0.7, 1, 3.5, 9.99, 10, 27.3, 150, 240.5} {
		for _, patience := range []time.Duration{0, 30 * time.Second, 200 * time.Second, time.Hour} {
			q := erlangs(a, 180*time.Second)
			q.Patience = patience
			for _, tg := range targets {
				t.Run(fmt.Sprintf("A=%v patience=%v %+v", a, patience, tg), func(t *testing.T) {
					s, err := q.Staff(tg)
					if tg.Abandonment != 0 && patience == 0 {
						require.ErrorIs(t, err, ErrTargets)
						return
					}
					require.NoError(t, err)
					want := 0
					for n := 1; want == 0; n++ {
						if meets(t, q, tg, n) {
							want = n
						}
					}
					require.Equal(t, want, s.Agents)
					m, err := q.Metrics(want, tg.Within)
					require.NoError(t, err)
					assert.Equal(t, m, s.Metrics)
				})
			}
		}
	}
}

// The Erlang A metrics are monotone in N, which Staff's bisection relies on.
func TestErlangAMonotone(t *testing.T) {
	for _, a := range []float64{0.3, 2, 10, 47.5, 300} {
		for _, r := range []float64{0.01, 0.2, 1, 5} {
			for _, within := range []time.Duration{0, 20 * time.Second, 5 * time.Minute} {
				q := erlangs(a, 100*time.Second)
				q.Patience = time.Duration(100 * float64(time.Second) / r)
				var prev Metrics
				for n := 1; n <= int(2*a)+20; n++ {
					m, err := q.Metrics(n, within)
					require.NoError(t, err)
					const slack = 1e-12
					if n > 1 && (fraction(t, m.AbandonmentPct) > fraction(t, prev.AbandonmentPct)+slack ||
						fraction(t, m.ServiceLevelPct) < fraction(t, prev.ServiceLevelPct)-slack ||
						*m.ASASeconds > *prev.ASASeconds || fraction(t, m.OccupancyPct) > fraction(t, prev.OccupancyPct)+slack ||
						fraction(t, m.PWaitPct) > fraction(t, prev.PWaitPct)+slack) {
						t.Fatalf("A=%v r=%v t=%v: not monotone from N=%d %v to %v", a, r, within, n-1, prev, m)
					}
					for _, p := range []*float64{m.PWaitPct, m.AbandonmentPct, m.ServiceLevelPct, m.OccupancyPct} {
						if x := fraction(t, p); !(x >= 0 && x <= 1) {
							t.Fatalf("A=%v r=%v N=%d: %v", a, r, n, m)
						}
					}
					prev = m
				}
			}
		}
	}
}

// testdata/erlang_a.txt: the birth–death chain of M/M/N+M, flow balance,
// first-step analysis and uniformization in 40 digits.
func TestErlangAReference(t *testing.T) {
	for _, row := range golden(t, "erlang_a.txt", 10) {
		t.Run("A="+row[0]+" N="+row[1]+" patience="+row[3], func(t *testing.T) {
			a, n, aht, patience, within := float(t, row[0]), integer(t, row[1]), seconds(t, row[2]), seconds(t, row[3]), seconds(t, row[4])
			pw, pab, sl, asa, occ := float(t, row[5]), float(t, row[6]), float(t, row[7]), float(t, row[8])*aht.Seconds(), float(t, row[9])
			q := erlangs(a, aht)
			q.Patience = patience
			m, err := q.Metrics(n, within)
			require.NoError(t, err)
			assert.True(t, near(fraction(t, m.PWaitPct), pw, 1e-12, 1e-14), "P(wait) %v, want %.17g", *m.PWaitPct, pw)
			assert.True(t, near(fraction(t, m.AbandonmentPct), pab, 1e-11, 1e-14), "P(abandon) %v, want %.17g", *m.AbandonmentPct, pab)
			assert.True(t, near(fraction(t, m.ServiceLevelPct), sl, 1e-11, 1e-13), "SL %v, want %.17g", *m.ServiceLevelPct, sl)
			assert.True(t, near(*m.ASASeconds, asa, 1e-11, 1e-9), "ASA %v s, want %.17g s", *m.ASASeconds, asa)
			assert.True(t, near(fraction(t, m.OccupancyPct), occ, 1e-12, 1e-14), "occupancy %v, want %.17g", *m.OccupancyPct, occ)
			// Within 0 s, the service level is the share that does not wait.
			m0, err := q.Metrics(n, 0)
			require.NoError(t, err)
			assert.True(t, near(fraction(t, m0.ServiceLevelPct), 1-pw, 1e-12, 1e-14), "SL in 0 s %v, want %.17g", *m0.ServiceLevelPct, 1-pw)
		})
	}
}

// As patience grows, Erlang A tends to Erlang C.
func TestErlangALimit(t *testing.T) {
	c := erlangs(10, 180*time.Second)
	mc, err := c.Metrics(13, 20*time.Second)
	require.NoError(t, err)
	a := c
	a.Patience = 1e6 * time.Hour
	ma, err := a.Metrics(13, 20*time.Second)
	require.NoError(t, err)
	// r = AHT/patience = 5e-8: the gap is of that order.
	assert.True(t, near(*ma.PWaitPct, *mc.PWaitPct, 1e-6, 0), "P(wait) %v vs %v", *ma.PWaitPct, *mc.PWaitPct)
	assert.True(t, near(*ma.ServiceLevelPct, *mc.ServiceLevelPct, 1e-6, 0), "SL %v vs %v", *ma.ServiceLevelPct, *mc.ServiceLevelPct)
	assert.True(t, near(*ma.ASASeconds, *mc.ASASeconds, 1e-6, 0), "ASA %v vs %v", *ma.ASASeconds, *mc.ASASeconds)
	assert.Less(t, fraction(t, ma.AbandonmentPct), 1e-8)
}

// Large queues: 10,000 and 1,000,000 Erlangs, fractional traffic, and
// agents far above the traffic, without overflow or NaN.
func TestErlangLarge(t *testing.T) {
	for _, a := range []float64{9999.5, 10000, 123456.789, 1e6} {
		t.Run(fmt.Sprint(a), func(t *testing.T) {
			q := erlangs(a, 180*time.Second)
			s, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second})
			require.NoError(t, err)
			assert.GreaterOrEqual(t, fraction(t, s.Metrics.ServiceLevelPct), 0.8)
			if below, err := q.Metrics(s.Agents-1, 20*time.Second); err == nil {
				assert.Less(t, fraction(t, below.ServiceLevelPct), 0.8)
			}
			far, err := q.Metrics(int(3*a), 20*time.Second)
			require.NoError(t, err)
			assert.Zero(t, *far.PWaitPct)
			assert.Equal(t, 100.0, *far.ServiceLevelPct)
			assert.Zero(t, *far.ASASeconds)
			q.Patience = 5 * time.Minute
			sa, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Abandonment: 0.02})
			require.NoError(t, err)
			assert.LessOrEqual(t, sa.Agents, s.Agents+int(math.Sqrt(a)))
			for _, n := range []int{1, int(a / 2), int(a), int(a) + 1} {
				m, err := q.Metrics(n, 20*time.Second)
				require.NoError(t, err, "N=%d", n)
				assert.False(t, math.IsNaN(*m.ServiceLevelPct) || math.IsNaN(*m.AbandonmentPct) || *m.ASASeconds < 0, "N=%d: %v", n, m)
			}
		})
	}
}

// invB's recursion stops when 1/B overflows: within A + 40√A + 200
// agents and 50√A + 230 steps, as its documentation says, whatever the
// number of agents asked for.
func TestInvBBounded(t *testing.T) {
	for _, a := range []float64{1e-300, 1e-10, 0.001, 0.5, 1, 2, 10, 50, 100, 150, 199, 199.99, 200, 500, 1000, 1e4, 1e5, 1e6, 1e7, MaxTraffic} {
		t.Run(fmt.Sprint(a), func(t *testing.T) {
			lo, hi := int(math.Ceil(a)), MaxAgents // 1/B(lo) is finite, 1/B(MaxAgents) is not
			require.False(t, math.IsInf(invB(a, lo), 1))
			require.True(t, math.IsInf(invB(a, hi), 1))
			for hi-lo > 1 {
				if mid := lo + (hi-lo)/2; math.IsInf(invB(a, mid), 1) {
					hi = mid
				} else {
					lo = mid
				}
			}
			assert.LessOrEqual(t, float64(hi), a+40*math.Sqrt(a)+200, "1/B overflows at %d agents", hi)
			assert.LessOrEqual(t, float64(hi-recursionFrom(a)), 50*math.Sqrt(a)+230, "%d steps", hi-recursionFrom(a))
		})
	}
}

// Hostile queues return quickly: Erlang A sums at most 2²³ terms per
// evaluation and 2²⁴ per Staff; Erlang C's search ends where B underflows.
func TestBoundedWork(t *testing.T) {
	patient := Queue{Contacts: 1e5, Interval: 30 * time.Minute, AHT: 3 * time.Minute, Patience: 290 * 365 * 24 * time.Hour}
	t.Run("Erlang A Staff", func(t *testing.T) {
		start := time.Now()
		_, err := patient.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second})
		assert.ErrorIs(t, err, ErrConverge)
		l, err := patient.load()
		require.NoError(t, err)
		b := terms(maxStaffTerms)
		_, err = l.staffErlangA(Targets{ServiceLevel: 0.8, Within: 20 * time.Second}, &b)
		assert.ErrorIs(t, err, ErrConverge)
		assert.GreaterOrEqual(t, int(b), 0, "spent more than the budget")
		assert.Less(t, time.Since(start), 10*time.Second, "took %v (it took 21 s before the bound)", time.Since(start))
	})
	t.Run("Erlang A Metrics", func(t *testing.T) {
		_, err := Queue{Contacts: 1e5, Interval: 30 * time.Minute, AHT: 3 * time.Minute, Patience: 1000 * time.Hour}.Metrics(1, 0)
		assert.ErrorIs(t, err, ErrConverge)
		assert.Contains(t, err.Error(), "need more than 8388608 terms")
	})
	t.Run("Erlang C Staff", func(t *testing.T) {
		for _, a := range []float64{0.001, 1, 100, 1e4, 1e6, MaxTraffic} {
			q := Queue{Contacts: a, Interval: 290 * 365 * 24 * time.Hour, AHT: 290 * 365 * 24 * time.Hour}
			s, err := q.Staff(Targets{ServiceLevel: 0.99999999999, Within: 1, ASA: 1})
			require.NoError(t, err)
			assert.LessOrEqual(t, float64(s.Agents), a+40*math.Sqrt(a)+200, "A=%v", a)
		}
	})
	t.Run("Lines", func(t *testing.T) {
		n, err := Lines(MaxTraffic, 5e-324)
		require.NoError(t, err)
		assert.LessOrEqual(t, float64(n), MaxTraffic+40*math.Sqrt(MaxTraffic)+200)
	})
}

func TestUnstableAndErrors(t *testing.T) {
	_, err := ErlangC(10, 10)
	assert.ErrorIs(t, err, ErrUnstable)
	_, err = ErlangC(10.5, 10)
	assert.ErrorIs(t, err, ErrUnstable)
	q := erlangs(10, 180*time.Second)
	_, err = q.Metrics(10, 20*time.Second)
	assert.ErrorIs(t, err, ErrUnstable)
	q.Patience = time.Minute
	m, err := q.Metrics(5, 20*time.Second)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, fraction(t, m.AbandonmentPct), 0.4, "overloaded Erlang A: %v", m)
	for _, c := range []struct {
		name string
		err  error
		f    func() error
	}{
		{"negative traffic", ErrQueue, func() error { _, err := ErlangB(-1, 3); return err }},
		{"NaN traffic", ErrQueue, func() error { _, err := ErlangB(math.NaN(), 3); return err }},
		{"infinite traffic", ErrQueue, func() error { _, err := ErlangC(math.Inf(1), 3); return err }},
		{"too much traffic", ErrQueue, func() error { _, err := ErlangC(2e8, 3); return err }},
		{"negative lines", ErrAgents, func() error { _, err := ErlangB(1, -1); return err }},
		{"too many agents", ErrAgents, func() error { _, err := ErlangC(1, MaxAgents+1); return err }},
		{"NaN contacts", ErrQueue, func() error {
			_, err := Queue{Contacts: math.NaN(), Interval: time.Hour, AHT: time.Minute}.Traffic()
			return err
		}},
		{"negative contacts", ErrQueue, func() error {
			_, err := Queue{Contacts: -1, Interval: time.Hour, AHT: time.Minute}.Traffic()
			return err
		}},
		{"no interval", ErrQueue, func() error { _, err := Queue{Contacts: 1, AHT: time.Minute}.Traffic(); return err }},
		{"no AHT", ErrQueue, func() error { _, err := Queue{Contacts: 1, Interval: time.Hour}.Traffic(); return err }},
		{"negative patience", ErrQueue, func() error {
			_, err := Queue{Contacts: 1, Interval: time.Hour, AHT: time.Minute, Patience: -1}.Traffic()
			return err
		}},
		{"concurrency below 1", ErrQueue, func() error {
			_, err := Queue{Contacts: 1, Interval: time.Hour, AHT: time.Minute, Concurrency: 0.5}.Traffic()
			return err
		}},
		{"NaN concurrency", ErrQueue, func() error {
			_, err := Queue{Contacts: 1, Interval: time.Hour, AHT: time.Minute, Concurrency: math.NaN()}.Staff(Targets{ASA: 1})
			return err
		}},
		{"no agents", ErrAgents, func() error { _, err := q.Metrics(0, 0); return err }},
		{"negative threshold", ErrDuration, func() error { _, err := q.Metrics(3, -time.Second); return err }},
		{"service level 1", ErrTargets, func() error { _, err := q.Staff(Targets{ServiceLevel: 1, Within: 1}); return err }},
		{"NaN service level", ErrTargets, func() error { _, err := q.Staff(Targets{ServiceLevel: math.NaN()}); return err }},
		{"negative within", ErrTargets, func() error { _, err := q.Staff(Targets{ServiceLevel: 0.8, Within: -1}); return err }},
		{"negative ASA", ErrTargets, func() error { _, err := q.Staff(Targets{ASA: -1}); return err }},
		{"abandonment 1.5", ErrTargets, func() error { _, err := q.Staff(Targets{Abandonment: 1.5}); return err }},
		{"occupancy 1.01", ErrTargets, func() error { _, err := q.Staff(Targets{Occupancy: 1.01}); return err }},
		{"shrinkage 1", ErrTargets, func() error { _, err := q.Staff(Targets{ASA: 1, Shrinkage: 1}); return err }},
		{"blocking 0", ErrTargets, func() error { _, err := Lines(10, 0); return err }},
		{"negative shrinkage", ErrTargets, func() error { _, err := Positions(10, -0.1); return err }},
		{"negative agents", ErrAgents, func() error { _, err := Positions(-1, 0.3); return err }},
		{"too many positions", ErrAgents, func() error { _, err := Positions(MaxAgents, 0.9); return err }},
		{"no convergence", ErrConverge, func() error {
			_, err := Queue{Contacts: 1e5, Interval: 30 * time.Minute, AHT: 3 * time.Minute, Patience: 1000 * time.Hour}.Metrics(1, 0)
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.f()
			require.ErrorIs(t, err, c.err)
			assert.True(t, strings.HasPrefix(err.Error(), "operations: "), err.Error())
		})
	}
}

func TestNoTraffic(t *testing.T) {
	q := Queue{Contacts: 0, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	s, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Shrinkage: 0.3})
	require.NoError(t, err)
	assert.Zero(t, s.Agents)
	assert.Zero(t, s.Positions)
	// No contact: no share and no wait to report, not 100 % or 0 s.
	assert.Nil(t, s.Metrics.ServiceLevelPct)
	assert.Nil(t, s.Metrics.ASASeconds)
	assert.Nil(t, s.Metrics.OccupancyPct, "occupancy of no agents")
	m, err := q.Metrics(3, 20*time.Second)
	require.NoError(t, err)
	assert.Nil(t, m.ServiceLevelPct)
	assert.Nil(t, m.PWaitPct)
	require.NotNil(t, m.OccupancyPct)
	assert.Zero(t, *m.OccupancyPct)
	n, err := Lines(0, 0.01)
	require.NoError(t, err)
	assert.Zero(t, n)
}

// An agent on two chats at once is one agent twice as fast
// (staffing.txt "chat-as-fast-agents": mpmath finds 10).
func TestConcurrency(t *testing.T) {
	chat := Queue{Contacts: 60, Interval: 30 * time.Minute, AHT: 6 * time.Minute, Concurrency: 2}
	fast := Queue{Contacts: 60, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	a, err := chat.Traffic()
	require.NoError(t, err)
	assert.Equal(t, 6.0, a)
	mc, err := chat.Metrics(8, 30*time.Second)
	require.NoError(t, err)
	mf, err := fast.Metrics(8, 30*time.Second)
	require.NoError(t, err)
	assert.Equal(t, mf, mc)
	sc, err := chat.Staff(Targets{ServiceLevel: 0.9, Within: 30 * time.Second, Shrinkage: 0.25})
	require.NoError(t, err)
	sf, err := fast.Staff(Targets{ServiceLevel: 0.9, Within: 30 * time.Second, Shrinkage: 0.25})
	require.NoError(t, err)
	assert.Equal(t, sf, sc)
	assert.Equal(t, 10, sc.Agents)
	assert.Equal(t, 14, sc.Positions)
}

// testdata/lines.txt: mpmath scanning N = 0, 1, ….
func TestLines(t *testing.T) {
	for _, row := range golden(t, "lines.txt", 3) {
		t.Run("A="+row[0]+" blocking="+row[1], func(t *testing.T) {
			n, err := Lines(float(t, row[0]), float(t, row[1]))
			require.NoError(t, err)
			assert.Equal(t, integer(t, row[2]), n)
		})
	}
}

// Positions is ⌈agents/(1 − s)⌉ exactly, for s read as its decimal.
func TestPositions(t *testing.T) {
	for _, c := range []struct {
		name             string
		agents           int
		shrinkage        float64
		positions        int
		floatingPointSay float64
	}{
		{"21 at 30 %", 21, 0.3, 30, 30.000000000000004},
		{"14 at 30 %", 14, 0.3, 20, 0},
		{"7 at 12.5 %", 7, 0.125, 8, 0},
		{"1000 at 1e-9", 1000, 1e-9, 1001, 0},
		{"1000 at 1e-25, past 19 places", 1000, 1e-25, 1001, 0},
		{"0 at 0.999999", 0, 0.999999, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := Positions(c.agents, c.shrinkage)
			require.NoError(t, err)
			assert.Equal(t, c.positions, p)
			if c.floatingPointSay != 0 {
				assert.Equal(t, c.floatingPointSay, float64(c.agents)/(1-c.shrinkage), "the float that would round up")
			}
		})
	}
	t.Run("every whole percent", func(t *testing.T) {
		for pct := 0; pct < 100; pct++ {
			s := float64(pct) / 100
			for agents := 0; agents <= 400; agents++ {
				want := (agents*100 + (100 - pct) - 1) / (100 - pct) // integer ceiling
				if got, err := Positions(agents, s); err != nil || got != want {
					t.Fatalf("Positions(%d, %v) = %d, %v; want %d", agents, s, got, err, want)
				}
			}
		}
	})
	r, _ := new(big.Rat).SetString("0.3")
	require.Zero(t, r.Cmp(big.NewRat(3, 10)), "big.Rat reads 0.3 as 3/10")
}

func FuzzStaff(f *testing.F) {
	f.Add(100.0, int64(1800e9), int64(180e9), int64(0), 1.0, 0.8, int64(20e9), int64(0), 0.0, 0.85, 0.3)
	f.Add(7.5, int64(600e9), int64(300e9), int64(120e9), 2.0, 0.0, int64(0), int64(30e9), 0.05, 0.0, 0.0)
	f.Add(153.0, int64(1800e9), int64(180e9), int64(0), 0.0, 0.8, int64(60e9), int64(0), 0.0, 0.85, 0.0)
	f.Fuzz(func(t *testing.T, contacts float64, interval, aht, patience int64, conc, sl float64, within, asa int64, ab, occ, shrink float64) {
		q := Queue{Contacts: contacts, Interval: time.Duration(interval), AHT: time.Duration(aht),
			Patience: time.Duration(patience), Concurrency: conc}
		if a, err := q.Traffic(); err != nil || a > 2000 {
			return // keep each run short
		}
		tg := Targets{ServiceLevel: sl, Within: time.Duration(within), ASA: time.Duration(asa), Abandonment: ab, Occupancy: occ, Shrinkage: shrink}
		s, err := q.Staff(tg)
		if err != nil {
			if !errors.Is(err, ErrTargets) && !errors.Is(err, ErrConverge) && !errors.Is(err, ErrUnreachable) && !errors.Is(err, ErrAgents) {
				t.Fatalf("%+v %+v: %v", q, tg, err)
			}
			return
		}
		if s.Agents > 0 {
			m, err := q.Metrics(s.Agents, tg.Within)
			if err != nil || !assert.ObjectsAreEqual(m, s.Metrics) || !meets(t, q, tg, s.Agents) {
				t.Fatalf("%+v %+v: %+v vs %+v %v", q, tg, s, m, err)
			}
			if s.Agents > 1 && meets(t, q, tg, s.Agents-1) {
				t.Fatalf("%+v %+v: %d agents also meet the targets", q, tg, s.Agents-1)
			}
		}
		if s.Positions < s.Agents {
			t.Fatalf("positions %d < agents %d", s.Positions, s.Agents)
		}
		for _, p := range []*float64{s.Metrics.PWaitPct, s.Metrics.ServiceLevelPct, s.Metrics.AbandonmentPct, s.Metrics.OccupancyPct} {
			if p != nil && !(*p >= 0 && *p <= 100) {
				t.Fatalf("%+v", s)
			}
		}
	})
}

func FuzzErlangB(f *testing.F) {
	f.Add(10.0, 14)
	f.Add(0.001, 100000)
	f.Fuzz(func(t *testing.T, a float64, n int) {
		if n > 1<<20 {
			return
		}
		b, err := ErlangB(a, n)
		if err != nil {
			return
		}
		if !(b >= 0 && b <= 1) {
			t.Fatalf("B(%v, %d) = %v", a, n, b)
		}
		if n > 0 {
			if prev, _ := ErlangB(a, n-1); b > prev*(1+1e-12) {
				t.Fatalf("B(%v, %d) = %v > B(n−1) = %v", a, n, b, prev)
			}
		}
		if c, err := ErlangC(a, n); err == nil && !(c >= b*(1-1e-12) && c <= 1) {
			t.Fatalf("C(%v, %d) = %v, B = %v", a, n, c, b)
		}
	})
}

func BenchmarkStaff10000Erlangs(b *testing.B) {
	q := Queue{Contacts: 100000, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	tg := Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Shrinkage: 0.3}
	for b.Loop() {
		if _, err := q.Staff(tg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStaff10Erlangs(b *testing.B) {
	q := Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	tg := Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3}
	for b.Loop() {
		_, _ = q.Staff(tg)
	}
}

func BenchmarkStaffErlangA(b *testing.B) {
	for _, a := range []float64{10, 10000} {
		b.Run(fmt.Sprint(a), func(b *testing.B) {
			q := Queue{Contacts: a * 10, Interval: 30 * time.Minute, AHT: 180 * time.Second, Patience: 5 * time.Minute}
			tg := Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Abandonment: 0.03}
			for b.Loop() {
				if _, err := q.Staff(tg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkErlangB(b *testing.B) {
	for _, a := range []float64{10, 10000} {
		b.Run(fmt.Sprint(a), func(b *testing.B) {
			n := int(a + 2*math.Sqrt(a))
			for b.Loop() {
				_, _ = ErlangB(a, n)
			}
		})
	}
}

// Queues and targets carry their units in JSON: times in seconds, shares
// in percent, read as the decimals they are written as.
func TestQueueTargetsJSON(t *testing.T) {
	t.Run("targets", func(t *testing.T) {
		tg := Targets{ServiceLevel: 0.8, Within: 20 * time.Second, ASA: 15 * time.Second, Occupancy: 0.57, Shrinkage: 0.3}
		js, err := json.Marshal(tg)
		require.NoError(t, err)
		assert.Equal(t, `{"service_level_pct":80,"within_seconds":20,"asa_seconds":15,"occupancy_pct":57,"shrinkage_pct":30}`, string(js))
		var back Targets
		require.NoError(t, json.Unmarshal(js, &back))
		assert.Equal(t, tg, back)
		require.NoError(t, json.Unmarshal([]byte(`{"abandonment_pct":4.1,"occupancy_pct":85.5}`), &back))
		assert.Equal(t, Targets{Abandonment: 0.041, Occupancy: 0.855}, back)
		assert.ErrorIs(t, json.Unmarshal([]byte(`{"within_seconds":-1}`), &back), ErrDuration)
	})
	t.Run("queue", func(t *testing.T) {
		q := Queue{Contacts: 153, Interval: 30 * time.Minute, AHT: 3 * time.Minute, Patience: 90 * time.Second, Concurrency: 2}
		js, err := json.Marshal(q)
		require.NoError(t, err)
		assert.Equal(t, `{"contacts":153,"interval_seconds":1800,"aht_seconds":180,"patience_seconds":90,"concurrency":2}`, string(js))
		var back Queue
		require.NoError(t, json.Unmarshal(js, &back))
		assert.Equal(t, q, back)
		assert.ErrorIs(t, json.Unmarshal([]byte(`{"contacts":1,"interval_seconds":1e10,"aht_seconds":1}`), &back), ErrDuration)
	})
	t.Run("staffing", func(t *testing.T) {
		s, err := Queue{Contacts: 21, Interval: 30 * time.Minute, AHT: 3 * time.Minute}.Staff(Targets{Occupancy: 0.7})
		require.NoError(t, err)
		js, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Contains(t, string(js), `"agents":3,"positions":3,"metrics":{"agents":3,"traffic_erlangs":2.1,"within_seconds":0,`)
		assert.Contains(t, string(js), `"abandonment_pct":0,"occupancy_pct":70`)
	})
}

// ratioOver's 128-bit path and its big.Rat fallback agree with ⌈A/x⌉ and
// ⌊A/x⌋ computed from the decimals in big.Rat.
func TestRatioOver(t *testing.T) {
	rat := func(x float64) *big.Rat {
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
		return r
	}
	for _, contacts := range []float64{21, 153, 12.5, 100000, 0.3, 2.8, 1.2345678901234567e-5, 9.87654321e7} {
		for _, conc := range []float64{0, 1, 2, 1.5, 3.3333333333333335} {
			for _, x := range []float64{1, 0.7, 0.85, 0.999, 1e-25, 0.3333333333333333} {
				q := Queue{Contacts: contacts, Interval: 30 * time.Minute, AHT: 3 * time.Minute, Concurrency: conc}
				l, err := q.load()
				if err != nil {
					continue
				}
				a := rat(contacts)
				a.Mul(a, big.NewRat(int64(q.AHT), int64(q.Interval)))
				if conc != 0 {
					a.Quo(a, rat(conc))
				}
				a.Quo(a, rat(x))
				floor := new(big.Int).Quo(a.Num(), a.Denom())
				ceil := new(big.Int).Set(floor)
				if !a.IsInt() {
					ceil.Add(ceil, big.NewInt(1))
				}
				clip := func(n *big.Int) int {
					if !n.IsInt64() || n.Int64() > MaxAgents {
						return MaxAgents + 1
					}
					return int(n.Int64())
				}
				assert.Equal(t, clip(ceil), l.ratioOver(x, false), "⌈A/x⌉ for %v contacts, concurrency %v, x %v", contacts, conc, x)
				assert.Equal(t, clip(floor), l.ratioOver(x, true), "⌊A/x⌋ for %v contacts, concurrency %v, x %v", contacts, conc, x)
			}
		}
	}
}
