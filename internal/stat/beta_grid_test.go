package stat

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

// RegIncBeta and BetaQuantile against R's pbeta and qbeta on a grid of
// shapes from 0.5 to 5·10⁹ (testdata/beta_grid.R): among them the cases
// of a rate of a handful of successes in billions of trials, where
// summing log-gammas and recomputing 1 − (1 − x) used to lose up to 7
// digits of a Clopper–Pearson bound.
//
// Two limits remain, both outside what the intervals ask. The front
// factor xᵃ(1 − x)ᵇ/B(a, b) is a sum of logarithms of size a·|log x| +
// b·|log(1 − x)| that cancel, so I is held to 4·10⁻¹⁶ times that size
// (10⁻⁶ at a = b = 5·10⁹; the quantile, on a density that narrow, keeps
// its digits). And
// BetaQuantile solves on the lower tail: for p near 1, such as
// 1 − 10⁻¹⁰, the upper tail 1 − p has lost its digits before the call,
// so the grid's p > 0.99 are checked for I only. A quantile next to 1 is
// held to BetaQuantile's stopping rule, 10⁻¹⁵ absolute (4.5 ulps of 1).
func TestBetaGrid(t *testing.T) {
	f, err := os.Open("testdata/beta_grid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	num := func(s string) float64 {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	worstI, worstX := 0.0, 0.0
	for _, row := range rows[1:] {
		a, b, p, x, pb := num(row[0]), num(row[1]), num(row[2]), num(row[3]), num(row[4])
		t.Run(row[0]+"_"+row[1]+"_"+row[2], func(t *testing.T) {
			// The probability at R's quantile: relative to the smaller
			// tail, which is where its digits are.
			got := RegIncBeta(x, a, b)
			errI := math.Abs(got-pb) / math.Min(pb, 1-pb)
			tolI := 1e-11 + 4e-16*(a*math.Abs(math.Log(x))+b*math.Abs(math.Log1p(-x)))
			if errI > tolI {
				t.Errorf("RegIncBeta(%v, %v, %v) = %.17g, R %.17g (rel %.2g)", x, a, b, got, pb, errI)
			}
			worstI = max(worstI, errI)
			if p > 0.99 {
				return
			}
			q := BetaQuantile(p, a, b)
			errX := math.Abs(q-x) / (math.Min(x, 1-x) + 1e-15/1e-9)
			if errX > 1e-9 {
				t.Errorf("BetaQuantile(%v, %v, %v) = %.17g, R %.17g (rel %.2g)", p, a, b, q, x, errX)
			}
			worstX = max(worstX, errX)
		})
	}
	t.Logf("%d cases; worst relative error: RegIncBeta %.2g, BetaQuantile %.2g", len(rows)-1, worstI, worstX)
}
