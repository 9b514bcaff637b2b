package counts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Span returns the scores from..to as "4–5", or "4" when from = to.
func Span(from, to int) string {
	if from == to {
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// MarshalScale writes the parameters of a scale as a JSON object with
// the keys k.Keys in order: {"min":1,"max":5,…}.
func (k *Kind[S]) MarshalScale(s S) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, v := range k.Params(s) {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%d", k.Keys[i], v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalScale reads into dst a scale written by MarshalScale: an
// object with exactly the keys k.Keys, each an integer, that make a valid
// scale. On error (k.ErrEncoding) dst is unchanged.
func (k *Kind[S]) UnmarshalScale(b []byte, dst *S) error {
	var m map[string]int
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("%w: scale: %w", k.ErrEncoding, err)
	}
	params := make([]int, len(k.Keys))
	for i, key := range k.Keys {
		v, ok := m[key]
		if !ok || len(m) != len(k.Keys) {
			return fmt.Errorf("%w: scale: want the keys %q", k.ErrEncoding, k.Keys)
		}
		params[i] = v
	}
	s, err := k.Scale(params)
	if err != nil {
		return fmt.Errorf("%w: %w", k.ErrEncoding, err)
	}
	*dst = s
	return nil
}

// Name returns names[i], or the last of names (the name of an invalid
// value) when i is not the index of another: the String of a package's
// small enumerations.
func Name(i int, names ...string) string {
	if i < 0 || i >= len(names)-1 {
		return names[len(names)-1]
	}
	return names[i]
}
