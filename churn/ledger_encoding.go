package churn

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/wire"
	"github.com/shopspring/decimal"
)

const ledgerTag = 'L'

type ledgerCell struct {
	id     string
	i      int
	amount decimal.Decimal
}

// entries lists the ledger's cells in customer then period order.
func (l *Ledger) entries() []ledgerCell {
	var out []ledgerCell
	for _, id := range l.ids() {
		for _, i := range slices.Sorted(maps.Keys(l.amounts[id])) {
			m := l.amounts[id][i]
			out = append(out, ledgerCell{id, i, m.Value()})
		}
	}
	return out
}

// loadCalendar rebuilds a calendar from its months and location name.
func loadCalendar(months int, location string) (Calendar, error) {
	loc, err := time.LoadLocation(location)
	if err != nil {
		return Calendar{}, fmt.Errorf("%w: location %q: %v", ErrEncoding, location, err)
	}
	cal := Calendar{Months: months, Location: loc}
	if err := cal.Validate(); err != nil {
		return Calendar{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return cal, nil
}

type ledgerJSON struct {
	Months   int       `json:"months"`
	Location string    `json:"location"`
	Revenue  []Revenue `json:"revenue"`
}

// MarshalJSON writes the calendar (months and location name) and one
// revenue row per customer and period, dated at the period's start.
func (l *Ledger) MarshalJSON() ([]byte, error) {
	j := ledgerJSON{Months: l.cal.months(), Location: l.cal.loc().String(), Revenue: []Revenue{}}
	for _, c := range l.entries() {
		j.Revenue = append(j.Revenue, Revenue{CustomerID: c.id, At: l.cal.Start(c.i), Amount: c.amount})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a ledger written by MarshalJSON (the location must
// load by name); on error the ledger is unchanged.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var j ledgerJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	cal, err := loadCalendar(j.Months, j.Location)
	if err != nil {
		return err
	}
	u := Ledger{cal: cal}
	for k, r := range j.Revenue {
		if err := u.Add(r); err != nil {
			return fmt.Errorf("%w: row %d: %v", ErrEncoding, k, err)
		}
	}
	*l = u
	return nil
}

// AppendBinary appends the ledger's binary encoding to b: the tag, the
// version, the calendar's months and location name, the number of cells
// and, per cell, the customer id, the period number (varint) and the
// amount as decimal text; strings after their length.
func (l *Ledger) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, ledgerTag, version)
	b = binary.AppendUvarint(b, uint64(l.cal.months()))
	b = wire.AppendString(b, l.cal.loc().String())
	cells := l.entries()
	b = binary.AppendUvarint(b, uint64(len(cells)))
	for _, c := range cells {
		b = wire.AppendString(b, c.id)
		b = binary.AppendVarint(b, int64(c.i))
		b = wire.AppendString(b, c.amount.String())
	}
	return b, nil
}

// MarshalBinary returns the ledger's binary encoding (see AppendBinary).
func (l *Ledger) MarshalBinary() ([]byte, error) { return l.AppendBinary(nil) }

// UnmarshalBinary replaces the ledger with a decoded one; on error it is
// unchanged.
func (l *Ledger) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(ledgerTag, version)
	months := d.Uvarint()
	location := d.Text()
	if err := d.Err(); err != nil {
		return err
	}
	if months > 1200 {
		return fmt.Errorf("%w: %d months", ErrEncoding, months)
	}
	cal, err := loadCalendar(int(months), location)
	if err != nil {
		return err
	}
	u := Ledger{cal: cal}
	n := d.Uvarint()
	if n > uint64(d.Len()) {
		d.Fail("%d cells in %d bytes", n, d.Len())
	}
	for k := uint64(0); k < n && d.Err() == nil; k++ {
		id, i, text := d.Text(), d.Varint(), d.Text()
		if d.Err() != nil {
			break
		}
		a, err := decimal.NewFromString(text)
		switch {
		case err != nil:
			d.Fail("amount %q: %v", text, err)
		case i > 1<<24 || i < -(1<<24): // a million years of months
			d.Fail("period %d out of range", i)
		case id == "" || a.IsNegative():
			d.Fail("cell %d: customer %q, amount %s", k, id, a)
		case u.has(id, int(i)):
			d.Fail("customer %q period %d twice", id, i)
		default:
			u.book(id, int(i), a)
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	*l = u
	return nil
}

func (l *Ledger) has(id string, i int) bool {
	_, ok := l.amounts[id][i]
	return ok
}
