package operations

import (
	"errors"
	"time"
)

// ErrServiceLevel reports an unknown or unset service-level definition.
var ErrServiceLevel = errors.New("operations: unknown service-level definition")

// ServiceLevel names a definition of the live-queue service level: the
// share of contacts answered within a threshold T, over a denominator
// that differs between contact-centre systems. Inbound Phone and Chat are
// the live queue; W is the number answered within T.
//
//	SLAnswered          W ÷ answered
//	SLQueued            W ÷ (answered + abandoned)
//	SLNoShortAbandons   W ÷ (answered + abandoned − abandoned within S)
//	SLOffered           W ÷ (answered + abandoned + flow-outs)
//	SLOfferedNoShort    W ÷ (answered + abandoned − abandoned within S + flow-outs)
//	SLAbandonsPositive  (W + abandoned within T) ÷ (answered + abandoned)
//
// S is the short-abandon threshold (Thresholds.ShortAbandon); with S = T,
// SLNoShortAbandons ignores every contact abandoned before the threshold.
// Flow-outs are the contacts that entered the queue and left it neither
// answered nor abandoned: overflowed or transferred to another queue, sent
// to voicemail or a callback, dropped. A Contact records them as
// Unreached. Busy contacts, turned away before they queued, are in no
// definition (nor in Abandonment).
//
// The package documentation gives each definition's sources. The zero
// value is not a definition.
type ServiceLevel uint8

// The service-level definitions.
const (
	// SLAnswered leaves abandoned contacts out: W ÷ answered (ICMI's
	// formula 2; Genesys Cloud with abandons excluded).
	SLAnswered ServiceLevel = iota + 1
	// SLQueued counts every abandon against the service level: W ÷
	// (answered + abandoned), the strictest common definition and the
	// default (Cisco's "abandoned calls have negative impact", ICMI's
	// formula 3, Genesys Cloud's base formula).
	SLQueued
	// SLNoShortAbandons leaves out the contacts abandoned within the
	// short-abandon threshold S (a wrong number, a change of mind): W ÷
	// (answered + abandoned − abandoned within S) (Genesys Cloud with
	// short abandons excluded; with S = T, Cisco's "ignore abandoned
	// calls" and ICMI's formula 4).
	SLNoShortAbandons
	// SLOffered counts the flow-outs against the service level too: W ÷
	// (answered + abandoned + unreached), every contact that queued
	// (Genesys Cloud with flow-outs included; Vonage Contact Center's
	// default, with its queue breakouts).
	SLOffered
	// SLOfferedNoShort is SLOffered without the short abandons: W ÷
	// (answered + abandoned − abandoned within S + flow-outs) (Genesys
	// Cloud with flow-outs included and short abandons excluded; Mitel
	// MiContact Center's offered contacts, interflowed ones included).
	SLOfferedNoShort
	// SLAbandonsPositive counts the contacts abandoned within T as
	// served: (W + abandoned within T) ÷ (answered + abandoned) (Cisco's
	// "abandoned calls have positive impact", ICMI's formula 1).
	SLAbandonsPositive
)

const numServiceLevels = int(SLAbandonsPositive)

var serviceLevelNames = []string{"", "answered", "queued", "no-short-abandons", "offered", "offered-no-short-abandons", "abandons-positive"}

var serviceLevelAliases = map[string]ServiceLevel{
	"answered": SLAnswered, "queued": SLQueued, "no-short-abandons": SLNoShortAbandons,
	"offered": SLOffered, "offered-no-short-abandons": SLOfferedNoShort, "abandons-positive": SLAbandonsPositive,
	"abandons-negative": SLQueued, "short-abandons-excluded": SLNoShortAbandons, "flow-outs": SLOffered,
}

// ServiceLevels returns every definition, in the order of their values.
func ServiceLevels() []ServiceLevel {
	s := make([]ServiceLevel, numServiceLevels)
	for i := range s {
		s[i] = ServiceLevel(i + 1)
	}
	return s
}

// ParseServiceLevel reads a definition's name ("answered", "queued",
// "no-short-abandons", "offered", "offered-no-short-abandons",
// "abandons-positive", and the aliases
// "abandons-negative", "short-abandons-excluded" and "flow-outs") in any
// case, with spaces, hyphens or underscores. An unknown name fails with
// ErrServiceLevel quoting it.
func ParseServiceLevel(s string) (ServiceLevel, error) {
	return parseLabel(s, serviceLevelAliases, ErrServiceLevel)
}

// String returns the definition's name, or "service-level(n)" for an
// invalid value.
func (sl ServiceLevel) String() string { return label(sl, serviceLevelNames, "service-level") }

// Valid reports whether sl is one of the defined definitions.
func (sl ServiceLevel) Valid() bool { return sl >= SLAnswered && sl <= SLAbandonsPositive }

// MarshalText returns the name; an invalid definition fails with
// ErrServiceLevel.
func (sl ServiceLevel) MarshalText() ([]byte, error) {
	return marshalLabel(sl, serviceLevelNames, ErrServiceLevel)
}

// UnmarshalText reads any name ParseServiceLevel accepts; on error sl is
// unchanged.
func (sl *ServiceLevel) UnmarshalText(b []byte) error {
	v, err := ParseServiceLevel(string(b))
	if err != nil {
		return err
	}
	*sl = v
	return nil
}

// live reports whether a channel's inbound contacts wait in a live queue:
// Phone and Chat.
func live(ch Channel) bool { return ch.Synchronous() && assisted(ch) }

// flowOuts returns the live-queue contacts that left the queue neither
// answered nor abandoned: the Unreached ones.
func (t *Tally) flowOuts() uint64 { return t.sum(Inbound, live, is(Unreached)) }

// ServiceLevelCounts returns the numerator and denominator of a
// service-level definition at threshold within and short-abandon
// threshold short: the contacts meeting it and those it is a share of.
// It is ok = false for an invalid definition, and for SLNoShortAbandons,
// SLOfferedNoShort and SLAbandonsPositive when an abandoned contact has
// no end time to tell how long it waited. A negative threshold counts
// nothing within it.
//
// The counts are exact for whole seconds up to 512 s and on the wait
// histogram's edges past that (see Tally.ServiceLevel).
func (t *Tally) ServiceLevelCounts(def ServiceLevel, within, short time.Duration) (met, base uint64, ok bool) {
	ans, ab := t.queue()
	w := t.wait.within(within, waitUnit)
	switch def {
	case SLAnswered:
		return w, ans, true
	case SLQueued:
		return w, ans + ab, true
	case SLOffered:
		return w, ans + ab + t.flowOuts(), true
	}
	if t.untimed > 0 { // the rest need every abandon's wait
		return 0, 0, false
	}
	switch def {
	case SLNoShortAbandons:
		return w, ans + ab - t.abandon.within(short, waitUnit), true
	case SLOfferedNoShort:
		return w, ans + ab + t.flowOuts() - t.abandon.within(short, waitUnit), true
	case SLAbandonsPositive:
		return w + t.abandon.within(within, waitUnit), ans + ab, true
	}
	return 0, 0, false
}

// ServiceLevelAs returns the service level by a definition, at threshold
// within and short-abandon threshold short (used by SLNoShortAbandons
// and SLOfferedNoShort only): met ÷ base of ServiceLevelCounts. It is ok = false when the
// counts are undefined or the denominator is empty.
func (t *Tally) ServiceLevelAs(def ServiceLevel, within, short time.Duration) (float64, bool) {
	met, base, ok := t.ServiceLevelCounts(def, within, short)
	if !ok {
		return 0, false
	}
	return ratio(met, base)
}
