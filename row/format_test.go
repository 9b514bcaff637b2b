package row

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var paris, _ = time.LoadLocation("Europe/Paris")

func TestTime(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			panic(err)
		}
		return v.UTC()
	}
	for _, c := range []struct {
		name string
		f    Format
		cell string
		want time.Time
		err  string // a fragment of the error, "" for none
	}{
		{"rfc3339", Format{}, "2025-03-14T09:30:00Z", utc("2025-03-14T09:30:00Z"), ""},
		{"fraction", Format{}, "2025-03-14T09:30:00.25Z", utc("2025-03-14T09:30:00.25Z"), ""},
		{"nanoseconds", Format{}, "2025-03-14T09:30:00.123456789+01:00", utc("2025-03-14T08:30:00.123456789Z"), ""},
		{"offset", Format{}, "2025-03-14T09:30:00-05:00", utc("2025-03-14T14:30:00Z"), ""},
		{"offset without colon", Format{}, "2025-03-14T09:30:00+0100", utc("2025-03-14T08:30:00Z"), ""},
		{"space", Format{}, "2025-03-14 09:30:00", utc("2025-03-14T09:30:00Z"), ""},
		{"no seconds", Format{}, "2025-03-14 09:30", utc("2025-03-14T09:30:00Z"), ""},
		{"utc suffix", Format{}, "2025-03-14 09:30:00 UTC", utc("2025-03-14T09:30:00Z"), ""},
		{"date", Format{}, "2025-03-14", utc("2025-03-14T00:00:00Z"), ""},
		{"spaces around", Format{}, "  2025-03-14\u00a0", utc("2025-03-14T00:00:00Z"), ""},
		{"local", Format{Location: paris}, "2025-03-14 09:30:00", utc("2025-03-14T08:30:00Z"), ""},
		{"local summer", Format{Location: paris}, "2025-07-14 09:30:00", utc("2025-07-14T07:30:00Z"), ""},
		{"local with offset", Format{Location: paris}, "2025-07-14T09:30:00Z", utc("2025-07-14T09:30:00Z"), ""},
		{"unix seconds", Format{Times: []string{UnixSeconds}}, "1741944600", utc("2025-03-14T09:30:00Z"), ""},
		{"unix fraction", Format{Times: []string{UnixSeconds}}, "1741944600.5", utc("2025-03-14T09:30:00.5Z"), ""},
		{"unix millis", Format{Times: []string{UnixMillis}}, "1741944600250", utc("2025-03-14T09:30:00.25Z"), ""},
		{"custom layout", Format{Times: []string{"02/01/2006 15:04"}}, "14/03/2025 09:30", utc("2025-03-14T09:30:00Z"), ""},
		{"layouts in order", Format{Times: []string{ISO, "02/01/2006"}}, "14/03/2025", utc("2025-03-14T00:00:00Z"), ""},
		{"US is not guessed", Format{}, "03/14/2025", time.Time{}, "not a time in the layout ISO 8601"},
		{"empty", Format{}, "", time.Time{}, "empty"},
		{"year 1", Format{}, "0001-01-01", time.Time{}, "before the plausible window"},
		{"year 2205", Format{}, "2205-03-14", time.Time{}, "after the plausible window"},
		{"epoch zero", Format{Times: []string{UnixSeconds}}, "0", time.Time{}, "before the plausible window"},
		{"millis read as seconds", Format{Times: []string{UnixSeconds}}, "1741944600250", time.Time{}, "not a time"},
		{"wider window", Format{Earliest: time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)}, "1950-06-01", utc("1950-06-01T00:00:00Z"), ""},
		{"february 30", Format{}, "2025-02-30", time.Time{}, "not a time"},
		{"february 29 leap", Format{}, "2024-02-29", utc("2024-02-29T00:00:00Z"), ""},
		{"february 29 not leap", Format{}, "2025-02-29", time.Time{}, "not a time"},
		{"hour 24", Format{}, "2025-03-14 24:00:00", time.Time{}, "not a time"},
		{"one-digit hour", Format{}, "2025-03-14 9:30:00", time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC), ""},
		{"space-padded hour", Format{}, "2025-03-14  9:30", time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC), ""},
		{"hour without minutes", Format{}, "2025-03-14 9:3", time.Time{}, "not a time"},
		{"second 60", Format{}, "2025-03-14 23:59:60", time.Time{}, "not a time"},
		{"bad zone", Format{}, "2025-03-14T09:30:00+25:00", time.Time{}, "not a time"},
		{"trailing text", Format{}, "2025-03-14T09:30:00Z!", time.Time{}, "not a time"},
		{"too long", Format{}, strings.Repeat("2", 100), time.Time{}, "longer than any time"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.f.Time(c.cell)
			if c.err != "" {
				require.ErrorIs(t, err, ErrTime)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			assert.True(t, got.Equal(c.want), "got %v, want %v", got, c.want)
			assert.Equal(t, c.f.location(), got.Location())
		})
	}
}

