package money

import (
	"bufio"
	"bytes"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// checkCanonical fails unless the sum is on 128 bits exactly when its
// coefficient fits them, with an exponent ≤ 0.
func checkCanonical(t *testing.T, s Sum) {
	t.Helper()
	if s.exp > 0 {
		t.Fatalf("exponent %d", s.exp)
	}
	if s.big != nil {
		if _, _, ok := fromBig(s.big); ok {
			t.Fatalf("big coefficient %v fits 128 bits", s.big)
		}
	}
}

// same fails unless got holds coef·10^exp, in that representation.
func same(t *testing.T, what string, got Sum, coef *big.Int, exp int32) {
	t.Helper()
	checkCanonical(t, got)
	v := got.Value()
	if v.Coefficient().Cmp(coef) != 0 || v.Exponent() != exp || got.Exp() != exp {
		t.Fatalf("%s: %v·10^%d, want %v·10^%d", what, v.Coefficient(), v.Exponent(), coef, exp)
	}
}

// The sums of testdata/sums.txt (Python decimal and fractions, see
// reference.py): in order, reversed, through AddUnits where the terms
// fit, merged from halves and through the binary encoding.
func TestReferenceSums(t *testing.T) {
	f, err := os.Open("testdata/sums.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		lhs, rhs, ok := strings.Cut(line, " = ")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		var terms []decimal.Decimal
		for _, s := range strings.Fields(lhs) {
			terms = append(terms, dec(s))
		}
		cs, es, _ := strings.Cut(rhs, " ")
		coef, ok := new(big.Int).SetString(cs, 10)
		e, err := strconv.ParseInt(es, 10, 32)
		if !ok || err != nil {
			t.Fatalf("bad sum %q", rhs)
		}
		exp := int32(e)

		var fwd, rev, units, left, right Sum
		for i, d := range terms {
			fwd.Add(d)
			rev.Add(terms[len(terms)-1-i])
			if d.Coefficient().IsInt64() {
				units.AddUnits(d.CoefficientInt64(), d.Exponent())
			} else {
				units.Add(d)
			}
			if i < len(terms)/2 {
				left.Add(d)
			} else {
				right.Add(d)
			}
		}
		right.Merge(left)
		same(t, line+" (in order)", fwd, coef, exp)
		same(t, line+" (reversed)", rev, coef, exp)
		same(t, line+" (units)", units, coef, exp)
		same(t, line+" (merged)", right, coef, exp)
		b := fwd.AppendBinary(nil)
		back, rest, err := ReadBinary(b)
		if err != nil || len(rest) != 0 {
			t.Fatalf("%s: decode: %v", line, err)
		}
		same(t, line+" (decoded)", back, coef, exp)
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 400 {
		t.Fatalf("only %d reference sums", n)
	}
}

func TestExact(t *testing.T) {
	var s Sum
	for _, x := range []string{"0.1", "0.2", "1e3", "-0.3", "0.0000001"} {
		s.Add(dec(x))
	}
	if !s.Value().Equal(dec("1000.0000001")) || s.big != nil {
		t.Errorf("sum = %v", s.Value())
	}
	// 25 × (2⁶³−1)/10 passes int64 and stays on 128 bits.
	m := decimal.New(math.MaxInt64/10, 0)
	s = Sum{}
	for range 25 {
		s.Add(m)
	}
	if !s.Value().Equal(m.Mul(decimal.NewFromInt(25))) || s.big != nil {
		t.Errorf("sum past int64 = %v", s.Value())
	}
	a, b := Of(dec("1e-20")), Of(dec("123456789012345678"))
	a.Merge(b)
	if !a.Value().Equal(dec("123456789012345678.00000000000000000001")) {
		t.Errorf("merged = %v", a.Value())
	}
	if Of(dec("1e30")).Cmp(Of(dec("1e-30"))) != 1 || Of(dec("2.50")).Cmp(Of(dec("2.5"))) != 0 ||
		Of(dec("-1e60")).Cmp(Of(dec("1"))) != -1 || Of(dec("1e60")).Cmp(Of(dec("1e60"))) != 0 {
		t.Error("Cmp")
	}
	for _, c := range []struct {
		s    string
		sign int
	}{{"0", 0}, {"0.000", 0}, {"-0.01", -1}, {"3", 1}, {"-1e60", -1}, {"1e60", 1}} {
		if got := Of(dec(c.s)).Sign(); got != c.sign {
			t.Errorf("Sign(%s) = %d", c.s, got)
		}
	}
}

// The 128-bit range ends at −2¹²⁷ and 2¹²⁷−1; past them the sum is a
// big.Int, and back on 128 bits when it returns.
func TestOverflowBoundaries(t *testing.T) {
	two127 := new(big.Int).Lsh(big.NewInt(1), 127)
	maxC := new(big.Int).Sub(two127, big.NewInt(1))
	minC := new(big.Int).Neg(two127)
	for _, c := range []struct {
		name string
		x    *big.Int
		wide bool
	}{
		{"2¹²⁷−1", maxC, false},
		{"−2¹²⁷", minC, false},
		{"2¹²⁷", two127, true},
		{"−2¹²⁷−1", new(big.Int).Sub(minC, big.NewInt(1)), true},
		{"2¹²⁸", new(big.Int).Lsh(two127, 1), true},
	} {
		s := Of(decimal.NewFromBigInt(c.x, 0))
		if (s.big != nil) != c.wide {
			t.Errorf("%s: wide = %v", c.name, s.big != nil)
		}
		same(t, c.name, s, c.x, 0)
	}
	// Up across 2¹²⁷−1 by units and back down.
	s := Of(decimal.NewFromBigInt(maxC, 0))
	s.AddUnits(1, 0)
	if s.big == nil {
		t.Fatal("2¹²⁷ on 128 bits")
	}
	same(t, "2¹²⁷", s, two127, 0)
	s.AddUnits(-1, 0)
	if s.big != nil {
		t.Fatal("2¹²⁷−1 not back on 128 bits")
	}
	// Down across −2¹²⁷.
	s = Of(decimal.NewFromBigInt(minC, 0))
	s.AddUnits(-1, 0)
	same(t, "−2¹²⁷−1", s, new(big.Int).Sub(minC, big.NewInt(1)), 0)
	s.AddUnits(1, 0)
	if s.big != nil {
		t.Fatal("−2¹²⁷ not back on 128 bits")
	}
	// Scaling to a smaller exponent overflows too: 10³⁸ fits, ×10 not.
	s = Of(dec("1e38"))
	if s.big != nil {
		t.Fatal("10³⁸ not on 128 bits")
	}
	s.AddUnits(1, -1)
	same(t, "10³⁸ + 0.1", s, new(big.Int).Add(new(big.Int).Mul(pow10Big(38), big.NewInt(10)), big.NewInt(1)), -1)
	// int64 extremes.
	s = Sum{}
	s.AddUnits(math.MinInt64, 0)
	s.AddUnits(math.MinInt64, 0)
	same(t, "2·MinInt64", s, new(big.Int).Mul(big.NewInt(math.MinInt64), big.NewInt(2)), 0)
	if u, ok := s.Units(0); ok {
		t.Errorf("Units of 2·MinInt64 = %d", u)
	}
	s.AddUnits(math.MaxInt64, 0)
	s.AddUnits(math.MaxInt64, 0)
	if u, ok := s.Units(-2); !ok || u != -200 {
		t.Errorf("Units(−2) of −2 = %d, %v", u, ok)
	}
	if _, ok := s.Units(1); ok {
		t.Error("Units above the exponent")
	}
}

// scale agrees with big.Int arithmetic at the edges of the range.
func TestScale(t *testing.T) {
	lim := new(big.Int).Lsh(big.NewInt(1), 127)
	for _, x := range []*big.Int{big.NewInt(1), big.NewInt(-1), big.NewInt(17), big.NewInt(-17),
		new(big.Int).Sub(lim, big.NewInt(1)), new(big.Int).Neg(lim), pow10Big(20), new(big.Int).Neg(pow10Big(37))} {
		hi, lo, _ := fromBig(x)
		for k := int32(0); k <= 40; k++ {
			want := new(big.Int).Mul(x, pow10Big(k))
			whi, wlo, fits := fromBig(want)
			h, l, ok := scale(hi, lo, k)
			if ok != fits || ok && (h != whi || l != wlo) {
				t.Errorf("%v·10^%d: %v, want %v (fits %v)", x, k, toBig(h, l), want, fits)
			}
		}
	}
}

// Any order of the same terms gives the same representation.
func TestOrderIndependence(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		terms := randomTerms(r, 1+r.IntN(20))
		var want Sum
		for _, d := range terms {
			want.Add(d)
		}
		wb := want.AppendBinary(nil)
		for range 5 {
			r.Shuffle(len(terms), func(i, j int) { terms[i], terms[j] = terms[j], terms[i] })
			// Split at random into merged parts, each summed in its order.
			var got Sum
			for rest := terms; len(rest) > 0; {
				k := 1 + r.IntN(len(rest))
				var part Sum
				for _, d := range rest[:k] {
					part.Add(d)
				}
				got.Merge(part)
				rest = rest[k:]
			}
			if gb := got.AppendBinary(nil); !bytes.Equal(gb, wb) {
				t.Fatalf("order changed the sum: %v, want %v", got.Value(), want.Value())
			}
		}
	}
}

func randomTerms(r *rand.Rand, n int) []decimal.Decimal {
	out := make([]decimal.Decimal, n)
	for i := range out {
		var c *big.Int
		switch r.IntN(6) {
		case 0:
			c = new(big.Int).Lsh(big.NewInt(r.Int64()), uint(r.IntN(100))) // up to 2¹⁶³
		case 1:
			c = big.NewInt(math.MaxInt64 - r.Int64N(3))
		default:
			c = big.NewInt(r.Int64N(1_000_000))
		}
		if r.IntN(3) == 0 {
			c.Neg(c)
		}
		out[i] = decimal.NewFromBigInt(c, int32(r.IntN(8))-5)
	}
	return out
}

// AddColumn is AddUnits for each element, down to the representation.
func TestAddColumn(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		units := make([]int64, r.IntN(40))
		for i := range units {
			units[i] = r.Int64() >> r.IntN(64)
			if r.IntN(5) == 0 {
				units[i] = []int64{math.MaxInt64, math.MinInt64}[r.IntN(2)]
			}
		}
		e := int32(r.IntN(6)) - 3
		start := Of(randomTerms(r, 1)[0])
		got, want := start, start
		got.AddColumn(units, e)
		for _, u := range units {
			want.AddUnits(u, e)
		}
		if !bytes.Equal(got.AppendBinary(nil), want.AppendBinary(nil)) {
			t.Fatalf("AddColumn %v e%d: %v, want %v", units, e, got.Value(), want.Value())
		}
		checkCanonical(t, got)
	}
	var s Sum
	s.AddColumn(nil, -2)
	if s.Exp() != 0 {
		t.Error("an empty column changed the exponent")
	}
}

