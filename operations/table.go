package operations

import (
	"fmt"
	"iter"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Table is a batch of contacts in columns: row i is contact i, its fields
// at index i of every column. It holds what a Contact holds in 95 bytes a
// contact plus its ID's bytes and the dictionaries (a []Contact takes 240
// bytes a contact before its strings and decimals), with integer times and
// durations, byte enums and dictionary-encoded strings, so that
// TallyTable, TallyTableBy and MarkFCRTable read it without a map lookup
// or a 240-byte copy per row. Reader.ReadTable fills one from a CSV file;
// Append adds a Contact; Contact and All read the rows back as Contacts.
//
// The string fields but the ID are indices into per-column dictionaries:
// row i's agent is Agents[Agent[i]]. A Table built by Append or ReadTable
// has "" at index 0 of every dictionary (no customer: anonymous; no
// reason, agent or queue) and each string once, so that len(Agents)
// groups TallyTableBy(t, t.Agent, len(t.Agents)) by agent, group 0
// holding the contacts without one. A Table built by hand may use any
// dictionaries; equal strings under two indices are one customer or
// reason for MarkFCRTable.
//
// Times are Unix nanoseconds, so a Table holds arrivals from 1678 to 2262
// only; the answer and the end are offsets from the arrival. Costs are
// integers in units of 10^CostExp (cents with CostExp = −2).
type Table struct {
	// IDs are the contacts' IDs, one a row. Those ReadTable reads are
	// copies, never pieces of the file.
	IDs []string
	// Customer, Reason, Agent and Queue index the dictionaries below.
	Customer, Reason, Agent, Queue []uint32
	// Customers, Reasons, Agents and Queues are the dictionaries.
	Customers, Reasons, Agents, Queues []string

	Channel   []Channel
	Direction []Direction
	Outcome   []Outcome
	Value     []ValueAdded
	FCR       []FCRStatus

	// Arrived is the arrival in nanoseconds since 1970 UTC.
	Arrived []int64
	// Wait is the time from the arrival to the answer in nanoseconds, −1
	// for no answer time (Contact.Answered zero).
	Wait []int64
	// Elapsed is the time from the arrival to the end in nanoseconds, −1
	// for no end time (Contact.Ended zero).
	Elapsed []int64
	// Talk, Hold and Wrap are the handling times in nanoseconds.
	Talk, Hold, Wrap []int64

	Resolved  []bool
	Complaint []bool

	// Cost is the cost in units of 10^CostExp, −1 for unknown (a known
	// cost is never negative).
	Cost    []int64
	CostExp int32

	index [4]dictIndex // Append's index of each dictionary
}

// Len returns the number of contacts (rows).
func (t *Table) Len() int { return len(t.IDs) }

// record is one row of a Table, its strings left out: what validation and
// the tally read.
type record struct {
	channel   Channel
	direction Direction
	outcome   Outcome
	value     ValueAdded
	fcr       FCRStatus
	resolved  bool
	complaint bool
	arrived   int64
	wait      int64 // −1: none
	elapsed   int64 // −1: none
	talk      int64
	hold      int64
	wrap      int64
	cost      int64 // −1: unknown
}

// at returns row i's record.
func (t *Table) at(i int) record {
	return record{
		channel: t.Channel[i], direction: t.Direction[i], outcome: t.Outcome[i], value: t.Value[i], fcr: t.FCR[i],
		resolved: t.Resolved[i], complaint: t.Complaint[i],
		arrived: t.Arrived[i], wait: t.Wait[i], elapsed: t.Elapsed[i],
		talk: t.Talk[i], hold: t.Hold[i], wrap: t.Wrap[i], cost: t.Cost[i],
	}
}

// word returns dict[i], or "" for an index out of the dictionary.
func word(dict []string, i uint32) string {
	if int64(i) < int64(len(dict)) {
		return dict[i]
	}
	return ""
}

// Contact returns row i as a Contact, its times in UTC and its known cost
// decimal.New(Cost[i], CostExp). An index out of a dictionary reads as ""
// (Validate reports it). It panics if i is not a row of every column, as
// indexing a slice does.
func (t *Table) Contact(i int) Contact {
	r := t.at(i)
	c := Contact{
		ID: t.IDs[i], CustomerID: word(t.Customers, t.Customer[i]), Reason: word(t.Reasons, t.Reason[i]),
		Agent: word(t.Agents, t.Agent[i]), Queue: word(t.Queues, t.Queue[i]),
	}
	r.fill(&c, t.CostExp)
	return c
}

// fill sets c's fields but its strings from r.
func (r *record) fill(c *Contact, costExp int32) {
	c.Channel, c.Direction, c.Outcome, c.Value, c.FCR = r.channel, r.direction, r.outcome, r.value, r.fcr
	c.Resolved, c.Complaint = r.resolved, r.complaint
	c.Arrived = time.Unix(0, r.arrived).UTC()
	if r.wait != -1 {
		c.Answered = c.Arrived.Add(time.Duration(r.wait))
	}
	if r.elapsed != -1 {
		c.Ended = c.Arrived.Add(time.Duration(r.elapsed))
	}
	c.Talk, c.Hold, c.Wrap = time.Duration(r.talk), time.Duration(r.hold), time.Duration(r.wrap)
	if r.cost != -1 {
		c.Cost = decimal.NewNullDecimal(decimal.New(r.cost, costExp))
	}
}

// All returns the rows as Contacts, in order (see Contact).
func (t *Table) All() iter.Seq[Contact] {
	return func(yield func(Contact) bool) {
		for i := range t.Len() {
			if !yield(t.Contact(i)) {
				return
			}
		}
	}
}

// The arrivals a Table holds.
var (
	minTableTime = time.Unix(0, math.MinInt64)
	maxTableTime = time.Unix(0, math.MaxInt64)
)

// Append validates c (Contact.Validate) and adds it as the last row,
// adding its strings to the dictionaries. A contact the Table cannot hold
// fails too: an arrival before 1678 or after 2262 with ErrTime, a cost
// whose units at the table's exponent (lowered to the cost's own decimal
// places if it has more, the other costs rescaled) do not fit an int64
// with ErrAmount. On error the table is unchanged.
func (t *Table) Append(c Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Arrived.Before(minTableTime) || c.Arrived.After(maxTableTime) {
		return fmt.Errorf("%w: contact %q: arrived %s, outside a table's 1678–2262", ErrTime, c.ID, stamp(c.Arrived))
	}
	r := recordOf(&c)
	r.arrived = c.Arrived.UnixNano()
	units, exp := int64(-1), t.CostExp
	if c.Cost.Valid {
		d := c.Cost.Decimal
		if !d.Coefficient().IsInt64() {
			return fmt.Errorf("%w: contact %q: cost %v does not fit a table's int64 units", ErrAmount, c.ID, d)
		}
		units, exp = d.CoefficientInt64(), d.Exponent()
	}
	if err := t.shape(); err != nil {
		return err
	}
	if err := t.appendRecord(&r, units, exp, c.ID); err != nil {
		return err
	}
	t.IDs = append(t.IDs, c.ID)
	t.Customer = append(t.Customer, t.index[0].of(&t.Customers, c.CustomerID))
	t.Reason = append(t.Reason, t.index[1].of(&t.Reasons, c.Reason))
	t.Agent = append(t.Agent, t.index[2].of(&t.Agents, c.Agent))
	t.Queue = append(t.Queue, t.index[3].of(&t.Queues, c.Queue))
	return nil
}

// dictIndex maps the strings of a dictionary to their indices, for
// Append. It covers the dictionary's first n strings; a dictionary changed
// by hand since is read again, and a hit is checked against it.
type dictIndex struct {
	m map[string]uint32
	n int
}

// of returns the index of s in *dict, adding it if it is not there (after
// "" at index 0 of an empty dictionary).
func (x *dictIndex) of(dict *[]string, s string) uint32 {
	d := *dict
	if len(d) == 0 {
		d = append(d, "")
	}
	for range 2 {
		if x.m == nil || x.n > len(d) {
			x.m, x.n = make(map[string]uint32, len(d)), 0
		}
		for ; x.n < len(d); x.n++ {
			if _, ok := x.m[d[x.n]]; !ok {
				x.m[d[x.n]] = uint32(x.n)
			}
		}
		i, ok := x.m[s]
		if !ok {
			break
		}
		if d[i] == s {
			*dict = d
			return i
		}
		x.m = nil // the dictionary changed under the index
	}
	d = append(d, s)
	x.m[s], x.n = uint32(len(d)-1), len(d)
	*dict = d
	return uint32(len(d) - 1)
}

// appendRecord appends r's columns with its cost of units·10^exp (units
// −1: unknown), lowering CostExp to exp first if the cost is not zero and
// exp is below it. It fails with ErrAmount, the table unchanged, if a
// cost does not fit an int64 at the resulting exponent.
func (t *Table) appendRecord(r *record, units int64, exp int32, id string) error {
	if units > 0 && exp < t.CostExp {
		k := t.CostExp - exp
		for i, u := range t.Cost {
			if u > 0 {
				if _, ok := scaleUnits(u, k); !ok {
					return fmt.Errorf("%w: contact %q: cost %v needs units of 10^%d, where the cost of row %d does not fit an int64",
						ErrAmount, id, decimal.New(units, exp), exp, i)
				}
			}
		}
		for i, u := range t.Cost {
			if u > 0 {
				t.Cost[i], _ = scaleUnits(u, k)
			}
		}
		t.CostExp = exp
	}
	if units > 0 && exp > t.CostExp {
		u, ok := scaleUnits(units, exp-t.CostExp)
		if !ok {
			return fmt.Errorf("%w: contact %q: cost %v does not fit an int64 of units of 10^%d", ErrAmount, id, decimal.New(units, exp), t.CostExp)
		}
		units = u
	}
	t.Channel = append(t.Channel, r.channel)
	t.Direction = append(t.Direction, r.direction)
	t.Outcome = append(t.Outcome, r.outcome)
	t.Value = append(t.Value, r.value)
	t.FCR = append(t.FCR, r.fcr)
	t.Resolved = append(t.Resolved, r.resolved)
	t.Complaint = append(t.Complaint, r.complaint)
	t.Arrived = append(t.Arrived, r.arrived)
	t.Wait = append(t.Wait, r.wait)
	t.Elapsed = append(t.Elapsed, r.elapsed)
	t.Talk = append(t.Talk, r.talk)
	t.Hold = append(t.Hold, r.hold)
	t.Wrap = append(t.Wrap, r.wrap)
	t.Cost = append(t.Cost, units)
	return nil
}

// scaleUnits returns u·10^k for u ≥ 0 and k ≥ 0, or ok = false if it
// does not fit an int64.
func scaleUnits(u int64, k int32) (int64, bool) {
	for ; k > 0; k-- {
		if u > math.MaxInt64/10 {
			return 0, false
		}
		u *= 10
	}
	return u, true
}

// recordOf returns c's record, its arrival left 0: c is valid, so its
// spans fit a time.Duration.
func recordOf(c *Contact) record {
	r := record{
		channel: c.Channel, direction: c.Direction, outcome: c.Outcome, value: c.Value, fcr: c.FCR,
		resolved: c.Resolved, complaint: c.Complaint, wait: -1, elapsed: -1,
		talk: int64(c.Talk), hold: int64(c.Hold), wrap: int64(c.Wrap), cost: -1,
	}
	if !c.Answered.IsZero() {
		r.wait = int64(c.Answered.Sub(c.Arrived))
	}
	if !c.Ended.IsZero() {
		r.elapsed = int64(c.Ended.Sub(c.Arrived))
	}
	return r
}

// Validate checks the table: its columns of one length, every dictionary
// index within its dictionary (else ErrTable), and every row by the rules
// of Contact.Validate, with the same sentinels and messages, naming the
// row and the contact: `operations: record 14: invalid time: contact
// "zz": answered contact without an answer time`.
func (t *Table) Validate() error {
	if err := t.shape(); err != nil {
		return err
	}
	return t.checkRows(false)
}

// checkRows validates the rows of a well-shaped table, their FCR status
// read as FCRUnknown if noFCR, and returns checkRow's error for the first
// invalid row: the dictionary indices first, column by column, then the
// rows before the first index out of range.
func (t *Table) checkRows(noFCR bool) error {
	bad := t.Len()
	for _, c := range [...]struct {
		idx  []uint32
		dict []string
	}{{t.Customer, t.Customers}, {t.Reason, t.Reasons}, {t.Agent, t.Agents}, {t.Queue, t.Queues}} {
		bad = min(bad, firstAtOrAbove(c.idx[:bad], len(c.dict)))
	}
	ch, dir, oc, val, fcr := t.Channel[:bad], t.Direction[:bad], t.Outcome[:bad], t.Value[:bad], t.FCR[:bad]
	res, com := t.Resolved[:bad], t.Complaint[:bad]
	wait, el := t.Wait[:bad], t.Elapsed[:bad]
	talk, hold, wrap, cost := t.Talk[:bad], t.Hold[:bad], t.Wrap[:bad], t.Cost[:bad]
	for i := range ch {
		r := record{
			channel: ch[i], direction: dir[i], outcome: oc[i], value: val[i], fcr: fcr[i],
			resolved: res[i], complaint: com[i], wait: wait[i], elapsed: el[i],
			talk: talk[i], hold: hold[i], wrap: wrap[i], cost: cost[i],
		}
		if noFCR {
			r.fcr = FCRUnknown
		}
		if r.fault(t.CostExp) != nil {
			return t.checkRow(i, noFCR)
		}
	}
	if bad < t.Len() {
		return t.checkRow(bad, noFCR)
	}
	return nil
}

// shape checks the lengths of the columns.
func (t *Table) shape() error {
	n := len(t.IDs)
	for _, c := range [...]struct {
		name string
		n    int
	}{
		{"Customer", len(t.Customer)}, {"Reason", len(t.Reason)}, {"Agent", len(t.Agent)}, {"Queue", len(t.Queue)},
		{"Channel", len(t.Channel)}, {"Direction", len(t.Direction)}, {"Outcome", len(t.Outcome)},
		{"Value", len(t.Value)}, {"FCR", len(t.FCR)}, {"Arrived", len(t.Arrived)}, {"Wait", len(t.Wait)},
		{"Elapsed", len(t.Elapsed)}, {"Talk", len(t.Talk)}, {"Hold", len(t.Hold)}, {"Wrap", len(t.Wrap)},
		{"Resolved", len(t.Resolved)}, {"Complaint", len(t.Complaint)}, {"Cost", len(t.Cost)},
	} {
		if c.n != n {
			return fmt.Errorf("%w: column %s has %d rows, IDs %d", ErrTable, c.name, c.n, n)
		}
	}
	return nil
}

// checkRow validates row i, its FCR status read as FCRUnknown if
// noFCR, with the error of Contact.Validate at the row's position.
func (t *Table) checkRow(i int, noFCR bool) error {
	for _, d := range [...]struct {
		name string
		idx  uint32
		dict []string
	}{{"customer", t.Customer[i], t.Customers}, {"reason", t.Reason[i], t.Reasons}, {"agent", t.Agent[i], t.Agents}, {"queue", t.Queue[i], t.Queues}} {
		if int64(d.idx) >= int64(len(d.dict)) {
			return group.At("record", i, fmt.Errorf("%w: contact %q: %s %d out of a dictionary of %d", ErrTable, t.IDs[i], d.name, d.idx, len(d.dict)))
		}
	}
	r := t.at(i)
	if noFCR {
		r.fcr = FCRUnknown
	}
	if r.fault(t.CostExp) == nil {
		return nil
	}
	return group.At("record", i, t.rowError(i, &r))
}

// rowError returns Contact.Validate's error for the faulty row i, whose
// record is r.
func (t *Table) rowError(i int, r *record) error {
	c := t.Contact(i)
	c.FCR = r.fcr
	if err := c.Validate(); err != nil {
		return err
	}
	// Not reached while fault and validate agree (the tests see to it).
	return fmt.Errorf("%w: contact %q: invalid row", r.fault(t.CostExp), c.ID)
}

// fault returns the sentinel of the first rule of Contact.Validate the
// record breaks, nil if none, checking the rules in Validate's order on
// integers: the contact the record stands for (Table.Contact) fails
// Validate with the same sentinel. Its arrival is always set and its
// spans always fit a time.Duration.
func (r *record) fault(costExp int32) error {
	switch {
	case !r.channel.Valid():
		return ErrChannel
	case !r.direction.Valid():
		return ErrDirection
	case !r.outcome.Valid():
		return ErrOutcome
	case !r.value.Valid():
		return ErrValueAdded
	case !r.fcr.Valid():
		return ErrFCR
	}
	answered := r.outcome == Answered
	for _, d := range [...]int64{r.talk, r.hold, r.wrap} {
		if d < 0 {
			return ErrDuration
		}
		if d != 0 && !answered {
			return ErrInconsistent
		}
	}
	if answered {
		if r.wait < 0 { // −1: no answer time; below: before the arrival
			return ErrTime
		}
	} else if r.wait != -1 {
		return ErrInconsistent
	}
	if r.elapsed != -1 && (r.elapsed < 0 || answered && r.elapsed < r.wait) {
		return ErrTime
	}
	handled := r.outcome.Handled()
	switch {
	case !handled && (r.resolved || r.fcr != FCRUnknown):
		return ErrInconsistent
	case r.fcr == FCRResolved && !r.resolved:
		return ErrInconsistent
	case r.channel.SelfService() && (r.direction != Inbound || answered):
		return ErrInconsistent
	case r.direction == Outbound && (r.outcome == Closed || r.outcome == Deflected):
		return ErrInconsistent
	}
	if r.cost != -1 {
		if r.cost < 0 {
			return ErrAmount
		}
		if costExp < minCostExp || costExp > maxCostExp {
			if money.Check(decimal.New(r.cost, costExp)) != nil {
				return ErrAmount
			}
		}
	}
	return nil
}

// The exponents at which every int64 cost is within money.Check's
// bounds: at most 64 decimal places, and below 10⁶⁴ with 19 digits.
const (
	minCostExp = -money.MaxExponent
	maxCostExp = money.MaxExponent - 19
)
