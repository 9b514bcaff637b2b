package operations

import (
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/histogram"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/shopspring/decimal"
)

// Units of the wait histograms.
const (
	waitUnit     = time.Second
	responseUnit = time.Minute
)

// Tally accumulates the contact-centre KPIs of a set of contacts, under
// the rapport accumulator contract: its zero value is an empty tally; Add
// validates and counts one contact; Merge adds another tally, in any
// order and grouping with identical results (Merge(nil) does nothing,
// t.Merge(t) doubles t); Clone copies; the binary and JSON encodings are
// canonical and their decoders refuse impossible states. A rejected Add or
// Merge, or a failed decode, leaves the tally unchanged.
//
// It is exact — integer counts, durations summed in 128-bit nanoseconds,
// costs summed as decimals — so a month can be tallied by day on several
// machines and combined. Counts are kept per direction, channel and
// outcome; waits, times to abandon and response times in histograms (see
// Tally.ServiceLevel for their resolution); handle times and known costs as
// sums, with the number of contacts whose cost is known.
//
// Add does not allocate, except to grow a histogram to a wait longer than
// any before (at most a dozen times per histogram over a tally's life:
// its capacity doubles, up to the 6,676 bins a 292-year wait needs).
type Tally struct {
	cells      [2][numChannels][numOutcomes]uint64 // [direction−1][channel−1][outcome−1]
	n          uint64
	resolved   uint64
	complaints uint64
	value      [2]uint64 // high, low
	fcr        [3]uint64 // repeat, resolved, unresolved
	talk       nanos.Sum
	hold       nanos.Sum
	wrap       nanos.Sum
	wait       histogram.Durations // inbound Phone and Chat answered: wait to answer, seconds
	abandon    histogram.Durations // inbound Phone and Chat abandoned with an end time: time to abandon, seconds
	untimed    uint64              // inbound Phone and Chat abandoned without an end time
	response   histogram.Durations // inbound asynchronous answered: response time, minutes
	costed     uint64              // contacts whose cost is known
	cost       money.Sum           // of the known non-zero costs, so that a zero cost never changes its exponent
}

// Add counts one contact after validating it (see Contact.Validate). It
// fails with the validation error, or with ErrOverflow past 2⁶⁴−1
// contacts, and then leaves the tally unchanged.
//
// A Tally has no AddN: a contact is one interaction with its own ID and
// times, and n copies of it are duplicates, not a multiplicity.
func (t *Tally) Add(c Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if t.n == math.MaxUint64 {
		return fmt.Errorf("%w: contact %q after %d contacts", ErrOverflow, c.ID, t.n)
	}
	r := recordOf(&c)
	t.count(&r)
	if c.Cost.Valid {
		t.costed++
		if d := c.Cost.Decimal; !d.IsZero() {
			t.cost.Add(d)
		}
	}
	return nil
}

// count adds a valid record, its cost left out: the work of Add and of
// TallyTable, so that both count alike by construction.
func (t *Tally) count(r *record) {
	// Branch-free where the data are random: a valid record has no
	// handling time unless answered, so its times are added as they are.
	t.cells[r.direction-1][r.channel-1][r.outcome-1]++
	t.n++
	t.resolved += one(r.resolved)
	t.complaints += one(r.complaint)
	t.value[(r.value+1)&1] += one(r.value != Unassessed) // HighValue → 0, LowValue → 1
	t.fcr[(r.fcr+2)%3] += one(r.fcr != FCRUnknown)       // FCRRepeat → 0 … FCRUnresolved → 2
	t.talk.Add(uint64(r.talk))
	t.hold.Add(uint64(r.hold))
	t.wrap.Add(uint64(r.wrap))
	switch timing[r.direction-1][r.channel-1][r.outcome-1] {
	case timedWait:
		t.wait.Add(time.Duration(r.wait), waitUnit)
	case timedAbandon:
		if r.elapsed == -1 {
			t.untimed++
		} else {
			t.abandon.Add(time.Duration(r.elapsed), waitUnit)
		}
	case timedResponse:
		t.response.Add(time.Duration(r.wait), responseUnit)
	}
}

// The histograms a contact's times go to, by direction, channel and
// outcome: inbound contacts on channels with agents, answered or
// abandoned on a live channel, answered on an asynchronous one.
const (
	timedNone = iota
	timedWait
	timedAbandon
	timedResponse
)

