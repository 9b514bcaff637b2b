package csat

import "github.com/rapportkit/rapport/internal/counts"

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