func TestBinary(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []byte
	}{
		{"0", []byte{0, 0}},
		{"0.00", []byte{3, 0}},
		{"13.75", []byte{3, 2, 0x05, 0x5f}},
		{"-13.75", []byte{3, 3, 0, 0x05, 0x5f}},
		{"256", []byte{0, 2, 1, 0}},
	} {
		got := Of(dec(c.s)).AppendBinary(nil)
		if !bytes.Equal(got, c.want) {
			t.Errorf("%s: % x, want % x", c.s, got, c.want)
		}
	}
	for _, bad := range [][]byte{
		{}, {3}, {3, 2, 5}, // truncated
		{2, 0},          // exponent 1
		{0, 1, 0},       // negative zero
		{0, 2, 0, 0},    // leading zero
		{0, 3, 0, 0, 5}, // negative with a leading zero
		{0xff, 0, 0},    // overlong exponent
		{0, 0x81, 0, 1}, // overlong length
	} {
		if _, _, err := ReadBinary(bad); err == nil {
			t.Errorf("% x decoded", bad)
		}
	}
	s, rest, err := ReadBinary([]byte{3, 2, 0x05, 0x5f, 9})
	if err != nil || !bytes.Equal(rest, []byte{9}) || !s.Value().Equal(dec("13.75")) || s.Exp() != -2 {
		t.Errorf("read %v %v %v", s.Value(), rest, err)
	}
}

