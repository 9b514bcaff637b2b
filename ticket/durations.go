package ticket

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/wire"
)

// Durations are binned as operations bins its response times (see
// operations' waits): whole minutes rounded up, a bin a minute up to
// exactBins minutes (8 h 32 min), then each doubling [2ᵉ, 2ᵉ⁺¹) minutes
// cut into subBins bins, so that a bin is at most 1/256 of its values
// wide. Percentiles are the upper edge of their bin: exact to the minute
// up to 8 h 32 min, within 0.4 % above; the mean is exact (the sum is
// kept to the nanosecond).
const (
	binUnit   = time.Minute
	exactBins = 512
	subBits   = 8
	subBins   = 1 << subBits
)

// durations is a mergeable histogram of durations with their exact sum.
type durations struct {
	counts []uint64 // counts[bin]; no trailing zero
	n      uint64
	sum    nanos.Sum
}

// binOf returns the bin of a duration of v whole minutes.
func binOf(v uint64) int {
	if v <= exactBins {
		return int(v)
	}
	e := bits.Len64(v-1) - 1
	return exactBins + 1 + (e-9)*subBins + int((v-1)>>(e-subBits)-subBins)
}

// edges returns the minutes lo < v ≤ hi of a bin (bin 0 holds 0 only).
func edges(bin int) (lo, hi uint64) {
	if bin <= exactBins {
		return uint64(max(bin-1, 0)), uint64(bin)
	}
	k := bin - exactBins - 1
	s := 9 + k/subBins - subBits
	m := uint64(subBins + k%subBins)
	return m << s, (m + 1) << s
}

// maxBin is the bin of the longest duration.
var maxBin = binOf(uint64(math.MaxInt64/binUnit) + 1)

// add adds n durations d.
func (h *durations) add(d time.Duration, n uint64) {
	v := uint64(d / binUnit)
	if d%binUnit != 0 {
		v++
	}
	b := binOf(v)
	if b >= len(h.counts) {
		h.counts = append(h.counts, make([]uint64, b+1-len(h.counts))...)
	}
	h.counts[b] += n
	h.n += n
	if n == 1 {
		h.sum.Add(uint64(d))
	} else {
		h.sum.Merge(nanos.Product(uint64(d), n))
	}
}

func (h *durations) merge(o *durations) {
	if len(o.counts) > len(h.counts) {
		h.counts = append(h.counts, make([]uint64, len(o.counts)-len(h.counts))...)
	}
	for b, c := range o.counts {
		h.counts[b] += c
	}
	h.n += o.n
	h.sum.Merge(o.sum)
}

func (h *durations) clone() durations {
	c := *h
	c.counts = slices.Clone(h.counts)
	return c
}

// percentile returns the nearest-rank p-quantile (p in [0, 1], read as
// its shortest decimal so that ⌈p·n⌉ is exact): the upper edge of the bin
// holding the ⌈p·n⌉-th smallest duration (the first for p = 0).
func (h *durations) percentile(p float64) (time.Duration, bool) {
	if h.n == 0 || !(p >= 0 && p <= 1) {
		return 0, false
	}
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(p, 'g', -1, 64))
	r.Mul(r, new(big.Rat).SetUint64(h.n))
	rank := new(big.Int).Div(r.Num(), r.Denom()) // floor: p·n ≥ 0
	if !r.IsInt() || rank.Sign() == 0 {
		rank.Add(rank, big.NewInt(1))
	}
	want := rank.Uint64()
	var seen uint64
	for b, c := range h.counts {
		if seen += c; seen >= want {
			_, hi := edges(b)
			if hi > uint64(math.MaxInt64/binUnit) {
				return math.MaxInt64, true
			}
			return time.Duration(hi) * binUnit, true
		}
	}
	return 0, false // unreachable: the counts add up to n
}

// within returns the durations of at most t, exact when t is a bin edge.
func (h *durations) within(t time.Duration) uint64 {
	limit := uint64(max(t, 0) / binUnit)
	var n uint64
	for b, c := range h.counts {
		if _, hi := edges(b); hi > limit {
			break
		}
		n += c
	}
	return n
}

func (h *durations) mean() (time.Duration, bool) {
	if h.n == 0 {
		return 0, false
	}
	return h.sum.Mean(h.n), true
}

func (h *durations) appendBinary(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(h.counts)))
	for _, c := range h.counts {
		b = binary.AppendUvarint(b, c)
	}
	return h.sum.AppendBinary(b)
}

func readDurations(d *wire.Decoder) durations {
	var h durations
	k := d.Uvarint()
	if k > uint64(d.Len()) || k > uint64(maxBin)+1 { // each count takes a byte at least
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

// durationsJSON is the JSON form of a histogram.
type durationsJSON struct {
	Counts []uint64 `json:"counts"`
	SumNS  string   `json:"sum_ns"`
}

func (h *durations) toJSON() durationsJSON {
	c := h.counts
	if c == nil {
		c = []uint64{}
	}
	return durationsJSON{c, h.sum.String()}
}

func (j durationsJSON) histogram() (durations, bool) {
	s, ok := nanos.Parse(j.SumNS)
	h := durations{sum: s}
	if len(j.Counts) > 0 {
		h.counts = j.Counts
	}
	return h, ok && len(j.Counts) <= maxBin+1
}

// settle sets n from the bins and reports whether the histogram is one
// add could make: no trailing zero, no overflow, and a sum above the
// lower edges of its durations and at most their upper edges (bounds in
// 128 bits: at most 2⁶⁴ durations of at most 2⁶³ ns).
func (h *durations) settle() bool {
	if len(h.counts) > 0 && h.counts[len(h.counts)-1] == 0 {
		return false
	}
	h.n = 0
	var lo, hi nanos.Sum
	for b, c := range h.counts {
		if h.n > math.MaxUint64-c {
			return false
		}
		h.n += c
		if c == 0 {
			continue
		}
		l, u := edges(b)
		least := l * uint64(binUnit) // a duration in the bin exceeds it, or is 0 in bin 0
		if b > 0 {
			least++
		}
		most := uint64(math.MaxInt64)
		if u <= uint64(math.MaxInt64/binUnit) {
			most = u * uint64(binUnit)
		}
		lo.Merge(nanos.Product(least, c))
		hi.Merge(nanos.Product(most, c))
	}
	return h.sum.Cmp(lo) >= 0 && h.sum.Cmp(hi) <= 0
}
