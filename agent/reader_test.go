package agent

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow/rowtest"
	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReaderRows(t *testing.T) {
	read, readAll := rowtest.Readers(NewReader)
	rowtest.Check(t, rowtest.Spec{
		Read:    read,
		ReadAll: readAll,
		Header:  "agent,state,start,end,duration,contacts",
		Good: []string{
			"ana,available,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,,",
			"ben,Interacting,2026-03-02T09:00:00Z,,00:05:00,2",
			"cleo,After Call Work,2026-03-02 09:00:00,,90,",
		},
		Bad: []rowtest.Bad{
			{Row: ",available,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,,", Err: ErrID},
			{Row: "dan,busy,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,,", Err: ErrState},
			{Row: "dan,break,,2026-03-02T09:10:00Z,,", Err: ErrTime},
			{Row: "dan,break,2026-03-02T09:00:00Z,,,", Err: ErrTime},
			{Row: "dan,break,2026-03-02T09:00:00Z,2026-03-02T08:10:00Z,,", Err: ErrTime},
			{Row: "dan,break,2205-03-02T09:00:00Z,,60,", Err: row.ErrTime},
			{Row: "dan,break,2026-03-02T09:00:00Z,,-60,", Err: ErrDuration},
			{Row: "dan,on contact,2026-03-02T09:00:00Z,,60,-1", Err: ErrContacts},
			{Row: "dan,break,2026-03-02T09:00:00Z,,60,2", Err: ErrContacts},
			{Row: "dan,break,2026-03-02T09:00:00Z", Err: row.ErrFields},
		},
	})
}

// Rows of one agent that overlap or go back in time are rejected with
// ErrOverlap naming the agent; the next row goes on.
func TestReaderOverlap(t *testing.T) {
	file := "Agent Name,Status,Status Start Time,Status End Time,Status Duration,Team\n" +
		"ana,Available,2026-03-02 09:00:00,2026-03-02 09:30:00,1800,north\n" +
		"ben,On a Call,2026-03-02 09:00:00,2026-03-02 09:30:00,1800,south\n" +
		"ana,Busy,2026-03-02 09:20:00,2026-03-02 09:40:00,1200,north\n" +
		"ana,Break,2026-03-02 09:20:00,2026-03-02 09:40:00,1200,north\n" +
		"ana,Away,2026-03-02 09:40:00,2026-03-02 09:50:00,600,north\n"
	r := NewReader(strings.NewReader(file))
	r.States = map[string]State{"busy": OnContact, "AWAY": Break}
	ivs, sum, err := r.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, row.Summary{Read: 5, Accepted: 3, Rejected: 2, Errors: sum.Errors}, sum)
	require.Len(t, sum.Errors, 2)
	for _, e := range sum.Errors {
		assert.ErrorIs(t, e, ErrOverlap)
		assert.Equal(t, "ana", e.ID)
		assert.Equal(t, "Status Start Time", e.Column)
	}
	assert.Equal(t, 4, sum.Errors[0].Line)
	require.Len(t, ivs, 3)
	assert.Equal(t, Break, ivs[2].State)
	assert.Equal(t, 10*time.Minute, ivs[2].Duration())
}

// Whatever the bytes, the reader accounts for every row, and what it
// accepts is valid and in order for its agent.
func FuzzReader(f *testing.F) {
	f.Add([]byte("agent,state,start,end,duration,contacts\nana,idle,2026-03-02T09:00:00Z,,60,\nana,on a call,2026-03-02T09:01:00Z,2026-03-02T09:05:00Z,,3\n"))
	f.Add([]byte("Agent Name,Status,Status Start Time,Status Duration\nben,Meal,2026-03-02 12:00,01:00:00\nben,Break,2026-03-02 12:30,10\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ivs, sum, err := NewReader(strings.NewReader(string(data))).ReadAll()
		if err != nil {
			return
		}
		if sum.Read != sum.Accepted+sum.Rejected || sum.Accepted != len(ivs) {
			t.Fatalf("summary %+v for %d intervals", sum, len(ivs))
		}
		if _, err := TallyOf(slices.Values(ivs)); err != nil {
			t.Fatalf("accepted intervals do not tally: %v", err)
		}
	})
}
