package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// defaults are the flags' defaults.
func defaults() options {
	return options{months: 12, csatScale: "5", cesScale: "ease7", hourly: "30", perContact: "0"}
}

// runReport runs the report and returns its standard output and error.
func runReport(t *testing.T, o options) (string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	require.NoError(t, run(o, &out, &errs), "stderr:\n%s", errs.String())
	return out.String(), errs.String()
}

// writeFiles writes files into a new directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	return dir
}

// The main job runs on the embedded sample, is deterministic, accounts for
// every row and writes a dashboard.
func TestSampleReport(t *testing.T) {
	html := filepath.Join(t.TempDir(), "d.html")
	o := defaults()
	o.html = html
	text, _ := runReport(t, o)
	for _, want := range []string{
		"as of 2026-01-01, 12 months 2025-01 … 2025-12",
		"Net Promoter Score", "Customer satisfaction", "Customer effort", "Contact centre",
		"Staffing plan", "churn and retention", "RFM segment", "no hole in the rocket",
	} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "NaN")
	assert.NotContains(t, text, "%!")
	checkAccounting(t, text)
	page, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, strings.Count(string(page), "<svg"), 6, "dashboard charts")
	assert.NotContains(t, string(page), "NaN")
	again, _ := runReport(t, defaults())
	assert.Equal(t, text, again, "a second run printed another report")
}

// checkAccounting checks read = accepted + rejected on every file line of
// the data section.
func checkAccounting(t *testing.T, text string) {
	t.Helper()
	rows := regexp.MustCompile(`(?m)^\s*(.+\.csv)\s+(\d+)\s+(\d+)\s+(\d+)$`).FindAllStringSubmatch(text, -1)
	require.NotEmpty(t, rows, "no file lines in the data section")
	for _, r := range rows {
		read, _ := strconv.Atoi(r[2])
		accepted, _ := strconv.Atoi(r[3])
		rejected, _ := strconv.Atoi(r[4])
		assert.Equal(t, read, accepted+rejected, "%s: read ≠ accepted + rejected", r[1])
	}
}

// fileLine returns the read, accepted and rejected counts the data section
// gives a file.
func fileLine(t *testing.T, text, name string) (read, accepted, rejected int) {
	t.Helper()
	m := regexp.MustCompile(`(?m)` + regexp.QuoteMeta(name) + `\s+(\d+)\s+(\d+)\s+(\d+)$`).FindStringSubmatch(text)
	require.NotNil(t, m, "no data line for %s", name)
	read, _ = strconv.Atoi(m[1])
	accepted, _ = strconv.Atoi(m[2])
	rejected, _ = strconv.Atoi(m[3])
	return read, accepted, rejected
}

