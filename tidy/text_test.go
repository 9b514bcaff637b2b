package tidy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/tidy"
	"github.com/stretchr/testify/require"
)

// hostile are texts a data export can hold.
var hostile = []string{
	`"quoted", with commas`,
	"two\nlines\r\nand a CR\r",
	"\x1b[31mred\x1b[0m and a bell \a",
	"<script>alert(1)</script>",
	"=HYPERLINK(\"http://x\")",
	"tab\tand NUL \x00",
	"ünïcödé ✓ 表",
	"a/b,c#d%e",
}

// TestTexts writes hostile texts in a key and in a label: CSV and JSON
// Lines give them back exactly.
func TestTexts(t *testing.T) {
	type key struct{ Agent string }
	for _, s := range hostile {
		for _, f := range []tidy.Format{tidy.CSV, tidy.JSONLines} {
			t.Run(f.String()+"/"+s, func(t *testing.T) {
				risks, err := json.Marshal([]map[string]any{{"customer_id": s, "risk_points": 12.5}})
				require.NoError(t, err)
				var buf bytes.Buffer
				w, err := tidy.NewWriter[key](&buf, tidy.Options{Format: f})
				require.NoError(t, err)
				require.NoError(t, w.Write(key{s}, s, json.RawMessage(risks)))
				require.NoError(t, w.Flush())
				var rows []tidyRow
				if f == tidy.CSV {
					rows = readCSV(t, buf.Bytes(), w.Columns())
				} else {
					require.Equal(t, 1, bytes.Count(buf.Bytes(), []byte("\n")), "one line")
					rows = readJSONLines(t, buf.Bytes(), w.Columns())
				}
				require.Len(t, rows, 1)
				want := s
				if f == tidy.CSV {
					// The file holds "\r\n"; encoding/csv (like most CSV
					// readers) reads a quoted CR LF back as LF.
					want = strings.ReplaceAll(s, "\r\n", "\n")
					require.Equal(t, strings.Contains(s, "\r\n"), bytes.Contains(buf.Bytes(), []byte("\r\n")))
				}
				require.Equal(t, want, rows[0]["agent"])
				require.Equal(t, want, rows[0]["result"])
				require.True(t, sameSet(rows[0]["item"], []string{want}), "item %q", rows[0]["item"])
			})
		}
	}
	t.Run("invalid UTF-8 is replaced alike in both formats", func(t *testing.T) {
		for _, f := range []tidy.Format{tidy.CSV, tidy.JSONLines} {
			var buf bytes.Buffer
			w, err := tidy.NewWriter[key](&buf, tidy.Options{Format: f})
			require.NoError(t, err)
			require.NoError(t, w.Write(key{"a\xffb"}, "r", result))
			require.NoError(t, w.Flush())
			require.Contains(t, buf.String(), "a\uFFFDb", f)
		}
	})
}

type failing struct{ after int }

func (f *failing) Write(p []byte) (int, error) {
	if f.after -= len(p); f.after < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestWriterError: the error of the underlying writer comes back, from
// then on.
func TestWriterError(t *testing.T) {
	w, err := tidy.NewWriter[struct{}](&failing{after: 10}, tidy.Options{Format: tidy.JSONLines})
	require.NoError(t, err)
	var werr error
	for range 2000 { // past the buffer
		if werr = w.Write(struct{}{}, "r", result); werr != nil {
			break
		}
	}
	if werr == nil {
		werr = w.Flush()
	}
	require.EqualError(t, werr, "disk full")
	require.EqualError(t, w.Write(struct{}{}, "r", result), "disk full")
	require.EqualError(t, w.Flush(), "disk full")
	require.ErrorIs(t, w.Write(struct{}{}, "", result), werr)
}

func TestEmptyFile(t *testing.T) {
	var buf bytes.Buffer
	w, err := tidy.NewWriter[struct{ Channel string }](&buf, tidy.Options{})
	require.NoError(t, err)
	require.NoError(t, w.Flush())
	require.NoError(t, w.Flush())
	require.Equal(t, "period,channel,result,kpi,item,unit,value,lo,hi,level,method,n\n", buf.String())
	buf.Reset()
	w, err = tidy.NewWriter[struct{ Channel string }](&buf, tidy.Options{Format: tidy.JSONLines})
	require.NoError(t, err)
	require.NoError(t, w.Flush())
	require.Empty(t, buf.String())
	err = w.Write(struct{ Channel string }{}, "", result)
	require.ErrorIs(t, err, tidy.ErrResult)
	require.ErrorContains(t, err, "result name")
}
