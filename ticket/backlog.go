package ticket

import (
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/histogram"
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
	var b backlog
	if err := foldBacklog(tickets, at, func(Ticket) *backlog { return &b }); err != nil {
		return BacklogResult{}, err
	}
	return b.result(at), nil
}

// BacklogBy returns the backlog at instant at of each key (a group, a
// priority, an assignee…) that has a ticket in tickets, open or not: a
// key whose tickets are all solved by at has an empty backlog.
func BacklogBy[K comparable](tickets iter.Seq[Ticket], at time.Time, key func(Ticket) K) (map[K]BacklogResult, error) {
	groups := make(map[K]*backlog)
	err := foldBacklog(tickets, at, func(k Ticket) *backlog {
		g, ok := groups[key(k)]
		if !ok {
			g = new(backlog)
			groups[key(k)] = g
		}
		return g
	})
	if err != nil {
		return nil, err
	}
	out := make(map[K]BacklogResult, len(groups))
	for k, g := range groups {
		out[k] = g.result(at)
	}
	return out, nil
}

// backlog accumulates the open tickets at an instant.
type backlog struct {
	ages   histogram.Durations
	bands  [len(AgeBands)]uint64
	oldest time.Duration
}

// foldBacklog validates every ticket and adds the open ones to the backlog of
// their group.
func foldBacklog(tickets iter.Seq[Ticket], at time.Time, of func(Ticket) *backlog) error {
	if at.IsZero() {
		return fmt.Errorf("%w: backlog at the zero time", ErrTime)
	}
	i := 0
	for k := range tickets {
		if err := k.Validate(); err != nil {
			return group.At("ticket", i, err)
		}
		i++
		g := of(k)
		if k.Created.After(at) || (!k.Solved.IsZero() && !k.Solved.After(at)) {
			continue
		}
		age := at.Sub(k.Created)
		g.ages.Add(age, binUnit)
		g.oldest = max(g.oldest, age)
		b := len(AgeBands) - 1
		for b > 0 && age < time.Duration(AgeBands[b])*24*time.Hour {
			b--
		}
		g.bands[b]++
	}
	return nil
}

func (g *backlog) result(at time.Time) BacklogResult {
	r := BacklogResult{At: at, Open: g.ages.N(), OldestSeconds: unit.Seconds(g.oldest, g.ages.N() > 0), Age: timesOf(&g.ages)}
	for b, from := range AgeBands {
		band := Band{FromDays: float64(from), Tickets: g.bands[b]}
		if b+1 < len(AgeBands) {
			to := float64(AgeBands[b+1])
			band.ToDays = &to
		}
		r.Bands = append(r.Bands, band)
	}
	return r
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
