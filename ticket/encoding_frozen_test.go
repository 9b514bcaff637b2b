package ticket

import (
	flags "flag"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/require"
)

var freeze = flags.Bool("freeze", false, "rewrite testdata/encoding.json from the current encoder")

var frozenNames = []string{"empty", "calendar", "no-calendar", "long"}

// frozenTallies are the tallies of testdata/encoding.json: empty, random
// tickets with and without a calendar (some added n at a time), and
// times deep in the histograms' doubling bins.
func frozenTallies(t *testing.T) map[string]*Tally {
	m := map[string]*Tally{}
	for _, name := range frozenNames {
		var cal = office(t)
		ts := targets
		if name == "no-calendar" {
			cal, ts = nil, calendarTargets
		}
		u, err := NewTally(ts, cal)
		require.NoError(t, err)
		switch name {
		case "calendar", "no-calendar":
			r := rand.New(rand.NewPCG(21, 22))
			for i := range 300 {
				require.NoError(t, u.AddN(randomTicket(r), uint64(1+i%3)))
			}
		case "long":
			for i, d := range []time.Duration{513 * time.Minute, 1025 * time.Minute, 100 * time.Hour, 400 * 24 * time.Hour} {
				k := Ticket{ID: "long" + string(rune('a'+i)), Priority: "high", Created: base,
					FirstReply: base.Add(d / 2), Solved: base.Add(d), Replies: 2, Reopens: 1}
				require.NoError(t, u.Add(k))
			}
		}
		m[name] = u
	}
	return m
}

// TestTallyEncodingFrozen compares the encodings with those of
// testdata/encoding.json, written by the encoder before the histogram
// moved to internal/histogram, so that the move (and any later change)
// keeps them byte for byte.
func TestTallyEncodingFrozen(t *testing.T) {
	tallies := frozenTallies(t)
	var values []golden.Named[*Tally]
	for _, name := range frozenNames {
		values = append(values, golden.Named[*Tally]{Name: name, Value: tallies[name]})
	}
	golden.CheckEncodings(t, "testdata/encoding.json", "ticket.Tally encoders at f7426c0 (before internal/histogram)", values, *freeze)
}
