package stat

import (
	"errors"
	"math"
	"testing"
)

// close reports whether got is within rel relative error (or 1e-300 absolute) of want.
func close(got, want, rel float64) bool {
	if got == want {
		return true
	}
	return math.Abs(got-want) <= rel*math.Abs(want)+1e-300
}

// Vectors from R 4.2 (Debian r-base-core): testdata/reference.R, "# qnorm".
func TestNormalQuantile(t *testing.T) {
	for _, c := range []struct{ p, want float64 }{
		{1e-300, -37.047096299361201},
		{1e-20, -9.2623400897984052},
		{1e-10, -6.3613409024040557},
		{0.001, -3.0902323061678132},
		{0.025, -1.9599639845400538},
		{0.3, -0.52440051270804067},
		{0.5, 0},
		{0.7, 0.52440051270804067},
		{0.975, 1.9599639845400536},
		{1 - 1e-10, 6.3613408896974208},
	} {
		if got := NormalQuantile(c.p); !close(got, c.want, 1e-15) {
			t.Errorf("NormalQuantile(%v) = %.17g, want %.17g", c.p, got, c.want)
		}
	}
	if !math.IsInf(NormalQuantile(0), -1) || !math.IsInf(NormalQuantile(1), 1) {
		t.Error("NormalQuantile must be ±Inf at 0 and 1")
	}
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		if !math.IsNaN(NormalQuantile(p)) {
			t.Errorf("NormalQuantile(%v) must be NaN", p)
		}
	}
}

// R: testdata/reference.R, "# pnorm" and "# 2*pnorm(-|z|)".
func TestNormalCDFAndP(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{-10, 7.6198530241605269e-24},
		{-0.5, 0.30853753872598694},
		{0, 0.5},
		{0.5, 0.69146246127401301},
		{3, 0.9986501019683699},
		{8, 0.99999999999999933},
	} {
		if got := NormalCDF(c.x); !close(got, c.want, 1e-14) {
			t.Errorf("NormalCDF(%v) = %.17g, want %.17g", c.x, got, c.want)
		}
	}
	// At z = 30 Go's math.Erfc keeps 12 digits (mpmath: 9.8134278542963741e-198).
	for _, c := range []struct{ z, want, rel float64 }{
		{0, 1, 1e-15},
		{1, 0.31731050786291409, 1e-15},
		{-1, 0.31731050786291409, 1e-15},
		{5, 5.7330314375838782e-07, 1e-14},
		{30, 9.8134278542963744e-198, 1e-11},
	} {
		if got := TwoSidedP(c.z); !close(got, c.want, c.rel) {
			t.Errorf("TwoSidedP(%v) = %.17g, want %.17g", c.z, got, c.want)
		}
	}
}

func TestCritical(t *testing.T) {
	// R: qnorm(0.975) = 1.9599639845400536.
	z, err := Critical(0.95)
	if err != nil || !close(z, 1.9599639845400536, 1e-15) {
		t.Fatalf("Critical(0.95) = %v, %v", z, err)
	}
	for _, level := range []float64{0, 1, -0.5, 1.5, math.NaN()} {
		if _, err := Critical(level); !errors.Is(err, ErrLevel) {
			t.Errorf("Critical(%v): err = %v, want ErrLevel", level, err)
		}
	}
}

// R: testdata/reference.R, "# pbeta x a b".
func TestRegIncBeta(t *testing.T) {
	for _, c := range []struct{ x, a, b, want float64 }{
		{0.3, 2, 5, 0.57982500000000015},
		{0.9, 0.5, 0.5, 0.79516723530086664},
		{1e-4, 0.5, 30, 0.061487458408771414},
		{0.5, 200, 300, 0.99999645651973568},
		{0.001, 3, 1000000, 1},
		{0.999, 50, 2, 0.99876590960688294},
	} {
		if got := RegIncBeta(c.x, c.a, c.b); !close(got, c.want, 1e-12) {
			t.Errorf("RegIncBeta(%v, %v, %v) = %.17g, want %.17g", c.x, c.a, c.b, got, c.want)
		}
	}
	for _, bad := range [][3]float64{{-0.1, 1, 1}, {1.1, 1, 1}, {0.5, 0, 1}, {0.5, 1, -1}, {math.NaN(), 1, 1}} {
		if got := RegIncBeta(bad[0], bad[1], bad[2]); !math.IsNaN(got) {
			t.Errorf("RegIncBeta%v = %v, want NaN", bad, got)
		}
	}
}

