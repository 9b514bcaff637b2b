package histogram

import (
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reference is testdata/golden.json, written by testdata/reference.py
// from the definition of the bins (walking their widths), not from the
// bit arithmetic of Bin and Edges.
type reference struct {
	Source string      `json:"source"`
	Bins   [][4]uint64 `json:"bins"` // v, bin, lo, hi
	MaxBin struct {
		Second int `json:"second"`
		Minute int `json:"minute"`
	} `json:"max_bin"`
	Cases []struct {
		UnitNS      int64       `json:"unit_ns"`
		Name        string      `json:"name"`
		DurationsNS []int64     `json:"durations_ns"`
		Within      [][2]uint64 `json:"within"` // T in units, count
		Quantiles   []struct {
			P  float64 `json:"p"`
			NS int64   `json:"ns"`
		} `json:"quantiles"`
		SumNS  string `json:"sum_ns"`
		MeanNS int64  `json:"mean_ns"`
	} `json:"cases"`
}

func TestGolden(t *testing.T) {
	ref := golden.Read[reference](t, "testdata/golden.json")
	require.NotEmpty(t, ref.Bins)
	for _, c := range ref.Bins {
		v, bin := c[0], int(c[1])
		require.Equal(t, bin, Bin(v), "Bin(%d)", v)
		lo, hi := Edges(bin)
		require.Equal(t, [2]uint64{c[2], c[3]}, [2]uint64{lo, hi}, "Edges(%d)", bin)
	}
	assert.Equal(t, ref.MaxBin.Second, MaxBin(time.Second))
	assert.Equal(t, ref.MaxBin.Minute, MaxBin(time.Minute))
	require.Len(t, ref.Cases, 2)
	for _, c := range ref.Cases {
		unit := time.Duration(c.UnitNS)
		var h Durations
		for _, d := range c.DurationsNS {
			h.Add(time.Duration(d), unit)
		}
		require.Equal(t, uint64(len(c.DurationsNS)), h.N())
		require.NotEmpty(t, c.Within)
		for _, w := range c.Within {
			assert.Equal(t, w[1], h.Within(time.Duration(w[0])*unit, unit), "%s: within %d", c.Name, w[0])
		}
		for _, q := range c.Quantiles {
			got, ok := h.Quantile(q.P, unit)
			require.True(t, ok)
			assert.Equal(t, time.Duration(q.NS), got, "%s: quantile %v", c.Name, q.P)
		}
		assert.Equal(t, c.SumNS, h.Sum().String(), c.Name)
		mean, ok := h.Mean()
		require.True(t, ok)
		assert.Equal(t, time.Duration(c.MeanNS), mean, c.Name)
	}
}
