package journey

import (
	"iter"

	"github.com/rapportkit/rapport/internal/group"
)

// TallyOf tallies a sequence of journeys (slices.Values(journeys) for the
// result of Link) into one Tally; call Result on it for the reporting
// view. The first invalid journey stops it with an error naming its
// position.
func TallyOf(journeys iter.Seq[Journey]) (*Tally, error) {
	return group.Of(journeys, "journey", new(Tally), (*Tally).Add)
}

// TallyBy tallies journeys in groups chosen by key: the first step's
// channel or queue, the month of the first arrival, the reason… The first
// invalid journey stops it with an error naming its position.
func TallyBy[K comparable](journeys iter.Seq[Journey], key func(Journey) K) (map[K]*Tally, error) {
	return group.By(journeys, "journey", key, func() *Tally { return new(Tally) }, (*Tally).Add)
}
