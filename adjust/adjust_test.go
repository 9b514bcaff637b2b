package adjust_test

import (
	"cmp"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/adjust"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr(x float64) *float64 { return &x }

// values returns ps as a family with no undefined test.
func values(ps ...float64) []*float64 {
	out := make([]*float64, len(ps))
	for i := range ps {
		out[i] = &ps[i]
	}
	return out
}

func TestErrors(t *testing.T) {
	huge := make([]*float64, adjust.MaxTests+1)
	for _, c := range []struct {
		name  string
		ps    []*float64
		m     adjust.Method
		alpha float64
		want  error
		msg   string
	}{
		{"R's name is not a method", values(0.1), "BH", 0.05, adjust.ErrMethod, `adjust: unknown method: P got "BH"`},
		{"empty method", values(0.1), "", 0.05, adjust.ErrMethod, `adjust: unknown method: P got ""`},
		{"p above 1", values(0.1, 1.5), adjust.Holm, 0.05, adjust.ErrPValue, "adjust: p-value not in [0, 1]: P got p[1] = 1.5"},
		{"negative p", []*float64{nil, ptr(-0.01)}, adjust.Holm, 0.05, adjust.ErrPValue, "adjust: p-value not in [0, 1]: P got p[1] = -0.01"},
		{"NaN p", values(math.NaN()), adjust.None, 0.05, adjust.ErrPValue, "adjust: p-value not in [0, 1]: P got p[0] = NaN"},
		{"infinite p", values(math.Inf(1)), adjust.None, 0.05, adjust.ErrPValue, "adjust: p-value not in [0, 1]: P got p[0] = +Inf"},
		{"too many", huge, adjust.Bonferroni, 0.05, adjust.ErrOverflow, "adjust: too many p-values: P got 262145, more than MaxTests = 262144"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := adjust.P(c.ps, c.m)
			require.ErrorIs(t, err, c.want)
			assert.EqualError(t, err, c.msg)
			_, err = adjust.Significant(c.ps, c.m, c.alpha)
			require.ErrorIs(t, err, c.want)
			assert.EqualError(t, err, strings.Replace(c.msg, "P got", "Significant got", 1))
		})
	}
	for _, alpha := range []float64{0, 1, -0.05, 1.5, math.NaN(), math.Inf(1)} {
		t.Run("level "+strconv.FormatFloat(alpha, 'g', -1, 64), func(t *testing.T) {
			_, err := adjust.Significant(values(0.01), adjust.Holm, alpha)
			require.ErrorIs(t, err, adjust.ErrLevel)
			assert.EqualError(t, err, "adjust: significance level not in (0, 1): Significant got "+strconv.FormatFloat(alpha, 'g', -1, 64))
		})
	}
}

// A family of MaxTests is accepted; nil entries count towards the bound
// but not in n.
func TestMaxTests(t *testing.T) {
	ps := make([]*float64, adjust.MaxTests)
	ps[7], ps[9] = ptr(0.02), ptr(0.03)
	q, err := adjust.P(ps, adjust.Bonferroni)
	require.NoError(t, err)
	assert.Equal(t, 0.04, *q[7])
	assert.Equal(t, 0.06, *q[9])
	assert.Nil(t, q[8])
}

