package operations

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/row"
	"github.com/shopspring/decimal"
)

// ReadTable reads the whole file into a Table, in its place of ReadAll:
// the same rows accepted and rejected, with the same Summary and row
// errors, but for the contacts a Table cannot hold (see Table.Append),
// rejected with ErrTime (an arrival before 1678 or after 2262, in the
// arrived column) or ErrAmount (a cost in the cost column whose units at
// the table's exponent do not fit an int64). It makes no Contact per row:
// the cells go to the columns, each row checked on integers by
// Contact.Validate's rules (a row that fails is given Validate's own
// error). The table's strings are copies, never pieces of the file, and
// its dictionaries hold each string once, "" at index 0. Rows are parsed
// on every core, as by ReadAll.
//
// ReadTable reads the file from its header: it fails with ErrCSV after a
// Read or ReadAll, and any Read after it fails likewise.
func (r *Reader) ReadTable() (*Table, row.Summary, error) {
	if r.r != nil || r.table {
		return nil, row.Summary{}, &row.FileError{Err: fmt.Errorf("%w: ReadTable after Read, ReadAll or ReadTable", ErrCSV)}
	}
	r.table = true
	f := r.Format
	b := newTableBuilder()
	cr := csvrow.NewReader(r.src, csvrow.Spec[tableRow]{
		Columns: r.Columns.columns(r.Channel == 0),
		Strict:  r.Strict,
		Format:  f,
		Words:   readerWords,
		ID:      colID,
		New:     func(l *csvrow.Layout) csvrow.Parser[tableRow] { return &tableParser{r.parser(l, &f)} },
		Check: func(tr *tableRow, _ int) (int, string, error) {
			if err := b.add(tr); err != nil {
				return colCost, tr.id, err
			}
			return 0, "", nil
		},
	})
	sum, err := cr.ReadAll(r.MaxErrors, func(tableRow) {}, b.grow)
	return &b.t, sum, err
}

// tableRow is a row as ReadTable's parsers deliver it: its record, the
// exponent of its cost, and its strings, copied.
type tableRow struct {
	rec                            record
	costExp                        int32
	id                             string
	customer, reason, agent, queue word16
}

// word16 is a cell of a dictionary-encoded column as a parser hands it
// over: up to 16 bytes as two words and the length + 1 (0 for an empty
// cell), not copied; a longer one, copied, in long.
type word16 struct {
	a, b uint64
	n    uint32
	long string
}

// word16Of returns s as a word16, copying it with in if it is longer than
// 16 bytes.
func word16Of(s string, in *csvrow.Interner) word16 {
	if len(s) > 16 {
		return word16{n: uint32(len(s)) + 1, long: in.Intern(s)}
	}
	var buf [16]byte
	copy(buf[:], s)
	return word16{a: binary.LittleEndian.Uint64(buf[:8]), b: binary.LittleEndian.Uint64(buf[8:]), n: uint32(len(s)) + 1}
}

// bytes returns the bytes of a word16 of up to 16 bytes, in buf.
func (w *word16) bytes(buf *[16]byte) []byte {
	binary.LittleEndian.PutUint64(buf[:8], w.a)
	binary.LittleEndian.PutUint64(buf[8:], w.b)
	return buf[:w.n-1]
}

// tableParser reads rows of a Table with a contactParser's cells.
type tableParser struct{ p *contactParser }

// The arrivals a Table holds, as time.Time.Unix seconds.
var (
	minTableSec = minTableTime.Unix()
	maxTableSec = maxTableTime.Unix()
)