// R: testdata/reference.R, "# qbeta p a b".
func TestBetaQuantile(t *testing.T) {
	for _, c := range []struct{ p, a, b, want float64 }{
		{0.025, 85, 16, 0.76469249985104515},
		{0.975, 86, 15, 0.91354561435835147},
		{0.5, 0.5, 0.5, 0.49999999999999989},
		{1e-8, 2, 3, 4.0825940216092383e-05},
		{0.975, 1, 1000000, 3.6888726502064855e-06},
		{0.3, 1000.5, 9000.5, 0.098447445128299255},
	} {
		if got := BetaQuantile(c.p, c.a, c.b); !close(got, c.want, 1e-10) {
			t.Errorf("BetaQuantile(%v, %v, %v) = %.17g, want %.17g", c.p, c.a, c.b, got, c.want)
		}
	}
}

// R: testdata/reference.R, "# qt p df" and "# pt t df", except the quantile
// at p = 0.5000001: R's qt loses digits next to the median there, so that
// one is mpmath (50 digits, root of the hypergeometric form of the CDF).
func TestStudentT(t *testing.T) {
	for _, c := range []struct{ p, df, want float64 }{
		{0.975, 1, 12.706204736174694},
		{0.975, 2.5, 3.5746548420036919},
		{0.975, 9, 2.2621571627982049},
		{0.6, 30, 0.25560536495191277},
		{0.999999, 4, 41.577854150151516},
		{0.025, 1000, -1.9623390808264078},
		{0.5000001, 7, 2.5974602742784955e-07},
	} {
		if got := TQuantile(c.p, c.df); !close(got, c.want, 1e-10) {
			t.Errorf("TQuantile(%v, %v) = %.17g, want %.17g", c.p, c.df, got, c.want)
		}
	}
	for _, c := range []struct{ t, df, want float64 }{
		{2.262157, 9, 0.9749999933477842},
		{-1.5, 3.5, 0.10890909350767256},
		{0, 5, 0.5},
		{40, 2, 0.99968779266390762},
	} {
		if got := TCDF(c.t, c.df); !close(got, c.want, 1e-12) {
			t.Errorf("TCDF(%v, %v) = %.17g, want %.17g", c.t, c.df, got, c.want)
		}
	}
	if !math.IsNaN(TQuantile(0.5, 0)) || !math.IsNaN(TCDF(1, -1)) {
		t.Error("t with df ≤ 0 must be NaN")
	}
}

// Wilson: R prop.test(correct = FALSE); Clopper–Pearson: R binom.test;
// Jeffreys: R qbeta (testdata/reference.R). Wald and Agresti–Coull:
// statsmodels 0.13 proportion_confint(method="normal" / "agresti_coull")
// from Debian python3-statsmodels.
func TestProportion(t *testing.T) {
	type row struct {
		x, n, level float64
		m           Method
		lo, hi      float64
	}
	for _, c := range []row{
		{85, 100, 0.95, Wilson, 0.7671644040916763, 0.90694014716343363},
		{0, 20, 0.95, Wilson, 0, 0.1611251580528193},
		{20, 20, 0.90, Wilson, 0.88084216263903548, 1},
		{3, 7, 0.99, Wilson, 0.11637368051613818, 0.81028509591161224},
		{85, 100, 0.95, ClopperPearson, 0.76469249985104515, 0.91354561435835147},
		{0, 20, 0.95, ClopperPearson, 0, 0.16843347098308536},
		{20, 20, 0.90, ClopperPearson, 0.86089165933173484, 1},
		{3, 7, 0.99, ClopperPearson, 0.055299349980566286, 0.88229624833104803},
		{1, 1000000, 0.95, ClopperPearson, 2.5317807663794211e-08, 5.5716306551722366e-06},
		{85, 100, 0.95, Jeffreys, 0.77046934076904827, 0.90963048364735744},
		{0, 20, 0.95, Jeffreys, 0, 0.1166389829048754},
		{20, 20, 0.90, Jeffreys, 0.90952357346212764, 1},
		{3, 7, 0.99, Jeffreys, 0.083707618037910214, 0.84264182398252985},
		{85, 100, 0.95, Wald, 0.7800152874094277, 0.9199847125905722},
		{0, 20, 0.95, Wald, 0, 0},
		{3, 7, 0.99, Wald, 0, 0.9103646024815599},
		{85, 100, 0.95, AgrestiCoull, 0.7660187875232367, 0.9080857637318733},
		{0, 20, 0.95, AgrestiCoull, 0, 0.18980956054248885},
		{20, 20, 0.90, AgrestiCoull, 0.8587122887896796, 1},
		{3, 7, 0.99, AgrestiCoull, 0.1154810075655564, 0.8111777688621942},
	} {
		got, err := Proportion(c.x, c.n, c.level, c.m)
		if err != nil {
			t.Fatalf("%s %v/%v: %v", c.m, c.x, c.n, err)
		}
		if !close(got.Lo, c.lo, 1e-9) || !close(got.Hi, c.hi, 1e-9) {
			t.Errorf("%s %v/%v at %v = [%.17g, %.17g], want [%.17g, %.17g]", c.m, c.x, c.n, c.level, got.Lo, got.Hi, c.lo, c.hi)
		}
		if got.Level != c.level || got.Method != c.m {
			t.Errorf("%s: interval labelled %v %s", c.m, got.Level, got.Method)
		}
	}
}

