// Package counts is the exact core of the survey tallies of nps, csat and
// ces, as math/big's nat is the core of Int and Rat: a histogram of the
// answers per point of a small integer scale, and a tally of a scale over
// it with everything the three packages share — adding and merging with
// overflow checks, the mean, the standard deviation and the distribution
// of the answers, shares and their intervals, the two-sample comparison
// in points, the binary and JSON encodings of tallies and scales, labels
// and their folding, and the loop over a sequence of records. Each
// package describes itself once in a Kind. The packages keep
// the meaning of their scales (categories, boxes, bands, polarity,
// labels), their sentinel errors and their documentation; each exported
// method of theirs is a short call into this package.
package counts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/wire"
)

// MaxPoints is the most points a histogram holds (0–10 has eleven).
const MaxPoints = 11

// Histogram counts observations per point index 0..MaxPoints−1 exactly.
// Its zero value is empty. Indices are the caller's to check against its
// scale; the total never overflows: AddN and Merge refuse instead.
type Histogram struct {
	c [MaxPoints]uint64
	n uint64
}

// AddN adds n observations at index i; it returns false, changing
// nothing, if the total would pass 2⁶⁴−1.
func (h *Histogram) AddN(i int, n uint64) bool {
	if h.n > math.MaxUint64-n {
		return false
	}
	h.c[i] += n
	h.n += n
	return true
}

// Merge adds every count of o, which may be h itself; it returns false,
// changing nothing, if the total would pass 2⁶⁴−1.
func (h *Histogram) Merge(o *Histogram) bool {
	add := *o // a copy, so that h.Merge(h) doubles h
	if h.n > math.MaxUint64-add.n {
		return false
	}
	for i, c := range add.c {
		h.c[i] += c
	}
	h.n += add.n
	return true
}

// N returns the number of observations.
func (h *Histogram) N() uint64 { return h.n }

// At returns the count at index i.
func (h *Histogram) At(i int) uint64 { return h.c[i] }

// Sum returns the counts at indices from..to inclusive (0 when to < from);
// it cannot overflow, being at most N.
func (h *Histogram) Sum(from, to int) uint64 {
	var s uint64
	for i := max(from, 0); i <= min(to, MaxPoints-1); i++ {
		s += h.c[i]
	}
	return s
}

// Counts returns the counts of the first points indices.
func (h *Histogram) Counts(points int) []uint64 { return h.c[:points] }

// FromCounts returns the histogram of the counts of a points-point scale,
// or an error if there are not exactly points of them (at most MaxPoints)
// or their total passes 2⁶⁴−1.
func FromCounts(counts []uint64, points int) (Histogram, error) {
	var h Histogram
	if len(counts) != points || points > MaxPoints {
		return h, fmt.Errorf("%d counts for a %d-point scale", len(counts), points)
	}
	for i, c := range counts {
		if !h.AddN(i, c) {
			return Histogram{}, errTotal
		}
	}
	return h, nil
}

var errTotal = errors.New("counts add up to more than 2⁶⁴−1")

// Append appends the counts of the first points indices as uvarints.
func (h *Histogram) Append(b []byte, points int) []byte {
	for _, c := range h.c[:points] {
		b = binary.AppendUvarint(b, c)
	}
	return b
}

// Read reads the points uvarint counts written by Append, which must be
// all of data. It accepts only the shortest form of each number.
func Read(data []byte, points int) (Histogram, error) {
	var h Histogram
	if points > MaxPoints {
		return h, fmt.Errorf("%d points, at most %d", points, MaxPoints)
	}
	for i := range points {
		c, n := wire.Uvarint(data)
		if n <= 0 {
			return Histogram{}, errors.New("truncated, overlong or overflowing count")
		}
		if !h.AddN(i, c) {
			return Histogram{}, errTotal
		}
		data = data[n:]
	}
	if len(data) > 0 {
		return Histogram{}, fmt.Errorf("%d trailing bytes", len(data))
	}
	return h, nil
}