func (tp *tableParser) Parse(fields []string) (tableRow, int, error) {
	p := tp.p
	var c Contact
	if col, err := p.fill(fields, &c); err != nil {
		return tableRow{}, col, err
	}
	var tr tableRow
	units, exp := int64(-1), int32(0)
	var amount decimal.Decimal // a cost Units cannot read
	big, known := false, false
	if s := p.cell(fields, colCost); s != "" {
		known = true
		u, e, err := p.f.Units(s)
		if err != nil {
			if amount, err = p.f.Amount(s); err != nil {
				return tableRow{}, colCost, err
			}
			big = true
		}
		units, exp = u, e
	}
	// The record, checked on integers where the spans fit; else, or when
	// the check fails, the Contact's own Validate says why.
	fast := !c.Arrived.IsZero() && !big && units >= -1 && (units != -1 || !known) // −1 is no cost
	if fast {
		if !c.Answered.IsZero() {
			w, ok := span(c.Arrived, c.Answered)
			fast = fast && ok
			tr.rec.wait = int64(w)
		} else {
			tr.rec.wait = -1
		}
		if !c.Ended.IsZero() {
			e, ok := span(c.Arrived, c.Ended)
			fast = fast && ok
			tr.rec.elapsed = int64(e)
		} else {
			tr.rec.elapsed = -1
		}
	}
	if fast {
		r := &tr.rec
		r.channel, r.direction, r.outcome, r.value, r.fcr = c.Channel, c.Direction, c.Outcome, c.Value, c.FCR
		r.resolved, r.complaint = c.Resolved, c.Complaint
		r.talk, r.hold, r.wrap, r.cost = int64(c.Talk), int64(c.Hold), int64(c.Wrap), units
		fast = r.fault(exp) == nil
	}
	if !fast {
		c.ID = strings.Clone(p.cell(fields, colID))
		switch {
		case big:
			c.Cost = decimal.NewNullDecimal(amount)
		case known:
			c.Cost = decimal.NewNullDecimal(decimal.New(units, exp))
		}
		if err := c.Validate(); err != nil {
			return tableRow{}, -1, err
		}
		if !big { // not reached: fault and Validate agree (the tests see to it)
			return tableRow{}, -1, fmt.Errorf("%w: contact %q: invalid row", tr.rec.fault(exp), c.ID)
		}
		// A valid cost Units could not read: an int64 coefficient, or
		// not a table's.
		co := amount.Coefficient()
		if !co.IsInt64() {
			return tableRow{}, colCost, fmt.Errorf("%w: cost %v does not fit a table's int64 units", ErrAmount, amount)
		}
		tr.rec = recordOf(&c)
		units, exp = co.Int64(), amount.Exponent()
		tr.rec.cost = units
	}
	if sec := c.Arrived.Unix(); sec <= minTableSec || sec >= maxTableSec {
		if c.Arrived.Before(minTableTime) || c.Arrived.After(maxTableTime) {
			return tableRow{}, colArrived, fmt.Errorf("%w: arrived %s, outside a table's 1678–2262", ErrTime, stamp(c.Arrived))
		}
	}
	tr.rec.arrived = c.Arrived.UnixNano()
	tr.costExp = exp
	// Strings last: a rejected row copies none.
	tr.id = p.ids.Copy(p.cell(fields, colID))
	tr.customer = word16Of(p.cell(fields, colCustomer), &p.customers)
	tr.reason = word16Of(p.cell(fields, colReason), &p.dims)
	tr.agent = word16Of(p.cell(fields, colAgent), &p.dims)
	tr.queue = word16Of(p.cell(fields, colQueue), &p.dims)
	return tr, -1, nil
}

// tableBuilder appends ReadTable's rows, in file order, to its table.
type tableBuilder struct {
	t                                  Table
	customers, reasons, agents, queues dictionary
	arena                              csvrow.Arena // the dictionaries' short strings
}

func newTableBuilder() *tableBuilder {
	b := &tableBuilder{}
	b.t.Customers, b.t.Reasons, b.t.Agents, b.t.Queues = []string{""}, []string{""}, []string{""}, []string{""}
	return b
}