// The ISO reader agrees with package time wherever both read a cell.
func FuzzTime(f *testing.F) {
	for _, s := range []string{"2025-03-14T09:30:00Z", "2025-03-14 09:30:00", "2025-03-14", "2025-03-14T09:30:00.123+01:00", "2024-02-29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var fm Format
		got, err := fm.Time(s)
		for _, layout := range []string{time.RFC3339Nano, time.DateTime, time.DateOnly} {
			want, werr := time.Parse(layout, strings.TrimSpace(s))
			if werr != nil || want.Year() < 1980 || want.Year() >= 2100 || strings.ContainsAny(s, ",t\u00a0\u202f\u2009") {
				continue
			}
			require.NoError(t, err, "time.Parse(%q, %q) = %v", layout, s, want)
			require.True(t, got.Equal(want), "%q: got %v, time.Parse %v", s, got, want)
		}
		if err == nil {
			require.False(t, got.Before(DefaultEarliest) || !got.Before(DefaultLatest))
		} else {
			require.ErrorIs(t, err, ErrTime)
		}
	})
}

func TestAmount(t *testing.T) {
	eu := Format{Decimal: ",", Thousands: " ."}
	for _, c := range []struct {
		name string
		f    Format
		cell string
		want string // a decimal, "" for an error
		err  string
	}{
		{"plain", Format{}, "1234.50", "1234.50", ""},
		{"negative", Format{}, "-12.5", "-12.5", ""},
		{"plus", Format{}, "+3", "3", ""},
		{"unicode minus", Format{}, "−3.25", "-3.25", ""},
		{"integer", Format{}, "42", "42", ""},
		{"leading point", Format{}, ".5", "0.5", ""},
		{"trailing point", Format{}, "5.", "5", ""},
		{"zero", Format{}, "-0.00", "0.00", ""},
		{"comma is not guessed", Format{}, "1,234", "", `',' is neither the decimal separator`},
		{"comma as decimal", Format{Decimal: ","}, "1,234", "1.234", ""},
		{"comma as thousands", Format{Thousands: ","}, "1,234", "1234", ""},
		{"thousands and decimals", Format{Thousands: ","}, "1,234,567.89", "1234567.89", ""},
		{"european", eu, "1 234,50", "1234.50", ""},
		{"european dots", eu, "1.234.567,5", "1234567.5", ""},
		{"no-break space", eu, "1\u00a0234,50", "1234.50", ""},
		{"narrow no-break space", eu, "1\u202f234,50", "1234.50", ""},
		{"point or comma", Format{Decimal: ".,"}, "9,80", "9.80", ""},
		{"point or comma, point", Format{Decimal: ".,"}, "9.80", "9.80", ""},
		{"bad grouping", Format{Thousands: ","}, "12,34", "", "not three"},
		{"bad first group", Format{Thousands: ","}, "1234,567", "", "not a group of three"},
		{"space without thousands", Format{}, "1 234", "", "not a thousands separator"},
		{"euro prefix", Format{Currency: "EUR", Thousands: ","}, "€1,234.50", "1234.50", ""},
		{"euro suffix", Format{Currency: "EUR", Decimal: ","}, "12,50 €", "12.50", ""},
		{"negative euro", Format{Currency: "EUR"}, "-€12.50", "-12.50", ""},
		{"euro negative", Format{Currency: "EUR"}, "€-12.50", "-12.50", ""},
		{"code suffix", Format{Currency: "EUR"}, "1234.50 EUR", "1234.50", ""},
		{"code prefix", Format{Currency: "usd"}, "USD 10", "10", ""},
		{"dollar", Format{Currency: "USD"}, "$19.99", "19.99", ""},
		{"currency not set", Format{}, "€12.50", "", "Format.Currency is not set"},
		{"other currency", Format{Currency: "EUR"}, "$12.50", "", `currency "$", not EUR`},
		{"two marks", Format{Currency: "EUR"}, "€12 EUR", "", "two currency marks"},
		{"exponent", Format{}, "1.5e3", "15e2", ""},
		{"huge exponent", Format{}, "1e400", "", "magnitude"},
		{"tiny exponent", Format{}, "1e-10000", "", ""},
		{"many places", Format{}, "0." + strings.Repeat("1", 70), "", "more than 64 decimal places"},
		{"many digits", Format{}, strings.Repeat("9", 70), "", "magnitude"},
		{"long but fine", Format{}, "123456789012345678901234567890.5", "123456789012345678901234567890.5", ""},
		{"three million digits", Format{}, strings.Repeat("7", 3_000_000), "", "longer than a bounded amount"},
		{"empty", Format{}, "", "", "empty"},
		{"text", Format{}, "ten", "", ""},
		{"two points", Format{}, "1.2.3", "", ""},
		{"nan", Format{}, "NaN", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.f.Amount(c.cell)
			if c.want == "" {
				require.ErrorIs(t, err, ErrAmount)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			want := decimal.RequireFromString(c.want)
			assert.True(t, got.Equal(want), "got %v, want %v", got, want)
			assert.Equal(t, want.Exponent(), got.Exponent(), "the places as written")
		})
	}
}

