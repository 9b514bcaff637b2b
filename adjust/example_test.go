package adjust_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/rapportkit/rapport/adjust"
	"github.com/rapportkit/rapport/rate"
)

// Six p-values, each method, and a test that could not be run: it stays
// undefined and is not counted in n.
func ExampleP() {
	raw := []float64{0.0001, 0.004, 0.019, 0.03, 0.042, 0.26}
	ps := make([]*float64, len(raw)+1)
	for i := range raw {
		ps[i] = &raw[i]
	}
	// ps[6] stays nil: a channel with no responses this month.
	for _, m := range []adjust.Method{adjust.Bonferroni, adjust.Holm, adjust.Hochberg, adjust.BenjaminiHochberg, adjust.BenjaminiYekutieli} {
		q, err := adjust.P(ps, m)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-19s", m)
		for _, v := range q {
			if v == nil {
				fmt.Print("     n/a")
				continue
			}
			fmt.Printf(" %7.4f", *v)
		}
		fmt.Println()
	}
	// Output:
	// bonferroni           0.0006  0.0240  0.1140  0.1800  0.2520  1.0000     n/a
	// holm                 0.0006  0.0200  0.0760  0.0900  0.0900  0.2600     n/a
	// hochberg             0.0006  0.0200  0.0760  0.0840  0.0840  0.2600     n/a
	// benjamini-hochberg   0.0006  0.0120  0.0380  0.0450  0.0504  0.2600     n/a
	// benjamini-yekutieli  0.0015  0.0294  0.0931  0.1103  0.1235  0.6370     n/a
}

// p-values exported to three decimals: by Benjamini–Hochberg the 17th
// smallest of 25, 0.034, is exactly on the threshold 17/25 · 0.05 and
// stays significant, although R's float for its adjusted value,
// 0.05000000000000001, is not ≤ 0.05.
func ExampleSignificant() {
	raw := []float64{0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.01,
		0.011, 0.012, 0.013, 0.014, 0.015, 0.016, 0.034, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	ps := make([]*float64, len(raw))
	for i := range raw {
		ps[i] = &raw[i]
	}
	q, _ := adjust.P(ps, adjust.BenjaminiHochberg)
	sig, err := adjust.Significant(ps, adjust.BenjaminiHochberg, 0.05)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("p 0.034: adjusted", *q[16], "significant", sig[16])
	n := 0
	for _, s := range sig {
		if s {
			n++
		}
	}
	fmt.Println(n, "of", len(ps), "significant")
	// Output:
	// p 0.034: adjusted 0.05000000000000001 significant true
	// 17 of 25 significant
}

// A year of CSAT by channel on a dashboard: each month's satisfied share
// is compared with the previous month's, 12 months × 6 channels = 72
// tests. Three channels really moved (chat fell in May, the app rose in
// September, the phone line fell in November); the other cells vary by
// chance alone. Unadjusted, p ≤ 0.05 flags the real changes and as many
// false alarms; Benjamini–Hochberg, which keeps the expected share of
// false alarms among the flagged cells at 5 %, keeps the three real
// changes here and drops the rest.
func Example_grid() {
	channels := []string{"phone", "email", "chat", "social", "app", "store"}
	base := []float64{0.78, 0.71, 0.82, 0.65, 0.74, 0.88}
	satisfied := func(c, month int) float64 { // the true CSAT of a channel in a month
		p := base[c]
		switch {
		case channels[c] == "chat" && month >= 5:
			p -= 0.10
		case channels[c] == "app" && month >= 9:
			p += 0.09
		case channels[c] == "phone" && month >= 11:
			p -= 0.09
		}
		return p
	}
	// Simulated survey answers, the same on every run: month 0 is the
	// December before the year.
	src := rand.NewPCG(2026, 12)
	uniform := func() float64 { return float64(src.Uint64()>>11) / (1 << 53) }
	tallies := make([][]*rate.Tally, 13)
	for month := range tallies {
		tallies[month] = make([]*rate.Tally, len(channels))
		for c := range channels {
			t := new(rate.Tally)
			n := 500 + int(uniform()*500)
			for range n {
				_ = t.Add(uniform() < satisfied(c, month))
			}
			tallies[month][c] = t
		}
	}

	type cell struct {
		month   int
		channel int
		cmp     rate.Comparison
	}
	var cells []cell
	var ps []*float64
	for month := 1; month <= 12; month++ {
		for c := range channels {
			cmp, err := rate.Compare(tallies[month-1][c], tallies[month][c], 0.95, rate.Newcombe)
			if err != nil {
				fmt.Println(err)
				return
			}
			cells = append(cells, cell{month, c, cmp})
			ps = append(ps, cmp.PValue) // nil if a month had no answers
		}
	}
	raw, _ := adjust.Significant(ps, adjust.None, 0.05)
	bh, _ := adjust.Significant(ps, adjust.BenjaminiHochberg, 0.05)
	q, _ := adjust.P(ps, adjust.BenjaminiHochberg)
	count := func(sig []bool) (n int) {
		for _, s := range sig {
			if s {
				n++
			}
		}
		return n
	}
	fmt.Printf("%d comparisons; significant at 0.05: %d unadjusted, %d after Benjamini–Hochberg\n", len(ps), count(raw), count(bh))
	for i, c := range cells {
		if !raw[i] {
			continue
		}
		truth := "chance"
		if satisfied(c.channel, c.month) != satisfied(c.channel, c.month-1) {
			truth = "real change"
		}
		verdict := "dropped"
		if bh[i] {
			verdict = "kept"
		}
		fmt.Printf("%-9s %-6s %+5.1f points  p = %.4f  BH %.4f  %-7s (%s)\n", time.Month(c.month), channels[c.channel], *c.cmp.DifferencePoints, *c.cmp.PValue, *q[i], verdict, truth)
	}
	// Output:
	// 72 comparisons; significant at 0.05: 6 unadjusted, 3 after Benjamini–Hochberg
	// May       chat   -13.1 points  p = 0.0000  BH 0.0000  kept    (real change)
	// May       store   -4.2 points  p = 0.0063  BH 0.1136  dropped (chance)
	// July      chat    -5.4 points  p = 0.0213  BH 0.2560  dropped (chance)
	// August    chat    +6.4 points  p = 0.0102  BH 0.1471  dropped (chance)
	// September app     +8.0 points  p = 0.0007  BH 0.0162  kept    (real change)
	// November  phone   -8.9 points  p = 0.0003  BH 0.0114  kept    (real change)
}
