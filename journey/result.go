package journey

import (
	"fmt"
	"strings"

	"github.com/rapportkit/rapport/internal/unit"
	"github.com/rapportkit/rapport/operations"
)

// Result is the reporting view of a Tally: counts, and the rates of the
// package documentation in percent, nil when undefined.
type Result struct {
	N     uint64 `json:"n"`     // journeys
	Steps uint64 `json:"steps"` // contacts of every journey
	// StepsPerJourneyRatio is Steps / N.
	StepsPerJourneyRatio *float64 `json:"steps_per_journey_ratio"`
	Resolved             uint64   `json:"resolved"` // journeys whose last step is resolved
	ResolutionPct        *float64 `json:"resolution_pct"`

	Transfers    uint64 `json:"transfers"`
	AgentToAgent uint64 `json:"agent_to_agent"`
	BotToAgent   uint64 `json:"bot_to_agent"`
	TakenOver    uint64 `json:"taken_over"` // bot-to-agent transfers an agent answered
	// Transferred is the journeys with a transfer at least.
	Transferred                    uint64   `json:"transferred"`
	TransferredPct                 *float64 `json:"transferred_pct"`
	TransfersPerJourneyRatio       *float64 `json:"transfers_per_journey_ratio"`
	AgentToAgentPerJourneyRatio    *float64 `json:"agent_to_agent_per_journey_ratio"`
	BotToAgentPerJourneyRatio      *float64 `json:"bot_to_agent_per_journey_ratio"`
	TakeoverPct                    *float64 `json:"takeover_pct"`
	TierPairs                      uint64   `json:"tier_pairs"`
	TierEscalations                uint64   `json:"tier_escalations"`
	TierEscalationPct              *float64 `json:"tier_escalation_pct"`
	TierEscalationsPerJourneyRatio *float64 `json:"tier_escalations_per_journey_ratio"`

	// Automated is the journeys a bot or self-service started; each is
	// contained, escalated or stranded.
	Automated      uint64   `json:"automated"`
	Contained      uint64   `json:"contained"`
	Escalated      uint64   `json:"escalated"`
	Stranded       uint64   `json:"stranded"`
	ContainmentPct *float64 `json:"containment_pct"`
	EscalationPct  *float64 `json:"escalation_pct"`
	StrandedPct    *float64 `json:"stranded_pct"`

	Switched         uint64   `json:"switched"`
	ChannelSwitchPct *float64 `json:"channel_switch_pct"`

	DigitalSteps        uint64   `json:"digital_steps"`
	DigitalSharePct     *float64 `json:"digital_share_pct"`
	SelfServiceSteps    uint64   `json:"self_service_steps"`
	SelfServiceSharePct *float64 `json:"self_service_share_pct"`

	// Channels holds, for each channel with a step that ended without a
	// transfer, its repeat contacts, in the order of operations.Channels.
	Channels []ChannelRepeats `json:"channels"`
}

// ChannelRepeats is the repeat contacts after the steps of one channel.
type ChannelRepeats struct {
	Channel operations.Channel `json:"channel"`
	// Ended is the steps on the channel that ended without a transfer.
	Ended     uint64   `json:"ended"`
	Repeats   uint64   `json:"repeats"` // of them, followed by another contact in their journey
	RepeatPct *float64 `json:"repeat_pct"`
	// Next is the repeats by the channel of the next contact, channels
	// without repeats left out.
	Next []ChannelPair `json:"next"`
}

// ChannelPair is the repeat contacts from one channel to another.
type ChannelPair struct {
	To        operations.Channel `json:"to"`
	Repeats   uint64             `json:"repeats"`
	RepeatPct *float64           `json:"repeat_pct"` // of the steps ended on the row's channel
}

