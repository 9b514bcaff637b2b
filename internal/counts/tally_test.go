package counts

import (
	"errors"
	"math"
	"testing"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scale is a test scale: min..max.
type scale struct{ min, max int }

func (s scale) Min() int       { return s.min }
func (s scale) Max() int       { return s.max }
func (s scale) String() string { return Span(s.min, s.max) }

var (
	errScore    = errors.New("test: score")
	errOverflow = errors.New("test: overflow")
	errMismatch = errors.New("test: mismatch")
	errEncoding = errors.New("test: encoding")
	errLevel    = errors.New("test: level")
	errMethod   = errors.New("test: method")
	errLabels   = errors.New("test: labels")
	errUnknown  = errors.New("test: unknown label")
	errColumns  = errors.New("test: columns")
)

var testKind = Kind[scale]{
	Tag: 'X', Keys: []string{"min", "max"},
	Params: func(s scale) []int { return []int{s.min, s.max} },
	Scale: func(p []int) (scale, error) {
		if _, err := Range(p[0], p[1]); err != nil {
			return scale{}, err
		}
		return scale{p[0], p[1]}, nil
	},
	ErrScore: errScore, ErrOverflow: errOverflow, ErrMismatch: errMismatch, ErrEncoding: errEncoding,
	ErrLevel: errLevel, ErrMethod: errMethod, ErrLabels: errLabels, ErrUnknownLabel: errUnknown, ErrColumns: errColumns,
}

func TestRange(t *testing.T) {
	for _, c := range []struct {
		min, max, points int
		ok               bool
	}{
		{0, 10, 11, true}, {1, 2, 2, true}, {0, 11, 0, false}, {3, 3, 0, false}, {5, 1, 0, false},
		{math.MaxInt32 - 1, math.MaxInt32, 2, true}, {math.MinInt32, math.MinInt32 + 1, 2, true},
		{math.MaxInt32, math.MaxInt32 + 1, 0, false}, {math.MinInt, math.MaxInt, 0, false},
	} {
		p, err := Range(c.min, c.max)
		assert.Equal(t, c.ok, err == nil, "Range(%d, %d): %v", c.min, c.max, err)
		assert.Equal(t, c.points, p)
	}
}

func TestTally(t *testing.T) {
	u := New(scale{1, 5})
	require.NoError(t, u.AddN(&testKind, 1, 5, 5, 3))
	require.NoError(t, u.AddN(&testKind, 1, 5, 1, 1))
	assert.Equal(t, uint64(4), u.N())
	assert.Equal(t, uint64(3), u.Count(5))
	assert.Equal(t, uint64(0), u.Count(9))
	assert.Equal(t, uint64(3), u.Sum(4, 5))
	err := u.AddN(&testKind, 1, 5, 6, 1)
	assert.ErrorIs(t, err, errScore)
	assert.EqualError(t, err, "test: score: 6 not in 1..5")
	assert.ErrorIs(t, u.AddN(&testKind, 1, 5, 2, math.MaxUint64), errOverflow)
	assert.ErrorIs(t, u.Merge(&testKind, &Tally[scale]{scale: scale{0, 5}}), errMismatch)
	assert.NoError(t, u.Merge(&testKind, nil))
	require.NoError(t, u.Merge(&testKind, &u))
	assert.Equal(t, uint64(8), u.N(), "self-merge doubles")
	m, _ := u.Mean()
	assert.Equal(t, 4.0, m)
	pct := u.Pct(6)
	assert.Equal(t, 75.0, *pct)
	empty := New(scale{1, 5})
	assert.Nil(t, empty.Pct(0))
	bins, _ := u.Distribution()
	assert.Equal(t, Bin{Score: 5, Count: 6, Share: 0.75}, bins[4])
}

func TestIntervals(t *testing.T) {
	u := New(scale{0, 1})
	_, ok, err := u.Proportion(&testKind, "F", 0, 0.95, "wilson")
	assert.NoError(t, err)
	assert.False(t, ok, "empty")
	_, _, err = u.Proportion(&testKind, "F", 0, 1.5, "wilson")
	assert.EqualError(t, err, "test: level: F got 1.5")
	_, _, err = u.Proportion(&testKind, "F", 0, 0.95, "newcombe")
	assert.EqualError(t, err, `test: method: F got "newcombe"`)
	require.NoError(t, u.AddN(&testKind, 0, 1, 1, 1))
	_, ok, _ = u.MeanInterval(&testKind, "F", 0.95)
	assert.False(t, ok, "one answer")
	require.NoError(t, u.AddN(&testKind, 0, 1, 0, 1))
	ci, ok, err := u.MeanInterval(&testKind, "F", 0.95)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, [2]float64{0, 1}, [2]float64{ci.Lo, ci.Hi}, "clamped to the scale")
}