// On the user's files, every bad row is rejected by the library's readers
// with its file, line, column and reason, and the counts add up per file.
func TestUserFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"surveys.csv": "\uFEFFid,customer_id,at,channel,contact_id,nps,csat,ces\n" +
			"S1,C1,2025-03-01T10:00:00Z,phone,,9,5,6\n" +
			"S2,C2,2025-03-02T10:00:00Z,chat,,11,4,6\n" + // NPS off the scale
			"S3,C1,2025-03-03,email,,,,\n" + // no score
			"S4,C2,yesterday,chat,,7,,\n" + // bad time
			"S5,C2,2025-03-04 10:00:00,chat,,3,2,2\n",
		"customers.csv": "id,start,end,contract_end,segment\n" +
			"C1,2024-01-10,,2026-01-10,consumer\n" +
			"C2,2024-02-10,2025-03-20,,consumer\n" +
			"C1,2024-05-01,,,business\n" + // duplicate id
			"C3,2025-02-01,2025-01-01,,consumer\n", // end before start
		"contacts.csv": "id,customer_id,reason,channel,direction,arrived,answered,ended,talk_s,hold_s,wrap_s,outcome,resolved,complaint,value_added,cost\n" +
			"K1,C1,billing,phone,inbound,2025-03-01T09:00:00Z,2025-03-01T09:00:20Z,2025-03-01T09:05:00Z,280,0,30,answered,true,false,low,\"7,50\"\n" +
			"K2,C2,billing,pigeon,inbound,2025-03-01T09:00:00Z,,,0,0,0,abandoned,false,false,low,0\n" + // unknown channel
			"K3,C2,billing,phone,inbound,2025-03-01T09:10:00Z,2025-03-01T09:00:00Z,2025-03-01T09:15:00Z,100,0,0,answered,true,true,low,7.50\n", // answered before arrival
		"transactions.csv": "customer_id,at,amount\nC1,2025-03-01T12:00:00Z,10.50\nC2,2025-03-02T12:00:00Z,ten\nC2,2025-03-03T12:00:00Z,\"4,20\"\n",
	})
	o := defaults()
	o.dir, o.months, o.asOf = dir, 3, "2025-04-01"
	out, errs := runReport(t, o)
	checkAccounting(t, out)
	for _, c := range []struct{ file, want string }{
		{"surveys.csv", `surveys.csv:3: id "S2", column "nps": survey: bad score: NPS "11"`},
		{"surveys.csv", `surveys.csv:4: id "S3": survey: no answer`},
		{"surveys.csv", `surveys.csv:5: id "S4", column "at": row: bad time: "yesterday"`},
		{"customers.csv", `customers.csv:4: id "C1", column "id": customer "C1": churn: duplicate customer id (first on line 2)`},
		{"customers.csv", `customers.csv:5: id "C3": churn: invalid time: customer "C3": end 2025-01-01`},
		{"contacts.csv", `contacts.csv:3: id "K2", column "channel": operations: unknown channel "pigeon"`},
		{"contacts.csv", `contacts.csv:4: id "K3": operations: invalid time: contact "K3": answered`},
		{"transactions.csv", `transactions.csv:3: id "C2", column "amount": row: bad amount: "ten"`},
	} {
		assert.Contains(t, errs, filepath.Join(dir, c.want), "%s", c.file)
	}
	assert.Equal(t, 8, strings.Count(errs, "rejected "), errs)
	for _, c := range []struct {
		file                     string
		read, accepted, rejected int
	}{{"surveys.csv", 5, 2, 3}, {"customers.csv", 4, 2, 2}, {"contacts.csv", 3, 1, 2}, {"transactions.csv", 3, 2, 1}} {
		read, accepted, rejected := fileLine(t, out, filepath.Join(dir, c.file))
		assert.Equal(t, []int{c.read, c.accepted, c.rejected}, []int{read, accepted, rejected}, c.file)
	}
	assert.Contains(t, out, "8 rejected rows are listed on standard error with their file, line, column and reason.")
	assert.Contains(t, out, "cost 7.50 €", "the cost 7,50 reads with a decimal comma")
}

