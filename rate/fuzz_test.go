package rate_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/rapportkit/rapport/rate"
)

// FuzzCompare checks Compare and Fisher on any counts: no panic, a
// Comparison that always marshals (no NaN or ±Inf), intervals in their
// ranges, a p-value in [0, 1].
func FuzzCompare(f *testing.F) {
	f.Add(uint64(200), uint64(1000), uint64(220), uint64(1000), 0.95)
	f.Add(uint64(0), uint64(0), uint64(5), uint64(5), 0.5)
	f.Add(uint64(1), uint64(1<<63), uint64(1<<62), uint64(1<<63), 1-1e-12)
	f.Fuzz(func(t *testing.T, xb, nb, xv, nv uint64, level float64) {
		xb, xv = min(xb, nb), min(xv, nv)
		base, _ := rate.FromCounts(xb, nb)
		variant, _ := rate.FromCounts(xv, nv)
		for _, m := range []rate.Method{rate.Newcombe, rate.Wald} {
			c, err := rate.Compare(base, variant, level, m)
			if err != nil {
				if !errors.Is(err, rate.ErrLevel) {
					t.Fatalf("Compare: %v", err)
				}
				return
			}
			if _, err := json.Marshal(c); err != nil {
				t.Fatalf("Comparison does not marshal: %v", err)
			}
			if ci := c.DifferenceIntervalPoints; ci != nil && !(ci.Lo >= -100 && ci.Lo <= ci.Hi && ci.Hi <= 100) {
				t.Fatalf("difference interval %v", ci)
			}
			if ci := c.LiftIntervalPct; ci != nil && !(ci.Lo >= -100 && ci.Lo <= ci.Hi) {
				t.Fatalf("lift interval %v", ci)
			}
			if c.PValue != nil && !(*c.PValue >= 0 && *c.PValue <= 1) {
				t.Fatalf("p = %v", *c.PValue)
			}
		}
		if nb+nv >= nb && nb+nv <= 1<<20 { // keep each run fast
			p, err := rate.Fisher(base, variant)
			if err != nil || !(p >= 0 && p <= 1) {
				t.Fatalf("Fisher = %v, %v", p, err)
			}
		}
	})
}

// FuzzPlan checks SampleSize on any plan: a size of at least 1, or an
// error of the package.
func FuzzPlan(f *testing.F) {
	f.Add(0.2, 0.1, 0.05, 0.8, false)
	f.Add(0.5, -0.999, 0.5, 0.5, true)
	f.Fuzz(func(t *testing.T, base, lift, alpha, power float64, cc bool) {
		n, err := rate.Plan{Base: base, Lift: lift, Alpha: alpha, Power: power, Continuity: cc}.SampleSize()
		if err != nil {
			if !errors.Is(err, rate.ErrPlan) && !errors.Is(err, rate.ErrOverflow) {
				t.Fatalf("SampleSize: %v", err)
			}
			return
		}
		if n < 1 || n > rate.MaxSampleSize {
			t.Fatalf("SampleSize = %d", n)
		}
	})
}
