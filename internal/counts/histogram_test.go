package counts

import (
	"math"
	"testing"
)

func TestHistogram(t *testing.T) {
	var h Histogram
	if !h.AddN(3, 5) || !h.AddN(10, 2) || h.N() != 7 || h.At(3) != 5 || h.Sum(0, 9) != 5 || h.Sum(4, 3) != 0 {
		t.Fatalf("%+v", h)
	}
	before := h
	if h.AddN(0, math.MaxUint64) || h != before {
		t.Error("overflowing AddN changed the histogram")
	}
	o := h
	if !h.Merge(&o) || h.N() != 14 || h.At(10) != 4 {
		t.Errorf("Merge: %+v", h)
	}
	var big Histogram
	big.AddN(0, math.MaxUint64-1)
	before = h
	if h.Merge(&big) || h != before {
		t.Error("overflowing Merge changed the histogram")
	}
}

func TestHistogramEncoding(t *testing.T) {
	var h Histogram
	h.AddN(0, 1)
	h.AddN(4, 1<<40)
	b := h.Append([]byte{}, 5)
	got, err := Read(b, 5)
	if err != nil || got != h {
		t.Fatalf("Read: %+v %v", got, err)
	}
	if _, err := Read(b[:len(b)-1], 5); err == nil {
		t.Error("truncated counts accepted")
	}
	if _, err := Read(append(b, 0), 5); err == nil {
		t.Error("trailing bytes accepted")
	}
	over := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 1}
	if _, err := Read(over, 2); err == nil {
		t.Error("overflowing counts accepted")
	}
	if _, err := FromCounts([]uint64{math.MaxUint64, 1}, 2); err == nil {
		t.Error("overflowing FromCounts accepted")
	}
	if _, err := FromCounts([]uint64{1, 2}, 3); err == nil {
		t.Error("too few counts accepted")
	}
	if fc, err := FromCounts(h.Counts(5), 5); err != nil || fc != h {
		t.Errorf("FromCounts: %+v %v", fc, err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte{1, 2, 3}, 3)
	f.Fuzz(func(t *testing.T, data []byte, points int) {
		if points < 0 || points > MaxPoints {
			return
		}
		h, err := Read(data, points)
		if err == nil && h.Sum(0, points-1) != h.N() {
			t.Fatalf("inconsistent %+v", h)
		}
	})
}
