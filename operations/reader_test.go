package operations

import (
	"fmt"
	"io"
	"os"
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
		Header:  "id,customer_id,reason,channel,direction,arrived,answered,ended,talk,hold,wrap,outcome,resolved,complaint,value_added,cost",
		Good: []string{
			"K1,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:30:20Z,2025-03-14T09:35:00Z,240,10,30,answered,true,false,low,4.10",
			"K2,C2,delivery,email,inbound,2025-03-14T09:31:00Z,2025-03-14T12:00:00Z,,00:05:00,,1:00,answered,oui,non,high,",
			"K3,,,chat,in,2025-03-14 09:32:00,,2025-03-14 09:33:00,,,,abandoned,,,,0.40",
		},
		Bad: []rowtest.Bad{
			{Row: "K4,C1,billing,pigeon,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,", Err: ErrChannel},
			{Row: "K5,C1,billing,phone,sideways,2025-03-14T09:30:00Z,,,,,,busy,,,,", Err: ErrDirection},
			{Row: "K6,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,gone,,,,", Err: ErrOutcome},
			{Row: "K7,C1,billing,phone,inbound,,,,,,,busy,,,,", Err: row.ErrTime},
			{Row: "K8,C1,billing,phone,inbound,2205-03-14T09:30:00Z,,,,,,busy,,,,", Err: row.ErrTime},
			{Row: "K9,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:00:00Z,,10,,,answered,,,,", Err: ErrTime},
			{Row: "K10,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:31:00Z,,-10,,,answered,,,,", Err: row.ErrDuration},
			{Row: "K11,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:31:00Z,,NaN,,,answered,,,,", Err: row.ErrDuration},
			{Row: "K12,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,maybe,,,", Err: row.ErrBool},
			{Row: "K13,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,\"1,5\"", Err: row.ErrAmount},
			{Row: "K14,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,-2", Err: ErrAmount},
			{Row: "K15,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,60,,,busy,,,,", Err: ErrInconsistent},
			{Row: "K16,C1,billing,phone,inbound", Err: row.ErrFields},
		},
	})
}

// The report's documented contacts format: talk_s, hold_s and wrap_s
// seconds, extra columns ignored, "2006-01-02 15:04:05" times in UTC,
// decimals with a point or a comma.
func TestReaderReportFormat(t *testing.T) {
	file := "id,customer_id,reason,channel,direction,arrived,answered,ended,talk_s,hold_s,wrap_s,outcome,resolved,complaint,value_added,cost,notes\n" +
		"K1,C1,billing,phone,inbound,2025-03-14 09:30:00,2025-03-14 09:30:20,2025-03-14 09:35:00,240,10,30,answered,true,false,low,\"9,80\",called back\n" +
		"K2,C2,delivery,email,inbound,2025-03-14T10:00:00Z,2025-03-14T11:00:00Z,,300,0,60,answered,yes,no,high,4.10,\n"
	r := NewReader(strings.NewReader(file))
	r.Format.Decimal = ".,"
	cs, sum, err := r.ReadAll()
	require.NoError(t, err)
	require.Empty(t, sum.Errors)
	require.Len(t, cs, 2)
	c := cs[0]
	assert.Equal(t, "K1", c.ID)
	assert.Equal(t, time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC), c.Arrived)
	assert.Equal(t, 20*time.Second, c.Answered.Sub(c.Arrived))
	assert.Equal(t, 240*time.Second, c.Talk)
	assert.Equal(t, 10*time.Second, c.Hold)
	assert.Equal(t, 30*time.Second, c.Wrap)
	assert.True(t, c.Cost.Valid)
	assert.Equal(t, "9.8", c.Cost.Decimal.String())
	assert.True(t, c.Resolved)
	assert.Equal(t, LowValue, c.Value)
	assert.Equal(t, "4.1", cs[1].Cost.Decimal.String())
}

// The report's embedded contacts read through the reader.
func TestReaderReportData(t *testing.T) {
	f, err := os.Open("../examples/report/data/contacts.csv")
	require.NoError(t, err)
	defer f.Close()
	cs, sum, err := NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Empty(t, sum.Errors)
	assert.Equal(t, 10097, sum.Read)
	assert.Len(t, cs, sum.Accepted)
}