func TestUnits(t *testing.T) {
	u, e, err := (&Format{Thousands: ","}).Units("1,234.50")
	require.NoError(t, err)
	assert.Equal(t, int64(123450), u)
	assert.Equal(t, int32(-2), e)
	_, _, err = (&Format{}).Units("1234567890123456789.5")
	assert.ErrorIs(t, err, ErrAmount)
	_, _, err = (&Format{}).Units("1e3")
	assert.ErrorIs(t, err, ErrAmount)
}

// Amount agrees with decimal.NewFromString on plain decimal text, and
// never accepts what is out of bounds.
func FuzzAmount(f *testing.F) {
	for _, s := range []string{"1234.50", "-0.5", "1e3", "1,234.50", "€12", "1 234,5", "99999999999999999999.99"} {
		f.Add(s, uint8(0))
	}
	formats := []Format{{}, {Thousands: ","}, {Decimal: ",", Thousands: " ."}, {Decimal: ".,"}, {Currency: "EUR", Thousands: ","}}
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		fm := formats[int(which)%len(formats)]
		got, err := fm.Amount(s)
		if err != nil {
			require.ErrorIs(t, err, ErrAmount)
			return
		}
		require.LessOrEqual(t, got.NumDigits(), 128)
		require.GreaterOrEqual(t, got.Exponent(), int32(-64))
		require.LessOrEqual(t, got.Exponent(), int32(64))
		if fm.Thousands == "" && fm.Decimal == "" && fm.Currency == "" && !strings.ContainsAny(s, " \t\r\n\u00a0\u202f\u2009−") {
			want, werr := decimal.NewFromString(s)
			if werr == nil {
				require.True(t, got.Equal(want), "%q: got %v, decimal %v", s, got, want)
			}
		}
		if u, e, err := fm.Units(s); err == nil {
			require.True(t, decimal.New(u, e).Equal(got), "%q: units %d·10^%d, amount %v", s, u, e, got)
		}
	})
}

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Format
		cell string
		want time.Duration
		err  string
	}{
		{"seconds", Format{}, "185", 185 * time.Second, ""},
		{"fraction", Format{}, "12.5", 12500 * time.Millisecond, ""},
		{"comma", Format{Decimal: ","}, "12,5", 12500 * time.Millisecond, ""},
		{"rounded to the nanosecond", Format{}, "0.0000000015", 2, ""},
		{"half to even", Format{}, "0.0000000025", 2, ""},
		{"clock", Format{}, "1:02:03", time.Hour + 2*time.Minute + 3*time.Second, ""},
		{"clock padded", Format{}, "01:02:03", time.Hour + 2*time.Minute + 3*time.Second, ""},
		{"minutes", Format{}, "05:30", 5*time.Minute + 30*time.Second, ""},
		{"long minutes", Format{}, "125:30", 125*time.Minute + 30*time.Second, ""},
		{"clock fraction", Format{}, "0:00:01.5", 1500 * time.Millisecond, ""},
		{"go duration", Format{}, "3m5s", 3*time.Minute + 5*time.Second, ""},
		{"negative", Format{}, "-5", 0, "negative"},
		{"negative clock", Format{}, "-0:05", 0, "negative"},
		{"nan", Format{}, "NaN", 0, "not seconds"},
		{"inf", Format{}, "+Inf", 0, "not seconds"},
		{"words", Format{}, "5 minutes", 0, "not seconds"},
		{"too long", Format{}, "1e30", 0, "more than time.Duration holds"},
		{"too many seconds", Format{}, "9300000000", 0, "more than time.Duration holds"},
		{"bad clock", Format{}, "1:60:00", 0, "not h:mm:ss"},
		{"bad seconds", Format{}, "1:00:75", 0, "not h:mm:ss"},
		{"empty", Format{}, "", 0, "empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.f.Duration(c.cell)
			if c.err != "" {
				require.ErrorIs(t, err, ErrDuration)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestBool(t *testing.T) {
	var f Format
	for _, s := range []string{"true", "TRUE", "t", "yes", "Y", "1", "oui", "Oui", "o", "vrai", "v"} {
		v, err := f.Bool(s)
		require.NoError(t, err, s)
		assert.True(t, v, s)
	}
	for _, s := range []string{"false", "f", "no", "N", "0", "non", "NON", "faux"} {
		v, err := f.Bool(s)
		require.NoError(t, err, s)
		assert.False(t, v, s)
	}
	for _, s := range []string{"", "maybe", "2", "yess", "nope"} {
		_, err := f.Bool(s)
		assert.ErrorIs(t, err, ErrBool, s)
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Format
		err  string
	}{
		{"zero", Format{}, ""},
		{"semicolon", Format{Comma: ';', Decimal: ",", Thousands: " "}, ""},
		{"bad comma", Format{Comma: '"'}, "Comma"},
		{"overlap", Format{Decimal: ",", Thousands: ","}, "both a decimal"},
		{"overlap default", Format{Thousands: "."}, "both a decimal"},
		{"bad decimal", Format{Decimal: ";"}, "Decimal"},
		{"bad thousands", Format{Thousands: "x"}, "Thousands"},
		{"currency", Format{Currency: "EURO"}, "Currency"},
		{"window", Format{Earliest: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Latest: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}, "not before"},
		{"skip", Format{Skip: -1}, "Skip"},
		{"empty layout", Format{Times: []string{""}}, "empty layout"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.f.Validate()
			if c.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.True(t, errors.Is(err, ErrFormat), "%v", err)
			assert.ErrorContains(t, err, c.err)
		})
	}
}

func BenchmarkAmount(b *testing.B) {
	var f Format
	for b.Loop() {
		if _, _, err := f.Units("1234.56"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTime(b *testing.B) {
	var f Format
	for b.Loop() {
		if _, err := f.Time("2025-03-14T09:30:00Z"); err != nil {
			b.Fatal(err)
		}
	}
}
