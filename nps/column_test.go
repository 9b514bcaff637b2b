package nps

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// naive is the reference the fast path must match.
func naive(t *testing.T, s Scale, col []uint8) (*Tally, error) {
	t.Helper()
	u := NewTally(s)
	for _, v := range col {
		if err := u.Add(int(v)); err != nil {
			return nil, err
		}
	}
	return u, nil
}

func TestAddUint8sMatchesAdd(t *testing.T) {
	oneToTen, _ := NewScale(1, 10, 7, 9)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range []Scale{Standard, oneToTen} {
		for _, n := range []int{0, 1, 7, 8, 9, columnPairsFrom - 1, columnPairsFrom, columnPairsFrom + 13, 100003} {
			col := make([]uint8, n)
			for i := range col {
				col[i] = uint8(s.Min() + rng.IntN(s.Points()))
			}
			want, err := naive(t, s, col)
			if err != nil {
				t.Fatal(err)
			}
			got := NewTally(s)
			if err := got.AddUint8s(col); err != nil {
				t.Fatalf("%v n=%d: %v", s, n, err)
			}
			if *got != *want {
				t.Fatalf("%v n=%d: fast %v, naive %v", s, n, got, want)
			}
		}
	}
}

// A single bad byte anywhere (in a word or the tail, below or above the
// scale) must be found, reported by index, and leave the tally unchanged.
func TestAddUint8sRejects(t *testing.T) {
	oneToTen, _ := NewScale(1, 10, 7, 9)
	for _, s := range []Scale{Standard, oneToTen} {
		for _, n := range []int{5, columnPairsFrom + 5} {
			for _, pos := range []int{0, 3, n / 2, n - 1} {
				for _, bad := range []uint8{uint8(s.Max() + 1), 0x7f, 0x80, 0xff, uint8(s.Min() - 1)} {
					if bad >= uint8(s.Min()) && bad <= uint8(s.Max()) {
						continue // 0 is valid on 0–10
					}
					col := make([]uint8, n)
					for i := range col {
						col[i] = uint8(s.Max()) // every byte valid, 10 everywhere
					}
					col[pos] = bad
					tally := NewTally(s)
					_ = tally.Add(s.Min())
					before := *tally
					err := tally.AddUint8s(col)
					if !errors.Is(err, ErrScoreOutOfRange) {
						t.Fatalf("%v n=%d bad %d at %d: err = %v", s, n, bad, pos, err)
					}
					if want := "nps: score " + itoa(pos) + ":"; !strings.HasPrefix(err.Error(), want) {
						t.Fatalf("error %q does not name index %d", err, pos)
					}
					if *tally != before {
						t.Fatalf("rejected column changed the tally")
					}
				}
			}
		}
	}
}

func itoa(i int) string {
	b := []byte{}
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		if i /= 10; i == 0 {
			return string(b)
		}
	}
}

func TestAddInt8s(t *testing.T) {
	var tally Tally
	if err := tally.AddInt8s([]int8{10, 9, 0, 7}); err != nil {
		t.Fatal(err)
	}
	if tally.N() != 4 || tally.Promoters() != 2 || tally.Detractors() != 1 {
		t.Fatalf("got n=%d P=%d D=%d", tally.N(), tally.Promoters(), tally.Detractors())
	}
	if err := tally.AddInt8s([]int8{9, -1}); !errors.Is(err, ErrScoreOutOfRange) || tally.N() != 4 {
		t.Fatalf("negative score: err = %v, n = %d", err, tally.N())
	}
}

func FuzzAddUint8s(f *testing.F) {
	f.Add([]byte{0, 10, 9, 7, 11})
	f.Add(make([]byte, columnPairsFrom+3))
	f.Fuzz(func(t *testing.T, col []byte) {
		want, wantErr := naive(t, Standard, col)
		var got Tally
		err := got.AddUint8s(col)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("fast err %v, naive err %v", err, wantErr)
		}
		if err == nil && got != *want {
			t.Fatalf("fast %v, naive %v", got, want)
		}
		if err != nil && got != (Tally{}) {
			t.Fatal("rejected column changed the tally")
		}
	})
}

func benchColumn(n int) []uint8 {
	rng := rand.New(rand.NewPCG(7, 7))
	col := make([]uint8, n)
	for i := range col {
		col[i] = uint8(rng.IntN(11))
	}
	return col
}

// The target of issue 2: 10M scores in ≤ 3 ms with full validation.
func BenchmarkAddUint8s10M(b *testing.B) {
	col := benchColumn(10_000_000)
	b.SetBytes(int64(len(col)))
	b.ResetTimer()
	for b.Loop() {
		var t Tally
		if err := t.AddUint8s(col); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAddLoop10M(b *testing.B) {
	col := benchColumn(10_000_000)
	b.SetBytes(int64(len(col)))
	b.ResetTimer()
	for b.Loop() {
		var t Tally
		for _, s := range col {
			if err := t.Add(int(s)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
