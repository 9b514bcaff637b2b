package main

import (
	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// sumOurs adds the transaction amounts (cents) exactly with the sum behind
// every rapport amount, in its column path; the digest is the sum as a
// decimal string.
func sumOurs(d *data, reps int) (result, error) {
	t, err := loadTransactions(d)
	if err != nil {
		return result{}, err
	}
	return timeIt("sum", reps, func() (money.Sum, error) {
		var s money.Sum
		s.AddColumn(t.cents, -2)
		return s, nil
	}, func(s money.Sum) string { return digestOf(s.Value().StringFixed(2)) })
}

// sumInt64 is the physical reference: a plain int64 loop over the cents,
// exact only while the total fits, which it does here.
func sumInt64(d *data, reps int) (result, error) {
	t, err := loadTransactions(d)
	if err != nil {
		return result{}, err
	}
	r, err := timeIt("sum", reps, func() (int64, error) {
		var s int64
		for _, c := range t.cents {
			s += c
		}
		return s, nil
	}, func(s int64) string { return digestOf(decimal.New(s, -2).StringFixed(2)) })
	r.Impl = "Go int64 loop"
	return r, err
}

// sumShopspring is what a user of shopspring/decimal writes: decimal.Sum
// over one decimal.Decimal per amount (built before the timing).
func sumShopspring(d *data, reps int) (result, error) {
	t, err := loadTransactions(d)
	if err != nil {
		return result{}, err
	}
	amounts := make([]decimal.Decimal, len(t.cents))
	for i, c := range t.cents {
		amounts[i] = decimal.New(c, -2)
	}
	r, err := timeIt("sum", reps, func() (decimal.Decimal, error) {
		if len(amounts) == 0 {
			return decimal.Zero, nil
		}
		return decimal.Sum(amounts[0], amounts[1:]...), nil
	}, func(s decimal.Decimal) string { return digestOf(s.StringFixed(2)) })
	r.Impl = "shopspring decimal.Sum"
	return r, err
}
