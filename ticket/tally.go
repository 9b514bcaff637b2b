package ticket

import (
	"fmt"
	"iter"
	"math"
	"time"

	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/histogram"
)

// Tally accumulates tickets: their first reply and resolution times as
// exact histograms (in calendar time and, with a calendar, in business
// hours), one-touch resolutions, reopens, and the tickets of each
// priority with a target that missed it. It keeps the accumulator
// contract of the module (see package rapport).
//
// The zero value is ready: no targets, no calendar. NewTally sets both;
// tallies merge only with equal targets and calendars.
type Tally struct {
	targets []target // sorted by priority
	cal     *hours.Calendar

	n uint64
	// Calendar and business time to the first reply and to the (last)
	// solve; the business histograms stay empty without a calendar.
	reply, resolution, bizReply, bizResolution histogram.Durations
	// Among solved tickets: replies known and of them exactly one; reopens
	// known and of them at least one.
	repliesKnown, oneTouch, reopensKnown, reopened uint64
}

// NewTally returns an empty tally with SLA targets per priority and a
// business calendar (nil for none). Targets in business hours need a
// calendar (ErrTarget).
func NewTally(targets Targets, cal *hours.Calendar) (*Tally, error) {
	ts, err := sortedTargets(targets, cal != nil)
	if err != nil {
		return nil, err
	}
	return &Tally{targets: ts, cal: cal}, nil
}

// Calendar returns the tally's business calendar, nil if it has none.
func (t *Tally) Calendar() *hours.Calendar { return t.cal }

// Targets returns a copy of the tally's targets.
func (t *Tally) Targets() Targets {
	out := make(Targets, len(t.targets))
	for _, g := range t.targets {
		out[g.priority] = g.Target
	}
	return out
}

// find returns the target of priority p, or nil.
func (t *Tally) find(p string) *target {
	for i := range t.targets {
		if t.targets[i].priority == p {
			return &t.targets[i]
		}
	}
	return nil
}

// Add adds a ticket, after Validate. With a calendar it also measures
// the ticket's first reply and resolution in business hours
// (hours.Calendar.Between), which fails with the calendar's error for a
// span longer than hours.MaxDays. On error the tally is unchanged.
func (t *Tally) Add(k Ticket) error { return t.AddN(k, 1) }

// AddN adds n equal tickets, as n calls of Add would.
func (t *Tally) AddN(k Ticket, n uint64) error {
	if err := k.Validate(); err != nil {
		return err
	}
	if t.n > math.MaxUint64-n {
		return fmt.Errorf("%w: ticket %q: more than 2⁶⁴−1 tickets", ErrOverflow, k.ID)
	}
	if n == 0 {
		return nil
	}
	replied, solved := !k.FirstReply.IsZero(), !k.Solved.IsZero()
	var reply, resolution, bizReply, bizResolution time.Duration
	if replied {
		reply = k.FirstReply.Sub(k.Created)
	}
	if solved {
		resolution = k.Solved.Sub(k.Created)
	}
	if t.cal != nil {
		var err error
		if replied {
			if bizReply, err = t.cal.Between(k.Created, k.FirstReply); err != nil {
				return fmt.Errorf("ticket: ticket %q: first reply in business hours: %w", k.ID, err)
			}
		}
		if solved {
			if bizResolution, err = t.cal.Between(k.Created, k.Solved); err != nil {
				return fmt.Errorf("ticket: ticket %q: resolution in business hours: %w", k.ID, err)
			}
		}
	}
	// Nothing fails from here on.
	t.n += n
	if replied {
		t.reply.AddN(reply, binUnit, n)
		if t.cal != nil {
			t.bizReply.AddN(bizReply, binUnit, n)
		}
	}
	if solved {
		t.resolution.AddN(resolution, binUnit, n)
		if t.cal != nil {
			t.bizResolution.AddN(bizResolution, binUnit, n)
		}
	}
	if solved {
		if k.Replies != Unknown {
			t.repliesKnown += n
			if k.Replies == 1 {
				t.oneTouch += n
			}
		}
		if k.Reopens != Unknown {
			t.reopensKnown += n
			if k.Reopens > 0 {
				t.reopened += n
			}
		}
	}
	if g := t.find(k.Priority); g != nil {
		g.tickets += n
		if replied {
			g.replied += n
			if g.FirstReply > 0 && breached(reply, bizReply, g.FirstReply, g.Business) {
				g.replyBreached += n
			}
		}
		if solved {
			g.solved += n
			if g.Resolution > 0 && breached(resolution, bizResolution, g.Resolution, g.Business) {
				g.resolutionBreached += n
			}
		}
	}
	return nil
}

