package ces

import (
	"encoding/json"
	"fmt"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/wire"
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
	lowTo, highFrom := t.scale.Bands()
	b = wire.AppendHeader(b, tallyTag, version, t.scale.Min(), t.scale.Max(), int(t.scale.polarity), lowTo, highFrom)
	return t.h.Append(b, t.scale.Points()), nil
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) {
	return t.AppendBinary(nil)
}

// UnmarshalBinary replaces the tally with a decoded one; on error the
// tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	var v [5]int
	data, err := wire.ReadHeader(data, tallyTag, version, v[:])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	if v[2] != int(HigherIsEasier) && v[2] != int(LowerIsEasier) {
		return fmt.Errorf("%w: polarity %d", ErrEncoding, v[2])
	}
	s, err := newScale(v[0], v[1], Polarity(v[2]), v[3], v[4])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
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
// is unchanged. A missing scale is SevenPointEase.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	h, err := counts.FromCounts(j.Counts, j.Scale.Points())
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	*t = Tally{scale: j.Scale, h: h}
	return nil
}