// Decisions at the edges of the float range, where the float margin
// cannot decide and the exact comparison does.
func TestSignificantExtremes(t *testing.T) {
	for _, c := range []struct {
		name  string
		ps    []*float64
		m     adjust.Method
		alpha float64
		want  string
	}{
		{"zero is always significant", values(0, 1), adjust.BenjaminiYekutieli, 1e-300, "10"},
		{"one never is", values(1), adjust.None, 0.999999, "0"},
		{"subnormal level, equal p", values(1e-320), adjust.None, 1e-320, "1"},
		{"subnormal level, the next p", values(math.Nextafter(1e-320, 1)), adjust.None, 1e-320, "0"},
		{"subnormal p doubled", values(5e-324, 0.5), adjust.Bonferroni, 1e-323, "10"},
		{"tiny p, normal level", values(5e-324, 2.5e-308), adjust.BenjaminiYekutieli, 0.05, "11"},
		{"p on the Bonferroni threshold", values(0.01, 0.2, 0.3, 0.4, 0.5), adjust.Bonferroni, 0.05, "10000"},
		{"an ulp above the decimal threshold", values(math.Nextafter(0.01, 1), 0.2, 0.3, 0.4, 0.5), adjust.Bonferroni, 0.05, "00000"},
		{"Holm stops at the first miss", values(0.01, 0.024, 0.02, 0.04), adjust.Holm, 0.05, "1000"},
		{"Hochberg starts from the last hit", values(0.01, 0.024, 0.02, 0.04), adjust.Hochberg, 0.05, "1111"},
		{"undefined tests are not counted", []*float64{ptr(0.025), nil, nil, ptr(0.5)}, adjust.Bonferroni, 0.05, "1--0"},
		{"all undefined", []*float64{nil, nil}, adjust.BenjaminiHochberg, 0.05, "--"},
		{"empty family", []*float64{}, adjust.Holm, 0.05, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := adjust.Significant(c.ps, c.m, c.alpha)
			require.NoError(t, err)
			assert.Equal(t, c.want, decisions(c.ps, got))
		})
	}
}

// family draws a random family: p-values uniform, rounded to two or
// three decimals (ties), tiny, zero or one, and undefined entries.
func family(r *rand.Rand, n int) []*float64 {
	ps := make([]*float64, n)
	for i := range ps {
		var x float64
		switch r.IntN(8) {
		case 0:
			continue // undefined
		case 1:
			x = math.Round(r.Float64()*100) / 100
		case 2, 3:
			x = math.Round(r.Float64()*1000) / 1000
		case 4:
			x = r.Float64() * 1e-4
		case 5:
			x = float64(r.IntN(2))
		default:
			x = r.Float64()
		}
		// Read back the decimal, as an exported p-value would be.
		x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', -1, 64), 64)
		ps[i] = &x
	}
	return ps
}

var allMethods = []adjust.Method{adjust.None, adjust.Bonferroni, adjust.Holm, adjust.Hochberg, adjust.BenjaminiHochberg, adjust.BenjaminiYekutieli}

// The properties of an adjustment, on random families: undefined stays
// undefined, adjusted values lie in [p, 1], are monotone in p (equal for
// equal p) and do not depend on the order of the family.
func TestPProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		ps := family(r, r.IntN(120))
		for _, m := range allMethods {
			q, err := adjust.P(ps, m)
			require.NoError(t, err)
			for i := range ps {
				if ps[i] == nil {
					require.Nil(t, q[i])
					continue
				}
				require.NotNil(t, q[i])
				if !(*q[i] >= *ps[i] && *q[i] <= 1) {
					t.Fatalf("trial %d %s: p %v adjusted to %v", trial, m, *ps[i], *q[i])
				}
			}
			// Monotone: along the p-values sorted ascending, the adjusted
			// values never decrease, and equal p-values get equal ones.
			idx := defined(ps)
			slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(*ps[a], *ps[b]) })
			for k := 1; k < len(idx); k++ {
				a, b := idx[k-1], idx[k]
				if *q[a] > *q[b] || (*ps[a] == *ps[b] && *q[a] != *q[b]) {
					t.Fatalf("trial %d %s: p %v → %v but p %v → %v", trial, m, *ps[a], *q[a], *ps[b], *q[b])
				}
			}
			perm := r.Perm(len(ps))
			shuffled := make([]*float64, len(ps))
			for i, j := range perm {
				shuffled[i] = ps[j]
			}
			qs, err := adjust.P(shuffled, m)
			require.NoError(t, err)
			for i, j := range perm {
				require.Equal(t, q[j], qs[i], "trial %d %s: order changed the result", trial, m)
			}
		}
	}
}