// breached reports whether a time missed its target: it took longer.
func breached(calendar, business, limit time.Duration, inBusiness bool) bool {
	if inBusiness {
		return business > limit
	}
	return calendar > limit
}

// sameParams reports whether t and u have the same targets and calendar.
func (t *Tally) sameParams(u *Tally) bool {
	if len(t.targets) != len(u.targets) || !t.cal.Equal(u.cal) {
		return false
	}
	for i := range t.targets {
		if t.targets[i].priority != u.targets[i].priority || t.targets[i].Target != u.targets[i].Target {
			return false
		}
	}
	return true
}

// Merge adds everything u holds (nothing for nil; t.Merge(t) doubles
// t). Tallies with different targets or calendars do not merge
// (ErrMismatch); a merge past 2⁶⁴−1 tickets fails with ErrOverflow. On
// error t is unchanged.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	if !t.sameParams(u) {
		return fmt.Errorf("%w: targets or calendars differ", ErrMismatch)
	}
	if t.n > math.MaxUint64-u.n {
		return fmt.Errorf("%w: more than 2⁶⁴−1 tickets", ErrOverflow)
	}
	if u == t {
		u = t.Clone()
	}
	t.n += u.n
	for _, p := range [...][2]*histogram.Durations{{&t.reply, &u.reply}, {&t.resolution, &u.resolution},
		{&t.bizReply, &u.bizReply}, {&t.bizResolution, &u.bizResolution}} {
		p[0].Merge(p[1])
	}
	t.repliesKnown += u.repliesKnown
	t.oneTouch += u.oneTouch
	t.reopensKnown += u.reopensKnown
	t.reopened += u.reopened
	for i := range t.targets {
		a, b := &t.targets[i].slaCounts, u.targets[i].slaCounts
		a.tickets += b.tickets
		a.replied += b.replied
		a.replyBreached += b.replyBreached
		a.solved += b.solved
		a.resolutionBreached += b.resolutionBreached
	}
	return nil
}

// N returns the number of tickets added.
func (t *Tally) N() uint64 { return t.n }

// Clone returns an independent copy (the calendar, immutable, is shared).
func (t *Tally) Clone() *Tally {
	c := *t
	c.targets = append([]target(nil), t.targets...)
	c.reply, c.resolution = t.reply.Clone(), t.resolution.Clone()
	c.bizReply, c.bizResolution = t.bizReply.Clone(), t.bizResolution.Clone()
	return &c
}

// TallyOf adds every ticket of seq to a new tally with the targets and
// calendar. The first bad ticket stops it with an error naming its
// position.
func TallyOf(tickets iter.Seq[Ticket], targets Targets, cal *hours.Calendar) (*Tally, error) {
	t, err := NewTally(targets, cal)
	if err != nil {
		return nil, err
	}
	return group.Of(tickets, "ticket", t, (*Tally).Add)
}

// TallyBy adds every ticket of seq to the tally of its key (a priority,
// a group, an assignee, a channel, a month…), each with the targets and
// calendar. The first bad ticket stops it with an error naming its
// position.
func TallyBy[K comparable](tickets iter.Seq[Ticket], targets Targets, cal *hours.Calendar, key func(Ticket) K) (map[K]*Tally, error) {
	proto, err := NewTally(targets, cal)
	if err != nil {
		return nil, err
	}
	return group.By(tickets, "ticket", key, proto.Clone, (*Tally).Add)
}