// grow makes room for n more rows.
func (b *tableBuilder) grow(n int) {
	t := &b.t
	if n <= 0 || n > math.MaxInt32 {
		return
	}
	grow(&t.IDs, n)
	grow(&t.Customer, n)
	grow(&t.Reason, n)
	grow(&t.Agent, n)
	grow(&t.Queue, n)
	grow(&t.Channel, n)
	grow(&t.Direction, n)
	grow(&t.Outcome, n)
	grow(&t.Value, n)
	grow(&t.FCR, n)
	grow(&t.Arrived, n)
	grow(&t.Wait, n)
	grow(&t.Elapsed, n)
	grow(&t.Talk, n)
	grow(&t.Hold, n)
	grow(&t.Wrap, n)
	grow(&t.Resolved, n)
	grow(&t.Complaint, n)
	grow(&t.Cost, n)
}

func grow[E any](s *[]E, n int) {
	if cap(*s)-len(*s) < n {
		u := make([]E, len(*s), len(*s)+n)
		copy(u, *s)
		*s = u
	}
}

// add appends a row, or fails with ErrAmount, the table unchanged.
func (b *tableBuilder) add(tr *tableRow) error {
	t := &b.t
	if err := t.appendRecord(&tr.rec, tr.rec.cost, tr.costExp, tr.id); err != nil {
		return err
	}
	t.IDs = append(t.IDs, tr.id)
	t.Customer = append(t.Customer, b.customers.of(&t.Customers, &tr.customer, &b.arena))
	t.Reason = append(t.Reason, b.reasons.of(&t.Reasons, &tr.reason, &b.arena))
	t.Agent = append(t.Agent, b.agents.of(&t.Agents, &tr.agent, &b.arena))
	t.Queue = append(t.Queue, b.queues.of(&t.Queues, &tr.queue, &b.arena))
	return nil
}

// dictionary numbers the strings of a column for ReadTable. Strings of
// up to 16 bytes (most ids, agents, reasons) are kept as two words and
// their length in an open-addressing table, so that a lookup costs one
// probe of the table, seldom more, and never reads the strings; longer
// ones go to a map.
type dictionary struct {
	slots []dictionarySlot // a power of two, at most half full
	used  int
	long  map[string]uint32
}

// dictionarySlot is a string of up to 16 bytes, as its two words and its
// length + 1 (0: an empty slot), and its index.
type dictionarySlot struct {
	a, b uint64
	n    uint32
	i    uint32
}

// of returns the index of w in *dict, which starts with "", adding it
// if it is new (a short string copied into arena).
func (d *dictionary) of(dict *[]string, w *word16, arena *csvrow.Arena) uint32 {
	switch {
	case w.n <= 1:
		return 0
	case w.n > 17:
		if d.long == nil {
			d.long = make(map[string]uint32)
		}
		i, ok := d.long[w.long]
		if !ok {
			i = uint32(len(*dict))
			*dict = append(*dict, w.long)
			d.long[w.long] = i
		}
		return i
	}
	if 2*(d.used+1) > len(d.slots) {
		d.rehash()
	}
	a, b, n := w.a, w.b, w.n
	mask := uint64(len(d.slots) - 1)
	for h := slotHash(a, b, n) & mask; ; h = (h + 1) & mask {
		sl := &d.slots[h]
		if sl.n == 0 {
			*sl = dictionarySlot{a, b, n, uint32(len(*dict))}
			d.used++
			var buf [16]byte
			*dict = append(*dict, arena.Copy(string(w.bytes(&buf))))
			return sl.i
		}
		if sl.a == a && sl.b == b && sl.n == n {
			return sl.i
		}
	}
}

func slotHash(a, b uint64, n uint32) uint64 {
	h := (a ^ b*0x9e3779b97f4a7c15 ^ uint64(n)) * 0xbf58476d1ce4e5b9
	return h ^ h>>31
}

// rehash doubles the table (from 1024 slots).
func (d *dictionary) rehash() {
	old := d.slots
	d.slots = make([]dictionarySlot, max(2*len(old), 1024))
	mask := uint64(len(d.slots) - 1)
	for _, sl := range old {
		if sl.n == 0 {
			continue
		}
		h := slotHash(sl.a, sl.b, sl.n) & mask
		for d.slots[h].n != 0 {
			h = (h + 1) & mask
		}
		d.slots[h] = sl
	}
}