// Sums agree with decimal.Decimal arithmetic on any terms, whatever the
// path: Add, AddUnits, AddColumn, Merge, and the binary encoding.
func FuzzSum(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add(bytes.Repeat([]byte{0xff}, 40))
	f.Add(bytes.Repeat([]byte{0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 3}, 6))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s, u, merged Sum
		want := decimal.Zero
		e := int32(0)
		var units []int64
		var unitsExp int32
		for len(data) >= 10 {
			x := int64(uint64(data[0]) | uint64(data[1])<<8 | uint64(data[2])<<16 | uint64(data[3])<<24 |
				uint64(data[4])<<32 | uint64(data[5])<<40 | uint64(data[6])<<48 | uint64(data[7])<<56)
			ex := int32(int8(data[8])) % 25
			wide := data[9]&1 == 1
			data = data[10:]
			d := decimal.New(x, ex)
			if wide {
				d = d.Mul(decimal.New(x|1, 0)) // up to 126 bits, any sign
			}
			s.Add(d)
			if wide {
				u.Add(d)
			} else {
				u.AddUnits(x, ex)
				if len(units) == 0 || ex == unitsExp {
					units, unitsExp = append(units, x), ex
				}
			}
			merged.Merge(Of(d))
			want = want.Add(d)
			e = min(e, ex)
		}
		for _, x := range []Sum{s, u, merged} {
			checkCanonical(t, x)
			if !x.Value().Equal(want) || x.Exp() != e || x.Value().Exponent() != e || x.Sign() != want.Sign() {
				t.Fatalf("sum %v·10^%d, want %v·10^%d", x.Value(), x.Exp(), want, e)
			}
			if x.Cmp(Of(want)) != 0 {
				t.Fatal("Cmp with the decimal sum")
			}
		}
		b := s.AppendBinary(nil)
		if !bytes.Equal(b, u.AppendBinary(nil)) || !bytes.Equal(b, merged.AppendBinary(nil)) {
			t.Fatal("representations differ")
		}
		back, rest, err := ReadBinary(b)
		if err != nil || len(rest) > 0 || !bytes.Equal(back.AppendBinary(nil), b) {
			t.Fatalf("binary round trip: %v", err)
		}
		var col, loop Sum
		col.AddColumn(units, unitsExp)
		for _, x := range units {
			loop.AddUnits(x, unitsExp)
		}
		if !bytes.Equal(col.AppendBinary(nil), loop.AppendBinary(nil)) {
			t.Fatal("AddColumn differs from AddUnits")
		}
	})
}

