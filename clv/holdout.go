package clv

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

// spendPlaces is the number of decimal places of a mean spend.
const spendPlaces = 16

// Summary returns the customer's summary as of the end of asOf's calendar
// day: X is the purchase occasions after the first, Tx the days from the
// first to the last occasion and T the days from the first to asOf, both
// in o.Unit, and Spend the mean amount of the repeat occasions, rounded to
// 16 decimal places. With o.EachOrder an occasion is an order, and the
// first purchase is one order of the first day at that day's mean order
// amount. It returns ok = false for an empty history, and ErrTime when
// the history holds a purchase dated after asOf (use Holdout to set later
// purchases aside).
func (h *History) Summary(asOf time.Time, o Options) (Summary, bool, error) {
	end, err := dateOf(asOf)
	if err != nil {
		return Summary{}, false, fmt.Errorf("as-of date: %w", err)
	}
	if len(h.days) > 0 && h.days[len(h.days)-1].date > end {
		return Summary{}, false, fmt.Errorf("%w: customer %q purchased on %s, after the as-of date %s",
			ErrTime, h.id, civil(h.days[len(h.days)-1].date).Format(time.DateOnly), asOf.Format(time.DateOnly))
	}
	return h.summary(h.days, end, o)
}

// summary summarises the days (a prefix of h.days) as of day end.
func (h *History) summary(days []day, end int32, o Options) (Summary, bool, error) {
	u, err := o.unitDays()
	if err != nil {
		return Summary{}, false, err
	}
	if len(days) == 0 {
		return Summary{}, false, nil
	}
	first, last := days[0], days[len(days)-1]
	s := Summary{ID: h.id, Tx: float64(last.date-first.date) / u, T: float64(end-first.date) / u}
	var total money.Sum
	var orders uint64
	for _, d := range days {
		total.Merge(d.amount)
		orders += d.orders
	}
	if !o.EachOrder {
		s.X = len(days) - 1
		if s.X > 0 {
			repeat := total.Value().Sub(first.amount.Value())
			s.Spend = repeat.DivRound(decimal.NewFromInt(int64(s.X)), spendPlaces)
		}
	} else {
		if orders-1 > MaxRepeats {
			return Summary{}, false, fmt.Errorf("%w: customer %q has %d orders, more than %d repeat purchases", ErrSummary, h.id, orders, MaxRepeats)
		}
		s.X = int(orders - 1)
		if s.X > 0 {
			// (k·total − first day) ÷ (k·x): the first day's k orders
			// less one order at their mean.
			k := decimal.NewFromUint64(first.orders)
			repeat := total.Value().Mul(k).Sub(first.amount.Value())
			s.Spend = repeat.DivRound(k.Mul(decimal.NewFromInt(int64(s.X))), spendPlaces)
		}
	}
	if s.X > MaxRepeats {
		return Summary{}, false, fmt.Errorf("%w: customer %q has %d repeat purchases, more than %d", ErrSummary, h.id, s.X, MaxRepeats)
	}
	return s, true, nil
}

// Holdout is a customer's summary at a calibration cut and what the
// customer did after it, to test a model's predictions on data it was not
// fitted on.
type Holdout struct {
	// Calibration is the summary as of the cut: the purchases up to the
	// end of the cut's calendar day.
	Calibration Summary `json:"calibration"`
	// X is the purchase occasions after the cut day, up to the end day.
	X int `json:"x"`
	// Amount is their exact total amount.
	Amount decimal.Decimal `json:"amount"`
	// T is the length of the holdout period, end − cut, in the unit.
	T float64 `json:"age_periods"`
}

