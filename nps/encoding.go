package nps

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/rapportkit/rapport/internal/wire"
)

// AppendBinary appends the tally's binary encoding to b: the tag 'T', the
// version 1, the scale as four varints (min, max, passive from, promoter
// from) and one uvarint count per point.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) { return t.c.Append(&kind, b), nil }

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces the tally with the one data encodes, which
// must be canonical; on error (ErrEncoding) the tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error { return t.c.DecodeBinary(&kind, data) }

// MarshalJSON writes the tally as {"scale":{…},"counts":[c₀,…]}, one count
// per point of the scale from its minimum.
func (t *Tally) MarshalJSON() ([]byte, error) { return t.c.MarshalJSON() }

// UnmarshalJSON reads a tally written by MarshalJSON, which it must be to
// the byte (up to white space); on error (ErrEncoding) the tally is
// unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error { return t.c.DecodeJSON(&kind, b) }

// weightedTag and weightedVersion start the binary encoding of a Weighted.
const (
	weightedTag     = 'W'
	weightedVersion = 2
)

// AppendBinary appends the weighted tally's binary encoding to b: the tag
// 'W', the version 2, the scale as four varints, then per point the
// number of responses as a uvarint and the exact Σw·2¹¹⁶ and Σw²·2²³² as
// big-endian integers without leading zeros, each after its length in
// bytes as a uvarint.
func (w *Weighted) AppendBinary(b []byte) ([]byte, error) {
	s := w.Scale()
	b = wire.AppendHeader(b, weightedTag, weightedVersion, kind.Params(s)...)
	for i := range s.Points() {
		b = binary.AppendUvarint(b, w.c.Histogram().At(i))
		b = wire.AppendString(b, string(bigOf(w.s[i].w[:]).Bytes()))
		b = wire.AppendString(b, string(bigOf(w.s[i].w2[:]).Bytes()))
	}
	return b, nil
}

// MarshalBinary returns the weighted tally's binary encoding.
func (w *Weighted) MarshalBinary() ([]byte, error) { return w.AppendBinary(nil) }

