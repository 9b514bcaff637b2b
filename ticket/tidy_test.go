package ticket

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/tidy"
	"github.com/stretchr/testify/require"
)

// TestTidy writes a Result and a BacklogResult as tidy rows: every figure
// has a unit the writer accepts.
func TestTidy(t *testing.T) {
	r := newRand()
	var ks []Ticket
	for range 100 {
		ks = append(ks, randomTicket(r))
	}
	tally, err := TallyOf(slices.Values(ks), targets, office(t))
	require.NoError(t, err)
	res, err := tally.Result()
	require.NoError(t, err)
	b, err := Backlog(slices.Values(ks), base.AddDate(0, 2, 0))
	require.NoError(t, err)
	var out bytes.Buffer
	w, err := tidy.NewWriter[string](&out, tidy.Options{Key: "group"})
	require.NoError(t, err)
	require.NoError(t, w.Write("all", "tickets", res))
	require.NoError(t, w.Write("all", "backlog", b))
	var empty Tally
	er, _ := empty.Result()
	require.NoError(t, w.Write("none", "tickets", er))
	require.NoError(t, w.Flush())
	text := out.String()
	for _, want := range []string{"first_reply.p90,,seconds", "sla.first_reply_breach,high,pct", "resolution.mean,,seconds", "bands.tickets"} {
		require.Contains(t, text, want)
	}
	require.Greater(t, strings.Count(text, "\n"), 40)
}
