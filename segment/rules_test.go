package segment

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultRulesCoverage(t *testing.T) {
	cov, err := DefaultRules().Validate(5)
	require.NoError(t, err)
	assert.Empty(t, cov.Uncovered)
	assert.Empty(t, cov.Unused)
	assert.Empty(t, cov.Overlaps)
	for code, want := range map[string]string{"555": "Champions", "111": "Lost", "211": "Hibernating", "511": "New Customers",
		"411": "Promising", "155": "Can't Lose Them", "345": "Loyal Customers", "133": "At Risk", "333": "Need Attention",
		"321": "About To Sleep", "521": "Potential Loyalist"} {
		t.Run(code, func(t *testing.T) {
			s, err := ParseScore(code)
			require.NoError(t, err)
			got, ok := DefaultRules().Match(s)
			assert.True(t, ok)
			assert.Equal(t, want, got)
		})
	}
}

func TestRulesValidate(t *testing.T) {
	bad := Rules{{"x", Range{1, 3}, Range{}, Range{}}, {"y", Range{2, 5}, Range{}, Range{}}}
	cov, err := bad.Validate(5)
	require.NoError(t, err)
	assert.Len(t, cov.Overlaps, 50)
	assert.Empty(t, cov.Uncovered)
	assert.Equal(t, Score{2, 1, 1}, cov.Overlaps[0].Score)
	cov, _ = Rules{{"x", Range{1, 3}, Range{4, 5}, Range{}}}.Validate(5)
	assert.Len(t, cov.Uncovered, 125-30)
	for _, rs := range []Rules{
		{{"", Range{}, Range{}, Range{}}},
		{{"a", Range{0, 3}, Range{}, Range{}}},
		{{"a", Range{3, 2}, Range{}, Range{}}},
		{{"a", Range{1, 6}, Range{}, Range{}}},
		{{"a", Range{}, Range{}, Range{}}, {"a", Range{}, Range{}, Range{}}},
	} {
		t.Run(fmt.Sprint(rs), func(t *testing.T) {
			_, err := rs.Validate(5)
			assert.ErrorIs(t, err, ErrRule)
		})
	}
	_, err = DefaultRules().Validate(10)
	assert.ErrorIs(t, err, ErrConfig)
}

func TestTiers(t *testing.T) {
	tiers := DefaultTiers()
	for amount, want := range map[string]string{"0": "bronze", "499.99": "bronze", "500": "silver", "10000": "premium", "1e70": "premium"} {
		t.Run(amount, func(t *testing.T) {
			got, ok := tiers.Of(dec(amount))
			assert.True(t, ok)
			assert.Equal(t, want, got)
		})
	}
	_, ok := tiers.Of(dec("-1"))
	assert.False(t, ok, "a negative amount has a tier")
	assert.Equal(t, []string{"bronze", "silver", "gold", "premium"}, tiers.Levels())
	assert.Equal(t, "500", tiers.Thresholds()[1].MinAmount.String())
	for _, c := range []struct {
		name  string
		tiers []Tier
		want  []error
	}{
		{"none", nil, []error{ErrTier}},
		{"equal minimums", []Tier{{"a", dec("1")}, {"b", dec("1")}}, []error{ErrTier}},
		{"an empty name", []Tier{{" ", dec("1")}}, []error{ErrTier}},
		{"a repeated name", []Tier{{"a", dec("1")}, {"a", dec("2")}}, []error{ErrTier}},
		{"a minimum of 10⁶⁴", []Tier{{"a", dec("1e64")}}, []error{ErrTier, ErrAmount}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewTiers(c.tiers...)
			for _, w := range c.want {
				assert.ErrorIs(t, err, w)
			}
		})
	}
}

func TestTransitions(t *testing.T) {
	tiers := DefaultTiers()
	before := map[string]string{"a": "bronze", "b": "silver", "c": "gold", "d": "premium", "e": "bronze"}
	after := map[string]string{"a": "premium", "b": "silver", "c": "silver", "f": "gold", "e": "bronze"}
	tr, err := Transition(tiers.Levels(), before, after)
	require.NoError(t, err)
	assert.Equal(t, uint64(1), tr.Upgrades)
	assert.Equal(t, uint64(1), tr.Downgrades)
	assert.Equal(t, uint64(2), tr.Stays)
	assert.Equal(t, uint64(1), tr.Added)
	assert.Equal(t, uint64(1), tr.Dropped)
	assert.Equal(t, uint64(1), tr.Counts[0][3])
	assert.Equal(t, uint64(1), tr.Lost[3])
	assert.Equal(t, uint64(1), tr.New[2])
	assert.Equal(t, uint64(2), tr.Before(0))
	assert.Equal(t, uint64(2), tr.After(1))
	sh, ok := tr.Share(0, 3)
	assert.True(t, ok)
	assert.Equal(t, 0.5, sh)
	_, ok = tr.Share(1, 1)
	assert.True(t, ok, "silver row empty")
	assert.Equal(t, "[{a bronze premium upgrade} {c gold silver downgrade} {d premium  lost} {f  gold new}]", fmt.Sprint(tr.Events))

	for _, c := range []struct {
		name          string
		before, after map[string]string
		want          string
	}{
		{"unknown level", map[string]string{"x": "platinum"}, nil, `segment: invalid tier: customer "x": level "platinum" not in [bronze silver gold premium]`},
		{"the smallest id of several", map[string]string{"y": "iron", "b": "bronze"}, map[string]string{"x": "lead", "z": "tin"},
			`segment: invalid tier: customer "x": level "lead" not in [bronze silver gold premium]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Transition(tiers.Levels(), c.before, c.after)
			require.ErrorIs(t, err, ErrTier)
			assert.EqualError(t, err, c.want)
		})
	}
	_, err = Transition([]string{"a", "a"}, nil, nil)
	assert.ErrorIs(t, err, ErrTier)
}