var timing = func() (k [2][numChannels][numOutcomes]uint8) {
	for ch := Phone; int(ch) <= numChannels; ch++ {
		if ch.SelfService() {
			continue
		}
		for o := Answered; int(o) <= numOutcomes; o++ {
			switch {
			case ch.Synchronous() && o == Answered:
				k[Inbound-1][ch-1][o-1] = timedWait
			case ch.Synchronous() && o == Abandoned:
				k[Inbound-1][ch-1][o-1] = timedAbandon
			case !ch.Synchronous() && o == Answered:
				k[Inbound-1][ch-1][o-1] = timedResponse
			}
		}
	}
	return k
}()

// one returns 1 for true, 0 for false.
func one(b bool) uint64 {
	var x uint64
	if b {
		x = 1
	}
	return x
}

// Merge adds every count and sum of u to t: the tally of both sets of
// contacts. Merge(nil) does nothing and t.Merge(t) doubles t. It fails
// with ErrOverflow, leaving t unchanged, if the number of contacts would
// pass 2⁶⁴−1.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	if t.n > math.MaxUint64-u.n {
		return fmt.Errorf("%w: merging %d contacts into %d", ErrOverflow, u.n, t.n)
	}
	for d := range t.cells {
		for ch := range t.cells[d] {
			for o := range t.cells[d][ch] {
				t.cells[d][ch][o] += u.cells[d][ch][o]
			}
		}
	}
	t.n += u.n
	t.resolved += u.resolved
	t.complaints += u.complaints
	for i := range t.value {
		t.value[i] += u.value[i]
	}
	for i := range t.fcr {
		t.fcr[i] += u.fcr[i]
	}
	t.talk.Merge(u.talk)
	t.hold.Merge(u.hold)
	t.wrap.Merge(u.wrap)
	t.wait.Merge(&u.wait)
	t.abandon.Merge(&u.abandon)
	t.untimed += u.untimed
	t.response.Merge(&u.response)
	t.costed += u.costed
	t.cost.Merge(u.cost) // a zero sum has exponent 0 (decoders see to it): it never lowers t's
	return nil
}

// Clone returns a deep copy of t, which can then change independently.
func (t *Tally) Clone() *Tally {
	u := *t
	u.wait, u.abandon, u.response = t.wait.Clone(), t.abandon.Clone(), t.response.Clone()
	return &u
}

// sum adds the cells of direction d (0 for both) whose channel passes
// keep and whose outcome passes want.
func (t *Tally) sum(d Direction, keep func(Channel) bool, want func(Outcome) bool) uint64 {
	var s uint64
	for di := range t.cells {
		if d != 0 && Direction(di+1) != d {
			continue
		}
		for ci := range t.cells[di] {
			if keep != nil && !keep(Channel(ci+1)) {
				continue
			}
			for oi, c := range t.cells[di][ci] {
				if want == nil || want(Outcome(oi+1)) {
					s += c
				}
			}
		}
	}
	return s
}

func assisted(ch Channel) bool     { return !ch.SelfService() }
func asynchronous(ch Channel) bool { return !ch.Synchronous() }
func is(o Outcome) func(Outcome) bool {
	return func(x Outcome) bool { return x == o }
}

// N returns the number of contacts.
func (t *Tally) N() uint64 { return t.n }

// Count returns the number of contacts with the given direction, channel
// and outcome (0 for invalid ones).
func (t *Tally) Count(d Direction, ch Channel, o Outcome) uint64 {
	if !d.Valid() || !ch.Valid() || !o.Valid() {
		return 0
	}
	return t.cells[d-1][ch-1][o-1]
}

// Incoming returns the incoming volume: every inbound contact, whatever
// its channel or outcome (closed and busy included).
func (t *Tally) Incoming() uint64 { return t.sum(Inbound, nil, nil) }

// Outgoing returns the number of outbound contacts (attempts included).
func (t *Tally) Outgoing() uint64 { return t.sum(Outbound, nil, nil) }

// CallsReceived returns the inbound Phone contacts, whatever their outcome.
func (t *Tally) CallsReceived() uint64 {
	return t.sum(Inbound, func(ch Channel) bool { return ch == Phone }, nil)
}

