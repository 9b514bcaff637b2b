package operations

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// golden returns the rows of a golden file written by
// testdata/reference.py: whitespace-separated fields, "#" lines skipped.
// Each row is named by its first fields, for t.Run.
func golden(t *testing.T, name string, width int) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		require.Len(t, fields, width, "%s: %q", name, line)
		rows = append(rows, fields)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, rows, name)
	return rows
}

// float reads a golden number.
func float(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return x
}

// integer reads a golden integer.
func integer(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

// seconds reads a golden number of seconds.
func seconds(t *testing.T, s string) time.Duration {
	t.Helper()
	return time.Duration(float(t, s) * float64(time.Second))
}