func TestEncodings(t *testing.T) {
	u := New(scale{-2, 2})
	require.NoError(t, u.AddN(&testKind, -2, 2, -2, 300))
	b := u.Append(&testKind, nil)
	assert.Equal(t, []byte{'X', 1, 3, 4, 0xac, 0x02, 0, 0, 0, 0}, b)
	var back Tally[scale]
	require.NoError(t, back.DecodeBinary(&testKind, b))
	assert.Equal(t, u, back)
	js, _ := u.MarshalJSON()
	assert.Equal(t, `{"scale":{"min":-2,"max":2},"counts":[300,0,0,0,0]}`, string(js))
	require.NoError(t, back.DecodeJSON(&testKind, []byte(" "+string(js)+"\n")))
	for _, bad := range []string{`{"scale":{"max":2,"min":-2},"counts":[300,0,0,0,0]}`, `{"counts":[300,0,0,0,0]}`, `{"scale":{"min":-2,"max":2},"counts":[3e2,0,0,0,0]}`} {
		assert.ErrorIs(t, back.DecodeJSON(&testKind, []byte(bad)), errEncoding, bad)
	}
	assert.ErrorIs(t, back.DecodeBinary(&testKind, []byte{'X', 1, 3, 40}), errEncoding, "a scale of 22 points")
}

// MarshalScale and UnmarshalScale would be scale.MarshalJSON and UnmarshalJSON.
func (s scale) MarshalJSON() ([]byte, error)  { return testKind.MarshalScale(s) }
func (s *scale) UnmarshalJSON(b []byte) error { return testKind.UnmarshalScale(b, s) }

func TestScaleJSON(t *testing.T) {
	var s scale
	require.NoError(t, s.UnmarshalJSON([]byte(`{"max":3,"min":1}`)))
	assert.Equal(t, scale{1, 3}, s)
	for _, bad := range []string{`{"min":1}`, `{"min":1,"max":3,"extra":0}`, `{"min":1,"max":30}`, `[]`, `{"min":"1","max":3}`} {
		before := s
		assert.ErrorIs(t, s.UnmarshalJSON([]byte(bad)), errEncoding, bad)
		assert.Equal(t, before, s)
	}
}

func TestName(t *testing.T) {
	names := []string{"a", "b", "invalid"}
	for i, want := range map[int]string{-1: "invalid", 0: "a", 1: "b", 2: "invalid", 3: "invalid"} {
		assert.Equal(t, want, Name(i, names...))
	}
}

func TestLabels(t *testing.T) {
	l, err := NewLabels(&testKind, scale{1, 3}, map[string]int{"Low": 1, "Élevé": 3})
	require.NoError(t, err)
	assert.Equal(t, 2, l.Len())
	p, err := l.Point(&testKind, "ELEVE")
	require.NoError(t, err)
	assert.Equal(t, 3, p)
	_, err = l.Point(&testKind, "4")
	assert.ErrorIs(t, err, errScore)
	_, err = l.Point(&testKind, "mid")
	assert.EqualError(t, err, `test: unknown label "mid"`)
	m, err := l.With(&testKind, map[string]int{"Mid": 2})
	require.NoError(t, err)
	assert.Equal(t, 3, m.Len())
	assert.Equal(t, 2, l.Len(), "With leaves the original alone")
	_, err = l.With(&testKind, map[string]int{"low": 2})
	assert.ErrorIs(t, err, errLabels)
	assert.Panics(t, func() { MustLabels(&testKind, scale{1, 3}, map[string]int{"x": 9}) })
}

func TestComparison(t *testing.T) {
	c := Compared(0.1, 0, stat0())
	assert.Nil(t, c.Z)
	assert.Equal(t, "Δ +10.0 points (95% wald CI +10.0…+10.0), z and p undefined: no variance", c.String())
	assert.Equal(t, "Δ undefined: a sample is empty", Comparison{}.String())
}

func stat0() stat.Interval { return stat.Interval{Lo: 0.1, Hi: 0.1, Level: 0.95, Method: stat.Wald} }