// TicketsCreated returns the inbound contacts on asynchronous channels
// with agents (email, letter, form, messaging, social, SMS, callback
// requests): each opens a ticket, whatever became of it.
func (t *Tally) TicketsCreated() uint64 {
	return t.sum(Inbound, func(ch Channel) bool { return asynchronous(ch) && assisted(ch) }, nil)
}

// Presented returns the inbound contacts offered to agents while open:
// Answered, Abandoned, Unreached or Busy, on channels with agents.
func (t *Tally) Presented() uint64 { return t.sum(Inbound, assisted, Outcome.Presented) }

// Answered returns the inbound contacts answered by an agent.
func (t *Tally) Answered() uint64 { return t.sum(Inbound, assisted, is(Answered)) }

// Abandoned returns the inbound contacts abandoned on channels with agents.
func (t *Tally) Abandoned() uint64 { return t.sum(Inbound, assisted, is(Abandoned)) }

// Handled returns the contacts, inbound or outbound, dealt with by an
// agent or self-service (Answered or Deflected).
func (t *Tally) Handled() uint64 { return t.sum(0, nil, Outcome.Handled) }

// Resolved returns the contacts flagged resolved.
func (t *Tally) Resolved() uint64 { return t.resolved }

// Complaints returns the contacts flagged as complaints.
func (t *Tally) Complaints() uint64 { return t.complaints }

// Reachability returns the share of presented inbound contacts that an
// agent answered: Answered ÷ Presented. Out-of-hours (Closed) and
// self-service contacts are not presented. It is ok = false when nothing
// was presented.
func (t *Tally) Reachability() (float64, bool) { return ratio(t.Answered(), t.Presented()) }

// OutboundReach returns the share of outbound contacts in which the
// customer was reached (Answered), or ok = false without outbound contacts.
func (t *Tally) OutboundReach() (float64, bool) {
	return ratio(t.sum(Outbound, nil, is(Answered)), t.Outgoing())
}

// queue returns the answered and abandoned contacts of the live queues
// (inbound Phone and Chat).
func (t *Tally) queue() (answered, abandoned uint64) {
	return t.wait.N(), t.abandon.N() + t.untimed
}

// Abandonment returns the share of contacts offered to a live queue
// (inbound Phone and Chat) that were abandoned: abandoned ÷ (answered +
// abandoned). Busy and closed contacts never queued and are not counted.
// It is ok = false when nothing queued.
func (t *Tally) Abandonment() (float64, bool) {
	ans, ab := t.queue()
	return ratio(ab, ans+ab)
}

// AbandonmentExcluding returns the abandonment rate without the short
// abandons, those within short of arrival (often 5 s: a wrong number, a
// change of mind): (abandoned − short) ÷ (answered + abandoned − short).
// It is ok = false when nothing is left, or when an abandoned contact has
// no end time to tell how long it waited.
func (t *Tally) AbandonmentExcluding(short time.Duration) (float64, bool) {
	if t.untimed > 0 {
		return 0, false
	}
	ans, ab := t.queue()
	s := t.abandon.Within(short, waitUnit)
	return ratio(ab-s, ans+ab-s)
}

// ServiceLevel returns the share of contacts offered to a live queue
// (inbound Phone and Chat) answered within the threshold: answered within
// ÷ (answered + abandoned), the strictest and most common definition
// (abandoned contacts count against it; SLQueued). It is ok = false when
// nothing queued. ServiceLevelAs computes the other definitions.
//
// Waits are kept to the second, rounded up, so the count is exact for a
// whole number of seconds up to 512 s and for thresholds on the
// histogram's edges past that (every whole minute up to 34 min); another
// threshold is read as the nearest edge below it.
func (t *Tally) ServiceLevel(within time.Duration) (float64, bool) {
	return t.ServiceLevelAs(SLQueued, within, 0)
}

// ServiceLevelExcluding is ServiceLevel without the short abandons (those
// within short of arrival) in the denominator: answered within ÷
// (answered + abandoned − short abandons), SLNoShortAbandons. With short
// equal to within it is the definition that ignores every call abandoned
// before the threshold. It is ok = false when nothing is left, or when an
// abandoned contact has no end time.
func (t *Tally) ServiceLevelExcluding(within, short time.Duration) (float64, bool) {
	return t.ServiceLevelAs(SLNoShortAbandons, within, short)
}

// AnsweredWithin returns the share of answered live-queue contacts
// answered within the threshold, abandoned ones left out: answered within
// ÷ answered (SLAnswered). It is ok = false when none was answered.
func (t *Tally) AnsweredWithin(within time.Duration) (float64, bool) {
	return t.ServiceLevelAs(SLAnswered, within, 0)
}

