package journey

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/bits"

	"github.com/rapportkit/rapport/internal/wire"
)

// The binary encoding starts with a tag and a version byte.
const (
	tallyTag = 'J'
	version  = 1
)

// AppendBinary appends the tally's binary encoding to b: the tag, the
// version, then the counters as uvarints in a fixed order (journeys,
// steps, digital and automated steps, transfers, agent-to-agent and
// bot-to-agent transfers, takeovers, tier pairs and escalations,
// automated, contained, escalated, switched, resolved and transferred
// journeys, the steps not transferred by channel, the repeat matrix by
// row). Each state has exactly one encoding.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, tallyTag, version)
	for _, x := range t.c {
		b = binary.AppendUvarint(b, x)
	}
	return b, nil
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces the tally with one decoded from the encoding
// AppendBinary writes, and accepts nothing else: no overlong varint, no
// trailing byte, no state Add could not have reached (see Tally.check).
// On error, which wraps ErrEncoding, the tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(tallyTag, version)
	var u Tally
	for i := range u.c {
		u.c[i] = d.Uvarint()
	}
	if err := d.End(); err != nil {
		return err
	}
	if err := u.check(); err != nil {
		return err
	}
	*t = u
	return nil
}

// tallyJSON is the JSON encoding: the counters by name, the steps not
// transferred by channel and the repeat matrix (rows from, columns to) in
// the order of operations.Channels.
type tallyJSON struct {
	Journeys        uint64                           `json:"journeys"`
	Steps           uint64                           `json:"steps"`
	DigitalSteps    uint64                           `json:"digital_steps"`
	AutomatedSteps  uint64                           `json:"automated_steps"`
	Transfers       uint64                           `json:"transfers"`
	AgentToAgent    uint64                           `json:"agent_to_agent"`
	BotToAgent      uint64                           `json:"bot_to_agent"`
	TakenOver       uint64                           `json:"taken_over"`
	TierPairs       uint64                           `json:"tier_pairs"`
	TierEscalations uint64                           `json:"tier_escalations"`
	Automated       uint64                           `json:"automated"`
	Contained       uint64                           `json:"contained"`
	Escalated       uint64                           `json:"escalated"`
	Switched        uint64                           `json:"switched"`
	Resolved        uint64                           `json:"resolved"`
	Transferred     uint64                           `json:"transferred"`
	Ended           [numChannels]uint64              `json:"ended_by_channel"`
	Repeats         [numChannels][numChannels]uint64 `json:"repeats_by_channel"`
}

func (j *tallyJSON) fields() [cBase]*uint64 {
	return [cBase]*uint64{&j.Journeys, &j.Steps, &j.DigitalSteps, &j.AutomatedSteps, &j.Transfers, &j.AgentToAgent,
		&j.BotToAgent, &j.TakenOver, &j.TierPairs, &j.TierEscalations, &j.Automated, &j.Contained, &j.Escalated,
		&j.Switched, &j.Resolved, &j.Transferred}
}

// MarshalJSON returns the tally's canonical JSON encoding.
func (t *Tally) MarshalJSON() ([]byte, error) {
	var j tallyJSON
	for i, p := range j.fields() {
		*p = t.c[i]
	}
	copy(j.Ended[:], t.c[cBase:cRepeats])
	for f := range j.Repeats {
		copy(j.Repeats[f][:], t.c[cRepeats+f*numChannels:])
	}
	return json.Marshal(&j)
}

// UnmarshalJSON replaces the tally with one decoded from its canonical
// JSON encoding (up to white space), and accepts nothing else. On error,
// which wraps ErrEncoding, the tally is unchanged.
func (t *Tally) UnmarshalJSON(data []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	var u Tally
	for i, p := range j.fields() {
		u.c[i] = *p
	}
	copy(u.c[cBase:cRepeats], j.Ended[:])
	for f := range j.Repeats {
		copy(u.c[cRepeats+f*numChannels:], j.Repeats[f][:])
	}
	canon, err := u.MarshalJSON()
	if err != nil {
		return err
	}
	if !wire.CanonicalJSON(canon, data) {
		return fmt.Errorf("%w: not the canonical JSON encoding", ErrEncoding)
	}
	if err := u.check(); err != nil {
		return err
	}
	*t = u
	return nil
}

// check verifies the invariants Add keeps: an empty tally is all zeros;
// every subset count within its whole; each step either transferred or
// ended on a channel; repeats from a channel within the steps that ended
// there; handoffs (steps − journeys) enough for the repeats, transfers
// between steps, tier pairs and switches.
func (u *Tally) check() error {
	c := &u.c
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrEncoding}, args...)...)
	}
	if c[cJourneys] == 0 {
		for i, x := range c {
			if x != 0 {
				return bad("counter %d is %d in a tally of no journeys", i, x)
			}
		}
		return nil
	}
	n, steps := c[cJourneys], c[cSteps]
	if steps < n {
		return bad("%d steps for %d journeys", steps, n)
	}
	handoffs := steps - n
	for _, w := range [...]struct {
		part, whole int
	}{
		{cDigital, cSteps}, {cAutomatedSteps, cSteps}, {cTransfers, cSteps},
		{cTakenOver, cBotToAgent}, {cTierUp, cTierPairs},
		{cAutomated, cJourneys}, {cAutomated, cAutomatedSteps}, {cSwitched, cJourneys}, {cResolved, cJourneys},
		{cTransferred, cJourneys}, {cTransferred, cTransfers}, {cContained, cResolved},
	} {
		if c[w.part] > c[w.whole] {
			return bad("counter %d is %d, above counter %d at %d", w.part, c[w.part], w.whole, c[w.whole])
		}
	}
	total := func(xs ...uint64) (uint64, bool) {
		var s, carry uint64
		for _, x := range xs {
			var k uint64
			s, k = bits.Add64(s, x, 0)
			carry |= k
		}
		return s, carry == 0
	}
	if s, ok := total(c[cContained], c[cEscalated]); !ok || s > c[cAutomated] {
		return bad("%d contained and %d escalated of %d automated journeys", c[cContained], c[cEscalated], c[cAutomated])
	}
	if s, ok := total(c[cBase : cBase+numChannels]...); !ok {
		return bad("ended steps overflow")
	} else if s, ok = total(s, c[cTransfers]); !ok || s != steps {
		return bad("ended and transferred steps do not add up to %d steps", steps)
	}
	repeats := uint64(0)
	for f := range numChannels {
		row, ok := total(c[cRepeats+f*numChannels : cRepeats+(f+1)*numChannels]...)
		if !ok || row > c[cBase+f] {
			return bad("repeats from channel %d above the %d steps ended there", f+1, c[cBase+f])
		}
		repeats += row // at most steps in all
	}
	if s, ok := total(repeats, c[cAgentToAgent], c[cBotToAgent]); !ok || s > handoffs {
		return bad("repeats and transfers between steps above %d handoffs", handoffs)
	}
	if s, ok := total(c[cAgentToAgent], c[cBotToAgent]); !ok || s > c[cTransfers] {
		return bad("agent-to-agent and bot-to-agent transfers above %d transfers", c[cTransfers])
	}
	if c[cTierPairs] > handoffs || c[cSwitched] > handoffs {
		return bad("tier pairs or switches above %d handoffs", handoffs)
	}
	return nil
}
