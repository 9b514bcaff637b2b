package main

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStatsAgainstScipy checks the sample's own statistics against the
// values of testdata/reference.py (scipy).
func TestStatsAgainstScipy(t *testing.T) {
	f, err := os.Open("testdata/scipy.tsv")
	require.NoError(t, err)
	defer f.Close()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		return v
	}
	count := func(s string) uint64 {
		v, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
		return v
	}
	close := func(t *testing.T, want, got, rel float64) {
		t.Helper()
		require.InDelta(t, want, got, rel*math.Max(1, math.Abs(want)), "want %v, got %v", want, got)
	}
	sc := bufio.NewScanner(f)
	rows := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		rows++
		t.Run(line, func(t *testing.T) {
			switch fs[0] {
			case "garwood":
				lo, hi := poissonInterval(count(fs[1]))
				close(t, num(fs[2]), lo, 1e-9)
				close(t, num(fs[3]), hi, 1e-9)
			case "poisson":
				close(t, num(fs[3]), poissonP(count(fs[1]), count(fs[2])), 1e-9)
			case "welch":
				a := moments{n: count(fs[1]), mean: num(fs[2]), sd: num(fs[3])}
				b := moments{n: count(fs[4]), mean: num(fs[5]), sd: num(fs[6])}
				p, ok := welchP(a, b)
				require.True(t, ok)
				close(t, num(fs[7]), p, 1e-9)
			case "nps":
				score, lo, hi, _, ok := npsFigure(count(fs[1]), count(fs[2]), count(fs[3]))
				require.True(t, ok)
				close(t, num(fs[4]), score, 1e-12)
				close(t, num(fs[5]), lo, 1e-9)
				close(t, num(fs[6]), hi, 1e-9)
			default:
				t.Fatalf("unknown kind %q", fs[0])
			}
		})
	}
	require.NoError(t, sc.Err())
	require.Equal(t, 23, rows)
}
