package journey

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestImpossibleStates checks that the decoders refuse states no sequence
// of Add could reach, edited into the JSON of a real state.
func TestImpossibleStates(t *testing.T) {
	var tl Tally
	r := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		require.NoError(t, tl.Add(randomJourney(r)))
	}
	js, err := tl.MarshalJSON()
	require.NoError(t, err)
	require.NoError(t, new(Tally).UnmarshalJSON(js))
	c := tl.c
	set := func(key string, v uint64) string {
		out := js
		old := `"` + key + `":`
		i := strings.Index(string(out), old)
		require.GreaterOrEqual(t, i, 0, key)
		end := i + len(old) + strings.IndexAny(string(out[i+len(old):]), ",}")
		return string(out[:i+len(old)]) + strconv.FormatUint(v, 10) + string(out[end:])
	}
	for name, bad := range map[string]string{
		"more journeys than steps": set("journeys", c[cSteps]+1),
		"digital above steps":      set("digital_steps", c[cSteps]+1),
		"takeovers above handoffs": set("taken_over", c[cBotToAgent]+1),
		"tier escalations":         set("tier_escalations", c[cTierPairs]+1),
		"contained above resolved": set("contained", c[cResolved]+1),
		"steps do not add up":      set("transfers", c[cTransfers]+1),
		"switches":                 set("switched", c[cJourneys]+1),
		"empty":                    `{"journeys":0,"steps":3,"digital_steps":0}`,
		"overlong":                 strings.Replace(string(js), `"journeys":`, `"journeys": 0`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			u := tl.Clone()
			require.ErrorIs(t, u.UnmarshalJSON([]byte(bad)), ErrEncoding)
			require.Equal(t, tl, *u)
		})
	}
	b, err := tl.MarshalBinary()
	require.NoError(t, err)
	for name, bad := range map[string][]byte{
		"truncated": b[:len(b)-1],
		"trailing":  append(append([]byte{}, b...), 0),
		"tag":       append([]byte{'X'}, b[1:]...),
	} {
		require.ErrorIs(t, new(Tally).UnmarshalBinary(bad), ErrEncoding, name)
	}
}

func TestOverflow(t *testing.T) {
	j := randomJourney(rand.New(rand.NewPCG(9, 9)))
	var tl Tally
	require.NoError(t, tl.AddN(j, math.MaxUint64/uint64(len(j.Steps))))
	before := tl
	require.ErrorIs(t, tl.Add(j), ErrOverflow)
	require.ErrorIs(t, tl.AddN(j, math.MaxUint64), ErrOverflow)
	require.ErrorIs(t, tl.Merge(&before), ErrOverflow)
	require.Equal(t, before, tl)
	require.NoError(t, tl.AddN(j, 0))
	require.Equal(t, before, tl)
}
