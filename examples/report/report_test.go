package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The main job runs on the embedded sample, is deterministic, accounts for
// every row and writes a dashboard.
func TestSampleReport(t *testing.T) {
	html := filepath.Join(t.TempDir(), "d.html")
	var out, errs bytes.Buffer
	if err := run(options{months: 12, csatScale: "5", cesScale: "ease7", html: html}, &out, &errs); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"as of 2026-01-01, 12 months 2025-01 … 2025-12",
		"Net Promoter Score", "Customer satisfaction", "Customer effort", "Contact centre",
		"Staffing advice", "churn and retention", "RFM segment", "hole in the rocket",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "NaN") || strings.Contains(text, "%!") {
		t.Errorf("report has NaN or a formatting error:\n%s", text)
	}
	checkAccounting(t, text)
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), "<svg"); n < 6 || bytes.Contains(page, []byte("NaN")) || bytes.Contains(page, []byte("http://www.w3.org/2000/svg\" src")) {
		t.Errorf("dashboard has %d charts (or a NaN)", n)
	}
	var again bytes.Buffer
	if err := run(options{months: 12, csatScale: "5", cesScale: "ease7"}, &again, &bytes.Buffer{}); err != nil || again.String() != text {
		t.Error("a second run printed another report")
	}
}

// checkAccounting checks read = accepted + rejected on every file line of
// the data section.
func checkAccounting(t *testing.T, text string) {
	t.Helper()
	rows := regexp.MustCompile(`(?m)^\s*(.+\.csv)\s+(\d+)\s+(\d+)\s+(\d+)$`).FindAllStringSubmatch(text, -1)
	if len(rows) == 0 {
		t.Fatal("no file lines in the data section")
	}
	for _, r := range rows {
		read, _ := strconv.Atoi(r[2])
		accepted, _ := strconv.Atoi(r[3])
		rejected, _ := strconv.Atoi(r[4])
		if read != accepted+rejected {
			t.Errorf("%s: read %d ≠ accepted %d + rejected %d", r[1], read, accepted, rejected)
		}
	}
}

// On the user's files, every bad row is rejected with its line and reason,
// and the counts add up.
func TestUserFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("surveys.csv", "\uFEFFid,customer_id,at,channel,contact_id,nps,csat,ces\n"+
		"S1,C1,2025-03-01T10:00:00Z,phone,,9,5,6\n"+
		"S2,C2,2025-03-02T10:00:00Z,chat,,11,4,6\n"+ // NPS off the scale
		"S3,C1,2025-03-03,email,,,,\n"+ // no score
		"S4,C2,yesterday,chat,,7,,\n"+ // bad time
		"S5,C2,2025-03-04T10:00:00Z,chat,,3,2,2\n")
	write("customers.csv", "id,start,end,contract_end,segment\n"+
		"C1,2024-01-10,,2026-01-10,consumer\n"+
		"C2,2024-02-10,2025-03-20,,consumer\n"+
		"C1,2024-05-01,,,business\n"+ // duplicate id
		"C3,2025-02-01,2025-01-01,,consumer\n") // end before start
	write("contacts.csv", "id,customer_id,reason,channel,direction,arrived,answered,ended,talk,hold,wrap,outcome,resolved,complaint,value_added,cost\n"+
		"K1,C1,billing,phone,inbound,2025-03-01T09:00:00Z,2025-03-01T09:00:20Z,2025-03-01T09:05:00Z,280,0,30,answered,true,false,low,7.50\n"+
		"K2,C2,billing,pigeon,inbound,2025-03-01T09:00:00Z,,,0,0,0,abandoned,false,false,low,0\n"+ // unknown channel
		"K3,C2,billing,phone,inbound,2025-03-01T09:10:00Z,2025-03-01T09:00:00Z,2025-03-01T09:15:00Z,100,0,0,answered,true,true,low,7.50\n") // answered before arrival
	write("transactions.csv", "customer_id,at,amount\nC1,2025-03-01T12:00:00Z,10.50\nC2,2025-03-02T12:00:00Z,ten\nC2,2025-03-03T12:00:00Z,\"4,20\"\n")
	var out, errs bytes.Buffer
	if err := run(options{dir: dir, months: 3, csatScale: "5", cesScale: "ease7", asOf: "2025-04-01"}, &out, &errs); err != nil {
		t.Fatal(err)
	}
	checkAccounting(t, out.String())
	for _, want := range []string{
		"surveys.csv:3: nps: nps: score out of range: 11 not in 0..10",
		"surveys.csv:4: no score",
		"surveys.csv:5: at: \"yesterday\"",
		"customers.csv:4: duplicate customer id \"C1\"",
		"customers.csv:5:",
		"contacts.csv:3: contact \"K2\": channel: operations: unknown channel \"pigeon\"",
		"contacts.csv:4: operations: invalid time: contact \"K3\"",
		"transactions.csv:3: amount: \"ten\"",
	} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs.String())
		}
	}
	if n := strings.Count(errs.String(), "rejected "); n != 8 {
		t.Errorf("%d rejections, want 8:\n%s", n, errs.String())
	}
}

func TestBadFlags(t *testing.T) {
	for _, o := range []options{
		{months: 12, csatScale: "4", cesScale: "ease7"},
		{months: 12, csatScale: "5", cesScale: "ease9"},
		{months: 0, csatScale: "5", cesScale: "ease7"},
		{months: 12, csatScale: "5", cesScale: "ease7", asOf: "01/02/2025"},
		{months: 12, csatScale: "5", cesScale: "ease7", surveys: "/no/such/file.csv"},
	} {
		if err := run(o, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
