package clv

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

// purchase draws a purchase of customer c1 in 2023–2024, at any hour,
// sometimes in another time zone, of 0 to 500 with 0 to 2 places.
func purchase(r *rand.Rand) segment.Transaction {
	loc := time.UTC
	if r.IntN(4) == 0 {
		loc = time.FixedZone("UTC+11", 11*3600)
	}
	at := time.Date(2023, 1, 1, 0, 0, 0, 0, loc).Add(time.Duration(r.IntN(2*365*24)) * time.Hour)
	amount := decimal.New(r.Int64N(50000), -int32(r.IntN(3)))
	return segment.Transaction{CustomerID: "c1", At: at, Amount: amount}
}

func historySpec() laws.Spec[History, segment.Transaction] {
	day := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	return laws.Spec[History, segment.Transaction]{
		Item: purchase,
		Bad: []segment.Transaction{
			{At: day, Amount: decimal.New(1, 0)},                                // no customer id
			{CustomerID: "c1", Amount: decimal.New(1, 0)},                       // no time
			{CustomerID: "c1", At: time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)}, // past the window
			{CustomerID: "c1", At: day, Amount: decimal.New(-1, 0)},             // negative
			{CustomerID: "c1", At: day, Amount: decimal.New(1, 64)},             // 10⁶⁴
			{CustomerID: "c1", At: day, Amount: decimal.New(123456789, -72)},    // 72 places
		},
		AddN:   (*History).AddN,
		Result: func(h *History) (any, error) { return h.Result(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Options{}) },
	}
}

func TestHistoryLaws(t *testing.T) { laws.Check(t, historySpec()) }

func FuzzHistoryBinary(f *testing.F) { laws.FuzzBinary(f, historySpec()) }
func FuzzHistoryJSON(f *testing.F)   { laws.FuzzJSON(f, historySpec()) }

// FuzzHistoryAdd adds purchases built from fuzzed bytes: an id (c1 or
// another), a time anywhere in the years 1600–2400 in a zone of any
// offset, and an amount of any digits and exponent.
func FuzzHistoryAdd(f *testing.F) {
	laws.FuzzAdd(f, historySpec(), func(b []byte) (segment.Transaction, bool) {
		if len(b) < 12 {
			return segment.Transaction{}, false
		}
		id := "c1"
		if b[0]&1 == 1 {
			id = string(b[1:2])
		}
		secs := int64(binary.LittleEndian.Uint32(b[2:6]))*8 - 11676096000 // 1600 to ~2600
		zone := time.FixedZone("z", int(int8(b[6]))*900)
		coef := int64(binary.LittleEndian.Uint32(b[7:11])) - 1<<31
		exp := int32(int8(b[11]))
		return segment.Transaction{CustomerID: id, At: time.Unix(secs, 0).In(zone), Amount: decimal.New(coef, exp)}, true
	}, []byte("\x00c\x00\x00\x00\x80\x00\x10\x27\x00\x80\xfe"), []byte("\x01x\x00\x00\x00\x90\x2c\x10\x27\x00\x00\xc0"))
}