// ASA returns the average speed of answer: the mean wait of the answered
// live-queue contacts (inbound Phone and Chat), exact to the nanosecond,
// or ok = false when none was answered.
func (t *Tally) ASA() (time.Duration, bool) { return t.wait.Mean() }

// WaitQuantile returns the p-quantile (0 ≤ p ≤ 1) of the waits of answered
// live-queue contacts: the nearest rank, the smallest wait with at least
// p of the waits at or below it (p = 0.9 gives the 90th percentile). It is
// read from the histogram, so it is rounded up to the second, and past
// 512 s to the bin's edge, at most 0.4 % above the true wait. It is ok =
// false when none was answered or p is outside [0, 1].
func (t *Tally) WaitQuantile(p float64) (time.Duration, bool) { return t.wait.Quantile(p, waitUnit) }

// TimeToAbandon returns the mean time abandoned live-queue contacts waited
// before leaving, or ok = false when none was abandoned with an end time.
func (t *Tally) TimeToAbandon() (time.Duration, bool) { return t.abandon.Mean() }

// Patience estimates customers' mean patience, the mean time they would
// wait before abandoning, for the Erlang A model (Queue.Patience). Under
// exponential patience its maximum-likelihood estimate is the total time
// spent waiting by all queued contacts, answered or abandoned, divided by
// the number abandoned (Brown et al. 2005, "Statistical analysis of a
// telephone call center", JASA 100). It is ok = false when no
// contact was abandoned or one has no end time.
func (t *Tally) Patience() (time.Duration, bool) {
	if t.untimed > 0 || t.abandon.N() == 0 {
		return 0, false
	}
	exposure := t.wait.Sum()
	exposure.Merge(t.abandon.Sum())
	return exposure.Mean(t.abandon.N()), true
}

// asyncPresented returns the inbound asynchronous contacts offered to agents.
func (t *Tally) asyncPresented() uint64 {
	return t.sum(Inbound, func(ch Channel) bool { return asynchronous(ch) && assisted(ch) }, Outcome.Presented)
}

// ResponseWithin returns the share of asynchronous contacts (e-mail,
// letter, form, messaging, social, SMS, callback requests) answered within
// the threshold — "e-mails answered within 24 h" — over all those
// presented, so the ones never answered count against it. It is ok = false
// when none was presented.
//
// Response times are kept to the minute, rounded up; the count is exact
// for a whole number of minutes up to 512 and on the histogram's edges
// past that: every whole hour up to 34 h, every even hour up to 68 h, 72 h,
// and every whole day up to 11 days. Another threshold is read as the
// nearest edge below it.
func (t *Tally) ResponseWithin(within time.Duration) (float64, bool) {
	return ratio(t.response.Within(within, responseUnit), t.asyncPresented())
}

// ResponseTime returns the mean response time of answered asynchronous
// contacts, exact to the nanosecond, or ok = false when none was answered.
func (t *Tally) ResponseTime() (time.Duration, bool) { return t.response.Mean() }

// ResponseQuantile returns the p-quantile of the response times of
// answered asynchronous contacts, like WaitQuantile but rounded up to the
// minute (and at most 0.4 % above past 512 min).
func (t *Tally) ResponseQuantile(p float64) (time.Duration, bool) {
	return t.response.Quantile(p, responseUnit)
}

// answeredAll returns the contacts answered by an agent, in or out.
func (t *Tally) answeredAll() uint64 { return t.sum(0, nil, is(Answered)) }

// AHT returns the average handle time of the contacts agents answered
// (inbound and outbound): (talk + hold + wrap) ÷ answered, exact to the
// nanosecond, or ok = false when none was answered.
func (t *Tally) AHT() (time.Duration, bool) {
	n := t.answeredAll()
	if n == 0 {
		return 0, false
	}
	s := t.talk
	s.Merge(t.hold)
	s.Merge(t.wrap)
	return s.Mean(n), true
}

// AverageTalk returns the mean talk time of answered contacts.
func (t *Tally) AverageTalk() (time.Duration, bool) { return t.average(t.talk) }

// AverageHold returns the mean hold time of answered contacts.
func (t *Tally) AverageHold() (time.Duration, bool) { return t.average(t.hold) }

