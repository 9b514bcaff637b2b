package journey

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/require"
)

// reference is golden.json, written by testdata/reference.py (pandas).
type reference struct {
	Source  string `json:"source"`
	Configs []struct {
		WindowHours int            `json:"window_hours"`
		ByReason    bool           `json:"by_reason"`
		Result      map[string]any `json:"result"`
	} `json:"configs"`
}

// TestGolden reads testdata/steps.csv with the Reader, links it with each
// linker setting of the reference and compares every figure of the
// Result with pandas' (counts exactly, rates to 1e-9).
func TestGolden(t *testing.T) {
	ref := golden.Read[reference](t, "testdata/golden.json")
	require.Len(t, ref.Configs, 3)
	for _, c := range ref.Configs {
		t.Run(fmt.Sprintf("window=%dh/by-reason=%v", c.WindowHours, c.ByReason), func(t *testing.T) {
			f, err := os.Open("testdata/steps.csv")
			require.NoError(t, err)
			defer f.Close()
			steps, sum, err := NewReader(f).ReadAll()
			require.NoError(t, err)
			require.Zero(t, sum.Rejected, "%v", sum.Errors)
			l := Linker{Window: time.Duration(c.WindowHours) * time.Hour, ByReason: c.ByReason}
			direct, err := l.Tally(steps)
			require.NoError(t, err)
			journeys, err := l.Link(steps)
			require.NoError(t, err)
			tl, err := TallyOf(slices.Values(journeys))
			require.NoError(t, err)
			require.Equal(t, tl, direct, "Linker.Tally and TallyOf(Link)")
			r, err := tl.Result()
			require.NoError(t, err)
			js, err := json.Marshal(r)
			require.NoError(t, err)
			var got map[string]any
			require.NoError(t, json.Unmarshal(js, &got))
			require.Len(t, got, len(c.Result), "keys of the Result and of the reference")
			compare(t, "result", c.Result, got)
		})
	}
}

// compare walks two decoded JSON values: numbers within 1e-9 relative,
// everything else equal.
func compare(t *testing.T, path string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		require.True(t, ok, "%s: got %v", path, got)
		require.Len(t, g, len(w), "%s: keys", path)
		for k, v := range w {
			gv, ok := g[k]
			require.True(t, ok, "%s.%s missing", path, k)
			compare(t, path+"."+k, v, gv)
		}
	case []any:
		g, ok := got.([]any)
		require.True(t, ok, "%s: got %v", path, got)
		require.Len(t, g, len(w), path)
		for i := range w {
			compare(t, fmt.Sprintf("%s[%d]", path, i), w[i], g[i])
		}
	case float64:
		g, ok := got.(float64)
		require.True(t, ok, "%s: want %v, got %v", path, w, got)
		require.LessOrEqual(t, math.Abs(g-w), 1e-9*math.Max(1, math.Abs(w)), "%s: want %v, got %v", path, w, g)
	default:
		require.Equal(t, want, got, path)
	}
}
