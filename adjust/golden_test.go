package adjust_test

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"github.com/rapportkit/rapport/adjust"
	"github.com/stretchr/testify/require"
)

// rNames maps R's p.adjust method names to the package's.
var rNames = map[string]adjust.Method{
	"none":       adjust.None,
	"bonferroni": adjust.Bonferroni,
	"holm":       adjust.Holm,
	"hochberg":   adjust.Hochberg,
	"BH":         adjust.BenjaminiHochberg,
	"BY":         adjust.BenjaminiYekutieli,
}

// golden is one family of testdata/padjust.tsv: its p-values and R's
// adjusted values by method.
type golden struct {
	name string
	p    []*float64
	want map[adjust.Method][]*float64
}

// readTSV reads a tab-separated file with a header into maps.
func readTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	records, err := r.ReadAll()
	require.NoError(t, err)
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, k := range records[0] {
			row[k] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// number parses a %.17g value, nil for NA.
func number(t *testing.T, s string) *float64 {
	t.Helper()
	if s == "NA" {
		return nil
	}
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return &x
}

// goldens reads testdata/padjust.tsv (written by testdata/padjust.R), in
// its order of families.
func goldens(t *testing.T) []*golden {
	t.Helper()
	var out []*golden
	byName := map[string]*golden{}
	for _, row := range readTSV(t, "testdata/padjust.tsv") {
		g := byName[row["family"]]
		if g == nil {
			g = &golden{name: row["family"], p: []*float64{}, want: map[adjust.Method][]*float64{}}
			byName[g.name] = g
			out = append(out, g)
		}
		m, ok := rNames[row["method"]]
		require.True(t, ok, "method %q", row["method"])
		if g.want[m] == nil {
			g.want[m] = []*float64{}
		}
		if row["i"] == "0" { // an empty family
			continue
		}
		if m == adjust.None {
			g.p = append(g.p, number(t, row["p"]))
		}
		g.want[m] = append(g.want[m], number(t, row["adjusted"]))
	}
	require.NotEmpty(t, out)
	return out
}

// P agrees with R's p.adjust to the last bit, undefined entries included.
func TestPMatchesR(t *testing.T) {
	for _, g := range goldens(t) {
		for m, want := range g.want {
			t.Run(g.name+"/"+string(m), func(t *testing.T) {
				got, err := adjust.P(g.p, m)
				require.NoError(t, err)
				require.Len(t, got, len(want))
				for i := range want {
					if want[i] == nil {
						require.Nil(t, got[i], "p[%d] is undefined", i)
						continue
					}
					require.NotNil(t, got[i], "p[%d] = %v", i, *g.p[i])
					require.Equal(t, *want[i], *got[i], "p[%d] = %v", i, *g.p[i])
				}
			})
		}
	}
}

// Significant agrees with the exact decisions of testdata/significant.py
// (Python fractions on the decimals), and parts from R's float decision
// only where the exact adjusted value is α and R's float is an ulp above.
func TestSignificantMatchesExact(t *testing.T) {
	families := map[string]*golden{}
	for _, g := range goldens(t) {
		families[g.name] = g
	}
	parted := 0
	for _, row := range readTSV(t, "testdata/significant.tsv") {
		g := families[row["family"]]
		require.NotNil(t, g, row["family"])
		m := rNames[row["method"]]
		alpha, err := strconv.ParseFloat(row["alpha"], 64)
		require.NoError(t, err)
		t.Run(g.name+"/"+string(m)+"/"+row["alpha"], func(t *testing.T) {
			got, err := adjust.Significant(g.p, m, alpha)
			require.NoError(t, err)
			require.Equal(t, row["exact"], decisions(g.p, got))
		})
		if row["exact"] != row["r"] {
			parted++
			require.Equal(t, "decimals-bh/benjamini-hochberg/0.05", g.name+"/"+string(m)+"/"+row["alpha"])
		}
	}
	require.Equal(t, 1, parted, "the case where R's floats and the decimals part")
}

// decisions writes one character per p-value: 1 significant, 0 not, -
// undefined (and then never significant).
func decisions(ps []*float64, sig []bool) string {
	b := make([]byte, len(ps))
	for i := range ps {
		switch {
		case ps[i] == nil && sig[i]:
			b[i] = '!'
		case ps[i] == nil:
			b[i] = '-'
		case sig[i]:
			b[i] = '1'
		default:
			b[i] = '0'
		}
	}
	return string(b)
}
