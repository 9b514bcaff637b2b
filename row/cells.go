package row

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"
)

// maxDurationCell bounds the length of a duration cell.
const maxDurationCell = 64

// Duration reads a duration cell: seconds as a decimal number ("185",
// "12.5", or "12,5" with Decimal ","), a clock reading "h:mm:ss" or
// "mm:ss" (with an optional fraction of a second: "1:02:03.5"), or a
// package time duration ("3m5s"). It fails with ErrDuration for an empty
// or malformed cell and for a negative duration or one past
// time.Duration's 292 years. Seconds are read exactly and rounded to the
// nanosecond, half to even.
func (f *Format) Duration(s string) (time.Duration, error) {
	s = trim(s)
	switch {
	case s == "":
		return 0, fmt.Errorf("%w: empty", ErrDuration)
	case len(s) > maxDurationCell:
		return 0, fmt.Errorf("%w: %d characters, longer than any duration", ErrDuration, len(s))
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−"):
		return 0, fmt.Errorf("%w: %q is negative", ErrDuration, s)
	}
	if strings.IndexByte(s, ':') >= 0 {
		return clock(s)
	}
	if c := s[len(s)-1]; c == 's' || c == 'm' || c == 'h' {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("%w: %q is not seconds, h:mm:ss or a duration such as 3m5s", ErrDuration, s)
		}
		return d, nil
	}
	n, err := f.number(s, false)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is not seconds, h:mm:ss or a duration such as 3m5s", ErrDuration, s)
	}
	return seconds(s, n)
}

// seconds converts a number of seconds to a duration, exactly.
func seconds(s string, n num) (time.Duration, error) {
	if n.text == "" {
		// coef·10^exp seconds, exp ≤ 0: coef·10^(9+exp) ns.
		if e := 9 + int(n.exp); e >= 0 {
			p := uint64(1)
			for range e {
				p *= 10
			}
			if n.coef > math.MaxInt64/p {
				return 0, fmt.Errorf("%w: %q seconds is more than time.Duration holds", ErrDuration, s)
			}
			return time.Duration(n.coef * p), nil
		}
	}
	r, ok := new(big.Rat).SetString(n.textOr())
	if !ok {
		return 0, fmt.Errorf("%w: %q is not a number of seconds", ErrDuration, s)
	}
	r.Mul(r, big.NewRat(1e9, 1))
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// Round half to even.
	if c := new(big.Int).Lsh(m, 1).CmpAbs(r.Denom()); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return 0, fmt.Errorf("%w: %q seconds is more than time.Duration holds", ErrDuration, s)
	}
	return time.Duration(q.Int64()), nil
}

// textOr returns the number as decimal text.
func (n num) textOr() string {
	if n.text != "" {
		if len(n.text) > 40 {
			return "x" // too long for a duration: fails SetString
		}
		return n.text
	}
	return fmt.Sprintf("%de%d", n.coef, n.exp)
}

// clock reads h:mm:ss, mm:ss, with an optional fraction of a second.
func clock(s string) (time.Duration, error) {
	var parts [3]string
	np := 0
	for rest := s; ; np++ {
		if np == len(parts) {
			return 0, clockError(s)
		}
		part, more, found := strings.Cut(rest, ":")
		parts[np] = part
		if !found {
			np++
			break
		}
		rest = more
	}
	last := parts[np-1]
	whole, frac, dot := strings.Cut(last, ".")
	if !dot {
		whole, frac, dot = strings.Cut(last, ",")
	}
	if len(whole) != 2 || dot && (frac == "" || len(frac) > 9) {
		return 0, clockError(s)
	}
	sec := digits(whole)
	ns := 0
	if dot {
		if ns = digits(frac); ns < 0 {
			return 0, clockError(s)
		}
		for k := len(frac); k < 9; k++ {
			ns *= 10
		}
	}
	if sec < 0 || sec > 59 {
		return 0, clockError(s)
	}
	var h, m int
	if np == 3 {
		if len(parts[1]) != 2 || len(parts[0]) == 0 || len(parts[0]) > 6 {
			return 0, clockError(s)
		}
		h, m = digits(parts[0]), digits(parts[1])
		if h < 0 || m < 0 || m > 59 {
			return 0, clockError(s)
		}
	} else {
		if len(parts[0]) == 0 || len(parts[0]) > 8 {
			return 0, clockError(s)
		}
		if m = digits(parts[0]); m < 0 {
			return 0, clockError(s)
		}
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second + time.Duration(ns), nil
}

// clockError is the error of a malformed clock reading.
func clockError(s string) error {
	return fmt.Errorf("%w: %q is not h:mm:ss or mm:ss", ErrDuration, s)
}

// Bool reads a yes/no cell in English or French, in any case: true, t,
// yes, y, 1, oui, o, vrai, v; false, f, no, n, 0, non, faux. It fails
// with ErrBool for anything else, an empty cell included.
func (f *Format) Bool(s string) (bool, error) {
	s = trim(s)
	var buf [8]byte
	if len(s) <= len(buf) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		switch string(buf[:len(s)]) {
		case "true", "t", "yes", "y", "1", "oui", "o", "vrai", "v":
			return true, nil
		case "false", "f", "no", "n", "0", "non", "faux":
			return false, nil
		}
	}
	if s == "" {
		return false, fmt.Errorf("%w: empty", ErrBool)
	}
	return false, fmt.Errorf("%w: %q: want yes or no (true/false, y/n, 1/0, oui/non, vrai/faux)", ErrBool, s)
}
