package journey

import (
	"fmt"
	"math/bits"

	"github.com/rapportkit/rapport/operations"
)

// numChannels is the number of operations channels, the size of the
// repeat matrix's sides.
const numChannels = int(operations.SMS)

// The counters of a Tally, by index in Tally.c.
const (
	cJourneys       = iota                // journeys
	cSteps                                // steps of every journey
	cDigital                              // steps on a digital channel
	cAutomatedSteps                       // steps served by a bot or self-service
	cTransfers                            // steps with TransferredTo
	cAgentToAgent                         // transfers from an agent step to an agent step
	cBotToAgent                           // transfers from a bot step to an agent step
	cTakenOver                            // bot-to-agent transfers the agent answered
	cTierPairs                            // consecutive agent steps with both tiers known
	cTierUp                               // of them, to a higher tier
	cAutomated                            // journeys started by a bot or self-service
	cContained                            // of them, resolved with no agent step
	cEscalated                            // of them, with an agent step
	cSwitched                             // journeys whose first and last channels differ
	cResolved                             // journeys whose last step is resolved
	cTransferred                          // journeys with a transfer
	cBase                                 // steps not transferred, by channel: numChannels counters
	cRepeats        = cBase + numChannels // repeat contacts by from and to channel: numChannels² counters
	numCounters     = cRepeats + numChannels*numChannels
)

// Tally accumulates journeys: transfers and escalations, containment of
// the journeys automation starts, channel switching, repeat contacts by
// channel pair, and the digital and self-service shares of the steps.
// The zero value is an empty tally; it follows the accumulator contract
// of package rapport (Add, AddN, Merge, N, Clone, Result, binary and
// JSON encodings), and Add does not allocate. See the package
// documentation for the definitions.
type Tally struct {
	c [numCounters]uint64
}

// Add adds a journey; an invalid one (Journey.Validate) is rejected with
// its error and the tally is unchanged.
func (t *Tally) Add(j Journey) error { return t.AddN(j, 1) }

// AddN adds n copies of a journey, as n calls of Add would; an invalid
// journey, or counts that would pass 2⁶⁴−1 (ErrOverflow), leave the tally
// unchanged.
func (t *Tally) AddN(j Journey, n uint64) error {
	if err := j.Validate(); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	// No counter exceeds the steps (check keeps it so for decoded
	// tallies), and none grows by more than the steps do: if the steps
	// do not overflow, no counter does.
	hi, lo := bits.Mul64(uint64(len(j.Steps)), n)
	if _, carry := bits.Add64(t.c[cSteps], lo, 0); hi|carry != 0 {
		return fmt.Errorf("%w: more than 2⁶⁴−1 steps", ErrOverflow)
	}
	count(t, contiguous(j.Steps), n)
	return nil
}

// view is the steps of a journey: contiguous (a Journey's), or in the
// order of sorted keys (Linker.Tally's, which moves no step).
type view interface {
	len() int
	at(i int) *Step
}

type contiguous []Step

func (v contiguous) len() int       { return len(v) }
func (v contiguous) at(i int) *Step { return &v[i] }

type indexed struct {
	steps []Step
	keys  []linkKey
}

func (v indexed) len() int       { return len(v.keys) }
func (v indexed) at(i int) *Step { return &v.steps[v.keys[i].idx] }

// count adds n times the counters of one valid journey to t.
func count[V view](t *Tally, steps V, n uint64) {
	c := &t.c
	k := steps.len()
	c[cJourneys] += n
	c[cSteps] += uint64(k) * n
	first, last := steps.at(0), steps.at(k-1)
	agent, transferred := false, false
	for i := range k {
		s := steps.at(i)
		ch := int(s.Contact.Channel) - 1
		if s.Contact.Channel.Digital() {
			c[cDigital] += n
		}
		if s.Handler.Automated() {
			c[cAutomatedSteps] += n
		}
		if s.Handler == Agent {
			agent = true
		}
		var next *Step
		if i+1 < k {
			next = steps.at(i + 1)
		}
		if s.TransferredTo != "" {
			transferred = true
			c[cTransfers] += n
			if next != nil && next.Handler == Agent {
				switch s.Handler {
				case Agent:
					c[cAgentToAgent] += n
				case Bot:
					c[cBotToAgent] += n
					if next.Contact.Outcome == operations.Answered {
						c[cTakenOver] += n
					}
				}
			}
		} else {
			c[cBase+ch] += n
			if next != nil {
				c[cRepeats+ch*numChannels+int(next.Contact.Channel)-1] += n
			}
		}
		if next != nil && s.Handler == Agent && next.Handler == Agent && s.Tier > 0 && next.Tier > 0 {
			c[cTierPairs] += n
			if next.Tier > s.Tier {
				c[cTierUp] += n
			}
		}
	}
	if first.Handler.Automated() {
		c[cAutomated] += n
		switch {
		case agent:
			c[cEscalated] += n
		case last.Contact.Resolved:
			c[cContained] += n
		}
	}
	if first.Contact.Channel != last.Contact.Channel {
		c[cSwitched] += n
	}
	if last.Contact.Resolved {
		c[cResolved] += n
	}
	if transferred {
		c[cTransferred] += n
	}
}

