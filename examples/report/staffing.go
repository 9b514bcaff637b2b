package main

import (
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/plan"
	"github.com/shopspring/decimal"
)

// The service targets the plan meets in every half hour: 80 % of the calls
// and chats answered within 20 s, at most 5 % abandoning (Erlang A, with
// the customers' patience measured in the data), agents busy at most 85 %
// of the time; 30 % of paid time goes to breaks, training and absence.
var staffingTargets = operations.Targets{
	ServiceLevel: 0.80, Within: 20 * time.Second, Abandonment: 0.05, Occupancy: 0.85, Shrinkage: 0.30,
}

// contract is a full-time position: 35 hours a week over 5 days.
var contract = plan.Contract{Weekly: 35 * time.Hour, DaysPerWeek: 5}

const (
	halfHour = 30 * time.Minute
	horizon  = 7  // days forecast and planned, from the as-of date
	holdout  = 14 // days held out to measure the forecast
)

// concurrency is the chats an agent handles at once.
var concurrency = map[operations.Channel]float64{operations.Chat: 2}

// staffingSection plans next week for the live channels: the forecast of
// the contacts offered to agents per half hour, its accuracy on the last
// two weeks held out, and the agents, positions, FTE and cost it needs.
type staffingSection struct {
	Targets            operations.Targets
	Contract           plan.Contract
	Hourly, PerContact decimal.Decimal
	HistoryFrom, AsOf  forecast.Date
	Queues             []queuePlan
}

type queuePlan struct {
	Channel     operations.Channel
	Concurrency float64
	Offered     uint64           // the contacts of the history
	Patience    time.Duration    // 0: unknown, Erlang C without abandonment
	Observed    *float64         // the service level achieved over the history, a percentage
	Measured    *decimal.Decimal // the contacts file's cost per handled contact
	// Skipped says why the channel has no plan (too little history).
	Skipped  string
	Accuracy forecast.Accuracy
	Forecast forecast.Forecast
	Plan     *plan.Plan
	Table    []plan.Row
}

func buildStaffing(in *inputs, w window, contacts *contactSection, hourly, perContact decimal.Decimal) (*staffingSection, error) {
	if in.contacts == nil {
		return nil, nil
	}
	s := &staffingSection{Targets: staffingTargets, Contract: contract, Hourly: hourly, PerContact: perContact,
		HistoryFrom: forecast.DateOf(w.from), AsOf: forecast.DateOf(w.to)}
	for _, ch := range []operations.Channel{operations.Phone, operations.Chat} {
		q, err := planQueue(in, w, s, ch)
		if err != nil {
			return nil, fmt.Errorf("staffing %v: %w", ch, err)
		}
		if q == nil {
			continue
		}
		if r := contacts.channel(ch); r != nil {
			q.Measured = r.CostPerContactAmount
		}
		s.Queues = append(s.Queues, *q)
	}
	return s, nil
}

// planQueue forecasts and plans one live channel; nil when the channel had
// no contact offered to agents.
func planQueue(in *inputs, w window, s *staffingSection, ch operations.Channel) (*queuePlan, error) {
	// The contacts offered to agents: inbound, answered or abandoned.
	var offered []operations.Contact
	for _, c := range in.contacts.rows {
		if c.Channel == ch && c.Direction == operations.Inbound && w.contains(c.Arrived) &&
			(c.Outcome == operations.Answered || c.Outcome == operations.Abandoned) {
			offered = append(offered, c)
		}
	}
	if len(offered) == 0 {
		return nil, nil
	}
	q := &queuePlan{Channel: ch, Concurrency: concurrency[ch], Offered: uint64(len(offered))}
	tally, err := operations.TallyOf(slices.Values(offered))
	if err != nil {
		return nil, err
	}
	if p, ok := tally.Patience(); ok {
		q.Patience = p
	}
	if sl, ok := tally.ServiceLevel(s.Targets.Within); ok {
		v := 100 * sl
		q.Observed = &v
	}
	history, err := forecast.HistoryOf(slices.Values(offered), halfHour, time.UTC)
	if err != nil {
		return nil, err
	}
	series, err := history.Series(s.HistoryFrom, s.AsOf.Sub(s.HistoryFrom))
	if err != nil {
		return nil, err
	}
	var o forecast.Options // Holt–Winters, additive weekly season, no trend
	if q.Accuracy, err = forecast.Backtest(series, o, holdout); err != nil {
		q.Skipped = fmt.Sprintf("not enough history to forecast and test (%v)", err)
		return q, nil
	}
	fitted, err := forecast.Fit(series, o)
	if err != nil {
		q.Skipped = fmt.Sprintf("no forecast (%v)", err)
		return q, nil
	}
	if q.Forecast, err = fitted.Forecast(horizon); err != nil {
		return nil, err
	}
	targets := s.Targets
	if q.Patience == 0 {
		targets.Abandonment = 0 // customers who never abandon: Erlang C
	}
	q.Plan, err = plan.New(q.Forecast, plan.Staffing{
		Targets: targets, Patience: q.Patience, Concurrency: q.Concurrency, Contract: s.Contract,
		Cost: plan.Cost{Hourly: s.Hourly, PerContact: s.PerContact},
	})
	if err != nil {
		return nil, err
	}
	if q.Table, err = q.Plan.Table(-1, 2); err != nil {
		return nil, err
	}
	return q, nil
}