func TestBadFlags(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(*options)
		want string
	}{
		{"csat scale", func(o *options) { o.csatScale = "4" }, "-csat-scale"},
		{"ces scale", func(o *options) { o.cesScale = "ease9" }, "-ces-scale"},
		{"months", func(o *options) { o.months = 0 }, "-months 0"},
		{"as-of layout", func(o *options) { o.asOf = "01/02/2025" }, "want a date"},
		{"as-of far", func(o *options) { o.asOf = "2205-01-01" }, "outside the plausible window"},
		{"hourly", func(o *options) { o.hourly = "-3" }, "-hourly -3: a cost is not negative"},
		{"per contact", func(o *options) { o.perContact = "cheap" }, "-per-contact cheap"},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := defaults()
			c.set(&o)
			err := run(o, &bytes.Buffer{}, &bytes.Buffer{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// A directory or a file given that does not exist says so: it used to say
// "no records: nothing to report".
func TestMissingInputs(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	for _, c := range []struct {
		name string
		set  func(*options)
		want string
	}{
		{"directory", func(o *options) { o.dir = missing }, "-data " + missing + ": directory does not exist"},
		{"file", func(o *options) { o.surveys = filepath.Join(missing, "surveys.csv") }, "-surveys " + filepath.Join(missing, "surveys.csv") + ": file does not exist"},
		{"empty directory", func(o *options) { o.dir = t.TempDir() }, "holds none of surveys.csv"},
		{"a file for a directory", func(o *options) { o.dir = writeFiles(t, map[string]string{"x": ""}) + "/x" }, "not a directory"},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := defaults()
			c.set(&o)
			err := run(o, &bytes.Buffer{}, &bytes.Buffer{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	// A directory that lacks some files names them.
	dir := writeFiles(t, map[string]string{"transactions.csv": "customer_id,at,amount\nC1,2025-03-01T12:00:00Z,10.50\n"})
	o := defaults()
	o.dir = dir
	out, _ := runReport(t, o)
	assert.Contains(t, out, "surveys.csv is not in the directory: the sections that need it are left out.")
	assert.Contains(t, out, "contacts.csv is not in the directory")
}

// sampleSurveys are the surveys of a small user file: enough answers in
// March 2025 for every section.
const sampleSurveys = "id,customer_id,at,channel,nps,csat,ces\n" +
	"S1,C1,2025-03-01T10:00:00Z,phone,9,5,6\n" +
	"S2,C2,2025-03-02T10:00:00Z,chat,3,2,3\n" +
	"S3,C3,2025-03-03T10:00:00Z,email,10,4,7\n"

// One row dated in 2205 used to re-date the whole report: the as-of date
// came from the latest record, and every figure of 2025 fell outside the
// window (all zeros, exit 0). The readers' plausible window rejects the
// row, with its line, and the as-of date comes from the records accepted.
func TestFarFutureRow(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"surveys.csv": sampleSurveys + "S4,C1,2205-03-04T10:00:00Z,phone,0,1,1\n",
		"transactions.csv": "customer_id,at,amount\n" +
			"C1,2025-03-01T12:00:00Z,10.50\n" +
			"C2,2205-03-02T12:00:00Z,99\n" +
			"C3,2025-03-02T12:00:00Z,12\n",
	})
	o := defaults()
	o.dir, o.months = dir, 3
	out, errs := runReport(t, o)
	assert.Contains(t, out, "as of 2025-04-01, 3 months 2025-01 … 2025-03")
	assert.Contains(t, out, "the first day of the month after the latest record accepted, 2025-03-03 10:00:00 in "+filepath.Join(dir, "surveys.csv"))
	assert.Contains(t, out, "from 3 answers", "the 2025 answers are reported")
	assert.Contains(t, out, "2 customers bought in the window, 22.50 in all")
	assert.Contains(t, errs, `surveys.csv:5: id "S4", column "at": row: bad time: "2205-03-04T10:00:00Z"`)
	assert.Contains(t, errs, `transactions.csv:3: id "C2", column "at": row: bad time: "2205-03-02T12:00:00Z"`)
}

// A date after 2262 (past time.Time's nanoseconds) used to abort the
// report with an error naming neither the file nor the line: it is a
// rejected row like any other.
func TestDateAfter2262(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"transactions.csv": "customer_id,at,amount\nC1,2025-03-01T12:00:00Z,10.50\nC2,2263-01-01T00:00:00Z,5\n",
		"customers.csv":    "id,start,end,contract_end,segment\nC1,2024-01-10,,,consumer\nC2,2024-01-10,9999-12-31,,consumer\n",
	})
	o := defaults()
	o.dir = dir
	out, errs := runReport(t, o)
	checkAccounting(t, out)
	assert.Contains(t, errs, `transactions.csv:3: id "C2", column "at": row: bad time`)
	assert.Contains(t, errs, `customers.csv:3: id "C2", column "end": row: bad time`)
	assert.Contains(t, out, "1 customer bought in the window")
}

// A mid-month as-of date used to abort the report ("last purchase after
// the as-of date"). The window now ends at the as-of date: the last month
// is partial, starred, and counts only what happened before the as-of
// date.
func TestMidMonthAsOf(t *testing.T) {
	o := defaults()
	o.asOf = "2025-12-15"
	out, _ := runReport(t, o)
	assert.Contains(t, out, "as of 2025-12-15, 12 months 2025-01 … 2025-12*")
	assert.Contains(t, out, "* 2025-12 is partial: it runs from 2025-12-01 to 2025-12-14, the day before the as-of date")
	assert.Contains(t, out, "Staffing plan for the 7 days from 2025-12-15")
	// The contacts of the partial month are those before the as-of date,
	// counted here from the sample file itself.
	want := 0
	for _, rec := range sampleRows(t, "contacts.csv") {
		at, err := time.Parse(time.RFC3339, rec["arrived"])
		require.NoError(t, err)
		if !at.Before(time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)) && at.Before(time.Date(2025, 12, 15, 0, 0, 0, 0, time.UTC)) {
			want++
		}
	}
	m := regexp.MustCompile(`(?m)^\s*2025-12\*\s+(\d+)\s+\d+`).FindAllStringSubmatch(out, -1)
	require.NotEmpty(t, m)
	counts := make([]string, len(m))
	for i, x := range m {
		counts[i] = x[1]
	}
	assert.Contains(t, counts, strconv.Itoa(want), "the partial month's contacts")
	// The same date as a month start gives whole months.
	o.asOf = "2025-12-01"
	out, _ = runReport(t, o)
	assert.Contains(t, out, "as of 2025-12-01, 12 months 2024-12 … 2025-11\n")
	assert.NotContains(t, out, "is partial")
}

// sampleRows reads one of the embedded sample files with encoding/csv, as
// an independent count.
func sampleRows(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := sample.Open("data/" + name)
	require.NoError(t, err)
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, r := range records[1:] {
		m := map[string]string{}
		for i, h := range records[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// Ids and channels holding terminal escapes, carriage returns or bidi
// overrides reached the terminal raw; every data string the text report
// prints is now quoted with its control characters escaped.
func TestHostileStrings(t *testing.T) {
	esc, cr, bidi := "\x1b[31m", "C2\rC9", "C3\u202eevil"
	dir := writeFiles(t, map[string]string{
		"surveys.csv": "id,customer_id,at,channel,nps,csat,ces\n" +
			"S1," + esc + ",2025-03-01T10:00:00Z,\x1b[2Jstore,9,5,6\n" +
			"\u202eS2," + esc + ",2025-03-02T10:00:00Z,phone,11,5,6\n", // rejected: its id goes to stderr
		"customers.csv": "id,start,end,contract_end,segment\n" +
			"\"" + esc + "\",2024-01-10,,2026-01-10,consumer\n" +
			"\"" + cr + "\",2024-01-10,,,consumer\n" +
			"\"" + bidi + "\",2024-01-10,,,consumer\n",
		"transactions.csv": "customer_id,at,amount\n" +
			"\"" + cr + "\",2025-03-01T12:00:00Z,10.50\n" +
			"\"" + bidi + "\",2025-03-02T12:00:00Z,12\n",
	})
	o := defaults()
	o.dir, o.months = dir, 3
	out, errs := runReport(t, o)
	for _, s := range []string{out, errs} {
		assert.NotContains(t, s, "\x1b")
		assert.NotContains(t, s, "\r")
		assert.NotContains(t, s, "\u202e")
	}
	assert.Contains(t, out, `"\x1b[31m"`, "the risk list names the customer, escaped")
	assert.Contains(t, out, `"C2\rC9"`)
	assert.Contains(t, out, `"C3\u202eevil"`)
	assert.Contains(t, out, `"\x1b[2Jstore"`, "the survey channel, escaped")
	assert.Contains(t, errs, `id "\u202eS2"`)
}

// A contact whose cost is unknown makes its channel's costs unknown, and
// the report says "n/a", never 0.
func TestUnknownCost(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"contacts.csv": "id,customer_id,reason,channel,direction,arrived,answered,ended,talk_s,hold_s,wrap_s,outcome,resolved,complaint,value_added,cost\n" +
			"K1,C1,billing,phone,inbound,2025-03-01T09:00:00Z,2025-03-01T09:00:20Z,2025-03-01T09:05:00Z,280,0,30,answered,true,false,low,7.50\n" +
			"K2,C2,billing,phone,inbound,2025-03-02T09:00:00Z,2025-03-02T09:00:10Z,2025-03-02T09:04:00Z,200,0,30,answered,true,false,low,\n" +
			"K3,C2,billing,email,inbound,2025-03-02T09:00:00Z,2025-03-02T10:00:00Z,,200,0,30,answered,true,false,low,4.10\n",
	})
	o := defaults()
	o.dir, o.months = dir, 3
	out, _ := runReport(t, o)
	assert.Contains(t, out, "cost n/a: known for 2 of 3 contacts")
	phone := regexp.MustCompile(`(?m)^\s*phone\s+2\s.*$`).FindString(out)
	require.NotEmpty(t, phone, out)
	assert.True(t, strings.HasSuffix(phone, "n/a"), "phone's cost per contact: %q", phone)
	email := regexp.MustCompile(`(?m)^\s*email\s+1\s.*$`).FindString(out)
	assert.True(t, strings.HasSuffix(email, "4.10 €"), "email's cost per contact: %q", email)
}
