package operations

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

const goodCSV = `ID,Customer,Reason,Channel,Direction,Outcome,Arrived,Answered,Ended,Talk,Hold,ACW,Resolved,Complaint,Value,Cost,Notes
c1,A,billing,téléphone,entrant,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:15Z,2026-03-02T09:05:15Z,240,30,30s,oui,non,low,6.50,first
c2,B,move,phone,in,handled,2026-03-02T09:01:00+01:00,2026-03-02T09:01:40+01:00,,3m,,1m,,,high,7.25,
c3,,,WhatsApp,inbound,abandoned,2026-03-02T09:02:00Z,,2026-03-02T09:02:10Z,,,,,,,0.40,
`

func TestReadCSV(t *testing.T) {
	cs, err := ReadCSV(strings.NewReader(goodCSV), "notes")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("%d contacts", len(cs))
	}
	c := cs[0]
	if c.ID != "c1" || c.Channel != Phone || c.Direction != Inbound || c.Talk != 4*time.Minute || c.Hold != 30*time.Second ||
		c.Wrap != 30*time.Second || !c.Resolved || c.Complaint || c.Value != LowValue || !c.Cost.Decimal.Equal(dec("6.5")) {
		t.Errorf("c1 = %+v", c)
	}
	if w, _ := cs[1].Wait(); w != 40*time.Second || cs[1].Talk != 3*time.Minute || cs[1].Value != HighValue {
		t.Errorf("c2 = %+v", cs[1])
	}
	if cs[2].Channel != Messaging || cs[2].Outcome != Abandoned || cs[2].Ended.Sub(cs[2].Arrived) != 10*time.Second {
		t.Errorf("c3 = %+v", cs[2])
	}
	// Without a direction column, contacts are inbound.
	cs, err = ReadCSV(strings.NewReader("channel,outcome,arrived\nemail,closed,2026-03-02T09:00:00Z\n"))
	if err != nil || cs[0].Direction != Inbound {
		t.Errorf("no direction: %v %v", cs, err)
	}
}

func TestReadCSVErrors(t *testing.T) {
	header := "id,channel,direction,outcome,arrived,answered,talk,cost\n"
	for name, c := range map[string]struct {
		input string
		want  error
		text  string
	}{
		"no header":      {"", ErrCSV, "no header"},
		"unknown column": {"id,channel,outcome,arrived,resovled\n", ErrCSV, `unknown column "resovled"`},
		"twice":          {"id,channel,canal,outcome,arrived\n", ErrCSV, `column "channel" given twice`},
		"missing":        {"id,channel,arrived\n", ErrCSV, `missing column "outcome"`},
		"channel":        {header + "c9,fax,in,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:05Z,,\n", ErrChannel, `line 2: contact "c9": channel "fax": operations: unknown channel "fax"`},
		"empty dir":      {header + "c9,phone,,busy,2026-03-02T09:00:00Z,,,\n", ErrDirection, `line 2: contact "c9": direction ""`},
		"time":           {header + "c9,phone,in,busy,02/03/2026 09:00,,,\n", ErrCSV, `line 2: contact "c9": arrived "02/03/2026 09:00"`},
		"negative":       {header + "c9,phone,in,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:05Z,-5,\n", ErrDuration, `line 2: operations: invalid duration: contact "c9": talk -5s`},
		"nan":            {header + "c9,phone,in,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:05Z,NaN,\n", ErrCSV, `talk "NaN"`},
		"inf":            {header + "c9,phone,in,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:05Z,+Inf,\n", ErrCSV, `talk "+Inf"`},
		"duration":       {header + "c9,phone,in,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:05Z,5 minutes,\n", ErrCSV, `talk "5 minutes"`},
		"early answer":   {header + "c9,phone,in,answered,2026-03-02T09:00:00Z,2026-03-02T08:00:05Z,5,\n", ErrTime, `line 2: operations: invalid time: contact "c9": answered`},
		"cost":           {header + "c9,phone,in,busy,2026-03-02T09:00:00Z,,,NaN\n", ErrCSV, `cost "NaN"`},
		"negative cost":  {header + "c9,phone,in,busy,2026-03-02T09:00:00Z,,,-2\n", ErrAmount, `cost -2`},
		"fields":         {header + "c9,phone,in\n", ErrCSV, "line 2"},
		"bool":           {"id,channel,outcome,arrived,resolved\nc9,phone,busy,2026-03-02T09:00:00Z,maybe\n", ErrCSV, `resolved "maybe"`},
	} {
		_, err := ReadCSV(strings.NewReader(c.input))
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// A bad row is reported and the reader goes on: no row is dropped silently.
func TestReaderContinues(t *testing.T) {
	r, err := NewReader(strings.NewReader("id,channel,outcome,arrived\na,phone,busy,2026-03-02T09:00:00Z\nb,fax,busy,2026-03-02T09:00:00Z\nc,sms,unreached,2026-03-02T09:00:00Z\n"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var errs int
	for {
		c, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs++
			continue
		}
		ids = append(ids, c.ID)
	}
	if strings.Join(ids, ",") != "a,c" || errs != 1 {
		t.Errorf("read %v with %d errors", ids, errs)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(goodCSV)
	f.Add("channel,outcome,arrived,talk\nphone,answered,2026-03-02T09:00:00Z,1e400\n")
	f.Fuzz(func(t *testing.T, input string) {
		r, err := NewReader(strings.NewReader(input), "notes")
		if err != nil {
			return
		}
		var u Tally
		for range 1000 {
			c, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			if err := c.Validate(); err != nil {
				t.Fatalf("Read returned an invalid contact: %v", err)
			}
			if err := u.Add(c); err != nil {
				t.Fatalf("Add: %v", err)
			}
		}
		checkReadOuts(t, &u)
	})
}

func BenchmarkReadCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,customer,channel,direction,outcome,arrived,answered,talk,hold,wrap,resolved,cost\n")
	for range 1000 {
		sb.WriteString("c1,A,phone,inbound,answered,2026-03-02T09:00:00Z,2026-03-02T09:00:15Z,240,10,30,true,6.50\n")
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadCSV(strings.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