// Result returns the reporting view. It never fails: the error is for
// the contract's signature.
func (t *Tally) Result() (Result, error) {
	c := &t.c
	pct := func(num, den uint64) *float64 { return unit.Pct(share(num, den)) }
	ratio := func(num, den uint64) *float64 { return unit.Value(share(num, den)) }
	n := c[cJourneys]
	stranded := c[cAutomated] - c[cContained] - c[cEscalated]
	r := Result{
		N: n, Steps: c[cSteps], StepsPerJourneyRatio: ratio(c[cSteps], n),
		Resolved: c[cResolved], ResolutionPct: pct(c[cResolved], n),
		Transfers: c[cTransfers], AgentToAgent: c[cAgentToAgent], BotToAgent: c[cBotToAgent], TakenOver: c[cTakenOver],
		Transferred: c[cTransferred], TransferredPct: pct(c[cTransferred], n),
		TransfersPerJourneyRatio:    ratio(c[cTransfers], n),
		AgentToAgentPerJourneyRatio: ratio(c[cAgentToAgent], n),
		BotToAgentPerJourneyRatio:   ratio(c[cBotToAgent], n),
		TakeoverPct:                 pct(c[cTakenOver], c[cBotToAgent]),
		TierPairs:                   c[cTierPairs], TierEscalations: c[cTierUp],
		TierEscalationPct:              pct(c[cTierUp], c[cTierPairs]),
		TierEscalationsPerJourneyRatio: ratio(c[cTierUp], n),
		Automated:                      c[cAutomated], Contained: c[cContained], Escalated: c[cEscalated], Stranded: stranded,
		ContainmentPct: pct(c[cContained], c[cAutomated]),
		EscalationPct:  pct(c[cEscalated], c[cAutomated]),
		StrandedPct:    pct(stranded, c[cAutomated]),
		Switched:       c[cSwitched], ChannelSwitchPct: pct(c[cSwitched], n),
		DigitalSteps: c[cDigital], DigitalSharePct: pct(c[cDigital], c[cSteps]),
		SelfServiceSteps: c[cAutomatedSteps], SelfServiceSharePct: pct(c[cAutomatedSteps], c[cSteps]),
		Channels: []ChannelRepeats{},
	}
	for f := range numChannels {
		ended := c[cBase+f]
		if ended == 0 {
			continue
		}
		cr := ChannelRepeats{Channel: operations.Channel(f + 1), Ended: ended, Next: []ChannelPair{}}
		for to := range numChannels {
			k := c[cRepeats+f*numChannels+to]
			if k == 0 {
				continue
			}
			cr.Repeats += k
			cr.Next = append(cr.Next, ChannelPair{To: operations.Channel(to + 1), Repeats: k, RepeatPct: pct(k, ended)})
		}
		cr.RepeatPct = pct(cr.Repeats, ended)
		r.Channels = append(r.Channels, cr)
	}
	return r, nil
}

// String writes the result for people, one figure a line.
func (r Result) String() string {
	var b strings.Builder
	f := func(p *float64, suffix string) string {
		if p == nil {
			return "undefined"
		}
		return fmt.Sprintf("%.1f%s", *p, suffix)
	}
	fmt.Fprintf(&b, "journeys %d, steps %d (%s per journey), resolved %s\n", r.N, r.Steps, f(r.StepsPerJourneyRatio, ""), f(r.ResolutionPct, "%"))
	fmt.Fprintf(&b, "transfers %d (%s per journey; agent→agent %d, bot→agent %d, taken over %s), journeys transferred %s\n",
		r.Transfers, f(r.TransfersPerJourneyRatio, ""), r.AgentToAgent, r.BotToAgent, f(r.TakeoverPct, "%"), f(r.TransferredPct, "%"))
	fmt.Fprintf(&b, "tier escalations %d of %d agent pairs (%s)\n", r.TierEscalations, r.TierPairs, f(r.TierEscalationPct, "%"))
	fmt.Fprintf(&b, "automated journeys %d: contained %s, escalated %s, stranded %s\n", r.Automated, f(r.ContainmentPct, "%"), f(r.EscalationPct, "%"), f(r.StrandedPct, "%"))
	fmt.Fprintf(&b, "channel switching %s, digital share %s, self-service share %s", f(r.ChannelSwitchPct, "%"), f(r.DigitalSharePct, "%"), f(r.SelfServiceSharePct, "%"))
	for _, c := range r.Channels {
		fmt.Fprintf(&b, "\nrepeats after %s: %d of %d (%s)", c.Channel, c.Repeats, c.Ended, f(c.RepeatPct, "%"))
		for _, p := range c.Next {
			fmt.Fprintf(&b, ", %s %d", p.To, p.Repeats)
		}
	}
	return b.String()
}
