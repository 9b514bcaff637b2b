package nanos

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/rapportkit/rapport/internal/wire"
)

func TestSum(t *testing.T) {
	var s Sum
	s.Add(math.MaxUint64)
	s.Add(3)
	if s != (Sum{hi: 1, lo: 2}) || s.String() != "18446744073709551618" || s.Float() != 0x1p64+2 {
		t.Errorf("sum %v", s)
	}
	if m := (Sum{lo: 7}).Mean(2); m != 4 { // 3.5 rounds half up
		t.Errorf("mean 7/2 = %d", m)
	}
	if m := (Sum{lo: 5}).Mean(3); m != 2 {
		t.Errorf("mean 5/3 = %d", m)
	}
	if m := (Sum{hi: 5}).Mean(3); m != math.MaxInt64 {
		t.Errorf("saturated mean = %d", m)
	}
	if _, ok := FromBig(new(big.Int).Lsh(big.NewInt(1), 128)); ok {
		t.Error("2¹²⁸ fits")
	}
	if _, ok := FromBig(big.NewInt(-1)); ok {
		t.Error("−1 fits")
	}
	for _, bad := range []string{"", "x", "-1", "340282366920938463463374607431768211456"} {
		if _, ok := Parse(bad); ok {
			t.Errorf("Parse(%q)", bad)
		}
	}
	if p, ok := Parse("340282366920938463463374607431768211455"); !ok || p != (Sum{math.MaxUint64, math.MaxUint64}) {
		t.Errorf("Parse(2¹²⁸ − 1) = %v, %v", p, ok)
	}
	if !(Sum{}).IsZero() || s.IsZero() {
		t.Error("IsZero")
	}
}

// Add, Merge, Product, Cmp and the encodings agree with big.Int.
func TestAgainstBig(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		var s, m Sum
		want := new(big.Int)
		for range r.IntN(20) {
			x := r.Uint64() >> r.IntN(64)
			s.Add(x)
			var one Sum
			one.Add(x)
			m.Merge(one)
			want.Add(want, new(big.Int).SetUint64(x))
		}
		if s.Big().Cmp(want) != 0 || s != m {
			t.Fatalf("sum %v, merged %v, want %v", s, m, want)
		}
		a, b := r.Uint64()>>r.IntN(64), r.Uint64()>>r.IntN(64)
		p := Product(a, b)
		if p.Big().Cmp(new(big.Int).Mul(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))) != 0 {
			t.Fatalf("%d·%d = %v", a, b, p)
		}
		if got := s.Cmp(p); got != want.Cmp(p.Big()) || p.Cmp(p) != 0 {
			t.Fatalf("Cmp(%v, %v) = %d", s, p, got)
		}
		if back, ok := Parse(s.String()); !ok || back != s {
			t.Fatalf("text round trip of %v", s)
		}
		d := wire.NewDecoder(s.AppendBinary(nil), errors.New("test"))
		if back := Read(&d); back != s || d.End() != nil {
			t.Fatalf("binary round trip of %v", s)
		}
	}
}
