package churn

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/shopspring/decimal"
)

var february = Period{From: ts("2025-02-01"), To: ts("2025-03-01")}

// randomCustomer draws a valid customer around January 2025: acquired
// from November to mid-February, lost or not, with or without a contract
// end and renewals.
func randomCustomer(r *rand.Rand) Customer {
	hour := func(n int) time.Duration { return time.Duration(r.IntN(n)) * time.Hour }
	c := Customer{ID: fmt.Sprintf("c%d", r.IntN(1000)), Start: ts("2024-11-01").Add(hour(106 * 24))}
	limit := c.Start.Add(200 * 24 * time.Hour)
	if r.IntN(2) == 0 {
		c.End = c.Start.Add(hour(90 * 24))
		limit = c.End
	}
	if r.IntN(3) > 0 {
		c.ContractEnd = c.Start.Add(hour(120 * 24))
		if c.ContractEnd.Before(limit) {
			limit = c.ContractEnd
		}
	}
	for at := c.Start.Add(hour(40 * 24)); at.After(c.Start) && at.Before(limit) && r.IntN(2) == 0; at = at.Add(1 + hour(40*24)) {
		c.Renewals = append(c.Renewals, at)
	}
	return c
}

func flowSpec() laws.Spec[Flow, Customer] {
	return laws.Spec[Flow, Customer]{
		New:   func() *Flow { f, _ := NewFlow(january); return f },
		Item:  randomCustomer,
		Other: func() *Flow { f, _ := NewFlow(february); return f },
		Bad: []Customer{
			{},
			{ID: "no start"},
			{ID: "x", Start: ts("2025-01-10"), End: ts("2025-01-09")},
			{ID: "x", Start: ts("1800-01-10")},
			{ID: "x", Start: ts("2025-01-10"), Renewals: []time.Time{ts("2025-01-20"), ts("2025-01-15")}},
			{ID: "x", Start: ts("2025-01-10"), ContractEnd: ts("2025-01-12"), Renewals: []time.Time{ts("2025-01-20")}},
		},
		Result:      func(f *Flow) (any, error) { return f.Result() },
		ErrMismatch: ErrMismatch,
		InvalidZero: true,
		AllocFree:   true,
	}
}

func survivalSpec() laws.Spec[Survival, Lifetime] {
	return laws.Spec[Survival, Lifetime]{
		Item: func(r *rand.Rand) Lifetime {
			return Lifetime{Duration: time.Duration(r.IntN(60)) * 24 * time.Hour, Lost: r.IntN(3) > 0}
		},
		Bad: []Lifetime{{Duration: -1}, {Duration: MaxLifetime + 1, Lost: true}},
		BadBinary: [][]byte{
			{'S', 1, 2, 5, 1, 0, 0, 0, 0}, // a second duration at the same time
			{'S', 1, 1, 5, 0, 0},          // an entry that counts nothing
		},
		BadJSON: []string{`[1]`, `{"lifetimes":[{"duration_ns":-1,"events":1}]}`,
			`{"lifetimes":[{"duration_ns":5,"events":1},{"duration_ns":5,"events":1}]}`, `{"lifetimes":[{"duration_ns":5}]}`,
			`{"lifetimes":[{"duration_ns":7,"events":1},{"duration_ns":5,"events":1}]}`},
		AddN:      (*Survival).AddN,
		Result:    func(s *Survival) (any, error) { return s.Result(0.95, LogLog) },
		AllocFree: true,
	}
}

func ledgerSpec() laws.Spec[Ledger, Revenue] {
	return laws.Spec[Ledger, Revenue]{
		Item: func(r *rand.Rand) Revenue {
			return Revenue{
				CustomerID: string(rune('a' + r.IntN(8))),
				At:         ts("2024-01-01").Add(time.Duration(r.IntN(540*24)) * time.Hour),
				Amount:     decimal.New(r.Int64N(100000), -int32(r.IntN(3))),
			}
		},
		Bad: []Revenue{
			{At: ts("2025-01-01"), Amount: decimal.New(1, 0)},
			{CustomerID: "x", At: ts("2025-01-01"), Amount: decimal.New(-1, 0)},
			{CustomerID: "x", Amount: decimal.New(1, 0)},
			{CustomerID: "x", At: ts("1800-01-01"), Amount: decimal.New(1, 0)},
			{CustomerID: "x", At: ts("2025-01-01"), Amount: decimal.New(1, -2e9)},
			{CustomerID: "x", At: ts("2025-01-01"), Amount: decimal.New(1, 64)},
		},
		Result:      func(l *Ledger) (any, error) { return l.Result(ts("2024-01-01"), ts("2025-06-30")) },
		Other:       func() *Ledger { l, _ := NewLedger(Quarterly); return l },
		ErrMismatch: ErrMismatch,
		BadJSON: []string{
			`{"months":1,"zone":"UTC","n":0,"revenue":[{"customer_id":"a","at":"2025-01-01T00:00:00Z","amount":"1"}]}`,
			`{"months":5,"zone":"UTC","n":0,"revenue":[]}`,
			`{"months":1,"zone":"Local","n":0,"revenue":[]}`,
			`{"months":1,"zone":"Nowhere/Land","n":0,"revenue":[]}`,
			`{"months":1,"zone":"UTC","n":1,"revenue":[{"customer_id":"x","at":"2025-01-01T00:00:00Z","amount":"-1"}]}`,
			`{"months":1,"zone":"UTC","n":1,"revenue":[{"customer_id":"x","at":"2025-01-01T00:00:00Z","amount":"5.00"}]}`,
			`{"months":1,"zone":"UTC","n":1,"revenue":[{"customer_id":"x","at":"2025-01-10T00:00:00Z","amount":"5"}]}`,
			`[1]`,
		},
	}
}

