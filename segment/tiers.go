package segment

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Tier is a spend level: customers whose net amount is at least
// MinAmount (and below the next tier's MinAmount) belong to it.
type Tier struct {
	Name      string          `json:"name"`
	MinAmount decimal.Decimal `json:"min_amount"`
}

// Tiers are spend levels in ascending order of MinAmount, built by
// NewTiers.
type Tiers struct {
	tiers []Tier
}

// NewTiers validates tiers: at least one, distinct non-empty names,
// strictly increasing minimums (ErrTier), each within the bounds of an
// amount (ErrTier and ErrAmount: at most 64 places, magnitude below
// 10⁶⁴).
func NewTiers(tiers ...Tier) (Tiers, error) {
	if len(tiers) == 0 {
		return Tiers{}, fmt.Errorf("%w: no tiers", ErrTier)
	}
	seen := make(map[string]bool)
	out := slices.Clone(tiers)
	for i := range out {
		t := &out[i]
		if strings.TrimSpace(t.Name) == "" || seen[t.Name] {
			return Tiers{}, fmt.Errorf("%w: tier %d: empty or duplicate name %q", ErrTier, i, t.Name)
		}
		seen[t.Name] = true
		var err error
		if t.MinAmount, err = checkAmount(t.MinAmount); err != nil {
			return Tiers{}, fmt.Errorf("%w: tier %q: %w: %v", ErrTier, t.Name, ErrAmount, err)
		}
		if i > 0 && !t.MinAmount.GreaterThan(out[i-1].MinAmount) {
			return Tiers{}, fmt.Errorf("%w: tier %q: minimum %v not above %v", ErrTier, t.Name, t.MinAmount, out[i-1].MinAmount)
		}
	}
	return Tiers{tiers: out}, nil
}

// DefaultTiers returns bronze (from 0), silver (from 500), gold (from
// 2000) and premium (from 10000), in currency units: placeholders to
// replace with the business's own thresholds.
func DefaultTiers() Tiers {
	t, _ := NewTiers(
		Tier{"bronze", decimal.Zero},
		Tier{"silver", decimal.NewFromInt(500)},
		Tier{"gold", decimal.NewFromInt(2000)},
		Tier{"premium", decimal.NewFromInt(10000)},
	)
	return t
}

// Thresholds returns the tiers, each a name and the net amount it starts
// at, lowest first.
func (t Tiers) Thresholds() []Tier { return slices.Clone(t.tiers) }

// Levels returns the tier names from lowest to highest, the order
// Transition needs.
func (t Tiers) Levels() []string {
	names := make([]string, len(t.tiers))
	for i, x := range t.tiers {
		names[i] = x.Name
	}
	return names
}

// Of returns the tier of a net amount: the highest tier whose MinAmount
// it reaches (the boundary belongs to the higher tier), or ok = false
// below the lowest tier's MinAmount. The comparison is exact and takes a
// time bounded by the size of amount's coefficient, whatever its
// exponent.
func (t Tiers) Of(amount decimal.Decimal) (string, bool) {
	for i := len(t.tiers) - 1; i >= 0; i-- {
		if compareAmount(amount, t.tiers[i].MinAmount) >= 0 {
			return t.tiers[i].Name, true
		}
	}
	return "", false
}

// Labels returns the tier of every customer of the collection, id → name
// (a snapshot for Transition). Customers below the lowest tier are left
// out.
func (t Tiers) Labels(c *Collection) map[string]string {
	return t.LabelsOf(func(yield func(string, decimal.Decimal) bool) {
		for i := range c.entries {
			if !yield(c.entries[i].id, c.entries[i].sum.Value()) {
				return
			}
		}
	})
}

// LabelsOf is Labels over any id → amount sequence.
func (t Tiers) LabelsOf(amounts iter.Seq2[string, decimal.Decimal]) map[string]string {
	labels := make(map[string]string)
	for id, a := range amounts {
		if name, ok := t.Of(a); ok {
			labels[id] = name
		}
	}
	return labels
}
