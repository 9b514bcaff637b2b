package nps

import (
	"encoding/binary"
	"fmt"
	"math"
	"unsafe"

	"github.com/rapportkit/rapport/internal/counts"

	"github.com/rapportkit/rapport/internal/group"
)

// columnPairsFrom is the column length from which AddUint8s counts byte
// pairs through tables; shorter columns take a plain loop.
const columnPairsFrom = 1 << 16

// AddUint8s counts a column of raw scores, one byte each, at close to the
// speed memory delivers them. Every score is validated: on the first one off
// the scale nothing is counted and the error names its index.
func (t *Tally) AddUint8s(scores []uint8) error {
	if uint64(len(scores)) > math.MaxUint64-t.N() {
		return fmt.Errorf("%w: %d more responses to %d", ErrOverflow, len(scores), t.N())
	}
	lo, hi := t.Scale().Min(), t.Scale().Max()
	if lo < 0 || hi > 15 {
		return t.addEach(len(scores), func(i int) int { return int(scores[i]) })
	}
	var raw [16]uint64
	valid := countBytes(scores, uint8(hi), &raw)
	for v := range lo {
		valid = valid && raw[v] == 0
	}
	if !valid {
		return t.addEach(len(scores), func(i int) int { return int(scores[i]) })
	}
	h := t.c.Histogram()
	for v := lo; v <= hi; v++ {
		h.AddN(v-lo, raw[v]) // cannot overflow: the total was checked
	}
	return nil
}

// AddInt8s counts a column of raw scores held as signed bytes, like
// AddUint8s; negative scores are rejected like any other off the scale.
func (t *Tally) AddInt8s(scores []int8) error {
	if t.Scale().Min() < 0 {
		return t.addEach(len(scores), func(i int) int { return int(scores[i]) })
	}
	// A negative int8 reads as a byte ≥ 128: off every non-negative scale.
	return t.AddUint8s(unsafe.Slice((*uint8)(unsafe.Pointer(unsafe.SliceData(scores))), len(scores)))
}

// addEach adds score(0..n−1) one by one, all or nothing; the error names
// the index of the first score off the scale.
func (t *Tally) addEach(n int, score func(int) int) error {
	u := *t
	for i := range n {
		if err := u.Add(score(i)); err != nil {
			return group.At("score", i, err)
		}
	}
	*t = u
	return nil
}

// countBytes adds to raw[v] the number of bytes equal to v and reports
// whether every byte is at most hi ≤ 15 (if not, raw is incomplete).
//
// Long columns are read sixteen bytes a round. A pair of bytes (a, b) with
// a, b ≤ 15 read as a 16-bit word and masked with 0x0f0f indexes a table of
// pair counts, so one increment counts two scores; eight tables, one per
// pair position in the round, keep the increments independent. A byte
// above hi is found with carry-free SWAR arithmetic, eight bytes at once.
func countBytes(scores []uint8, hi uint8, raw *[16]uint64) bool {
	if len(scores) < columnPairsFrom {
		var h [256]uint64
		for _, s := range scores {
			h[s]++
		}
		valid := 0
		for v := 0; v <= int(hi); v++ {
			raw[v] += h[v]
			valid += int(h[v])
		}
		return valid == len(scores)
	}
	const (
		ones  = 0x0101010101010101
		high  = 0x8080808080808080
		round = 16
		chunk = 1 << 31 // rounds before a uint32 slot could overflow
	)
	var (
		pairs  [8][0x0f0f + 1]uint32 // pairs[k][a|b<<8] counts (a, b) at position k
		bad    uint64
		over   = uint64(0x7f-hi) * ones // y + over ≥ 0x80 ⇔ y > hi, for y < 0x80
		rounds = len(scores) / round
	)
	for start := 0; start < rounds; start += chunk {
		end := min(start+chunk, rounds)
		for r := start; r < end; r++ {
			x := binary.LittleEndian.Uint64(scores[round*r:])
			y := binary.LittleEndian.Uint64(scores[round*r+8:])
			// A carry between bytes only starts at a byte ≥ 0x80, itself bad.
			bad |= (x | (x + over) | y | (y + over)) & high
			pairs[0][x&0x0f0f]++
			pairs[1][(x>>16)&0x0f0f]++
			pairs[2][(x>>32)&0x0f0f]++
			pairs[3][(x>>48)&0x0f0f]++
			pairs[4][y&0x0f0f]++
			pairs[5][(y>>16)&0x0f0f]++
			pairs[6][(y>>32)&0x0f0f]++
			pairs[7][(y>>48)&0x0f0f]++
		}
		if bad != 0 {
			return false
		}
		for k := range pairs {
			for a := 0; a <= int(hi); a++ {
				for b := 0; b <= int(hi); b++ {
					c := uint64(pairs[k][a|b<<8])
					raw[a] += c
					raw[b] += c
					pairs[k][a|b<<8] = 0
				}
			}
		}
	}
	for _, s := range scores[round*rounds:] {
		if s > hi {
			return false
		}
		raw[s]++
	}
	return true
}

// TallyColumns tallies grouped data held in columns, the layout of an
// Arrow or Parquet table or of a CSV read column by column: row i is a
// response of score scores[i] in group groups[i], where groups are
// numbered 0..nGroups−1 (at most 2²⁰; a dictionary-encoded column is such
// a numbering). It returns one tally on scale s per group, at the speed of
// a plain (group, score) histogram, and does not allocate per row. Every
// row is validated: columns of unequal lengths or a group not below
// nGroups fail with ErrColumns, a score off the scale with
// ErrScoreOutOfRange, naming the row, and nothing is returned.
func TallyColumns(groups []uint32, scores []uint8, s Scale, nGroups int) ([]Tally, error) {
	return counts.Columns(&kind, s, groups, scores, nGroups, func(c counts.Tally[Scale]) Tally { return Tally{c} })
}
