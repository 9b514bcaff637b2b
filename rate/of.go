package rate

import (
	"iter"

	"github.com/rapportkit/rapport/internal/group"
)

// TallyOf counts the records of a sequence, each one trial, a success
// when success(record) is true: sent e-mails and whether each was opened,
// say. A slice s is slices.Values(s). It fails only with ErrOverflow past
// 2⁶⁴−1 records, naming the record.
func TallyOf[R any](records iter.Seq[R], success func(R) bool) (*Tally, error) {
	return group.Of(records, "record", new(Tally), func(t *Tally, r R) error { return t.Add(success(r)) })
}

// TallyBy is TallyOf with one tally per key: per campaign, channel or
// month, or any comparable combination of them in a struct.
func TallyBy[R any, K comparable](records iter.Seq[R], success func(R) bool, key func(R) K) (map[K]*Tally, error) {
	return group.By(records, "record", key, func() *Tally { return new(Tally) },
		func(t *Tally, r R) error { return t.Add(success(r)) })
}
