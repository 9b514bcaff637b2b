package clv

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// gamma draws from Gamma(shape, rate 1) by Marsaglia & Tsang (2000),
// with the boost u^(1/shape) for shape < 1.
func gamma(r *rand.Rand, shape float64) float64 {
	if shape < 1 {
		return gamma(r, shape+1) * math.Pow(r.Float64(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

// simulateBGNBD draws n customers of the BG/NBD model with the CDNOW
// parameters (weeks): first purchases spread over the first 12 weeks,
// observation to week 78, purchases on calendar days (several on one day
// are one), summaries in weeks.
func simulateBGNBD(n int, seed uint64) []Summary {
	const r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
	rng := rand.New(rand.NewPCG(seed, 0x636c76))
	out := make([]Summary, n)
	for i := range out {
		lambda := gamma(rng, r) / alpha / 7 // per day
		ga, gb := gamma(rng, a), gamma(rng, b)
		p := ga / (ga + gb)
		first := rng.IntN(84)
		end := 546
		last, x := first, 0
		t := float64(first)
		for lambda > 0 {
			t += rng.ExpFloat64() / lambda
			day := int(t)
			if day > end {
				break
			}
			if day > last {
				last, x = day, x+1
			}
			if rng.Float64() < p {
				break
			}
		}
		out[i] = Summary{X: x, Tx: float64(last-first) / 7, T: float64(end-first) / 7}
	}
	return out
}

// The fit recovers the parameters the customers were drawn with, within
// their sampling error on 200,000 customers (a few percent).
func TestFitSimulated(t *testing.T) {
	if testing.Short() {
		t.Skip("fits 200,000 customers")
	}
	s := simulateBGNBD(200_000, 1)
	m, fit, err := FitBGNBD(slices.Values(s))
	require.NoError(t, err)
	t.Log(m, fit)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"r", m.R(), 0.243}, {"α", m.Alpha(), 4.414}, {"a", m.A(), 0.793}, {"b", m.B(), 2.426}} {
		if math.Abs(c.got/c.want-1) > 0.1 {
			t.Errorf("%s = %.4g, drawn with %.4g", c.name, c.got, c.want)
		}
	}
}
