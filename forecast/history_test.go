package forecast

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/operations"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

// around is the autumn clock change in Paris: 2025-10-26 01:00 UTC, when
// 03:00 CEST becomes 02:00 CET.
var around = time.Date(2025, 10, 26, 1, 0, 0, 0, time.UTC)

// call returns an inbound phone call arriving at t, answered after 20 s
// with talk seconds of talk and 30 s of wrap-up, or abandoned (talk < 0).
func call(id string, t time.Time, talk int) operations.Contact {
	c := operations.Contact{ID: id, Channel: operations.Phone, Direction: operations.Inbound, Arrived: t}
	if talk < 0 {
		c.Outcome = operations.Abandoned
		return c
	}
	c.Outcome = operations.Answered
	c.Answered = t.Add(20 * time.Second)
	c.Talk, c.Wrap = time.Duration(talk)*time.Second, 30*time.Second
	return c
}

func historySpec() laws.Spec[History, operations.Contact] {
	return laws.Spec[History, operations.Contact]{
		New: func() *History {
			h, err := NewHistory(30*time.Minute, paris)
			if err != nil {
				panic(err)
			}
			return h
		},
		Item: func(r *rand.Rand) operations.Contact {
			t := around.Add(time.Duration(r.Int64N(int64(6*time.Hour))) - 3*time.Hour)
			return call("c", t, r.IntN(400)-40)
		},
		Bad: []operations.Contact{
			{ID: "no-channel", Direction: operations.Inbound, Outcome: operations.Answered, Arrived: around},
			{ID: "no-arrival", Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Abandoned},
			func() operations.Contact {
				c := call("ages", around, 0)
				c.Talk, c.Hold, c.Wrap = math.MaxInt64, math.MaxInt64, math.MaxInt64
				return c
			}(),
		},
		AddN:   (*History).AddN,
		Result: func(h *History) (any, error) { return h.Result() },
		Other: func() *History {
			h, _ := NewHistory(time.Hour, paris)
			return h
		},
		ErrMismatch: ErrMismatch,
		InvalidZero: true,
		BadJSON: []string{
			`{"interval_minutes":30,"time_zone":"Local","intervals":[]}`,
			`{"interval_minutes":7,"time_zone":"Europe/Paris","intervals":[]}`,
			`{"interval_minutes":30,"time_zone":"Europe/Paris","intervals":[{"start":"2025-10-26T02:10:00+01:00","contacts":1,"answered":0,"handle_ns":"0"}]}`,
			`{"interval_minutes":30,"time_zone":"Europe/Paris","intervals":[{"start":"2025-10-26T02:00:00+01:00","contacts":1,"answered":2,"handle_ns":"0"}]}`,
			`{"interval_minutes":30,"time_zone":"Europe/Paris","intervals":[{"start":"2025-10-26T02:00:00+01:00","contacts":0,"answered":0,"handle_ns":"0"}]}`,
			`{"interval_minutes":30,"time_zone":"Europe/Paris","intervals":[{"start":"2025-10-26T02:00:00+01:00","contacts":1,"answered":0,"handle_ns":"5"}]}`,
			`{"interval_minutes":30,"time_zone":"Europe/Paris","intervals":[{"start":"2025-10-26T02:00:00+01:00","contacts":1,"answered":0,"handle_ns":"0"},{"start":"2025-10-26T02:00:00+01:00","contacts":1,"answered":0,"handle_ns":"0"}]}`,
			`{"interval_minutes":30,"time_zone":"Europe/Paris","intervals":[{"start":"2025-10-26T03:00:00+01:00","contacts":1,"answered":0,"handle_ns":"0"},{"start":"2025-10-26T02:00:00+01:00","contacts":1,"answered":0,"handle_ns":"0"}]}`,
			`{"interval_minutes":30,"time_zone":"Europe/Paris","intervals":[{"start":"2025-10-26T01:00:00Z","contacts":1,"answered":0,"handle_ns":"0"}]}`,
			`{"interval_minutes":0,"time_zone":"","intervals":[{"start":"2025-10-26T01:00:00Z","contacts":1,"answered":0,"handle_ns":"0"}]}`,
		},
	}
}

func TestHistoryLaws(t *testing.T) { laws.Check(t, historySpec()) }

