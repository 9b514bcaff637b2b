package ces

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
)

// Binary encodings start with a tag and a version byte.
const (
	tallyTag = 'E'
	version  = 1
)

// AppendBinary appends the tally's binary encoding to b: the tag 'E', the
// version 1, the scale as five varints (min, max, polarity, low band top,
// high band bottom) and one uvarint count per point.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, tallyTag, version)
	lowTo, highFrom := t.scale.Bands()
	for _, v := range [...]int{t.scale.Min(), t.scale.Max(), int(t.scale.polarity), lowTo, highFrom} {
		b = binary.AppendVarint(b, int64(v))
	}
	for _, c := range t.counts[:t.scale.Points()] {
		b = binary.AppendUvarint(b, c)
	}
	return b, nil
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) {
	return t.AppendBinary(nil)
}

// UnmarshalBinary replaces the tally with a decoded one; on error the
// tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	if len(data) < 2 || data[0] != tallyTag || data[1] != version {
		return fmt.Errorf("%w: not a version %d %q encoding", ErrEncoding, version, tallyTag)
	}
	data = data[2:]
	var v [5]int
	for i := range v {
		x, n := binary.Varint(data)
		if n <= 0 || x < math.MinInt32 || x > math.MaxInt32 {
			return fmt.Errorf("%w: bad scale", ErrEncoding)
		}
		v[i], data = int(x), data[n:]
	}
	if v[2] != int(HigherIsEasier) && v[2] != int(LowerIsEasier) {
		return fmt.Errorf("%w: polarity %d", ErrEncoding, v[2])
	}
	s, err := newScale(v[0], v[1], Polarity(v[2]), v[3], v[4])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	u := Tally{scale: s}
	for i := range s.Points() {
		c, n := binary.Uvarint(data)
		if n <= 0 {
			return fmt.Errorf("%w: truncated count", ErrEncoding)
		}
		if u.n > math.MaxUint64-c {
			return fmt.Errorf("%w: counts overflow", ErrEncoding)
		}
		u.counts[i], u.n, data = c, u.n+c, data[n:]
	}
	if len(data) > 0 {
		return fmt.Errorf("%w: %d trailing bytes", ErrEncoding, len(data))
	}
	*t = u
	return nil
}

type tallyJSON struct {
	Scale  Scale    `json:"scale"`
	Counts []uint64 `json:"counts"`
}

// MarshalJSON writes the tally as {"scale":{…},"counts":[c₀,…]}, one count
// per point of the scale from its minimum.
func (t *Tally) MarshalJSON() ([]byte, error) {
	return json.Marshal(tallyJSON{Scale: t.scale, Counts: t.counts[:t.scale.Points()]})
}

// UnmarshalJSON reads a tally written by MarshalJSON; on error the tally
// is unchanged. A missing scale is SevenPointEase.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	if len(j.Counts) != j.Scale.Points() {
		return fmt.Errorf("%w: %d counts for a %d-point scale", ErrEncoding, len(j.Counts), j.Scale.Points())
	}
	u := Tally{scale: j.Scale}
	for i, c := range j.Counts {
		if u.n > math.MaxUint64-c {
			return fmt.Errorf("%w: counts overflow", ErrEncoding)
		}
		u.counts[i] = c
		u.n += c
	}
	*t = u
	return nil
}
