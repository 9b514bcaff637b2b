package churn

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/wire"
	"github.com/shopspring/decimal"
)

const (
	ledgerTag     = 'L'
	ledgerVersion = 2
)

type ledgerCell struct {
	id     string
	i      int
	amount decimal.Decimal
}

// cells lists the ledger's cells in customer then period order.
func (l *Ledger) cells() []ledgerCell {
	var out []ledgerCell
	for _, id := range l.ids() {
		for _, i := range slices.Sorted(maps.Keys(l.amounts[id])) {
			m := l.amounts[id][i]
			out = append(out, ledgerCell{id, i, m.Value()})
		}
	}
	return out
}

// amountText is the canonical text of a cell's sum: the shortest decimal
// (no trailing zeros, no exponent), so that 5.00 and 5 are one state.
func amountText(d decimal.Decimal) string { return d.String() }

// A cell sums at most 2⁶⁴ amounts below 10⁶⁴ with at most 64 places:
// below 10⁸⁴, at most 64 places.
const (
	maxCellDigits = 84
	maxCellPlaces = money.MaxExponent
)

// parseAmount reads a cell's canonical text, refusing any other spelling
// before the decimal package sees it.
func parseAmount(s string) (decimal.Decimal, error) {
	whole, frac, point := strings.Cut(s, ".")
	switch {
	case len(whole) == 0 || len(whole) > maxCellDigits || len(frac) > maxCellPlaces:
		return decimal.Decimal{}, fmt.Errorf("amount %.20q out of bounds", s)
	case strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "",
		len(whole) > 1 && whole[0] == '0', point && (frac == "" || frac[len(frac)-1] == '0'):
		return decimal.Decimal{}, fmt.Errorf("amount %q is not a canonical decimal", s)
	}
	return decimal.NewFromString(s)
}

// ledgerFrom builds a decoded ledger from its calendar, row count and
// cells, which must be in strictly increasing (customer, period) order
// within the plausible window, and no more than the rows.
func ledgerFrom(cal Calendar, n uint64, cells []ledgerCell) (Ledger, error) {
	u := Ledger{cal: cal, n: n}
	lo, hi := cal.Index(minTime), cal.Index(maxTime)
	if uint64(len(cells)) > n {
		return Ledger{}, fmt.Errorf("%w: %d cells from %d rows", ErrEncoding, len(cells), n)
	}
	for k, c := range cells {
		switch {
		case c.id == "":
			return Ledger{}, fmt.Errorf("%w: cell %d has no customer", ErrEncoding, k)
		case c.i < lo || c.i > hi:
			return Ledger{}, fmt.Errorf("%w: cell %d: period %d outside the plausible window", ErrEncoding, k, c.i)
		case k > 0 && (c.id < cells[k-1].id || c.id == cells[k-1].id && c.i <= cells[k-1].i):
			return Ledger{}, fmt.Errorf("%w: cell %d (customer %q, period %d) out of order", ErrEncoding, k, c.id, c.i)
		}
		u.book(c.id, c.i, money.Of(c.amount))
	}
	return u, nil
}

type ledgerJSON struct {
	Months  int        `json:"months"`
	Zone    string     `json:"zone"`
	Offset  *int       `json:"offset_seconds,omitempty"`
	N       uint64     `json:"n"`
	Revenue []cellJSON `json:"revenue"`
}

type cellJSON struct {
	CustomerID string    `json:"customer_id"`
	At         time.Time `json:"at"`
	Amount     string    `json:"amount"`
}

