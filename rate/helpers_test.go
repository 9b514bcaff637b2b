package rate_test

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// readTSV reads a tab-separated golden file with a header into maps.
func readTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	records, err := r.ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(records), 1, path)
	rows := make([]map[string]string, 0, len(records)-1)
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, k := range records[0] {
			row[k] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// float parses a golden number; NA is nil.
func float(t *testing.T, s string) *float64 {
	t.Helper()
	if s == "NA" {
		return nil
	}
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	return &x
}

func count(t *testing.T, s string) uint64 {
	t.Helper()
	x, err := strconv.ParseUint(s, 10, 64)
	require.NoError(t, err, s)
	return x
}

// near asserts |got − want| ≤ rel·|want| + abs.
func near(t *testing.T, want, got, rel, abs float64, msg string) {
	t.Helper()
	if !(math.Abs(got-want) <= rel*math.Abs(want)+abs) {
		t.Errorf("%s: got %.17g, want %.17g (rel %.2g)", msg, got, want, math.Abs(got-want)/math.Abs(want))
	}
}