// Significant against an oracle written from the definitions in exact
// rationals (math/big), on random families of decimals; and against P,
// whose floats may only differ from the decision within rounding.
func TestSignificantAgainstExactOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 400 {
		ps := family(r, r.IntN(40))
		for _, m := range allMethods {
			for _, alpha := range []float64{0.01, 0.05, 0.1, 0.25} {
				got, err := adjust.Significant(ps, m, alpha)
				require.NoError(t, err)
				want := oracle(ps, m, alpha)
				require.Equal(t, decisions(ps, want), decisions(ps, got), "trial %d %s at %v: %v", trial, m, alpha, show(ps))
				q, _ := adjust.P(ps, m)
				for i := range ps {
					if ps[i] != nil && got[i] != (*q[i] <= alpha) {
						require.InEpsilon(t, alpha, *q[i], 1e-14, "trial %d %s: adjusted %v but significant %v at %v", trial, m, *q[i], got[i], alpha)
					}
				}
			}
		}
	}
}

// oracle returns the decisions of the exact adjusted values of the
// decimals of ps, computed from the definitions.
func oracle(ps []*float64, m adjust.Method, alpha float64) []bool {
	rat := func(x float64) *big.Rat {
		v, _ := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
		return v
	}
	idx := defined(ps)
	dec := make(map[int]*big.Rat, len(idx))
	for _, i := range idx {
		dec[i] = rat(*ps[i])
	}
	slices.SortStableFunc(idx, func(a, b int) int { return dec[a].Cmp(dec[b]) })
	n := len(idx)
	h := new(big.Rat)
	for k := 1; k <= n; k++ {
		h.Add(h, big.NewRat(1, int64(k)))
	}
	coef := func(r int) *big.Rat { // r from 1
		switch m {
		case adjust.None:
			return big.NewRat(1, 1)
		case adjust.Bonferroni:
			return big.NewRat(int64(n), 1)
		case adjust.Holm, adjust.Hochberg:
			return big.NewRat(int64(n+1-r), 1)
		case adjust.BenjaminiHochberg:
			return big.NewRat(int64(n), int64(r))
		default:
			return new(big.Rat).Mul(h, big.NewRat(int64(n), int64(r)))
		}
	}
	one := big.NewRat(1, 1)
	q := make([]*big.Rat, n)
	for k := range idx {
		q[k] = new(big.Rat).Mul(coef(k+1), dec[idx[k]])
		if q[k].Cmp(one) > 0 {
			q[k] = one
		}
	}
	switch m {
	case adjust.Holm: // running maximum upwards
		for k := 1; k < n; k++ {
			if q[k].Cmp(q[k-1]) < 0 {
				q[k] = q[k-1]
			}
		}
	case adjust.Hochberg, adjust.BenjaminiHochberg, adjust.BenjaminiYekutieli: // running minimum downwards
		for k := n - 2; k >= 0; k-- {
			if q[k].Cmp(q[k+1]) > 0 {
				q[k] = q[k+1]
			}
		}
	}
	out := make([]bool, len(ps))
	a := rat(alpha)
	for k, i := range idx {
		out[i] = q[k].Cmp(a) <= 0
	}
	return out
}

// defined returns the indices of the defined p-values.
func defined(ps []*float64) []int {
	var idx []int
	for i, p := range ps {
		if p != nil {
			idx = append(idx, i)
		}
	}
	return idx
}

func show(ps []*float64) string {
	var b strings.Builder
	for _, p := range ps {
		if p == nil {
			b.WriteString("NA ")
			continue
		}
		b.WriteString(strconv.FormatFloat(*p, 'g', -1, 64) + " ")
	}
	return b.String()
}

func TestErrorsAreDistinct(t *testing.T) {
	errs := []error{adjust.ErrPValue, adjust.ErrLevel, adjust.ErrMethod, adjust.ErrOverflow}
	for i, a := range errs {
		for j, b := range errs {
			assert.Equal(t, i == j, errors.Is(a, b))
		}
		assert.True(t, strings.HasPrefix(a.Error(), "adjust: "))
	}
}
