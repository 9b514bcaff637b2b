package plan

import (
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Cost is what a plan costs: the paid positions' time and the tools each
// contact uses, in any one currency.
type Cost struct {
	// Hourly is the loaded cost of a paid position for an hour: wages,
	// charges, seat, management.
	Hourly decimal.Decimal
	// PerContact is what each contact costs besides the agent: telephony,
	// licences per contact, messaging fees.
	PerContact decimal.Decimal
}

// Rounding of the money figures.
const (
	// SlotPlaces is the decimal places a position's cost for an interval,
	// Hourly × minutes/60, is rounded to when it is not a decimal (a
	// third of an hourly cost of 10 for 20 minutes); it is exact for
	// intervals of 15, 30 or 60 minutes.
	SlotPlaces = 8
	// ContactPlaces is the decimal places forecast contacts are rounded to
	// before they are priced.
	ContactPlaces = 6
	// PerContactPlaces is the decimal places of a cost per contact, a
	// quotient rounded half away from zero.
	PerContactPlaces = 4
)

func (c Cost) check() error {
	for _, f := range []struct {
		name string
		d    decimal.Decimal
	}{{"hourly cost", c.Hourly}, {"cost per contact", c.PerContact}} {
		if f.d.Sign() < 0 {
			return fmt.Errorf("%w: %s %v is negative", ErrAmount, f.name, f.d)
		}
		if err := money.Check(f.d); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrAmount, f.name, err)
		}
	}
	return nil
}

// pricing is a Cost made ready for intervals of one length: a position's
// cost for an interval and the cost per contact, as units of 10^exp
// where they fit an int64, so that pricing an interval does not allocate.
type pricing struct {
	slot, contact         decimal.Decimal
	slotUnits, perUnits   int64
	slotExp, perExp       int32
	slotFast, contactFast bool
}

func newPricing(c Cost, interval time.Duration) pricing {
	exact := c.Hourly.Mul(decimal.NewFromInt(int64(interval / time.Minute)))
	sixty := decimal.NewFromInt(60)
	// A quotient by 60 = 2²·3·5 that is a decimal has at most two places
	// more than the dividend.
	places := max(0, -exact.Exponent()) + 2
	slot := exact.DivRound(sixty, places)
	if !slot.Mul(sixty).Equal(exact) {
		slot = exact.DivRound(sixty, max(SlotPlaces, places))
	}
	p := pricing{slot: slot, contact: c.PerContact}
	if slot.NumDigits() <= 18 {
		p.slotUnits, p.slotExp, p.slotFast = slot.CoefficientInt64(), slot.Exponent(), true
	}
	if c.PerContact.NumDigits() <= 18 {
		p.perUnits, p.perExp, p.contactFast = c.PerContact.CoefficientInt64(), c.PerContact.Exponent(), true
	}
	return p
}

// micro returns contacts rounded to ContactPlaces places, as units of
// 10⁻⁶, and ok = false past what an int64 holds.
func micro(contacts float64) (int64, bool) {
	u := math.Round(contacts * 1e6)
	if !(u < 1<<62) {
		return 0, false
	}
	return int64(u), true
}

// contactsDecimal returns contacts rounded to ContactPlaces places.
func contactsDecimal(contacts float64) decimal.Decimal {
	if u, ok := micro(contacts); ok {
		return decimal.New(u, -ContactPlaces)
	}
	return decimal.NewFromFloat(contacts).Round(ContactPlaces)
}

// add adds to s the cost of `positions` paid positions for an interval
// and of `contacts` contacts.
func (p *pricing) add(s *money.Sum, positions int, contacts float64) {
	if p.slotFast && (p.slotUnits == 0 || int64(positions) <= math.MaxInt64/p.slotUnits) {
		s.AddUnits(int64(positions)*p.slotUnits, p.slotExp)
	} else {
		s.Add(p.slot.Mul(decimal.NewFromInt(int64(positions))))
	}
	if u, ok := micro(contacts); ok && p.contactFast && (p.perUnits == 0 || u <= math.MaxInt64/p.perUnits) {
		s.AddUnits(u*p.perUnits, p.perExp-ContactPlaces)
	} else {
		s.Add(p.contact.Mul(contactsDecimal(contacts)))
	}
}

// perContact returns cost ÷ contacts (rounded as priced), rounded to
// PerContactPlaces places, or nil without contacts.
func perContact(cost decimal.Decimal, contacts money.Sum) *decimal.Decimal {
	if contacts.Sign() <= 0 {
		return nil
	}
	d := cost.DivRound(contacts.Value(), PerContactPlaces)
	return &d
}