// AverageWrap returns the mean after-contact work of answered contacts.
func (t *Tally) AverageWrap() (time.Duration, bool) { return t.average(t.wrap) }

func (t *Tally) average(s nanos.Sum) (time.Duration, bool) {
	n := t.answeredAll()
	if n == 0 {
		return 0, false
	}
	return s.Mean(n), true
}

// ResolutionRate returns the share of handled contacts flagged resolved,
// or ok = false when none was handled.
func (t *Tally) ResolutionRate() (float64, bool) { return ratio(t.resolved, t.Handled()) }

// Issues returns the contacts that opened an issue and were judged for
// first-contact resolution (FCR status FCRResolved or FCRUnresolved).
func (t *Tally) Issues() uint64 { return t.fcr[FCRResolved-1] + t.fcr[FCRUnresolved-1] }

// FCR returns the first-contact resolution rate: the share of issues
// resolved at their first contact, with no repeat by the same customer for
// the same reason within the window (see MarkFCR). It is ok = false when
// no contact carries an FCR status.
func (t *Tally) FCR() (float64, bool) { return ratio(t.fcr[FCRResolved-1], t.Issues()) }

// RepeatRate returns the share of contacts with an FCR status that repeat
// an earlier one (FCRRepeat), or ok = false when none has a status.
func (t *Tally) RepeatRate() (float64, bool) {
	return ratio(t.fcr[FCRRepeat-1], t.fcr[0]+t.fcr[1]+t.fcr[2])
}

// ComplaintRate returns the share of contacts flagged as complaints, over
// all contacts, or ok = false for an empty tally.
func (t *Tally) ComplaintRate() (float64, bool) { return ratio(t.complaints, t.n) }

// Deflection returns the self-service deflection rate: the share of
// inbound requests handled by self-service, Deflected ÷ (Deflected +
// Presented). It is ok = false when there are neither.
func (t *Tally) Deflection() (float64, bool) {
	d := t.sum(Inbound, nil, is(Deflected))
	return ratio(d, d+t.Presented())
}

// HighValueShare returns the share of assessed contacts (Value set) that
// are high value, or ok = false when none was assessed.
func (t *Tally) HighValueShare() (float64, bool) { return ratio(t.value[0], t.value[0]+t.value[1]) }

// LowValueShare returns the share of assessed contacts that are low value,
// or ok = false when none was assessed.
func (t *Tally) LowValueShare() (float64, bool) { return ratio(t.value[1], t.value[0]+t.value[1]) }

// Costed returns the number of contacts whose cost is known.
func (t *Tally) Costed() uint64 { return t.costed }

// KnownCost returns the exact sum of the known costs, with the decimal
// places of the most precise of them (6.50 + 3 is 9.50); 0 when none is
// known. It is the total cost only when Costed equals N; see Cost.
func (t *Tally) KnownCost() decimal.Decimal { return t.cost.Value() }

// Cost returns the exact total cost of the contacts. It is ok = false
// when the tally is empty or any contact's cost is unknown: a partial sum
// is not a total (KnownCost returns it, Costed says how many it covers).
func (t *Tally) Cost() (decimal.Decimal, bool) {
	if t.n == 0 || t.costed != t.n {
		return decimal.Decimal{}, false
	}
	return t.cost.Value(), true
}

// divisionPlaces is the decimal places of a cost ratio.
const divisionPlaces = 16

// CostPerContact returns the total cost divided by the handled contacts
// (Answered or Deflected) — the cost of abandoned or unreached contacts is
// borne by those handled — rounded half up to 16 decimal places. It is
// ok = false when none was handled or any contact's cost is unknown.
func (t *Tally) CostPerContact() (decimal.Decimal, bool) { return t.costPer(t.Handled()) }

// CostPerResolution returns the total cost divided by the contacts flagged
// resolved, rounded half up to 16 decimal places. It is ok = false when
// none was resolved or any contact's cost is unknown.
func (t *Tally) CostPerResolution() (decimal.Decimal, bool) { return t.costPer(t.resolved) }

func (t *Tally) costPer(n uint64) (decimal.Decimal, bool) {
	total, ok := t.Cost()
	if !ok || n == 0 {
		return decimal.Decimal{}, false
	}
	d := decimal.NewFromBigInt(newBigUint(n), 0)
	return total.DivRound(d, divisionPlaces), true
}