func TestFlowLaws(t *testing.T)     { laws.Check(t, flowSpec()) }
func TestSurvivalLaws(t *testing.T) { laws.Check(t, survivalSpec()) }
func TestLedgerLaws(t *testing.T)   { laws.Check(t, ledgerSpec()) }

func FuzzFlowBinary(f *testing.F)     { laws.FuzzBinary(f, flowSpec()) }
func FuzzFlowJSON(f *testing.F)       { laws.FuzzJSON(f, flowSpec()) }
func FuzzSurvivalBinary(f *testing.F) { laws.FuzzBinary(f, survivalSpec()) }
func FuzzSurvivalJSON(f *testing.F)   { laws.FuzzJSON(f, survivalSpec()) }
func FuzzLedgerBinary(f *testing.F)   { laws.FuzzBinary(f, ledgerSpec()) }
func FuzzLedgerJSON(f *testing.F)     { laws.FuzzJSON(f, ledgerSpec()) }

// word returns the i-th little-endian 8-byte word of b, 0 past its end.
func word(b []byte, i int) int64 {
	var w [8]byte
	if 8*i < len(b) {
		copy(w[:], b[8*i:])
	}
	return int64(binary.LittleEndian.Uint64(w[:]))
}

// Any customer is either accepted, adding one to N, or rejected without a
// change: times anywhere (seconds around January 2025), renewals in any
// order.
func FuzzFlowAdd(f *testing.F) {
	laws.FuzzAdd(f, flowSpec(), func(b []byte) (Customer, bool) {
		if len(b) < 1 {
			return Customer{}, false
		}
		at := func(i int) time.Time {
			if w := word(b[1:], i); w != 0 {
				return january.From.Add(time.Duration(w) * time.Second)
			}
			return time.Time{}
		}
		c := Customer{ID: string(b[:1]), Start: at(0), End: at(1), ContractEnd: at(2)}
		for i := 3; 8*i < len(b)-1; i++ {
			c.Renewals = append(c.Renewals, at(i))
		}
		return c, true
	}, []byte("a\x01\x00\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00"), []byte{0})
}

func FuzzSurvivalAdd(f *testing.F) {
	laws.FuzzAdd(f, survivalSpec(), func(b []byte) (Lifetime, bool) {
		return Lifetime{Duration: time.Duration(word(b, 0)), Lost: len(b) > 8 && b[8]&1 == 1}, true
	}, []byte{1, 2, 3, 4, 5, 6, 7, 0, 1}, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
}

func FuzzLedgerAdd(f *testing.F) {
	laws.FuzzAdd(f, ledgerSpec(), func(b []byte) (Revenue, bool) {
		if len(b) < 2 {
			return Revenue{}, false
		}
		r := Revenue{CustomerID: string(b[:1]), Amount: decimal.New(word(b[2:], 1), int32(int8(b[1]))*4)}
		if w := word(b[2:], 0); w != 0 {
			r.At = january.From.Add(time.Duration(w) * time.Second)
		}
		return r, true
	}, []byte("a\x00\x01\x00\x00\x00\x00\x00\x00\x00\x05"), []byte("b\xf0"))
}

// Whatever the flow and survival decoders accept is a state whose counts
// and rates make sense: the properties of the fuzz targets these laws
// replaced.
func FuzzDecodedStates(f *testing.F) {
	fl, _ := FlowOf(slices.Values(sample()), january)
	good, _ := fl.MarshalBinary()
	f.Add(good)
	sv, _ := kmCases(f)[0].survival(f).MarshalBinary()
	f.Add(sv)
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Flow
		if err := u.UnmarshalBinary(data); err == nil {
			if u.End() > u.Start()+u.Acquired() || u.LostFromStart() > u.Start() || u.RenewalsOpen() > u.End() {
				t.Fatalf("inconsistent decoded flow %+v", u)
			}
			for _, fn := range []func() (float64, bool){u.BaseChurn, u.BaseRetention, u.RenewalChurn} {
				if v, ok := fn(); ok && !(v >= 0 && v <= 1) {
					t.Fatalf("rate %v out of [0, 1]", v)
				}
			}
		}
		var s Survival
		if err := s.UnmarshalBinary(data); err == nil && s.N() > 0 {
			c, err := s.Curve()
			if err != nil {
				t.Fatal(err)
			}
			if v := c.At(MaxLifetime); !(v >= 0 && v <= 1) {
				t.Fatalf("S = %v", v)
			}
		}
	})
}
