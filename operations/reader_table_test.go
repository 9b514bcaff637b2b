package operations

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/row"
)

// checkReadTable compares ReadTable with ReadAll on a file: ReadAll's
// contacts appended to a Table (Append rejecting those a Table cannot
// hold) give ReadTable's table, row for row, and the same tallies;
// the same rows read and accepted; the same row errors when Append
// rejected none.
func checkReadTable(t testing.TB, file string, configure func(*Reader)) {
	t.Helper()
	ra, rt := NewReader(strings.NewReader(file)), NewReader(strings.NewReader(file))
	if configure != nil {
		configure(ra)
		configure(rt)
	}
	cs, wantSum, wantErr := ra.ReadAll()
	tb, sum, err := rt.ReadTable()
	if fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("ReadTable error %v, ReadAll %v", err, wantErr)
	}
	var want Table
	dropped := 0
	for _, c := range cs {
		if err := want.Append(c); err != nil {
			if !errors.Is(err, ErrTime) && !errors.Is(err, ErrAmount) {
				t.Fatalf("Append of a contact ReadAll accepted: %v", err)
			}
			dropped++
		}
	}
	if sum.Read != wantSum.Read || sum.Accepted != wantSum.Accepted-dropped || sum.Rejected != wantSum.Rejected+dropped {
		t.Fatalf("ReadTable %+v, ReadAll %+v less %d", sum, wantSum, dropped)
	}
	if dropped == 0 {
		if len(sum.Errors) != len(wantSum.Errors) {
			t.Fatalf("%d errors, ReadAll %d", len(sum.Errors), len(wantSum.Errors))
		}
		for i, e := range sum.Errors {
			if e.Error() != wantSum.Errors[i].Error() {
				t.Fatalf("error %d: %q, ReadAll %q", i, e, wantSum.Errors[i])
			}
		}
	}
	if err := tb.Validate(); err != nil {
		t.Fatalf("ReadTable's table: %v", err)
	}
	if tb.Len() != want.Len() || tb.CostExp != want.CostExp {
		t.Fatalf("%d rows at 10^%d, want %d at 10^%d", tb.Len(), tb.CostExp, want.Len(), want.CostExp)
	}
	for i := range tb.Len() {
		if got, w := tb.Contact(i), want.Contact(i); !contactsEqual(got, w) {
			t.Fatalf("row %d: %+v, want %+v", i, got, w)
		}
	}
	for _, d := range [][]string{tb.Customers, tb.Reasons, tb.Agents, tb.Queues} {
		seen := map[string]bool{}
		for _, s := range d {
			if seen[s] {
				t.Fatalf("%q twice in a dictionary", s)
			}
			seen[s] = true
		}
		if len(d) == 0 || d[0] != "" {
			t.Fatalf("dictionary %q", d)
		}
	}
	if got, w := tallyEncoding(TallyTable(tb)), tallyEncoding(TallyOf(want.All())); got != w {
		t.Fatalf("TallyTable %q, of ReadAll %q", got, w)
	}
}

// readerFiles are the files of the reader's tests.
func readerFiles() []string {
	good := []string{
		"K1,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:30:20Z,2025-03-14T09:35:00Z,240,10,30,answered,true,false,low,4.10",
		"K2,C2,delivery,email,inbound,2025-03-14T09:31:00Z,2025-03-14T12:00:00Z,,00:05:00,,1:00,answered,oui,non,high,",
		"K3,,,chat,in,2025-03-14 09:32:00,,2025-03-14 09:33:00,,,,abandoned,,,,0.40",
		"K17,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:31:00Z,,,,,answered,true,,,1e3",
		"K18,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,0.00001",
		"K19,C3,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,123456789012345678901234",
	}
	bad := []string{
		"K4,C1,billing,pigeon,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,",
		"K5,C1,billing,phone,sideways,2025-03-14T09:30:00Z,,,,,,busy,,,,",
		"K7,C1,billing,phone,inbound,,,,,,,busy,,,,",
		"K9,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:00:00Z,,10,,,answered,,,,",
		"K10,C1,billing,phone,inbound,2025-03-14T09:30:00Z,2025-03-14T09:31:00Z,,-10,,,answered,,,,",
		"K13,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,\"1,5\"",
		"K14,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,-2",
		"K14b,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,-1",
		"K14c,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,,,,busy,,,,-0.01",
		"K15,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,,60,,,busy,,,,",
		"K16,C1,billing,phone,inbound",
		"K20,C1,billing,phone,inbound,2025-03-14T09:30:00Z,,2025-03-14T09:00:00Z,,,,abandoned,true,,,",
		"K21,C1,billing,faq,outbound,2025-03-14T09:30:00Z,,,,,,deflected,,,,",
	}
	header := "id,customer_id,reason,channel,direction,arrived,answered,ended,talk,hold,wrap,outcome,resolved,complaint,value_added,cost\n"
	var b strings.Builder
	b.WriteString(header)
	for i := range 3000 {
		if i%3 == 0 {
			b.WriteString(bad[i%len(bad)])
		} else {
			b.WriteString(good[i%len(good)])
		}
		b.WriteByte('\n')
	}
	return []string{header + strings.Join(good, "\n") + "\n", header + strings.Join(bad, "\n") + "\n", b.String(), header}
}