// MarshalJSON writes the calendar (months, the zone's name and, for a
// fixed zone, its offset), the number of rows booked and one row per
// customer and period, dated at the period's start, with the exact sum:
// {"months":1,"zone":"UTC","n":14,"revenue":[{"customer_id":"w",
// "at":"2025-01-01T00:00:00Z","amount":"15.15"},…]}.
func (l *Ledger) MarshalJSON() ([]byte, error) {
	z := zoneOf(l.cal.loc())
	j := ledgerJSON{Months: l.cal.months(), Zone: z.name, N: l.n, Revenue: []cellJSON{}}
	if z.fixed {
		j.Offset = &z.offset
	}
	for _, c := range l.cells() {
		j.Revenue = append(j.Revenue, cellJSON{CustomerID: c.id, At: l.cal.Start(c.i), Amount: amountText(c.amount)})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a ledger written by MarshalJSON, and nothing else
// (the zone must load by name, rows in order, each at its period's start,
// amounts in their shortest form); on error the ledger is unchanged.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var j ledgerJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	cal, err := decodeCalendar(uint64(max(j.Months, 0)), zone{name: j.Zone, fixed: j.Offset != nil, offset: deref(j.Offset)})
	if err != nil {
		return err
	}
	cells := make([]ledgerCell, 0, len(j.Revenue))
	for k, r := range j.Revenue {
		a, err := parseAmount(r.Amount)
		if err != nil {
			return fmt.Errorf("%w: row %d: %v", ErrEncoding, k, err)
		}
		if err := checkTime("revenue date", r.At); err != nil {
			return fmt.Errorf("%w: row %d: %v", ErrEncoding, k, err)
		}
		cells = append(cells, ledgerCell{id: r.CustomerID, i: cal.Index(r.At), amount: a})
	}
	u, err := ledgerFrom(cal, j.N, cells)
	if err != nil {
		return err
	}
	if canon, err := u.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of a ledger", ErrEncoding)
	}
	*l = u
	return nil
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// decodeCalendar rebuilds a calendar from its months and zone.
func decodeCalendar(months uint64, z zone) (Calendar, error) {
	if months < 1 || months > MaxCalendarMonths {
		return Calendar{}, fmt.Errorf("%w: calendar of %d months", ErrEncoding, months)
	}
	loc, err := z.location()
	if err != nil {
		return Calendar{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	cal := Calendar{Months: int(months), Location: loc}
	if err := cal.Validate(); err != nil {
		return Calendar{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if zoneOf(loc) != z {
		return Calendar{}, fmt.Errorf("%w: zone %q is not written as such", ErrEncoding, z.name)
	}
	return cal, nil
}

// AppendBinary appends the ledger's binary encoding to b: the tag, the
// version, the calendar's months, its zone (name, a byte 1 and the offset
// in seconds as a varint for a fixed zone, else 0), the number of rows,
// the number of cells and, per cell in customer then period order, the
// customer id, the period number (varint) and the sum as its shortest
// decimal text; strings after their length.
func (l *Ledger) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, ledgerTag, ledgerVersion)
	b = binary.AppendUvarint(b, uint64(l.cal.months()))
	z := zoneOf(l.cal.loc())
	b = wire.AppendString(b, z.name)
	if z.fixed {
		b = binary.AppendVarint(append(b, 1), int64(z.offset))
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, l.n)
	cells := l.cells()
	b = binary.AppendUvarint(b, uint64(len(cells)))
	for _, c := range cells {
		b = wire.AppendString(b, c.id)
		b = binary.AppendVarint(b, int64(c.i))
		b = wire.AppendString(b, amountText(c.amount))
	}
	return b, nil
}

// MarshalBinary returns the ledger's binary encoding (see AppendBinary).
func (l *Ledger) MarshalBinary() ([]byte, error) { return l.AppendBinary(nil) }

// UnmarshalBinary replaces the ledger with a decoded one, accepting only
// what AppendBinary writes; on error it is unchanged.
func (l *Ledger) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(ledgerTag, ledgerVersion)
	months := d.Uvarint()
	z := zone{name: d.Text()}
	switch flag := d.Bytes(1, "zone"); {
	case d.Err() != nil:
	case flag[0] == 1:
		off := d.Varint()
		if off < -maxOffset || off > maxOffset {
			d.Fail("offset of %d seconds", off)
		}
		z.fixed, z.offset = true, int(off)
	case flag[0] != 0:
		d.Fail("zone flag %d", flag[0])
	}
	n := d.Uvarint()
	k := d.Uvarint()
	if k > uint64(d.Len())/3 { // each cell takes at least 3 bytes
		d.Fail("%d cells in %d bytes", k, d.Len())
	}
	if err := d.Err(); err != nil {
		return err
	}
	cal, err := decodeCalendar(months, z)
	if err != nil {
		return err
	}
	cells := make([]ledgerCell, 0, k)
	for range k {
		id, i, text := d.Text(), d.Varint(), d.Text()
		if d.Err() != nil {
			break
		}
		a, err := parseAmount(text)
		if err != nil || i < -1<<31 || i > 1<<31 {
			d.Fail("cell %d: period %d, %v", len(cells), i, err)
			break
		}
		cells = append(cells, ledgerCell{id: id, i: int(i), amount: a})
	}
	if err := d.End(); err != nil {
		return err
	}
	u, err := ledgerFrom(cal, n, cells)
	if err != nil {
		return err
	}
	*l = u
	return nil
}
