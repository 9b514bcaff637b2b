package clv

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/rapportkit/rapport/internal/group"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/wire"
	"github.com/shopspring/decimal"
)

// The binary encoding of a History starts with this tag and version.
const (
	historyTag = 'H'
	version    = 1
)

// AppendBinary appends h's binary encoding to b: the tag and version,
// the customer id, the number of days, and for each day in ascending
// order its date (days since 1970-01-01 as a varint for the first, the
// days since the previous one as a uvarint after it), its orders as a
// uvarint and its exact amount.
func (h *History) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, historyTag, version)
	b = wire.AppendString(b, h.id)
	b = binary.AppendUvarint(b, uint64(len(h.days)))
	for i, d := range h.days {
		if i == 0 {
			b = binary.AppendVarint(b, int64(d.date))
		} else {
			b = binary.AppendUvarint(b, uint64(d.date-h.days[i-1].date))
		}
		b = binary.AppendUvarint(b, d.orders)
		b = d.amount.AppendBinary(b)
	}
	return b, nil
}

// MarshalBinary returns h's binary encoding.
func (h *History) MarshalBinary() ([]byte, error) { return h.AppendBinary(nil) }

// UnmarshalBinary replaces h with the history data encodes, which must be
// what AppendBinary writes: on error h is unchanged.
func (h *History) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(historyTag, version)
	u := History{id: d.Text()}
	k := d.Uvarint()
	if k > uint64(d.Len())/4 { // a day takes at least 4 bytes
		d.Fail("%d days in %d bytes", k, d.Len())
	}
	if d.Err() == nil && k > 0 {
		u.days = make([]day, 0, k)
	}
	date := int64(0)
	for i := uint64(0); i < k && d.Err() == nil; i++ {
		if i == 0 {
			date = d.Varint()
		} else {
			step := d.Uvarint()
			if step == 0 || step > maxDate-minDate {
				d.Fail("day %d: dates out of order", i)
			}
			date += int64(step)
		}
		orders := d.Uvarint()
		amount := wire.Read(&d, "amount", money.ReadBinary)
		if d.Err() == nil {
			d.SetErr(u.appendDay(date, orders, amount))
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	if err := u.checkID(); err != nil {
		return err
	}
	*h = u
	return nil
}

// appendDay appends a decoded day after checking that Add could have
// made it.
func (h *History) appendDay(date int64, orders uint64, amount money.Sum) error {
	switch {
	case date < minDate || date > maxDate:
		return fmt.Errorf("%w: date %d out of range", ErrEncoding, date)
	case len(h.days) > 0 && int32(date) <= h.days[len(h.days)-1].date:
		return fmt.Errorf("%w: dates out of order", ErrEncoding)
	case orders == 0:
		return fmt.Errorf("%w: a day without orders", ErrEncoding)
	case h.n > ^uint64(0)-orders:
		return fmt.Errorf("%w: %w", ErrEncoding, ErrOverflow)
	case amount.Exp() < -money.MaxExponent:
		return fmt.Errorf("%w: amount with %d decimal places", ErrEncoding, -amount.Exp())
	case amount.Sign() < 0:
		return fmt.Errorf("%w: negative amount", ErrEncoding)
	}
	// Each order is below 10⁶⁴.
	limit := decimal.New(1, money.MaxExponent).Mul(decimal.NewFromUint64(orders))
	if amount.Value().Cmp(limit) >= 0 {
		return fmt.Errorf("%w: amount %v of %d orders out of bounds", ErrEncoding, amount.Value(), orders)
	}
	h.days = append(h.days, day{date: int32(date), orders: orders, amount: amount})
	h.n += orders
	return nil
}

// checkID checks that a decoded history has an id exactly when it has
// purchases.
func (h *History) checkID() error {
	if (h.id == "") != (len(h.days) == 0) {
		return fmt.Errorf("%w: a history has a customer id exactly when it has purchases", ErrEncoding)
	}
	return nil
}

// historyJSON and dayJSON are the JSON form of a History.
type historyJSON struct {
	CustomerID string    `json:"customer_id"`
	Days       []dayJSON `json:"days"`
}

type dayJSON struct {
	Date   string `json:"date"`
	Orders uint64 `json:"orders"`
	Amount string `json:"amount"`
}

// MarshalJSON writes {"customer_id":"c1","days":[{"date":"2024-01-02",
// "orders":2,"amount":"25.50"},…]}: each day's amount with the places of
// its exact sum.
func (h *History) MarshalJSON() ([]byte, error) {
	j := historyJSON{CustomerID: h.id, Days: make([]dayJSON, len(h.days))}
	for i, d := range h.days {
		j.Days[i] = dayJSON{Date: civil(d.date).Format(time.DateOnly), Orders: d.orders, Amount: d.amount.Value().StringFixed(-d.amount.Exp())}
	}
	return json.Marshal(j)
}

// UnmarshalJSON replaces h with the history b encodes, which must be
// what MarshalJSON writes (up to white space): on error h is unchanged.
func (h *History) UnmarshalJSON(b []byte) error {
	var j historyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	u := History{id: j.CustomerID}
	for i, dj := range j.Days {
		t, err := time.Parse(time.DateOnly, dj.Date)
		if err != nil {
			return fmt.Errorf("%w: day %d: %v", ErrEncoding, i, err)
		}
		a, err := money.Parse(dj.Amount)
		if err != nil {
			return fmt.Errorf("%w: day %d: amount %q: %v", ErrEncoding, i, dj.Amount, err)
		}
		if err := u.appendDay(t.Unix()/86400, dj.Orders, money.Of(a)); err != nil {
			return group.At("day", i, err)
		}
	}
	if err := u.checkID(); err != nil {
		return err
	}
	if canon, err := u.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of a history", ErrEncoding)
	}
	*h = u
	return nil
}
