package ces

// MarshalJSON writes the tally as {"scale":{…},"counts":[c₀,…]}, one count
// per point of the scale from its minimum.
func (t *Tally) MarshalJSON() ([]byte, error) { return t.c.MarshalJSON() }

// UnmarshalJSON reads a tally written by MarshalJSON, which it must be to
// the byte (up to white space); on error (ErrEncoding) the tally is
// unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error { return t.c.DecodeJSON(&kind, b) }

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// AppendBinary appends the tally's binary encoding to b: the tag 'E', the
// version 1, the scale as five varints (min, max, polarity, low band top,
// high band bottom) and one uvarint count per point.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) { return t.c.Append(&kind, b), nil }

// UnmarshalBinary replaces the tally with the one data encodes, which
// must be canonical; on error (ErrEncoding) the tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error { return t.c.DecodeBinary(&kind, data) }
