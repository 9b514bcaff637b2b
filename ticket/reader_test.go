package ticket

import (
	"encoding/binary"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow/rowtest"
	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/require"
)

func TestReaderRows(t *testing.T) {
	read, readAll := rowtest.Readers(NewReader)
	rowtest.Check(t, rowtest.Spec{
		Read:    read,
		ReadAll: readAll,
		Header:  "Id,Via,Priority,Group,Assignee,Created at,Solved at,Replies,Reopens,First reply time in minutes",
		Good: []string{
			"1,email,high,Support,ana,2026-10-28 01:10:00,2026-11-01 01:15:00,1,0,62",
			"2,web,,Billing,bo,2026-10-28T02:00:00Z,,,,",
			"3,,urgent,,,2026-10-28 03:00:00,2026-10-28 05:00:00,2,1,12.5",
		},
		Bad: []rowtest.Bad{
			{Row: "4,pigeon,high,Support,ana,2026-10-28 01:10:00,,,,", Err: ErrChannel},
			{Row: "5,email,high,Support,ana,,,,,", Err: row.ErrTime},
			{Row: "6,email,high,Support,ana,2026-10-28 01:10:00,2026-10-27 01:10:00,,,", Err: ErrTime},
			{Row: "7,email,high,Support,ana,2026-10-28 01:10:00,,,2,", Err: ErrInconsistent},
			{Row: "8,email,high,Support,ana,2026-10-28 01:10:00,,-1,,", Err: ErrCount},
			{Row: "9,email,high,Support,ana,2026-10-28 01:10:00,,x,,", Err: ErrCount},
			{Row: "10,email,high,Support,ana,2026-10-28 01:10:00,,0,,30", Err: ErrInconsistent},
			{Row: "11,email,high,Support,ana,2026-10-28 01:10:00,,1,,-30", Err: row.ErrDuration},
			{Row: ",email,high,Support,ana,2026-10-28 01:10:00,,,,", Err: ErrID},
			{Row: "13,email,high,Support,ana,2226-10-28 01:10:00,,,,", Err: row.ErrTime},
			{Row: "14,email,high", Err: row.ErrFields},
		},
	})
}

func TestReaderColumns(t *testing.T) {
	file := "ticket,created,first_reply_at,solved_at,closed_at,replies,reopens\n" +
		"A,2026-10-28T09:00:00Z,2026-10-28T09:30:00Z,2026-10-28T10:00:00Z,2026-11-01T10:00:00Z,1,0\n"
	ks, sum, err := NewReader(strings.NewReader(file)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, 1, sum.Accepted)
	want := Ticket{ID: "A", Created: time.Date(2026, 10, 28, 9, 0, 0, 0, time.UTC), Replies: 1, Reopens: 0}
	want.FirstReply = want.Created.Add(30 * time.Minute)
	want.Solved = want.Created.Add(time.Hour)
	want.Closed = time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	require.Equal(t, []Ticket{want}, ks)

	// Without Replies and Reopens columns the counts are Unknown, not 0.
	ks, _, err = NewReader(strings.NewReader("id,created_at,via\nB,2026-10-28T09:00:00Z,mail\n")).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []Ticket{{ID: "B", Channel: operations.Email, Created: want.Created, Replies: Unknown, Reopens: Unknown}}, ks)

	// Zendesk's minutes columns give the first reply and the solve.
	ks, _, err = NewReader(strings.NewReader("Id,Created at,First reply time in minutes,Full resolution time in minutes,Replies\nC,2026-10-28T09:00:00Z,30,60.5,1\n")).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []Ticket{{ID: "C", Created: want.Created, FirstReply: want.FirstReply,
		Solved: want.Created.Add(60*time.Minute + 30*time.Second), Replies: 1, Reopens: Unknown}}, ks)

	_, _, err = NewReader(strings.NewReader("created_at\n2026-10-28T09:00:00Z\n")).ReadAll()
	require.Error(t, err, "no id column")
}

func FuzzReader(f *testing.F) {
	f.Add("Id,Via,Priority,Created at,Solved at,Replies,Reopens,First reply time in minutes\n1,email,high,2026-10-28 01:10:00,2026-11-01 01:15:00,1,0,62\n2,fax,,x,,,,\n")
	f.Add("id,created,first_reply_minutes\n1,2026-10-28 01:10:00,1e400\n")
	cal := office(f)
	f.Fuzz(func(t *testing.T, file string) {
		r := NewReader(strings.NewReader(file))
		u, err := NewTally(goldenTargets, cal)
		require.NoError(t, err)
		for range 10_000 {
			k, err := r.Read()
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
			require.NoError(t, k.Validate(), "Read returned an invalid ticket")
			require.NoError(t, u.Add(k))
		}
		_, sum, err := NewReader(strings.NewReader(file)).ReadAll()
		if err == nil {
			require.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
		}
	})
}

// ticketFromBytes makes a ticket, valid or not, from fuzz input.
func ticketFromBytes(b []byte) (Ticket, bool) {
	if len(b) < 4 {
		return Ticket{}, false
	}
	k := Ticket{ID: "f", Channel: operations.Channel(b[0] % 14), Priority: priorities[int(b[1])%len(priorities)],
		Replies: int(int8(b[2])) % 4, Reopens: int(int8(b[3])) % 4}
	rest := b[4:]
	next := func() time.Duration {
		x, n := binary.Varint(rest)
		if n <= 0 {
			return 0
		}
		rest = rest[n:]
		return time.Duration(x)
	}
	k.Created = base.Add(next())
	for _, p := range []*time.Time{&k.FirstReply, &k.Solved, &k.Closed} {
		if d := next(); d != 0 {
			*p = k.Created.Add(d)
		}
	}
	return k, true
}

func FuzzTallyAdd(f *testing.F) {
	laws.FuzzAdd(f, spec(f, true), ticketFromBytes, []byte{8, 1, 1, 0, 2, 4, 6, 8}, []byte{8, 0, 0, 0, 0})
}
