package histogram

import (
	"encoding/binary"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/wire"
)

// AppendBinary appends the binary form: the number of bins, the counts,
// and the sum, as uvarints.
func (h *Durations) AppendBinary(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(h.counts)))
	for _, c := range h.counts {
		b = binary.AppendUvarint(b, c)
	}
	return h.sum.AppendBinary(b)
}

// Read reads the binary form AppendBinary writes, failing d on more bins
// than a duration in the unit has or than the bytes left could hold (a
// count takes a byte at least). The result is to be checked by Settle.
func Read(d *wire.Decoder, unit time.Duration) Durations {
	var h Durations
	k := d.Uvarint()
	if k > uint64(d.Len()) || k > uint64(MaxBin(unit))+1 {
		d.Fail("histogram of %d bins in %d bytes", k, d.Len())
		return h
	}
	if k > 0 {
		h.counts = make([]uint64, k)
	}
	for i := range h.counts {
		h.counts[i] = d.Uvarint()
	}
	h.sum = nanos.Read(d)
	return h
}

// JSON is the JSON form of a histogram.
type JSON struct {
	Counts []uint64 `json:"counts"`
	SumNS  string   `json:"sum_ns"`
}

// maxSumText bounds the text of a sum: 2¹²⁸ has 39 digits.
const maxSumText = 40

// JSON returns the JSON form of h (counts [] when empty).
func (h *Durations) JSON() JSON {
	c := h.counts
	if c == nil {
		c = []uint64{}
	}
	return JSON{c, h.sum.String()}
}

// Durations returns the histogram of the JSON form, sharing its counts,
// or false if the sum is not a decimal of at most 128 bits or there are
// more bins than a duration in the unit has. The result is to be checked
// by Settle.
func (j JSON) Durations(unit time.Duration) (Durations, bool) {
	if len(j.SumNS) > maxSumText || len(j.Counts) > MaxBin(unit)+1 {
		return Durations{}, false
	}
	s, ok := nanos.Parse(j.SumNS)
	if !ok {
		return Durations{}, false
	}
	h := Durations{sum: s}
	if len(j.Counts) > 0 {
		h.counts = j.Counts
	}
	return h, true
}

// Settle sets the count of a decoded histogram from its bins and reports
// whether Add could have made it: no trailing zero, no more bins than a
// duration in the unit has, counts that add up within 64 bits, and a sum
// above the lower edges of its durations and at most their upper edges
// (bounds in 128 bits: at most 2⁶⁴ durations of at most 2⁶³ ns).
func (h *Durations) Settle(unit time.Duration) bool {
	if len(h.counts) == 0 {
		h.counts = nil
	}
	h.n = 0
	if len(h.counts) > 0 && h.counts[len(h.counts)-1] == 0 || len(h.counts) > MaxBin(unit)+1 {
		return false
	}
	var lo, hi nanos.Sum
	for b, c := range h.counts {
		if h.n > math.MaxUint64-c {
			return false
		}
		h.n += c
		if c == 0 {
			continue
		}
		l, u := Edges(b)
		least := l * uint64(unit) // a duration in the bin exceeds it, or is 0 in bin 0
		if b > 0 {
			least++
		}
		most := uint64(math.MaxInt64)
		if u <= uint64(math.MaxInt64/unit) {
			most = u * uint64(unit)
		}
		lo.Merge(nanos.Product(least, c))
		hi.Merge(nanos.Product(most, c))
	}
	return h.sum.Cmp(lo) >= 0 && h.sum.Cmp(hi) <= 0
}