func FuzzHistoryBinary(f *testing.F) { laws.FuzzBinary(f, historySpec()) }
func FuzzHistoryJSON(f *testing.F)   { laws.FuzzJSON(f, historySpec()) }
func FuzzHistoryAdd(f *testing.F) {
	laws.FuzzAdd(f, historySpec(), func(b []byte) (operations.Contact, bool) {
		if len(b) < 9 {
			return operations.Contact{}, false
		}
		var ns int64
		for _, x := range b[:8] {
			ns = ns<<8 | int64(x)
		}
		c := call("fuzz", time.Unix(0, ns), int(int8(b[8]))*10)
		if len(b) > 9 {
			c.Channel = operations.Channel(b[9])
		}
		return c, true
	}, []byte{0x18, 0x6f, 0x3c, 0x5d, 0x2a, 0x00, 0x00, 0x00, 3}, []byte{0x18, 0x6f, 0x3c, 0x5d, 0x2a, 0x00, 0x00, 0x00, 200, 0})
}

// Contacts land in the interval of the local clock they arrived in,
// counted exactly; the two passes of the repeated hour are two intervals
// of the series of that day, which has 50.
func TestHistoryBinsByLocalClock(t *testing.T) {
	first := around.Add(-50 * time.Minute) // 02:10 CEST
	second := around.Add(10 * time.Minute) // 02:10 CET
	contacts := []operations.Contact{
		call("a", first, 100), call("b", first.Add(time.Minute), -1), call("c", second, 200),
		call("d", time.Date(2025, 10, 26, 23, 59, 0, 0, paris), 60),
		call("e", time.Date(2025, 10, 27, 0, 0, 0, 0, paris), 60), // the next day
	}
	h, err := HistoryOf(slices.Values(contacts), 30*time.Minute, paris)
	require.NoError(t, err)
	assert.Equal(t, uint64(5), h.N())
	s, err := h.Series(Date{2025, 10, 26}, 1)
	require.NoError(t, err)
	require.Len(t, s.Contacts, 50)
	// 02:00 CEST is interval 4, 02:00 CET interval 6, 23:30 interval 49.
	want := make([]float64, 50)
	want[4], want[6], want[49] = 2, 1, 1
	assert.Equal(t, want, s.Contacts)
	assert.Equal(t, []float64{1, 1, 1}, []float64{s.Handled[4], s.Handled[6], s.Handled[49]})
	assert.Equal(t, 130*time.Second, s.Handle[4])
	assert.Equal(t, 230*time.Second, s.Handle[6])
	r, err := h.Result()
	require.NoError(t, err)
	assert.Equal(t, uint64(4), r.Answered)
	assert.InDelta(t, (130+230+90+90)/4.0, *r.AHTSeconds, 1e-9)
	assert.Equal(t, 4, r.Intervals)
	assert.Contains(t, r.String(), "5 contacts in 4 intervals of 30m0s (Europe/Paris) from 2025-10-26 02:00")
}

func TestHistoryBy(t *testing.T) {
	contacts := []operations.Contact{call("a", around, 10), call("b", around, 20), call("c", around, 30)}
	contacts[1].Channel = operations.Chat
	by, err := HistoryBy(slices.Values(contacts), time.Hour, paris, func(c operations.Contact) operations.Channel { return c.Channel })
	require.NoError(t, err)
	assert.Equal(t, uint64(2), by[operations.Phone].N())
	assert.Equal(t, uint64(1), by[operations.Chat].N())
	contacts[2].Direction = 0
	_, err = HistoryBy(slices.Values(contacts), time.Hour, paris, func(c operations.Contact) operations.Channel { return c.Channel })
	require.ErrorIs(t, err, operations.ErrDirection)
	assert.Contains(t, err.Error(), "contact 2")
}

func TestHistoryLocations(t *testing.T) {
	for _, c := range []struct {
		name string
		loc  *time.Location
	}{{"nil", nil}, {"local", time.Local}, {"fixed", time.FixedZone("UTC+1", 3600)}} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewHistory(30*time.Minute, c.loc)
			require.ErrorIs(t, err, ErrLocation)
		})
	}
	_, err := NewHistory(50*time.Minute, time.UTC)
	require.ErrorIs(t, err, ErrInterval)
	var zero History
	_, err = zero.Series(Date{2025, 1, 1}, 1)
	require.ErrorIs(t, err, ErrLocation)
	h, _ := NewHistory(time.Hour, time.UTC)
	_, err = h.Series(Date{2025, 1, 1}, MaxDays+1)
	require.ErrorIs(t, err, ErrSeries)
}
