package counts

import (
	"encoding/json"
	"fmt"

	"github.com/rapportkit/rapport/internal/wire"
)

// version is the version of the binary encoding of a tally.
const version = 1

// Append appends the tally's binary encoding: the tag, the version,
// the scale's parameters as varints and one uvarint count per point.
func (t *Tally[S]) Append(k *Kind[S], b []byte) []byte {
	b = wire.AppendHeader(b, k.Tag, version, k.Params(t.scale)...)
	return t.h.Append(b, t.points())
}

// DecodeBinary replaces the tally with the one data encodes, which
// must be canonical; on error it fails with k.ErrEncoding, changing
// nothing.
func (t *Tally[S]) DecodeBinary(k *Kind[S], data []byte) error {
	var zero S
	params := make([]int, len(k.Params(zero)))
	data, err := wire.ReadHeader(data, k.Tag, version, params)
	if err != nil {
		return fmt.Errorf("%w: %w", k.ErrEncoding, err)
	}
	s, err := k.Scale(params)
	if err != nil {
		return fmt.Errorf("%w: %w", k.ErrEncoding, err)
	}
	u := Tally[S]{scale: s}
	if u.h, err = Read(data, u.points()); err != nil {
		return fmt.Errorf("%w: %w", k.ErrEncoding, err)
	}
	*t = u
	return nil
}

// tallyJSON is the JSON encoding of a tally.
type tallyJSON[S any] struct {
	Scale  S        `json:"scale"`
	Counts []uint64 `json:"counts"`
}

// MarshalJSON writes the tally as {"scale":{…},"counts":[c₀,…]}, one count
// per point of the scale from its minimum.
func (t *Tally[S]) MarshalJSON() ([]byte, error) {
	return json.Marshal(tallyJSON[S]{Scale: t.scale, Counts: t.h.Counts(t.points())})
}

// DecodeJSON replaces the tally with the one b encodes, which must be
// its canonical JSON (up to white space); on error it fails with
// k.ErrEncoding, changing nothing.
func (t *Tally[S]) DecodeJSON(k *Kind[S], b []byte) error {
	var j tallyJSON[S]
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %w", k.ErrEncoding, err)
	}
	u := Tally[S]{scale: j.Scale}
	h, err := FromCounts(j.Counts, u.points())
	if err != nil {
		return fmt.Errorf("%w: %w", k.ErrEncoding, err)
	}
	u.h = h
	if canon, err := u.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of a tally: want %s", k.ErrEncoding, canon)
	}
	*t = u
	return nil
}