// Holdout splits the history at the calendar day of cut: the summary as
// of cut, and the occasions and amount of the days after it up to end.
// It returns ok = false when the customer's first purchase is after the
// cut (the customer is not in the calibration cohort), and ErrTime when
// end is before cut or the history holds a purchase after end.
func (h *History) Holdout(cut, end time.Time, o Options) (Holdout, bool, error) {
	c, err := dateOf(cut)
	if err != nil {
		return Holdout{}, false, fmt.Errorf("cut: %w", err)
	}
	e, err := dateOf(end)
	if err != nil {
		return Holdout{}, false, fmt.Errorf("end: %w", err)
	}
	if e < c {
		return Holdout{}, false, fmt.Errorf("%w: holdout end %s before the cut %s", ErrTime, end.Format(time.DateOnly), cut.Format(time.DateOnly))
	}
	if len(h.days) > 0 && h.days[len(h.days)-1].date > e {
		return Holdout{}, false, fmt.Errorf("%w: customer %q purchased on %s, after the holdout end %s",
			ErrTime, h.id, civil(h.days[len(h.days)-1].date).Format(time.DateOnly), end.Format(time.DateOnly))
	}
	u, err := o.unitDays()
	if err != nil {
		return Holdout{}, false, err
	}
	k, _ := slices.BinarySearchFunc(h.days, c+1, func(d day, t int32) int { return int(d.date) - int(t) })
	cal, ok, err := h.summary(h.days[:k], c, o)
	if !ok || err != nil {
		return Holdout{}, ok, err
	}
	out := Holdout{Calibration: cal, T: float64(e-c) / u}
	var amount money.Sum
	var orders uint64
	for _, d := range h.days[k:] {
		amount.Merge(d.amount)
		orders += d.orders
	}
	out.X = len(h.days) - k
	if o.EachOrder {
		if orders > MaxRepeats {
			return Holdout{}, false, fmt.Errorf("%w: customer %q has %d orders in the holdout, more than %d", ErrSummary, h.id, orders, MaxRepeats)
		}
		out.X = int(orders)
	}
	out.Amount = amount.Value()
	return out, true, nil
}

// Summarize groups transactions by customer id and returns every
// customer's Summary as of asOf, in ascending id order. The first bad
// transaction stops it with an error naming its position.
func Summarize(transactions iter.Seq[segment.Transaction], asOf time.Time, o Options) ([]Summary, error) {
	hs, err := HistoryBy(transactions, func(t segment.Transaction) string { return t.CustomerID })
	if err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(hs))
	for _, id := range slices.Sorted(maps.Keys(hs)) {
		s, _, err := hs[id].Summary(asOf, o)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// HistoryResult is the reporting view of a History as of a date.
type HistoryResult struct {
	CustomerID string `json:"customer_id"`
	// N is the number of orders, PurchaseDays the distinct days with
	// orders and X the repeat purchase occasions under the options.
	N            uint64 `json:"n"`
	PurchaseDays int    `json:"purchase_days"`
	X            int    `json:"x"`
	// First and Last are the dates of the first and last purchase.
	First *time.Time `json:"first"`
	Last  *time.Time `json:"last"`
	// RecencyDays is t_x in days (first to last purchase), IdleDays the
	// days since the last purchase and AgeDays the days since the first.
	RecencyDays *float64 `json:"recency_days"`
	IdleDays    *float64 `json:"idle_days"`
	AgeDays     *float64 `json:"age_days"`
	// TotalAmount is the exact total; MeanRepeatAmount the mean amount
	// of the repeat occasions (nil without any).
	TotalAmount      *decimal.Decimal `json:"total_amount"`
	MeanRepeatAmount *decimal.Decimal `json:"mean_repeat_amount"`
}

// Result returns the reporting view of h as of asOf, with the rules and
// errors of Summary; every figure of an empty history is nil.
func (h *History) Result(asOf time.Time, o Options) (HistoryResult, error) {
	o.Unit = 24 * time.Hour
	s, ok, err := h.Summary(asOf, o)
	if err != nil {
		return HistoryResult{}, err
	}
	r := HistoryResult{CustomerID: h.id, N: h.n, PurchaseDays: len(h.days), X: s.X}
	if !ok {
		return r, nil
	}
	first, _ := h.First()
	last, _ := h.Last()
	idle, total := s.T-s.Tx, h.Amount()
	r.First, r.Last = &first, &last
	r.RecencyDays, r.IdleDays, r.AgeDays = &s.Tx, &idle, &s.T
	r.TotalAmount = &total
	if s.X > 0 {
		r.MeanRepeatAmount = &s.Spend
	}
	return r, nil
}

// String returns e.g. "c1: 3 orders on 2 days, x = 1, first 2024-01-02,
// last 2024-03-01 (t_x 59 days, idle 30 days, age 89 days), total 75.50",
// the amount with the places of its exact sum.
func (r HistoryResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s on %s", r.CustomerID, plural(r.N, "order"), plural(uint64(r.PurchaseDays), "day"))
	if r.First == nil {
		return b.String()
	}
	fmt.Fprintf(&b, ", x = %d, first %s, last %s (t_x %g days, idle %g days, age %g days), total %s",
		r.X, r.First.Format(time.DateOnly), r.Last.Format(time.DateOnly), *r.RecencyDays, *r.IdleDays, *r.AgeDays, fixed(*r.TotalAmount))
	return b.String()
}

// plural returns "1 order", "2 orders".
func plural(n uint64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
