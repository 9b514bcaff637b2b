package journey

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/require"
)

// stepsFromBytes builds steps from fuzzed bytes, 6 bytes a step: the
// handler, channel, outcome, customer and case, transfer and tier, and
// the hours since the previous arrival (any of it may be invalid).
func stepsFromBytes(data []byte) []Step {
	var steps []Step
	at := base
	for len(data) >= 6 && len(steps) < 64 {
		b := data[:6]
		data = data[6:]
		at = at.Add(time.Duration(int8(b[5])) * time.Hour) // may go back
		s := Step{Handler: Handler(b[0] % 4), Tier: int(b[4]>>4) - 2}
		c := &s.Contact
		c.ID = "c" + string(rune('a'+len(steps)%26))
		c.Channel = operations.Channel(b[1] % 14)
		c.Outcome = operations.Outcome(b[2] % 8)
		c.Direction = operations.Inbound
		c.Arrived = at
		if c.Outcome == operations.Answered {
			c.Answered = at
		}
		c.Resolved = b[2]&0x80 != 0
		c.CustomerID = []string{"", "k1", "k2"}[b[3]%3]
		c.Reason = []string{"", "billing"}[b[3]>>2&1]
		c.Agent = []string{"", "ana", "bob"}[b[3]>>3%3]
		if b[3]&0x40 != 0 {
			s.Case = "K" + string(rune('0'+b[3]>>7))
		}
		s.TransferredTo = []string{"", "ana", "bob", "q"}[b[4]&3]
		steps = append(steps, s)
	}
	return steps
}

func FuzzTallyAdd(f *testing.F) {
	laws.FuzzAdd(f, lawSpec(), func(data []byte) (Journey, bool) {
		return Journey{Steps: stepsFromBytes(data)}, true
	}, []byte{1, 1, 6, 1, 0, 0, 2, 4, 1, 1, 0x11, 1}, []byte{2, 0, 1, 1, 1, 1})
}

// FuzzLink links fuzzed steps: Link fails, leaving the steps as they
// were, or returns valid journeys that hold every step once, which a
// Tally accepts.
func FuzzLink(f *testing.F) {
	f.Add([]byte{1, 1, 6, 1, 0, 0, 2, 4, 1, 1, 0x11, 1, 2, 4, 1, 0x41, 0x21, 30}, int64(48))
	f.Add([]byte{2, 0, 1, 1, 1, 1}, int64(0))
	f.Fuzz(func(t *testing.T, data []byte, hours int64) {
		steps := stepsFromBytes(data)
		orig := slices.Clone(steps)
		l := Linker{Window: time.Duration(hours%1000) * time.Hour, ByReason: hours&1 == 0, MaxSpan: time.Duration(hours%5000) * time.Hour}
		js, err := l.Link(steps)
		if err != nil {
			require.Equal(t, orig, steps, "a failed Link moved steps")
			return
		}
		n := 0
		for _, j := range js {
			n += len(j.Steps)
			require.NoError(t, j.Validate())
		}
		require.Equal(t, len(orig), n)
		require.ElementsMatch(t, orig, steps)
		tl, err := TallyOf(slices.Values(js))
		require.NoError(t, err)
		require.Equal(t, uint64(len(js)), tl.N())
		b, err := tl.MarshalBinary()
		require.NoError(t, err)
		require.NoError(t, new(Tally).UnmarshalBinary(b))
	})
}

func FuzzReader(f *testing.F) {
	f.Add("id,case,customer_id,channel,outcome,arrived,answered,agent,handler,tier,transferred_to\n" +
		"a,K1,k,phone,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,ana,agent,1,bob\nb,,k,chatbot,deflected,2026-03-02 09:00:00,,,,x,\n")
	f.Add("channel,outcome,arrived,handler\nfaq,deflected,2026-03-02,self\nphone,busy,2026-03-02,robot\n")
	f.Fuzz(func(t *testing.T, file string) {
		r := NewReader(strings.NewReader(file))
		for range 10_000 {
			s, err := r.Read()
			if err == io.EOF {
				break
			}
			if _, ok := err.(*row.Error); ok {
				continue
			}
			if err != nil {
				var fe *row.FileError
				require.ErrorAs(t, err, &fe)
				break
			}
			require.NoError(t, s.Validate(), "Read returned an invalid step")
		}
		_, sum, err := NewReader(strings.NewReader(file)).ReadAll()
		if err == nil {
			require.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
		}
	})
}
