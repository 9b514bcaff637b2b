package ticket

import (
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/unit"
)

// AgeBands are the lower bounds, in days, of the age bands of a
// backlog: under 1 day, 1–3 days, 3–7 days, 7–30 days, 30 days and more.
var AgeBands = [...]int{0, 1, 3, 7, 30}

// BacklogResult is the backlog at an instant: the tickets open then and
// their ages.
type BacklogResult struct {
	At   time.Time `json:"at"`
	Open uint64    `json:"open"`
	// Age summarises the ages (at − created) of the open tickets; its
	// percentiles are read as Tally.Percentile reads times.
	Age           Times    `json:"age"`
	OldestSeconds *float64 `json:"oldest_seconds"`
	// Bands counts the open tickets by age, one count for each band of
	// AgeBands.
	Bands []Band `json:"bands"`
}

// Band is the open tickets of one age band [FromDays, ToDays) (no upper
// bound for the last: ToDays is null).
type Band struct {
	FromDays float64  `json:"from_days"`
	ToDays   *float64 `json:"to_days"`
	Tickets  uint64   `json:"tickets"`
}

// Backlog returns the backlog at instant at: the tickets created at or
// before at and not solved by then (unsolved, or solved after at), with
// the distribution of their ages. Solved is a ticket's last solve, so a
// ticket reopened and solved again counts as open from creation to that
// solve. Every ticket is validated first; the first bad one stops it,
// named by its position. A zero at is ErrTime.
func Backlog(tickets iter.Seq[Ticket], at time.Time) (BacklogResult, error) {
	if at.IsZero() {
		return BacklogResult{}, fmt.Errorf("%w: backlog at the zero time", ErrTime)
	}
	var ages durations
	var bands [len(AgeBands)]uint64
	var oldest time.Duration
	i := 0
	for k := range tickets {
		if err := k.Validate(); err != nil {
			return BacklogResult{}, group.At("ticket", i, err)
		}
		i++
		if k.Created.After(at) || (!k.Solved.IsZero() && !k.Solved.After(at)) {
			continue
		}
		age := at.Sub(k.Created)
		ages.add(age, 1)
		oldest = max(oldest, age)
		b := len(AgeBands) - 1
		for b > 0 && age < time.Duration(AgeBands[b])*24*time.Hour {
			b--
		}
		bands[b]++
	}
	r := BacklogResult{At: at, Open: ages.n, OldestSeconds: unit.Seconds(oldest, ages.n > 0)}
	r.Age = ages.times()
	for b, from := range AgeBands {
		band := Band{FromDays: float64(from), Tickets: bands[b]}
		if b+1 < len(AgeBands) {
			to := float64(AgeBands[b+1])
			band.ToDays = &to
		}
		r.Bands = append(r.Bands, band)
	}
	return r, nil
}

// String returns the backlog for people.
func (r BacklogResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "backlog at %s: %d open, oldest %s\nage: %v", r.At.Format(time.RFC3339), r.Open, seconds(r.OldestSeconds), r.Age)
	for _, band := range r.Bands {
		to := "∞"
		if band.ToDays != nil {
			to = fmt.Sprint(*band.ToDays)
		}
		fmt.Fprintf(&b, "\n%v–%s days: %d", band.FromDays, to, band.Tickets)
	}
	return b.String()
}
