package laws

import (
	"bytes"
	"encoding/json"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/internal/unit"
)

// intervalKeys are the keys of an interval, whose unit is its parent's.
var intervalKeys = map[string]bool{"lo": true, "hi": true, "level": true}

func hasUnit(key string) bool {
	for _, u := range unit.Suffixes {
		if strings.HasSuffix(key, "_"+u) {
			return true
		}
	}
	return false
}

func (c *checker[A, X, P]) result(t *testing.T) {
	if c.spec.Result == nil {
		t.Skip("no Result in the spec")
	}
	for i, a := range c.states(t) {
		c.cases++
		r, err := c.spec.Result((*A)(a))
		if err != nil {
			t.Fatalf("Result of state %d (n = %d): %v; only invalid arguments may fail", i, a.N(), err)
		}
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Result does not marshal (NaN or ±Inf?): %v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(js))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if m, ok := v.(map[string]any); ok {
			if n, ok := m["n"].(json.Number); ok && n.String() != uintString(a.N()) {
				t.Fatalf("Result has n = %s, N() = %d", n, a.N())
			}
		}
		if key, ok := unitless(v, "", c.spec.Parameters); !ok {
			t.Fatalf("Result key %q holds a non-integer number without a unit suffix %v: %s", key, unit.Suffixes, js)
		}
		if s, ok := r.(interface{ String() string }); ok && s.String() == "" {
			t.Fatal("Result.String() is empty")
		}
	}
}

// unitless walks a decoded JSON value and returns the first key holding a
// non-integer number without a unit, and false; parent is the key of v,
// and params the keys of model parameters, which are pure numbers.
func unitless(v any, parent string, params []string) (string, bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if n, ok := e.(json.Number); ok && strings.ContainsAny(n.String(), ".eE") {
				if !hasUnit(k) && !(intervalKeys[k] && hasUnit(parent)) && !slices.Contains(params, k) && !slices.Contains(unit.Statistics, k) {
					return k, false
				}
			}
			if key, ok := unitless(e, k, params); !ok {
				return key, false
			}
		}
	case []any:
		for _, e := range v {
			if key, ok := unitless(e, parent, params); !ok {
				return key, false
			}
		}
	}
	return "", true
}

func uintString(n uint64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func (c *checker[A, X, P]) allocFree(t *testing.T) {
	if !c.spec.AllocFree {
		t.Skip("Add may allocate")
	}
	a := c.build(t, c.draw(700, c.items()))
	xs := c.draw(701, 64)
	c.cases++
	// testing.AllocsPerRun rounds the mean down, so an Add that allocates
	// now and then would pass it: count every allocation of many calls,
	// once the state has room for these items (a histogram grown to their
	// values): the steady state the contract promises.
	for _, x := range xs {
		_ = a.Add(x)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range 4096 {
		_ = a.Add(xs[i%len(xs)])
	}
	runtime.ReadMemStats(&after)
	if n := after.Mallocs - before.Mallocs; n != 0 {
		t.Fatalf("4096 calls of Add allocated %d times", n)
	}
}
