package tidy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/rapportkit/rapport/tidy"
)

// FuzzWrite writes arbitrary JSON as a Result: it is written or refused
// with ErrUnit or ErrResult, never a panic, and what is written is valid
// CSV and JSON Lines whose numeric cells are JSON number literals.
func FuzzWrite(f *testing.F) {
	for _, mr := range mainResults(f) {
		data, err := json.Marshal(mr.result)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"a_pct":[[1,null],[2]],"a_interval_pct":[[{"lo":1,"hi":2,"level":0.9,"method":"m"},null],[null]]}`))
	f.Add([]byte(`[{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"x_amount":"1.50"},{"period":"2025-02","id":"a/b"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		for _, format := range []tidy.Format{tidy.CSV, tidy.JSONLines} {
			var buf bytes.Buffer
			w, err := tidy.NewWriter[struct{}](&buf, tidy.Options{Format: format})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(struct{}{}, "r", json.RawMessage(data)); err != nil {
				if !errors.Is(err, tidy.ErrUnit) && !errors.Is(err, tidy.ErrResult) {
					t.Fatalf("%s: unexpected error %v", data, err)
				}
				continue
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			var rows []tidyRow
			if format == tidy.CSV {
				rows = readCSV(t, buf.Bytes(), w.Columns())
			} else {
				rows = readJSONLines(t, buf.Bytes(), w.Columns())
			}
			for _, r := range rows {
				for _, c := range []string{"value", "lo", "hi", "level", "n"} {
					if v := r[c]; v != "" && (!json.Valid([]byte(v)) || v[0] == '"' || v[0] == '[' || v[0] == '{' || v == "true" || v == "false" || v == "null") {
						t.Fatalf("%s: %s %q is not a number literal", data, c, v)
					}
				}
				if r["kpi"] == "" || r["unit"] == "" {
					t.Fatalf("%s: row without kpi or unit: %v", data, r)
				}
			}
		}
	})
}