// Merge adds everything u holds; nil adds nothing. Counts that would
// pass 2⁶⁴−1 fail with ErrOverflow and leave t unchanged.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	if _, carry := bits.Add64(t.c[cSteps], u.c[cSteps], 0); carry != 0 {
		return fmt.Errorf("%w: more than 2⁶⁴−1 steps", ErrOverflow)
	}
	for i, x := range u.c { // no counter exceeds the steps: none overflows
		t.c[i] += x
	}
	return nil
}

// N returns the number of journeys added.
func (t *Tally) N() uint64 { return t.c[cJourneys] }

// Clone returns an independent copy.
func (t *Tally) Clone() *Tally {
	u := *t
	return &u
}

// Steps returns the number of steps of the journeys added.
func (t *Tally) Steps() uint64 { return t.c[cSteps] }

// share returns num / den, or ok = false when den is 0.
func share(num, den uint64) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// Containment returns the share of the journeys a bot or self-service
// started that were resolved with no agent step; undefined without such
// journeys.
func (t *Tally) Containment() (float64, bool) { return share(t.c[cContained], t.c[cAutomated]) }

// Escalation returns the share of the journeys a bot or self-service
// started that reached an agent step; undefined without such journeys.
func (t *Tally) Escalation() (float64, bool) { return share(t.c[cEscalated], t.c[cAutomated]) }

// Takeover returns the share of bot-to-agent transfers an agent answered;
// undefined without bot-to-agent transfers.
func (t *Tally) Takeover() (float64, bool) { return share(t.c[cTakenOver], t.c[cBotToAgent]) }

// TransfersPerJourney returns the mean number of transfers per journey;
// undefined for an empty tally.
func (t *Tally) TransfersPerJourney() (float64, bool) { return share(t.c[cTransfers], t.c[cJourneys]) }

// TierEscalation returns the share of consecutive agent steps with known
// tiers that went to a higher tier; undefined without such pairs.
func (t *Tally) TierEscalation() (float64, bool) { return share(t.c[cTierUp], t.c[cTierPairs]) }

// ChannelSwitching returns the share of journeys that ended on another
// channel than they started on; undefined for an empty tally.
func (t *Tally) ChannelSwitching() (float64, bool) { return share(t.c[cSwitched], t.c[cJourneys]) }

// DigitalShare returns the share of steps on a digital channel
// (operations.Channel.Digital: every channel but Phone and Letter);
// undefined for an empty tally.
func (t *Tally) DigitalShare() (float64, bool) { return share(t.c[cDigital], t.c[cSteps]) }

// SelfServiceShare returns the share of steps served by a bot or
// self-service; undefined for an empty tally.
func (t *Tally) SelfServiceShare() (float64, bool) {
	return share(t.c[cAutomatedSteps], t.c[cSteps])
}

// RepeatRate returns the share of the steps on channel from that ended
// without a transfer and were followed, in their journey, by a contact on
// channel to; undefined for an invalid channel or without such steps.
func (t *Tally) RepeatRate(from, to operations.Channel) (float64, bool) {
	if !from.Valid() || !to.Valid() {
		return 0, false
	}
	f := int(from) - 1
	return share(t.c[cRepeats+f*numChannels+int(to)-1], t.c[cBase+f])
}

// Stranded returns the share of the journeys a bot or self-service
// started that reached no agent and ended unresolved; undefined without
// such journeys.
func (t *Tally) Stranded() (float64, bool) {
	return share(t.c[cAutomated]-t.c[cContained]-t.c[cEscalated], t.c[cAutomated])
}

// Resolution returns the share of journeys whose last step is resolved;
// undefined for an empty tally.
func (t *Tally) Resolution() (float64, bool) { return share(t.c[cResolved], t.c[cJourneys]) }
