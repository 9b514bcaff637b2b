package adjust_test

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/rapportkit/rapport/adjust"
)

func benchFamily(n int) []*float64 {
	r := rand.New(rand.NewPCG(5, 6))
	return family(r, n)
}

func BenchmarkP(b *testing.B) {
	for _, n := range []int{72, 10000, adjust.MaxTests} {
		ps := benchFamily(n)
		for _, m := range []adjust.Method{adjust.Holm, adjust.BenjaminiHochberg} {
			b.Run(string(m)+"/"+strconv.Itoa(n), func(b *testing.B) {
				for b.Loop() {
					_, _ = adjust.P(ps, m)
				}
			})
		}
	}
}

func BenchmarkSignificant(b *testing.B) {
	for _, n := range []int{72, 10000, adjust.MaxTests} {
		ps := benchFamily(n)
		for _, m := range []adjust.Method{adjust.Holm, adjust.BenjaminiHochberg, adjust.BenjaminiYekutieli} {
			b.Run(string(m)+"/"+strconv.Itoa(n), func(b *testing.B) {
				for b.Loop() {
					_, _ = adjust.Significant(ps, m, 0.05)
				}
			})
		}
	}
}
