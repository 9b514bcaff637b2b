package golden

import (
	"encoding"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
)

// Encoding is the frozen encoding of a named value: its binary form in
// hex and its JSON.
type Encoding struct {
	Name   string `json:"name"`
	Binary string `json:"binary_hex"`
	JSON   string `json:"json"`
}

// Encodings is a file of frozen encodings, with where they come from.
type Encodings struct {
	Source string     `json:"source"`
	Cases  []Encoding `json:"cases"`
}

// Named is a value to encode, by name.
type Named[P any] struct {
	Name  string
	Value P
}

// Codec is what CheckEncodings needs of a *T.
type Codec[T any] interface {
	*T
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
	json.Marshaler
	json.Unmarshaler
}

// CheckEncodings fails the test unless each value encodes, in binary and
// in JSON, exactly as the file at path froze it, and the frozen
// encodings decode. With write, it first rewrites the file from the
// values (recording source), to freeze the encoder as it is.
func CheckEncodings[T any, P Codec[T]](t *testing.T, path, source string, values []Named[P], write bool) {
	t.Helper()
	encode := func(v P) Encoding {
		bin, err := v.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return Encoding{Binary: hex.EncodeToString(bin), JSON: string(js)}
	}
	if write {
		f := Encodings{Source: source}
		for _, v := range values {
			e := encode(v.Value)
			e.Name = v.Name
			f.Cases = append(f.Cases, e)
		}
		b, err := json.MarshalIndent(f, "", "  ")
		if err == nil {
			err = os.WriteFile(path, append(b, '\n'), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	f := Read[Encodings](t, path)
	if len(f.Cases) != len(values) {
		t.Fatalf("%s: %d cases for %d values", path, len(f.Cases), len(values))
	}
	for i, c := range f.Cases {
		v := values[i]
		if c.Name != v.Name {
			t.Fatalf("%s: case %d is %q, not %q", path, i, c.Name, v.Name)
		}
		if e := encode(v.Value); e.Binary != c.Binary || e.JSON != c.JSON {
			t.Errorf("%s: %s encodes as\n%s\n%s\nnot as frozen\n%s\n%s", path, c.Name, e.Binary, e.JSON, c.Binary, c.JSON)
		}
		bin, err := hex.DecodeString(c.Binary)
		if err != nil {
			t.Fatalf("%s: %s: %v", path, c.Name, err)
		}
		if err := P(new(T)).UnmarshalBinary(bin); err != nil {
			t.Errorf("%s: %s: binary: %v", path, c.Name, err)
		}
		if err := P(new(T)).UnmarshalJSON([]byte(c.JSON)); err != nil {
			t.Errorf("%s: %s: JSON: %v", path, c.Name, err)
		}
	}
}
