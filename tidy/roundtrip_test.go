package tidy_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/tidy"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// tidyRow is a row read back from a file, every cell as text ("" for an
// empty cell or null).
type tidyRow map[string]string

// readCSV reads a CSV file back, checking its header.
func readCSV(t *testing.T, data []byte, columns []string) []tidyRow {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs, "no header")
	require.Equal(t, columns, recs[0], "header")
	var rows []tidyRow
	for _, rec := range recs[1:] {
		r := tidyRow{}
		for i, c := range columns {
			r[c] = rec[i]
		}
		rows = append(rows, r)
	}
	return rows
}

// readJSONLines reads a JSON Lines file back, checking that every line
// is one object with the columns in order, numbers as number literals
// and texts as strings.
func readJSONLines(t *testing.T, data []byte, columns []string) []tidyRow {
	t.Helper()
	numeric := map[string]bool{"value": true, "lo": true, "hi": true, "level": true, "n": true}
	var rows []tidyRow
	for line := range strings.SplitSeq(strings.TrimSuffix(string(data), "\n"), "\n") {
		if line == "" {
			break
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		tok, err := dec.Token()
		require.NoError(t, err, line)
		require.Equal(t, json.Delim('{'), tok)
		r := tidyRow{}
		for i := 0; dec.More(); i++ {
			k, err := dec.Token()
			require.NoError(t, err)
			require.Less(t, i, len(columns), line)
			require.Equal(t, columns[i], k, "key order in %s", line)
			v, err := dec.Token()
			require.NoError(t, err)
			switch v := v.(type) {
			case nil:
				r[columns[i]] = ""
			case json.Number:
				require.True(t, numeric[columns[i]], "%s is a number in %s", columns[i], line)
				r[columns[i]] = v.String()
			case string:
				require.False(t, numeric[columns[i]], "%s is a string in %s", columns[i], line)
				require.NotEmpty(t, v, "an empty cell is null, not \"\": %s", line)
				r[columns[i]] = v
			default:
				t.Fatalf("%s holds %v in %s", columns[i], v, line)
			}
		}
		require.Len(t, r, len(columns), line)
		_, err = dec.Token()
		require.NoError(t, err)
		_, err = dec.Token()
		require.ErrorIs(t, err, io.EOF, "one object per line")
		rows = append(rows, r)
	}
	return rows
}

// TestRoundTrip writes one Result of every type on main (and of every
// package: nps, csat, ces, operations, churn, segment, clv, forecast,
// plan, rate) to CSV and JSON Lines, reads the files back, finds the
// figure of every row in the Result's own JSON by the row's kpi, unit,
// period and item, and checks its value, interval and n — and that every
// figure of the Result was found exactly once.
func TestRoundTrip(t *testing.T) {
	type key struct{ Channel string }
	for _, mr := range mainResults(t) {
		for _, f := range []tidy.Format{tidy.CSV, tidy.JSONLines} {
			t.Run(fmt.Sprintf("%s/%v", mr.name, f), func(t *testing.T) {
				var buf bytes.Buffer
				w, err := tidy.NewWriter[key](&buf, tidy.Options{Format: f})
				require.NoError(t, err)
				require.NoError(t, w.Write(key{"e-mail"}, "kpi", mr.result))
				require.NoError(t, w.Flush())
				var rows []tidyRow
				if f == tidy.CSV {
					rows = readCSV(t, buf.Bytes(), w.Columns())
				} else {
					rows = readJSONLines(t, buf.Bytes(), w.Columns())
				}
				root := decoded(t, mr.result)
				visited := map[string]int{}
				for _, r := range rows {
					require.Equal(t, "e-mail", r["channel"])
					require.Equal(t, "kpi", r["result"])
					id, err := find(root, r, visited)
					require.NoError(t, err, "row %v", r)
					visited[id]++
				}
				for _, id := range figures(root, "", false) {
					require.Equal(t, 1, visited[id], "figure %s written %d times", id, visited[id])
				}
				require.Len(t, visited, len(figures(root, "", false)), "rows for figures that are not in the Result")
			})
		}
	}
}

// decoded returns a Result's JSON decoded, numbers as json.Number.
func decoded(t *testing.T, r any) any {
	t.Helper()
	data, err := json.Marshal(r)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	require.NoError(t, dec.Decode(&root))
	return root
}

// find locates the figure of a row in the decoded Result and checks it,
// returning its path ("cohorts[3].retained_pct[2]").
func find(root any, r tidyRow, visited map[string]int) (string, error) {
	segs := strings.Split(r["kpi"], ".")
	items := []string{}
	if r["item"] != "" {
		items = strings.Split(r["item"], "/")
	}
	cur, id, n := root, "", ""
	// enter picks the element of an array of objects the row is in.
	enter := func() error {
		for {
			arr, ok := cur.([]any)
			if !ok {
				return nil
			}
			if len(arr) == 0 {
				return fmt.Errorf("%s: empty array", id)
			}
			if _, ok := arr[0].(map[string]any); !ok {
				return nil
			}
			pick := -1
			var seg string
			if len(items) > 0 {
				seg = items[0]
			}
			for i, e := range arr {
				per, labels := labelsOf(e.(map[string]any))
				match := false
				switch {
				case seg != "" && sameSet(seg, labels) && (per == "" || per == r["period"]):
					match = true
				case seg != "" && per != "" && sameSet(seg, append([]string{per}, labels...)):
					match = true
				case seg != "" && per == "" && len(labels) == 0 && seg == fmt.Sprint(i):
					match = true
				}
				if match {
					if pick >= 0 {
						return fmt.Errorf("%s: item %q matches elements %d and %d", id, seg, pick, i)
					}
					pick = i
				}
			}
			if pick >= 0 {
				items = items[1:]
			} else {
				for i, e := range arr {
					per, labels := labelsOf(e.(map[string]any))
					if per != "" && per == r["period"] && len(labels) == 0 {
						if pick >= 0 {
							return fmt.Errorf("%s: period %q matches elements %d and %d", id, per, pick, i)
						}
						pick = i
					}
				}
			}
			if pick < 0 {
				return fmt.Errorf("%s: no element for item %q and period %q", id, seg, r["period"])
			}
			cur, id = arr[pick], fmt.Sprintf("%s[%d]", id, pick)
		}
	}
	var parent map[string]any
	for i, s := range segs {
		if err := enter(); err != nil {
			return "", err
		}
		obj, ok := cur.(map[string]any)
		if !ok {
			return "", fmt.Errorf("%s is not an object", id)
		}
		if v, ok := obj["n"].(json.Number); ok {
			n = v.String()
		}
		key := s
		if i == len(segs)-1 {
			switch u := r["unit"]; u {
			case "number", "bool", "parameter":
			case "count": // an integer without a suffix, or an expected number under _count
				if _, ok := obj[s]; !ok {
					key = s + "_count"
				}
			default:
				key = s + "_" + u
			}
		}
		v, ok := obj[key]
		if !ok {
			return "", fmt.Errorf("%s has no key %q", id, key)
		}
		parent, cur, id = obj, v, id+"."+key
	}
	last := segs[len(segs)-1]
	for {
		arr, ok := cur.([]any)
		if !ok {
			break
		}
		if len(items) == 0 {
			return "", fmt.Errorf("%s: an array, and no item left", id)
		}
		var i int
		if _, err := fmt.Sscan(items[0], &i); err != nil || i < 0 || i >= len(arr) {
			return "", fmt.Errorf("%s: item %q is not a position", id, items[0])
		}
		cur, id, items = arr[i], fmt.Sprintf("%s[%d]", id, i), items[1:]
	}
	if len(items) > 0 {
		return "", fmt.Errorf("%s: items %v left over", id, items)
	}
	if r["unit"] != "parameter" && r["n"] != n {
		return "", fmt.Errorf("%s: n %q, want %q", id, r["n"], n)
	}
	switch v := cur.(type) {
	case nil:
		if r["value"] != "" {
			return "", fmt.Errorf("%s: null written as %q", id, r["value"])
		}
	case bool:
		want := map[bool]string{true: "1", false: "0"}[v]
		if r["unit"] != "bool" || r["value"] != want {
			return "", fmt.Errorf("%s: %v written as %q in %s", id, v, r["value"], r["unit"])
		}
	case json.Number:
		if r["value"] != v.String() {
			return "", fmt.Errorf("%s: %s written as %q", id, v, r["value"])
		}
	case string:
		d, err := decimal.NewFromString(r["value"])
		if err != nil || r["unit"] != "amount" || !d.Equal(decimal.RequireFromString(v)) || d.String() != r["value"] {
			return "", fmt.Errorf("%s: amount %q written as %q", id, v, r["value"])
		}
	default:
		return "", fmt.Errorf("%s: a %T", id, v)
	}
	// The interval next to the figure, if any.
	want := map[string]string{"lo": "", "hi": "", "level": "", "method": ""}
	if iv, ok := parent[last+"_interval_"+r["unit"]].(map[string]any); ok {
		for k := range want {
			switch v := iv[k].(type) {
			case json.Number:
				want[k] = v.String()
			case string:
				want[k] = v
			}
		}
	}
	for k, v := range want {
		if r[k] != v {
			return "", fmt.Errorf("%s: %s %q, want %q", id, k, r[k], v)
		}
	}
	return id, nil
}

// labelsOf returns the period of an element (a period object or a text
// under "period") and its other labels, as the package documents them.
func labelsOf(e map[string]any) (period string, labels []string) {
	for k, v := range e {
		p, isPeriod := monthOf(v)
		switch {
		case k == "period" && isPeriod:
			period = p
		case k == "period":
			if s, ok := v.(string); ok {
				period = s
			} else if n, ok := v.(json.Number); ok {
				labels = append(labels, n.String())
			}
		case isPeriod:
			labels = append(labels, p)
		default:
			if s, ok := v.(string); ok && s != "" && !strings.Contains(k, "_amount") {
				labels = append(labels, s)
			}
		}
	}
	return period, labels
}

// monthOf reads a period object of the fixtures, which are all calendar
// months.
func monthOf(v any) (string, bool) {
	o, ok := v.(map[string]any)
	if !ok || len(o) != 2 {
		return "", false
	}
	from, err1 := time.Parse(time.RFC3339, fmt.Sprint(o["from"]))
	to, err2 := time.Parse(time.RFC3339, fmt.Sprint(o["to"]))
	if err1 != nil || err2 != nil || from.Day() != 1 || !to.Equal(from.AddDate(0, 1, 0)) {
		return "", false
	}
	return from.Format("2006-01"), true
}

// sameSet reports whether an item segment holds exactly the labels, in
// any order.
func sameSet(seg string, labels []string) bool {
	if len(labels) == 0 {
		return false
	}
	var parts []string
	for p := range strings.SplitSeq(seg, ",") {
		u, err := url.PathUnescape(p)
		if err != nil {
			return false
		}
		parts = append(parts, u)
	}
	a, b := slices.Clone(parts), slices.Clone(labels)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// figures lists the paths of the figures of a decoded Result: every
// number, null and bool except n, periods, intervals and labels, and
// every text under an _amount key (amount: v is, or is in an array, under
// one).
func figures(v any, id string, param bool, amount ...bool) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			p := param || k == "scale" || k == "alpha" || k == "beta" || k == "params"
			switch {
			case k == "n" || k == "period" || strings.Contains(k, "_interval_"):
			default:
				if _, isPeriod := monthOf(e); isPeriod {
					continue
				}
				if s, ok := e.(string); ok {
					if strings.HasSuffix(k, "_amount") && s != "" {
						out = append(out, id+"."+k)
					}
					continue
				}
				out = append(out, figures(e, id+"."+k, p, strings.HasSuffix(k, "_amount"))...)
			}
		}
	case []any:
		for i, e := range v {
			out = append(out, figures(e, fmt.Sprintf("%s[%d]", id, i), param, amount...)...)
		}
	case string:
		if len(amount) > 0 && amount[0] && v != "" {
			out = append(out, id)
		}
	case bool:
		if !param {
			out = append(out, id)
		}
	default:
		out = append(out, id)
	}
	return out
}
