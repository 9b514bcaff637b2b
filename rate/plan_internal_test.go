package rate

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

// Before rounding, size is Fleiss' n to 13 digits: against the closed
// forms at 40 digits (testdata/mp-plan.tsv, mpmath), and R's
// power.prop.test solved to 10⁻¹² (testdata/r-power.tsv) and
// statsmodels' samplesize_proportions_2indep_onetail agree with them.
func TestSizeDigits(t *testing.T) {
	rows := func(path string) []map[string]string {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.Comma = '\t'
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, rec := range recs[1:] {
			m := map[string]string{}
			for i, k := range recs[0] {
				m[k] = rec[i]
			}
			out = append(out, m)
		}
		return out
	}
	num := func(s string) float64 {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	check := func(name string, got, want, rel float64) {
		if math.Abs(got-want) > rel*want {
			t.Errorf("%s: got %.17g, want %.17g (rel %.2g)", name, got, want, math.Abs(got-want)/want)
		}
	}
	mp := map[[4]string]float64{}
	for _, row := range rows("testdata/mp-plan.tsv") {
		key := [4]string{row["base"], row["lift"], row["alpha"], row["power"]}
		mp[key] = num(row["n"])
		p := Plan{Base: num(row["base"]), Lift: num(row["lift"]), Alpha: num(row["alpha"]), Power: num(row["power"])}
		name := row["base"] + " " + row["lift"] + " " + row["alpha"] + " " + row["power"]
		n, err := p.size()
		if err != nil {
			t.Fatal(err)
		}
		check(name, n, num(row["n"]), 1e-13)
		p.Continuity = true
		ncc, err := p.size()
		if err != nil {
			t.Fatal(err)
		}
		check(name+" continuity", ncc, num(row["n_cc"]), 1e-13)
		check(name+" statsmodels", num(row["statsmodels_n"]), num(row["n"]), 1e-13)
	}
	for _, row := range rows("testdata/r-power.tsv") {
		key := [4]string{row["base"], row["lift"], row["alpha"], row["power"]}
		want, ok := mp[key]
		if !ok {
			t.Fatalf("no mpmath row for %v", key)
		}
		check("R power.prop.test "+row["base"]+" "+row["p2"], num(row["n"]), want, 1e-12)
	}
}
