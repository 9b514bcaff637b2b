package adjust_test

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/rapportkit/rapport/adjust"
)

// FuzzAdjust reads a family from the bytes (two bytes a p-value: 0xffff
// undefined, 0xfffe a raw float64 from the next eight bytes, otherwise a
// decimal in thousandths, so that ties and threshold hits are common) and
// a level, and checks P and Significant: a p-value out of [0, 1] is
// ErrPValue and nothing else fails; adjusted values lie in [p, 1]; and
// Significant agrees with the exact oracle.
func FuzzAdjust(f *testing.F) {
	f.Add([]byte{0, 50, 0, 34, 0, 17, 0xff, 0xff, 3, 232})
	f.Add([]byte{0, 10, 0, 20, 0, 30, 0, 40, 0, 50})
	f.Add([]byte{0xff, 0xfe, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		alpha := []float64{0.01, 0.05, 0.1, 0.25}[data[0]%4]
		data = data[1:]
		var ps []*float64
		for len(data) >= 2 && len(ps) < 64 {
			v := binary.BigEndian.Uint16(data)
			data = data[2:]
			switch {
			case v == 0xffff:
				ps = append(ps, nil)
			case v == 0xfffe && len(data) >= 8:
				x := math.Float64frombits(binary.LittleEndian.Uint64(data))
				data = data[8:]
				ps = append(ps, &x)
			default:
				x := float64(v%1001) / 1000
				ps = append(ps, &x)
			}
		}
		valid := true
		for _, p := range ps {
			if p != nil && !(*p >= 0 && *p <= 1) {
				valid = false
			}
		}
		for _, m := range allMethods {
			q, err := adjust.P(ps, m)
			sig, serr := adjust.Significant(ps, m, alpha)
			if !valid {
				if !errors.Is(err, adjust.ErrPValue) || !errors.Is(serr, adjust.ErrPValue) {
					t.Fatalf("%s: invalid p-values gave %v and %v", m, err, serr)
				}
				continue
			}
			if err != nil || serr != nil {
				t.Fatalf("%s: %v, %v", m, err, serr)
			}
			want := oracle(ps, m, alpha)
			for i, p := range ps {
				if (p == nil) != (q[i] == nil) {
					t.Fatalf("%s: p[%d] defined %v, adjusted defined %v", m, i, p != nil, q[i] != nil)
				}
				if p != nil && !(*q[i] >= *p && *q[i] <= 1) {
					t.Fatalf("%s: p %v adjusted to %v", m, *p, *q[i])
				}
				if sig[i] != want[i] {
					t.Fatalf("%s at %v: p[%d] = %v significant %v, the exact oracle says %v", m, alpha, i, *p, sig[i], want[i])
				}
			}
		}
	})
}