func TestReadTableLikeReadAll(t *testing.T) {
	for _, procs := range []int{1, 2} {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		for i, file := range readerFiles() {
			t.Run(fmt.Sprint(procs, i), func(t *testing.T) { checkReadTable(t, file, nil) })
		}
		data, err := os.ReadFile("../examples/report/data/contacts.csv")
		if err != nil {
			t.Fatal(err)
		}
		checkReadTable(t, string(data), nil)
		checkReadTable(t, "id,direction,status,missed_call_reason,started_at,answered_at,ended_at,user,teams\n"+
			"1,inbound,answered,,1741944600,1741944610,1741944700,Ana,Support\n"+
			"2,inbound,missed,abandoned_in_ivr,1741944620,,1741944630,,Support\n"+
			"3,inbound,missed,no_available_agent,1741944640,,1741944650,,Support\n", func(r *Reader) {
			r.Format.Times = []string{row.UnixSeconds}
			r.Channel = Phone
		})
	}
}

func TestReadTableLimits(t *testing.T) {
	header := "id,channel,outcome,arrived,cost\n"
	for _, tc := range []struct {
		rows string
		want error
	}{
		{"K1,phone,busy,1600-01-01T00:00:00Z,\n", ErrTime},
		{"K1,phone,busy,2300-01-01T00:00:00Z,\n", ErrTime},
		{"K1,phone,busy,2025-01-01T00:00:00Z,92233720368547758.07\nK2,phone,busy,2025-01-01T00:00:00Z,0.001\n", ErrAmount},
	} {
		r := NewReader(strings.NewReader(header + tc.rows))
		wide(r)
		tb, sum, err := r.ReadTable()
		if err != nil || sum.Rejected != 1 || !errors.Is(sum.Errors[0], tc.want) {
			t.Errorf("%q: %+v %v %v", tc.rows, sum, sum.Errors, err)
		}
		if tb.Len() != sum.Accepted {
			t.Errorf("%d rows, %d accepted", tb.Len(), sum.Accepted)
		}
		checkReadTable(t, header+tc.rows, wide)
	}
	r := NewReader(strings.NewReader(header))
	if _, err := r.Read(); err == nil {
		t.Fatal("Read of a header")
	}
	if _, _, err := r.ReadTable(); !errors.Is(err, ErrCSV) {
		t.Errorf("ReadTable after Read: %v", err)
	}
}

// wide opens a reader's plausible window to the years 1–9999.
func wide(r *Reader) {
	r.Format.Earliest = time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC)
	r.Format.Latest = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
}

func FuzzReadTable(f *testing.F) {
	for _, file := range readerFiles()[:2] {
		f.Add(file)
	}
	f.Add("id,channel,outcome,arrived,answered,talk,cost\nK1,phone,answered,2025-03-14T09:00:00Z,2025-03-14T09:00:10Z,60,1.5\nK2,fax,busy,x,,,\n")
	f.Add("channel,outcome,arrived,talk_s,cost\nphone,answered,2025-03-14 09:00:00,1e400,9e18\nphone,busy,2025-03-14,,0.1\n")
	f.Fuzz(func(t *testing.T, file string) {
		checkReadTable(t, file, nil)
		checkReadTable(t, file, wide)
	})
}

// contactsFile is n rows of contacts in the bench's format.
func contactsFile(n int) string {
	var sb strings.Builder
	sb.WriteString("id,customer_id,reason,channel,direction,agent,arrived,answered,ended,talk_s,hold_s,wrap_s,outcome,resolved,complaint,value_added,cost\n")
	for i := range n {
		fmt.Fprintf(&sb, "K%07d,C%06d,billing,phone,inbound,A%03d,2025-03-14T09:%02d:00Z,2025-03-14T09:%02d:20Z,2025-03-14T09:%02d:50Z,240,10,30,answered,true,false,low,4.%02d\n", i, i*7919%99991, i%500, i%60, i%60, i%60, i%100)
	}
	return sb.String()
}

func BenchmarkReadTable(b *testing.B) {
	data := contactsFile(50_000)
	b.Run("ReadAll", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, _, err := NewReader(strings.NewReader(data)).ReadAll(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ReadTable", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, _, err := NewReader(strings.NewReader(data)).ReadTable(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkTallyTable(b *testing.B) {
	tb, _, err := NewReader(strings.NewReader(contactsFile(200_000))).ReadTable()
	if err != nil {
		b.Fatal(err)
	}
	cs := slices.Collect(tb.All())
	b.Run("TallyBy", func(b *testing.B) {
		for b.Loop() {
			if _, err := TallyBy(slices.Values(cs), func(c Contact) string { return c.Agent }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("TallyTableBy", func(b *testing.B) {
		for b.Loop() {
			if _, err := TallyTableBy(tb, tb.Agent, len(tb.Agents)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("TallyTable", func(b *testing.B) {
		for b.Loop() {
			if _, err := TallyTable(tb); err != nil {
				b.Fatal(err)
			}
		}
	})
}
