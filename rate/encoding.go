package rate

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/rapportkit/rapport/internal/wire"
)

// The binary encoding starts with a tag and a version byte.
const (
	tallyTag = 'R'
	version  = 1
)

// AppendBinary appends the tally's binary encoding to b: the tag 'R', the
// version 1, and the successes and the trials as uvarints.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, tallyTag, version)
	b = binary.AppendUvarint(b, t.successes)
	return binary.AppendUvarint(b, t.n), nil
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces the tally with a decoded one; on error the
// tally is unchanged. It accepts only what AppendBinary writes: shortest
// varints, no trailing bytes, no more successes than trials.
func (t *Tally) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(tallyTag, version)
	x, n := d.Uvarint(), d.Uvarint()
	if err := d.End(); err != nil {
		return err
	}
	if x > n {
		return fmt.Errorf("%w: %d successes of %d trials", ErrEncoding, x, n)
	}
	*t = Tally{successes: x, n: n}
	return nil
}

type tallyJSON struct {
	N         uint64 `json:"n"`
	Successes uint64 `json:"successes"`
}

// MarshalJSON writes the tally as {"n":trials,"successes":successes}.
func (t *Tally) MarshalJSON() ([]byte, error) {
	return json.Marshal(tallyJSON{N: t.n, Successes: t.successes})
}

// UnmarshalJSON reads a tally written by MarshalJSON, up to white space;
// on error the tally is unchanged. Other spellings of the same counts
// (keys in another order, 1e3 for 1000, a missing key) are refused.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	if j.Successes > j.N {
		return fmt.Errorf("%w: %d successes of %d trials", ErrEncoding, j.Successes, j.N)
	}
	u := Tally{successes: j.Successes, n: j.N}
	canon, _ := u.MarshalJSON()
	if !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical %s", ErrEncoding, canon)
	}
	*t = u
	return nil
}
