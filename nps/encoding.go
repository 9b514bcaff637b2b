package nps

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/wire"
)

// Binary encodings start with a tag and a version byte.
const (
	tallyTag    = 'T'
	weightedTag = 'W'
	version     = 1
)

// AppendBinary appends the tally's binary encoding to b: the tag, the
// version, the scale as four varints and the counts as uvarints.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, tallyTag, version, t.scale.params()...)
	return t.h.Append(b, t.scale.Points()), nil
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) {
	return t.AppendBinary(nil)
}

// UnmarshalBinary replaces the tally with a decoded one; on error the
// tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	s, data, err := readScale(data, tallyTag)
	if err != nil {
		return err
	}
	h, err := counts.Read(data, s.Points())
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	*t = Tally{scale: s, h: h}
	return nil
}

type tallyJSON struct {
	Scale  Scale    `json:"scale"`
	Counts []uint64 `json:"counts"`
}

// MarshalJSON writes the tally as {"scale":{…},"counts":[c₀,…]}, one count
// per point of the scale from its minimum.
func (t *Tally) MarshalJSON() ([]byte, error) {
	return json.Marshal(tallyJSON{Scale: t.scale, Counts: t.h.Counts(t.scale.Points())})
}

// UnmarshalJSON reads a tally written by MarshalJSON; on error the tally
// is unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	h, err := counts.FromCounts(j.Counts, j.Scale.Points())
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	*t = Tally{scale: j.Scale, h: h}
	return nil
}

// AppendBinary appends the weighted tally's binary encoding to b: the tag,
// the version, the scale, the response count and, per point, Σw and Σw²
// as little-endian float64 bits.
func (w *Weighted) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, weightedTag, version, w.scale.params()...)
	b = binary.AppendUvarint(b, w.n)
	for i := range w.scale.Points() {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w.weight[i]))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w.square[i]))
	}
	return b, nil
}

// MarshalBinary returns the weighted tally's binary encoding.
func (w *Weighted) MarshalBinary() ([]byte, error) {
	return w.AppendBinary(nil)
}

// UnmarshalBinary replaces the weighted tally with a decoded one; on error
// it is unchanged.
func (w *Weighted) UnmarshalBinary(data []byte) error {
	s, data, err := readScale(data, weightedTag)
	if err != nil {
		return err
	}
	d := wire.NewDecoder(data, ErrEncoding)
	u := Weighted{scale: s, n: d.Uvarint()}
	for i := range s.Points() {
		u.weight[i], u.square[i] = readWeight(&d), readWeight(&d)
	}
	if math.IsInf(u.totalSquare(), 1) {
		d.Fail("sum of squared weights overflows")
	}
	if err := d.End(); err != nil {
		return err
	}
	*w = u
	return nil
}

type weightedJSON struct {
	Scale  Scale     `json:"scale"`
	N      uint64    `json:"n"`
	Weight []float64 `json:"weight"`
	Square []float64 `json:"square"`
}

// MarshalJSON writes the weighted tally as
// {"scale":{…},"n":…,"weight":[Σw…],"square":[Σw²…]}.
func (w *Weighted) MarshalJSON() ([]byte, error) {
	p := w.scale.Points()
	return json.Marshal(weightedJSON{Scale: w.scale, N: w.n, Weight: w.weight[:p], Square: w.square[:p]})
}

// UnmarshalJSON reads a weighted tally written by MarshalJSON; on error it
// is unchanged.
func (w *Weighted) UnmarshalJSON(b []byte) error {
	var j weightedJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	p := j.Scale.Points()
	if len(j.Weight) != p || len(j.Square) != p {
		return fmt.Errorf("%w: %d weights and %d squares for a %d-point scale", ErrEncoding, len(j.Weight), len(j.Square), p)
	}
	u := Weighted{scale: j.Scale, n: j.N}
	for i := range p {
		if !isWeight(j.Weight[i]) || !isWeight(j.Square[i]) {
			return fmt.Errorf("%w: weight sums %v, %v", ErrEncoding, j.Weight[i], j.Square[i])
		}
		u.weight[i], u.square[i] = j.Weight[i], j.Square[i]
	}
	if math.IsInf(u.totalSquare(), 1) {
		return fmt.Errorf("%w: sum of squared weights overflows", ErrEncoding)
	}
	*w = u
	return nil
}

// params returns the scale as the four integers of its encoding.
func (s Scale) params() []int {
	return []int{s.Min(), s.Max(), s.PassiveFrom(), s.PromoterFrom()}
}

// readScale reads an encoding's header with its scale.
func readScale(data []byte, tag byte) (Scale, []byte, error) {
	var v [4]int
	data, err := wire.ReadHeader(data, tag, version, v[:])
	if err != nil {
		return Scale{}, nil, fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	s, err := NewScale(v[0], v[1], v[2], v[3])
	if err != nil {
		return Scale{}, nil, fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	return s, data, nil
}

// readWeight reads a float64 sum of weights, which must be finite and ≥ 0.
func readWeight(d *wire.Decoder) float64 {
	b := d.Bytes(8, "weight")
	if b == nil {
		return 0
	}
	x := math.Float64frombits(binary.LittleEndian.Uint64(b))
	if !isWeight(x) {
		d.Fail("weight sum %v", x)
	}
	return x
}
