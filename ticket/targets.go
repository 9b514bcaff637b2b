package ticket

import (
	"fmt"
	"maps"
	"slices"
	"time"
)

// Target is a service-level target of one priority: the longest first
// reply time and the longest resolution time that meet it (zero: no
// target for that measure), in calendar time, or in the business hours of
// the tally's calendar when Business is set.
type Target struct {
	FirstReply time.Duration `json:"first_reply"`
	Resolution time.Duration `json:"resolution"`
	Business   bool          `json:"business"`
}

// Targets maps a ticket priority to its target. Priorities match
// Ticket.Priority exactly, as the source writes them ("urgent" is not
// "Urgent"); tickets of a priority without a target are in every figure
// but the SLA rows.
type Targets map[string]Target

// MaxPriorities bounds the priorities of Targets, and MaxPriority the
// length of a priority's name in bytes.
const (
	MaxPriorities = 64
	MaxPriority   = 64
)

// target is one priority's target with its counts.
type target struct {
	priority string
	Target
	slaCounts
}

// slaCounts are the tickets of one priority: all of them, those replied
// and solved, and those of them that missed the target.
type slaCounts struct {
	tickets, replied, replyBreached, solved, resolutionBreached uint64
}

// sortedTargets checks targets and returns them sorted by priority.
func sortedTargets(targets Targets, business bool) ([]target, error) {
	if len(targets) > MaxPriorities {
		return nil, fmt.Errorf("%w: %d priorities, at most %d", ErrTarget, len(targets), MaxPriorities)
	}
	out := make([]target, 0, len(targets))
	for _, p := range slices.Sorted(maps.Keys(targets)) {
		g := targets[p]
		switch {
		case len(p) > MaxPriority:
			return nil, fmt.Errorf("%w: priority name of %d bytes, at most %d", ErrTarget, len(p), MaxPriority)
		case g.FirstReply < 0 || g.Resolution < 0:
			return nil, fmt.Errorf("%w: priority %q: negative target", ErrTarget, p)
		case g.Business && !business:
			return nil, fmt.Errorf("%w: priority %q: business hours without a calendar", ErrTarget, p)
		}
		out = append(out, target{priority: p, Target: g})
	}
	return out, nil
}
