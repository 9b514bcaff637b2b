package segment

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckAmount(t *testing.T) {
	for _, c := range []struct {
		name string
		in   decimal.Decimal
		want string // the amount accepted, or the error
	}{
		{"cents", dec("12.34"), "12.34"},
		{"zero", decimal.Decimal{}, "0"},
		{"64 places", decimal.New(1, -64), "0.0000000000000000000000000000000000000000000000000000000000000001"},
		{"65 places", decimal.New(1, -65), "0.00000000000000000000000000000000000000000000000000000000000000001: more than 64 decimal places"},
		{"70 places, 69 of them zeros", decimal.New(15, -1).Round(70), "1.5: more than 64 decimal places"},
		{"just below 10⁶⁴", decimal.New(1, 64).Sub(decimal.New(1, -64)), "9999999999999999999999999999999999999999999999999999999999999999.9999999999999999999999999999999999999999999999999999999999999999"},
		{"10⁶⁴", decimal.New(1, 64), "10000000000000000000000000000000000000000000000000000000000000000: magnitude of 10^64 or more"},
		{"−10⁶⁴", decimal.New(-1, 64), "-10000000000000000000000000000000000000000000000000000000000000000: magnitude of 10^64 or more"},
		{"exponent −2·10⁹", decimal.New(3, -2_000_000_000), "3e-2000000000: more than 64 decimal places"},
		{"exponent 2·10⁹", decimal.New(3, 2_000_000_000), "3e2000000000: magnitude of 10^64 or more"},
		{"a coefficient of 200 digits", decimal.RequireFromString(strings.Repeat("7", 200)), "a 200-digit coefficient ×10^0: magnitude of 10^64 or more"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := checkAmount(c.in)
			if err != nil {
				assert.Equal(t, c.want, err.Error())
				return
			}
			assert.Equal(t, c.want, got.String())
			assert.GreaterOrEqual(t, got.Exponent(), int32(-64))
		})
	}
}

// within runs f and fails the test if it takes longer than d: the inputs
// below took seconds to forever before every amount was bounded.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

// Amounts of absurd exponents or lengths are refused at once wherever
// they enter, and leave nothing that slows what comes next.
func TestAmountBoundsEverywhere(t *testing.T) {
	tiny := decimal.New(1, -2_000_000_000)
	digits := `"1` + strings.Repeat("0", 3_000_000) + `"`
	for _, c := range []struct {
		name string
		run  func() error
		want error
	}{
		{"Customer.Add, then an ordinary Add", func() error {
			var u Customer
			err := u.Add(Transaction{"a", asOf, tiny})
			require.NoError(t, u.Add(tx("a", asOf, "1")))
			return err
		}, ErrAmount},
		{"Collection.Add", func() error { return new(Collection).Add(Transaction{"a", asOf, tiny}) }, ErrAmount},
		{"AddColumns exponent", func() error {
			return new(Collection).AddColumns(Columns{CustomerIDs: []string{"a"}, At: []int64{0}, Amounts: []int64{1}, Exp: -65})
		}, ErrAmount},
		{"Customer JSON of 3M digits", func() error {
			return new(Customer).UnmarshalJSON([]byte(`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":` + digits + `}`))
		}, ErrEncoding},
		{"Customer JSON of an exponent", func() error {
			return new(Customer).UnmarshalJSON([]byte(`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1e-2000000000"}`))
		}, ErrEncoding},
		{"Collection binary of an exponent", func() error {
			b := rawTotals(append(append([]byte{collectionTag, version, 0}, 1), 1, 'a'), 1, 0, t2024, 0, "1e-2000000000")
			return new(Collection).UnmarshalBinary(b)
		}, ErrEncoding},
		{"NewConcentration", func() error {
			_, err := NewConcentration(func(yield func(string, decimal.Decimal) bool) { yield("a", tiny) })
			return err
		}, ErrAmount},
		{"NewTiers", func() error { _, err := NewTiers(Tier{"a", tiny}); return err }, ErrAmount},
		{"Config cut", func() error {
			_, err := mustCollect(t, []Transaction{tx("a", asOf, "1")}, Options{}).Score(asOf, Config{MonetaryCutsAmount: []decimal.Decimal{tiny}})
			return err
		}, ErrAmount},
	} {
		t.Run(c.name, func(t *testing.T) {
			within(t, 5*time.Second, func() { assert.ErrorIs(t, c.run(), c.want) })
		})
	}
	within(t, 5*time.Second, func() {
		name, ok := DefaultTiers().Of(tiny)
		assert.Equal(t, "bronze", name)
		assert.True(t, ok)
		_, ok = DefaultTiers().Of(tiny.Neg())
		assert.False(t, ok)
	})
}

// compareAmount agrees with exact rational comparison for amounts inside
// and outside the bounds.
func TestCompareAmount(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	bounded := func() decimal.Decimal {
		return decimal.New(r.Int64N(2e6)-1e6, int32(r.IntN(129)-64)).Round(64)
	}
	for i := range 20000 {
		m, _ := checkAmount(bounded())
		x := decimal.New(r.Int64N(2e6)-1e6, int32(r.IntN(200)-100))
		switch i % 4 {
		case 0:
			x = m.Add(decimal.New(int64(r.IntN(3)-1), -int32(65+r.IntN(30)))) // next to m, past 64 places
		case 1:
			x = m
		}
		want := new(big.Rat).SetFrac(x.Coefficient(), big.NewInt(1))
		want.Mul(want, pow10Rat(x.Exponent()))
		mr := new(big.Rat).SetFrac(m.Coefficient(), big.NewInt(1))
		mr.Mul(mr, pow10Rat(m.Exponent()))
		require.Equal(t, want.Cmp(mr), compareAmount(x, m), fmt.Sprintf("compare %v with %v", x, m))
	}
}

func pow10Rat(e int32) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(e, -e))), nil)
	if e < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}