// Decoding never panics, and what decodes encodes back to the same bytes.
func FuzzReadBinary(f *testing.F) {
	f.Add(Of(dec("-13.75")).AppendBinary(nil))
	f.Add(Of(dec("1e60")).AppendBinary(nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, rest, err := ReadBinary(data)
		if err != nil {
			return
		}
		checkCanonical(t, s)
		if b := s.AppendBinary(nil); !bytes.Equal(b, data[:len(data)-len(rest)]) {
			t.Fatalf("% x re-encodes as % x", data, b)
		}
	})
}

// AddUnits(u, e) is Add(decimal.New(u, e)), down to the representation,
// on sums that overflow int64 and 128 bits in both directions.
func TestAddUnitsMatchesAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range 2000 {
		var got, want Sum
		for range 1 + r.IntN(40) {
			u := r.Int64N(1e18) >> r.IntN(60)
			if r.IntN(3) == 0 {
				u = math.MaxInt64 - r.Int64N(10)
			}
			if r.IntN(2) == 0 {
				u = -u
			}
			e := int32(r.IntN(3)) - 1
			switch r.IntN(8) {
			case 0:
				e = 19 // up to the 128-bit bound
			case 1, 2, 3:
				e = -2
			}
			got.AddUnits(u, e)
			want.Add(decimal.New(u, e))
			checkCanonical(t, got)
			if !bytes.Equal(got.AppendBinary(nil), want.AppendBinary(nil)) {
				t.Fatalf("after %d·10^%d: %v, want %v", u, e, got.Value(), want.Value())
			}
		}
	}
}