// UnmarshalBinary replaces the weighted tally with the one data encodes,
// which must be canonical and possible (sums that weights between 2⁻⁶⁴
// and 2⁶⁴ can reach); on error (ErrEncoding) it is unchanged.
func (w *Weighted) UnmarshalBinary(data []byte) error {
	var params [4]int
	data, err := wire.ReadHeader(data, weightedTag, weightedVersion, params[:])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	s, err := kind.Scale(params[:])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	d := wire.NewDecoder(data, ErrEncoding)
	u := Weighted{c: NewWeighted(s).c}
	for i := range s.Points() {
		n := d.Uvarint()
		sum := [2]*big.Int{readInt(&d, len(u.s[i].w)), readInt(&d, len(u.s[i].w2))}
		if d.Err() != nil {
			break
		}
		if err := u.set(i, n, sum[0], sum[1]); err != nil {
			d.SetErr(err)
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	*w = u
	return nil
}

// readInt reads a big-endian integer of at most words 64-bit words,
// without leading zeros, after its length.
func readInt(d *wire.Decoder, words int) *big.Int {
	n := d.Uvarint()
	if n > uint64(8*words) {
		d.Fail("integer of %d bytes", n)
		return new(big.Int)
	}
	b := d.Bytes(n, "integer")
	if len(b) > 0 && b[0] == 0 {
		d.Fail("integer with a leading zero byte")
	}
	return new(big.Int).SetBytes(b)
}

// set sets the responses and sums at point i of a tally being decoded,
// or fails if no n weights between 2⁻⁶⁴ and 2⁶⁴ can have them: each
// weight bounds its sums, Cauchy–Schwarz ties Σw² to (Σw)², and one
// weight is one float64.
func (u *Weighted) set(i int, n uint64, w, w2 *big.Int) error {
	c := new(big.Int).SetUint64(n)
	within := func(x *big.Int, lo, hi uint) bool {
		return x.Cmp(new(big.Int).Lsh(c, lo)) >= 0 && x.Cmp(new(big.Int).Lsh(c, hi)) < 0
	}
	ww := new(big.Int).Mul(w, w)
	switch {
	case n == 0 && (w.Sign() != 0 || w2.Sign() != 0):
		return fmt.Errorf("%w: weights without responses at point %d", ErrEncoding, i)
	case n > 0 && !(within(w, unitExp+minWeightExp, unitExp+maxWeightExp) &&
		within(w2, 2*(unitExp+minWeightExp), 2*(unitExp+maxWeightExp))):
		return fmt.Errorf("%w: weights of %d responses out of bounds at point %d", ErrEncoding, n, i)
	case ww.Cmp(new(big.Int).Mul(c, w2)) > 0 || w2.Cmp(ww) > 0:
		return fmt.Errorf("%w: impossible squared weights at point %d", ErrEncoding, i)
	case n == 1 && w.BitLen()-int(w.TrailingZeroBits()) > 53:
		return fmt.Errorf("%w: a weight that is no float64 at point %d", ErrEncoding, i)
	}
	if !u.c.Histogram().AddN(i, n) {
		return fmt.Errorf("%w: more than 2⁶⁴−1 responses", ErrEncoding)
	}
	wordsOf(u.s[i].w[:], w)
	wordsOf(u.s[i].w2[:], w2)
	return nil
}

// weightedJSON is the JSON encoding of a Weighted.
type weightedJSON struct {
	Scale  Scale    `json:"scale"`
	Counts []uint64 `json:"counts"`
	Weight []string `json:"weight"`
	Square []string `json:"square"`
}

// MarshalJSON writes the weighted tally as
// {"scale":{…},"counts":[…],"weight":["Σw",…],"square":["Σw²",…]}, one
// entry per point of the scale; the sums are their exact decimals as
// strings ("2.25"), as no JSON number is sure to keep their digits.
func (w *Weighted) MarshalJSON() ([]byte, error) {
	s := w.Scale()
	j := weightedJSON{Scale: s, Counts: w.c.Histogram().Counts(s.Points())}
	for i := range s.Points() {
		j.Weight = append(j.Weight, fixedText(bigOf(w.s[i].w[:]), unitExp))
		j.Square = append(j.Square, fixedText(bigOf(w.s[i].w2[:]), 2*unitExp))
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a weighted tally written by MarshalJSON, which it
// must be to the byte (up to white space), with possible sums as for
// UnmarshalBinary; on error (ErrEncoding) it is unchanged.
func (w *Weighted) UnmarshalJSON(b []byte) error {
	var j weightedJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	p := j.Scale.Points()
	if len(j.Counts) != p || len(j.Weight) != p || len(j.Square) != p {
		return fmt.Errorf("%w: %d counts, %d weights and %d squares for a %d-point scale", ErrEncoding, len(j.Counts), len(j.Weight), len(j.Square), p)
	}
	u := Weighted{c: NewWeighted(j.Scale).c}
	for i := range p {
		sw, ok1 := parseFixed(j.Weight[i], unitExp)
		sw2, ok2 := parseFixed(j.Square[i], 2*unitExp)
		if !ok1 || !ok2 {
			return fmt.Errorf("%w: weight sums %q, %q at point %d", ErrEncoding, j.Weight[i], j.Square[i], i)
		}
		if err := u.set(i, j.Counts[i], sw, sw2); err != nil {
			return err
		}
	}
	if canon, err := u.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of a weighted tally: want %s", ErrEncoding, canon)
	}
	*w = u
	return nil
}

// fixedText returns x·2^−e as its exact decimal, with no trailing zeros
// after the point: 9·2⁻² is "2.25".
func fixedText(x *big.Int, e uint) string {
	digits := new(big.Int).Mul(x, new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(e)), nil)).String()
	if pad := int(e) + 1 - len(digits); pad > 0 {
		digits = strings.Repeat("0", pad) + digits
	}
	whole, frac := digits[:len(digits)-int(e)], strings.TrimRight(digits[len(digits)-int(e):], "0")
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

// parseFixed reads a decimal d of at most 400 characters as x with
// x·2^−e = d; ok is false if d is no plain decimal or no such x exists.
func parseFixed(d string, e uint) (*big.Int, bool) {
	whole, frac, point := strings.Cut(d, ".")
	if len(d) > 400 || whole == "" || point && frac == "" || uint(len(frac)) > e ||
		strings.Trim(whole+frac, "0123456789") != "" {
		return nil, false
	}
	n, _ := new(big.Int).SetString(whole+frac, 10)
	f := int64(len(frac)) // d = n/10^f = n·2^(e−f)/(5^f·2^e)
	q, r := new(big.Int).QuoRem(n, new(big.Int).Exp(big.NewInt(5), big.NewInt(f), nil), new(big.Int))
	if r.Sign() != 0 {
		return nil, false
	}
	return q.Lsh(q, e-uint(f)), true
}
