package counts

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/group"
)

// MaxGroups is the most groups Columns tallies at once: its working
// histogram takes 64 bytes a group.
const MaxGroups = 1 << 20

// stride is the number of counters a group takes in Columns' working
// histogram: a power of two at least MaxPoints, so that a row's counter is
// found with a shift.
const stride = 16

// chunk is the most rows Columns counts in 32-bit counters before adding
// them to the tallies.
const chunk = math.MaxUint32

// Columns tallies a column of raw scores in groups: row i counts
// scores[i] on scale s in the tally of group groups[i], for nGroups groups
// numbered from 0, and returns the nGroups tallies. Every row is
// validated: the two columns must have one element per row, each group
// must be below nGroups (at most MaxGroups) and each score on the scale,
// else nothing is returned and the error (k.ErrColumns or k.ErrScore)
// names the row. Each tally is handed to wrap, which makes it the
// package's own type.
//
// It does not allocate per row: one 32-bit counter per group and point,
// counted in one pass over the columns with the loop of a plain
// (group, score) histogram and two compares for validation.
func Columns[S Scale, T any](k *Kind[S], s S, groups []uint32, scores []uint8, nGroups int, wrap func(Tally[S]) T) ([]T, error) {
	if len(groups) != len(scores) {
		return nil, fmt.Errorf("%w: %d groups for %d scores", k.ErrColumns, len(groups), len(scores))
	}
	if nGroups < 0 || nGroups > MaxGroups {
		return nil, fmt.Errorf("%w: %d groups not in 0..%d", k.ErrColumns, nGroups, MaxGroups)
	}
	lo, hi := s.Min(), s.Max()
	points := uint(hi - lo + 1)
	h := make([]uint32, nGroups*stride)
	tallies := make([]Tally[S], nGroups)
	for g := range tallies {
		tallies[g].scale = s
	}
	for start := 0; start < len(scores); start += chunk {
		end := start + min(chunk, len(scores)-start)
		g, sc := groups[start:end], scores[start:end]
		for i, v := range sc {
			grp, d := uint(g[i]), uint(int(v)-lo)
			if grp >= uint(nGroups) || d >= points {
				return nil, refusedRow(k, start+i, grp, nGroups, int(v), lo, hi)
			}
			h[grp*stride+d]++
		}
		for grp := range tallies {
			cs := h[grp*stride : grp*stride+int(points)]
			for d, c := range cs {
				tallies[grp].h.AddN(d, uint64(c)) // at most len(scores) in all: no overflow
				cs[d] = 0
			}
		}
	}
	out := make([]T, nGroups)
	for g := range tallies {
		out[g] = wrap(tallies[g])
	}
	return out, nil
}

// refusedRow returns the error of row i of Columns, out of its loop.
func refusedRow[S Scale](k *Kind[S], i int, grp uint, nGroups, score, lo, hi int) error {
	if grp >= uint(nGroups) {
		return group.At("row", i, fmt.Errorf("%w: group %d not below %d", k.ErrColumns, grp, nGroups))
	}
	return group.At("row", i, k.badScore(lo, hi, score))
}
