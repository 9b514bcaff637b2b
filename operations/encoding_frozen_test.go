package operations

import (
	"encoding/hex"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	vectors "github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var freeze = flag.Bool("freeze", false, "rewrite testdata/encoding.json from the current encoder")

// frozenEncodings is testdata/encoding.json: the encodings of fixed
// tallies, written by the encoder before the histogram moved to
// internal/durations, so that the move (and any later change) keeps
// them byte for byte.
type frozenEncodings struct {
	Source string `json:"source"`
	Cases  []struct {
		Name   string `json:"name"`
		Binary string `json:"binary_hex"`
		JSON   string `json:"json"`
	} `json:"cases"`
}

// frozenTallies are the tallies of testdata/encoding.json: empty, the
// sample, random contacts, and waits and responses deep in the
// histograms' doubling bins.
func frozenTallies(t *testing.T) map[string]*Tally {
	long := sample()[:1]
	for i, d := range []time.Duration{513 * time.Second, 1025 * time.Second, 3 * time.Hour, 100 * time.Hour} {
		c := long[0]
		c.ID = "long" + string(rune('a'+i))
		c.Answered = c.Arrived.Add(d)
		c.Ended = c.Answered.Add(time.Minute)
		long = append(long, c)
		c.ID += "-email"
		c.Channel, c.Talk, c.Hold, c.Wrap = Email, 0, 0, 0
		long = append(long, c)
		c.ID += "-abandoned"
		c.Channel, c.Outcome, c.Answered, c.Resolved, c.Value = Chat, Abandoned, time.Time{}, false, 0
		long = append(long, c)
	}
	return map[string]*Tally{
		"empty":  {},
		"sample": tallyOf(t, sample()),
		"random": tallyOf(t, randomContacts(rand.New(rand.NewPCG(11, 12)), 300)),
		"long":   tallyOf(t, long),
	}
}

func TestTallyEncodingFrozen(t *testing.T) {
	const path = "testdata/encoding.json"
	tallies := frozenTallies(t)
	if *freeze {
		f := frozenEncodings{Source: "operations.Tally encoders at f7426c0 (before internal/durations)"}
		for _, name := range []string{"empty", "sample", "random", "long"} {
			bin, err := tallies[name].MarshalBinary()
			require.NoError(t, err)
			js, err := json.Marshal(tallies[name])
			require.NoError(t, err)
			f.Cases = append(f.Cases, struct {
				Name   string `json:"name"`
				Binary string `json:"binary_hex"`
				JSON   string `json:"json"`
			}{name, hex.EncodeToString(bin), string(js)})
		}
		b, err := json.MarshalIndent(f, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, append(b, '\n'), 0o644))
	}
	f := vectors.Read[frozenEncodings](t, path)
	require.Len(t, f.Cases, len(tallies))
	for _, c := range f.Cases {
		u := tallies[c.Name]
		require.NotNil(t, u, c.Name)
		bin, err := u.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, c.Binary, hex.EncodeToString(bin), "%s: binary", c.Name)
		js, err := json.Marshal(u)
		require.NoError(t, err)
		assert.Equal(t, c.JSON, string(js), "%s: JSON", c.Name)
		var back Tally
		want, _ := hex.DecodeString(c.Binary)
		require.NoError(t, back.UnmarshalBinary(want), c.Name)
		require.NoError(t, json.Unmarshal([]byte(c.JSON), &back), c.Name)
	}
}
