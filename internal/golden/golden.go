// Package golden reads, for tests, the reference vectors that the
// scripts in a package's testdata write as JSON: values computed by R,
// scipy, statsmodels or mpmath, independently of the Go code, with the
// source written next to them.
package golden

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// Read decodes the JSON file at path into a T, failing the test if the
// file is missing or holds a key T has no field for (a renamed key would
// otherwise leave a reference value silently zero).
func Read[T any](t testing.TB, path string) T {
	t.Helper()
	var v T
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v (run the script in testdata that writes it)", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("golden: %s: %v", path, err)
	}
	return v
}