func TestReaderExports(t *testing.T) {
	for _, c := range []struct {
		name string
		r    func(io.Reader) *Reader
		file string
		want []string // channel/outcome/agent/queue of each contact
	}{
		{
			name: "aircall calls",
			r:    NewReader,
			file: "id,direction,status,missed_call_reason,started_at,answered_at,ended_at,user,teams\n" +
				"1,inbound,answered,,1741944600,1741944610,1741944700,Ana,Support\n" +
				"2,inbound,missed,abandoned_in_ivr,1741944620,,1741944630,,Support\n" +
				"3,inbound,missed,no_available_agent,1741944640,,1741944650,,Support\n" +
				"4,inbound,missed,out_of_opening_hours,1741944660,,,,Support\n" +
				"5,inbound,missed,agents_did_not_answer,1741944680,,1741944720,,Sales\n" +
				"6,inbound,missed,short_abandoned,1741944690,,1741944692,,Sales\n",
			want: []string{"phone answered Ana Support", "phone abandoned  Support", "phone busy  Support", "phone closed  Support", "phone unreached  Sales", "phone abandoned  Sales"},
		},
		{
			name: "zendesk tickets",
			r: func(f io.Reader) *Reader {
				r := NewReader(f)
				r.Columns = Columns{ID: "Ticket ID", Arrived: "Created at", Answered: "First reply at", Channel: "Via", CustomerID: "Requester ID", Agent: "Assignee", Queue: "Group", Outcome: "Status"}
				r.Outcomes = map[string]Outcome{"solved": Answered, "closed": Answered, "open": Unreached, "new": Unreached}
				return r
			},
			file: "Ticket ID,Subject,Created at,First reply at,Via,Requester ID,Assignee,Group,Status\n" +
				"101,Refund,2025-03-14 09:00:00,2025-03-14 10:00:00,email,R1,Ana,Billing,solved\n" +
				"102,Where is my order,2025-03-14 09:05:00,2025-03-14 09:06:00,web,R2,Bob,Orders,closed\n" +
				"103,Password,2025-03-14 09:10:00,,api,R3,,Orders,new\n" +
				"104,Hello,2025-03-14 09:20:00,2025-03-14 09:21:00,Chat,R3,Bob,Orders,Solved\n",
			want: []string{"email answered Ana Billing", "form answered Bob Orders", "form unreached  Orders", "chat answered Bob Orders"},
		},
		{
			name: "messaging names",
			r:    NewReader,
			file: "channel,outcome,arrived\nInstagram Direct,abandoned,2025-03-14\nFacebook Messenger,abandoned,2025-03-14\nMail,abandoned,2025-03-14\nvoice,abandoned,2025-03-14\n",
			want: []string{"messaging abandoned  ", "messaging abandoned  ", "email abandoned  ", "phone abandoned  "},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.r(strings.NewReader(c.file))
			if c.name == "aircall calls" {
				r.Format.Times = []string{row.UnixSeconds}
				r.Channel = Phone
			}
			cs, sum, err := r.ReadAll()
			require.NoError(t, err)
			require.Empty(t, sum.Errors)
			var got []string
			for _, c := range cs {
				got = append(got, fmt.Sprintf("%s %s %s %s", c.Channel, c.Outcome, c.Agent, c.Queue))
			}
			assert.Equal(t, c.want, got)
		})
	}
}

// The caller's names win over the library's.
func TestReaderCallerNames(t *testing.T) {
	r := NewReader(strings.NewReader("channel,outcome,arrived\nweb,busy,2025-03-14\n"))
	r.Channels = map[string]Channel{"Web": Chat}
	c, err := r.Read()
	require.NoError(t, err)
	assert.Equal(t, Chat, c.Channel)
}

func FuzzReader(f *testing.F) {
	f.Add("id,channel,outcome,arrived,answered,talk,cost\nK1,phone,answered,2025-03-14T09:00:00Z,2025-03-14T09:00:10Z,60,1.5\nK2,fax,busy,x,,,\n")
	f.Add("channel,outcome,arrived,talk_s\nphone,answered,2025-03-14 09:00:00,1e400\n")
	f.Fuzz(func(t *testing.T, file string) {
		r := NewReader(strings.NewReader(file))
		var u Tally
		for range 10_000 {
			c, err := r.Read()
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
			require.NoError(t, c.Validate(), "Read returned an invalid contact")
			require.NoError(t, u.Add(c))
		}
		_, sum, err := NewReader(strings.NewReader(file)).ReadAll()
		if err == nil {
			require.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
		}
	})
}

func BenchmarkReadAll(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,customer_id,reason,channel,direction,arrived,answered,ended,talk,hold,wrap,outcome,resolved,complaint,value_added,cost\n")
	for i := range 50_000 {
		fmt.Fprintf(&sb, "K%07d,C%06d,billing,phone,inbound,2025-03-14T09:%02d:00Z,2025-03-14T09:%02d:20Z,2025-03-14T09:%02d:50Z,240,10,30,answered,true,false,low,4.10\n", i, i%9973, i%60, i%60, i%60)
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := NewReader(strings.NewReader(data)).ReadAll(); err != nil {
			b.Fatal(err)
		}
	}
}
