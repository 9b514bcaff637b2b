package operations

import (
	"flag"
	"math/rand/v2"
	"testing"
	"time"

	vectors "github.com/rapportkit/rapport/internal/golden"
)

var freeze = flag.Bool("freeze", false, "rewrite testdata/encoding.json from the current encoder")

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

// TestTallyEncodingFrozen compares the encodings with those of
// testdata/encoding.json, written by the encoder before the histogram
// moved to internal/histogram, so that the move (and any later change)
// keeps them byte for byte.
func TestTallyEncodingFrozen(t *testing.T) {
	tallies := frozenTallies(t)
	var values []vectors.Named[*Tally]
	for _, name := range []string{"empty", "sample", "random", "long"} {
		values = append(values, vectors.Named[*Tally]{Name: name, Value: tallies[name]})
	}
	vectors.CheckEncodings(t, "testdata/encoding.json", "operations.Tally encoders at f7426c0 (before internal/histogram)", values, *freeze)
}