func TestProportionErrors(t *testing.T) {
	for _, c := range []struct {
		x, n, level float64
		m           Method
		want        error
	}{
		{1, 0, 0.95, Wilson, ErrEmpty},
		{1, math.Inf(1), 0.95, Wilson, ErrEmpty},
		{5, 4, 0.95, Wilson, ErrCount},
		{-1, 4, 0.95, Wilson, ErrCount},
		{math.NaN(), 4, 0.95, Wilson, ErrCount},
		{1, 4, 1, Wilson, ErrLevel},
		{1, 4, 0.95, "bootstrap", ErrMethod},
	} {
		if _, err := Proportion(c.x, c.n, c.level, c.m); !errors.Is(err, c.want) {
			t.Errorf("Proportion(%v, %v, %v, %q) err = %v, want %v", c.x, c.n, c.level, c.m, err, c.want)
		}
	}
}

// Every method must stay inside [0, 1] and contain p̂ for every x of small n.
func TestProportionAlwaysValid(t *testing.T) {
	for _, m := range []Method{Wald, Wilson, AgrestiCoull, ClopperPearson, Jeffreys} {
		for n := 1.0; n <= 40; n++ {
			for x := 0.0; x <= n; x++ {
				ci, err := Proportion(x, n, 0.95, m)
				if err != nil {
					t.Fatal(err)
				}
				p := x / n
				if ci.Lo < 0 || ci.Hi > 1 || ci.Lo > p+1e-12 || ci.Hi < p-1e-12 {
					t.Fatalf("%s %v/%v: %v does not hold %v within [0,1]", m, x, n, ci, p)
				}
			}
		}
	}
}

func TestIntervalString(t *testing.T) {
	got := Interval{Lo: 0.7671644, Hi: 0.9069401, Level: 0.95, Method: Wilson}.String()
	if want := "[0.7672, 0.9069] (95% wilson)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func FuzzBetaQuantile(f *testing.F) {
	f.Add(0.025, 85.0, 16.0)
	f.Add(1e-12, 0.5, 1e6)
	f.Fuzz(func(t *testing.T, p, a, b float64) {
		x := BetaQuantile(p, a, b)
		if !(a > 0 && b > 0 && p >= 0 && p <= 1) {
			if !math.IsNaN(x) {
				t.Fatalf("BetaQuantile(%v, %v, %v) = %v outside the domain", p, a, b, x)
			}
			return
		}
		if !(x >= 0 && x <= 1) {
			t.Fatalf("BetaQuantile(%v, %v, %v) = %v, not in [0,1]", p, a, b, x)
		}
	})
}

func BenchmarkProportionClopperPearson(b *testing.B) {
	for b.Loop() {
		_, _ = Proportion(8500, 10000, 0.95, ClopperPearson)
	}
}

func TestWilsonDegenerateBoundsExact(t *testing.T) {
	for _, n := range []float64{1, 7, 1000, 5e9} {
		none, err := Proportion(0, n, 0.95, Wilson)
		if err != nil || none.Lo != 0 {
			t.Errorf("Wilson 0 of %v: lo = %v, %v", n, none.Lo, err)
		}
		all, err := Proportion(n, n, 0.95, Wilson)
		if err != nil || all.Hi != 1 {
			t.Errorf("Wilson %v of %v: hi = %v, %v", n, n, all.Hi, err)
		}
	}
}
