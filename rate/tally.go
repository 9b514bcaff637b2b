package rate

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// Tally counts successes among trials: survey invitations and the
// responses they got, visits and conversions, e-mails sent and opened,
// bot conversations and those contained, callbacks and those that
// reached the customer. It is exact (two integer counts), its zero value
// is an empty tally, and tallies merge in any order with identical
// results. A rejected Add, Merge or decode leaves it unchanged.
type Tally struct {
	successes, n uint64
}

// FromCounts returns a tally of successes among trials, for counts that
// come already added up (an export's "sent" and "opened" columns). It
// fails with ErrCount if successes > trials.
func FromCounts(successes, trials uint64) (*Tally, error) {
	if successes > trials {
		return nil, fmt.Errorf("%w: FromCounts got %d of %d", ErrCount, successes, trials)
	}
	return &Tally{successes: successes, n: trials}, nil
}

// Add counts one trial, a success or not. It fails with ErrOverflow past
// 2⁶⁴−1 trials.
func (t *Tally) Add(success bool) error { return t.AddN(success, 1) }

// AddN counts n trials with the same outcome.
func (t *Tally) AddN(success bool, n uint64) error {
	if n > math.MaxUint64-t.n {
		return fmt.Errorf("%w: %d trials and %d more", ErrOverflow, t.n, n)
	}
	t.n += n
	if success {
		t.successes += n
	}
	return nil
}

// Merge adds the counts of u to t; a nil u adds nothing. It fails with
// ErrOverflow past 2⁶⁴−1 trials.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	if u.n > math.MaxUint64-t.n {
		return fmt.Errorf("%w: merging %d trials into %d", ErrOverflow, u.n, t.n)
	}
	t.n += u.n
	t.successes += u.successes
	return nil
}

// N returns the number of trials.
func (t *Tally) N() uint64 { return t.n }

// Successes returns the number of successes.
func (t *Tally) Successes() uint64 { return t.successes }

// Clone returns an independent copy of t.
func (t *Tally) Clone() *Tally {
	u := *t
	return &u
}

// Rate returns the share of successes in [0, 1], the exact fraction
// correctly rounded, or ok = false for an empty tally.
func (t *Tally) Rate() (float64, bool) {
	if t.n == 0 {
		return 0, false
	}
	return stat.Ratio(t.successes, t.n, 1), true
}

// counts returns the counts of t, zero for a nil tally.
func (t *Tally) counts() (x, n uint64) {
	if t == nil {
		return 0, 0
	}
	return t.successes, t.n
}
