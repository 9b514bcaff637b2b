package operations

import (
	"time"

	"github.com/shopspring/decimal"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// cost returns a known cost.
func cost(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

// sample is a small day of contacts whose KPIs are worked out by hand in
// TestTallySample. Every cost is known: those without one cost 0.
func sample() []Contact {
	const m, h, day = time.Minute, time.Hour, 24 * time.Hour
	return []Contact{
		{ID: "c1", CustomerID: "A", Reason: "billing", Channel: Phone, Direction: Inbound, Outcome: Answered,
			Arrived: at(0), Answered: at(15 * time.Second), Ended: at(5*m + 15*time.Second),
			Talk: 4 * m, Hold: 30 * time.Second, Wrap: 30 * time.Second, Resolved: true, Value: LowValue, Cost: cost("6.50")},
		{ID: "c2", CustomerID: "B", Reason: "move", Channel: Phone, Direction: Inbound, Outcome: Answered,
			Arrived: at(m), Answered: at(m + 40*time.Second), Talk: 3 * m, Wrap: m, Value: HighValue, Cost: cost("7.25")},
		{ID: "c3", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: at(2 * m), Ended: at(2*m + 10*time.Second), Cost: cost("0.40")},
		{ID: "c4", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: at(3 * m), Cost: cost("0")},
		{ID: "c5", Channel: Phone, Direction: Inbound, Outcome: Busy, Arrived: at(4 * m), Cost: cost("0")},
		{ID: "c6", Channel: Phone, Direction: Inbound, Outcome: Closed, Arrived: at(-10 * h), Cost: cost("0")},
		{ID: "c7", CustomerID: "A", Reason: "billing", Channel: Chat, Direction: Inbound, Outcome: Answered,
			Arrived: at(2 * day), Answered: at(2*day + 5*time.Second), Talk: 6 * m, Resolved: true, Complaint: true, Cost: cost("4.10")},
		{ID: "c8", CustomerID: "C", Reason: "invoice", Channel: Email, Direction: Inbound, Outcome: Answered,
			Arrived: at(h), Answered: at(4 * h), Talk: 5 * m, Resolved: true, Cost: cost("3")},
		{ID: "c9", CustomerID: "D", Reason: "x", Channel: Email, Direction: Inbound, Outcome: Answered,
			Arrived: at(h), Answered: at(31 * h), Talk: 4 * m, Cost: cost("3.00")},
		{ID: "c10", CustomerID: "D", Reason: "y", Channel: Email, Direction: Inbound, Outcome: Unreached, Arrived: at(2 * h), Cost: cost("0")},
		{ID: "c11", CustomerID: "E", Reason: "password", Channel: Chatbot, Direction: Inbound, Outcome: Deflected,
			Arrived: at(3 * h), Resolved: true, Cost: cost("0.2")},
		{ID: "c12", Channel: FAQ, Direction: Inbound, Outcome: Deflected, Arrived: at(3 * h), Cost: cost("0")},
		{ID: "c13", CustomerID: "F", Reason: "offer", Channel: Phone, Direction: Outbound, Outcome: Answered,
			Arrived: at(5 * h), Answered: at(5*h + 12*time.Second), Talk: 2 * m, Cost: cost("2.00")},
		{ID: "c14", CustomerID: "G", Reason: "offer", Channel: Phone, Direction: Outbound, Outcome: Unreached, Arrived: at(5 * h), Cost: cost("0")},
	}
}
