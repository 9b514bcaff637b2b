package survey

import (
	"fmt"
	"iter"

	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/nps"
)

// NPSOf tallies the NPS answers of responses on the 0–10 scale; responses
// without one are left out. The first bad score stops it with an error
// naming the response.
func NPSOf(responses iter.Seq[Response]) (*nps.Tally, error) {
	return of(responses, (*Response).nps, func() *nps.Tally { return new(nps.Tally) }, (*nps.Tally).Add)
}

// NPSBy tallies the NPS answers of responses in groups chosen by key: a
// channel, an agent, a period (period.MonthOf(r.At, loc)). Responses
// without an NPS answer are left out, and make no group.
func NPSBy[K comparable](responses iter.Seq[Response], key func(Response) K) (map[K]*nps.Tally, error) {
	return by(responses, key, (*Response).nps, func() *nps.Tally { return new(nps.Tally) }, (*nps.Tally).Add)
}

// CSATOf tallies the CSAT answers of responses on scale s.
func CSATOf(responses iter.Seq[Response], s csat.Scale) (*csat.Tally, error) {
	return of(responses, (*Response).csat, func() *csat.Tally { return csat.NewTally(s) }, (*csat.Tally).Add)
}

// CSATBy tallies the CSAT answers of responses on scale s in groups
// chosen by key, as NPSBy does.
func CSATBy[K comparable](responses iter.Seq[Response], s csat.Scale, key func(Response) K) (map[K]*csat.Tally, error) {
	return by(responses, key, (*Response).csat, func() *csat.Tally { return csat.NewTally(s) }, (*csat.Tally).Add)
}

// CESOf tallies the CES answers of responses on scale s.
func CESOf(responses iter.Seq[Response], s ces.Scale) (*ces.Tally, error) {
	return of(responses, (*Response).ces, func() *ces.Tally { return ces.NewTally(s) }, (*ces.Tally).Add)
}

// CESBy tallies the CES answers of responses on scale s in groups chosen
// by key, as NPSBy does.
func CESBy[K comparable](responses iter.Seq[Response], s ces.Scale, key func(Response) K) (map[K]*ces.Tally, error) {
	return by(responses, key, (*Response).ces, func() *ces.Tally { return ces.NewTally(s) }, (*ces.Tally).Add)
}

func (r *Response) nps() Score  { return r.NPS }
func (r *Response) csat() Score { return r.CSAT }
func (r *Response) ces() Score  { return r.CES }

func of[A any](responses iter.Seq[Response], answer func(*Response) Score, fresh func() A, add func(A, int) error) (A, error) {
	a := fresh()
	i := 0
	for r := range responses {
		if v, ok := answer(&r).Value(); ok {
			if err := add(a, v); err != nil {
				var zero A
				return zero, fmt.Errorf("survey: response %d (id %q): %w", i, r.ID, err)
			}
		}
		i++
	}
	return a, nil
}

func by[K comparable, A any](responses iter.Seq[Response], key func(Response) K, answer func(*Response) Score, fresh func() A, add func(A, int) error) (map[K]A, error) {
	groups := make(map[K]A)
	i := 0
	for r := range responses {
		if v, ok := answer(&r).Value(); ok {
			k := key(r)
			a, found := groups[k]
			if !found {
				a = fresh()
			}
			if err := add(a, v); err != nil {
				return nil, fmt.Errorf("survey: response %d (id %q): %w", i, r.ID, err)
			}
			groups[k] = a
		}
		i++
	}
	return groups, nil
}
