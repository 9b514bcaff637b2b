package churn

import (
	"fmt"
	"math/big"

	"github.com/rapportkit/rapport/internal/stat"
)

// Voice counts, over one period, how many customers complained and how
// many surveyed customers said they were dissatisfied.
type Voice struct {
	Customers    int `json:"customers"`    // customers in the period
	Complainants int `json:"complainants"` // distinct customers who complained
	Respondents  int `json:"respondents"`  // customers surveyed
	Dissatisfied int `json:"dissatisfied"` // respondents dissatisfied
}

// HoleRule sets when unvoiced dissatisfaction is diagnosed: dissatisfaction
// above Dissatisfaction while the complaint rate is below Voice times the
// dissatisfaction rate.
type HoleRule struct {
	Dissatisfaction float64 `json:"dissatisfaction"`
	Voice           float64 `json:"voice"`
}

// DefaultHoleRule diagnoses a hole when more than 10 % of customers are
// dissatisfied but fewer than 1 in 10 of them complain.
var DefaultHoleRule = HoleRule{Dissatisfaction: 0.10, Voice: 0.10}

// Diagnosis is the "hole in the rocket" check: a rocket whose hull is
// holed loses pressure whether or not anyone hears the leak. Complaints
// are the audible part of dissatisfaction; when few customers complain
// while many are dissatisfied, the complaint rate says all is well while
// customers leave silently.
type Diagnosis struct {
	Voice Voice `json:"voice"`
	// ComplaintPct is Complainants ÷ Customers, DissatisfactionPct
	// Dissatisfied ÷ Respondents, in percent.
	ComplaintPct       float64 `json:"complaint_pct"`
	DissatisfactionPct float64 `json:"dissatisfaction_pct"`
	// VoiceRatio is the complaint rate ÷ the dissatisfaction rate,
	// complaints per dissatisfied customer: roughly the share of the
	// dissatisfied who voice it; nil when nobody is dissatisfied.
	VoiceRatio *float64 `json:"voice_ratio"`
	// Rule is the rule applied; RuleDissatisfactionPct and RuleVoiceRatio
	// are its thresholds in the units of the figures above.
	Rule                   HoleRule `json:"-"`
	RuleDissatisfactionPct float64  `json:"rule_dissatisfaction_pct"`
	RuleVoiceRatio         float64  `json:"rule_voice_ratio"`
	// Hole reports DissatisfactionPct above the rule's dissatisfaction and
	// the complaint rate below Rule.Voice × the dissatisfaction rate,
	// compared exactly on the counts and the thresholds as written (0.1
	// is 1/10).
	Hole bool `json:"hole"`
}

// String returns e.g. "hole in the rocket: 18.0% dissatisfied, 0.9%
// complain (1 in 20 voices it)".
func (d Diagnosis) String() string {
	verdict := "no hole"
	if d.Hole {
		verdict = "hole in the rocket"
	}
	s := fmt.Sprintf("%s: %.1f%% dissatisfied, %.1f%% complain", verdict, d.DissatisfactionPct, d.ComplaintPct)
	if v := d.VoiceRatio; v != nil && *v > 0 {
		s += fmt.Sprintf(" (1 in %.0f voices it)", 1 / *v)
	}
	return s
}

// Diagnose checks v for unvoiced dissatisfaction by rule r (DefaultHoleRule
// for the defaults). It fails with ErrEmpty when there are no customers or
// no respondents, ErrCount for negative counts or more complainants
// (dissatisfied) than customers (respondents), and ErrRate for thresholds
// outside [0, 1].
func Diagnose(v Voice, r HoleRule) (Diagnosis, error) {
	switch {
	case v.Customers < 0 || v.Complainants < 0 || v.Respondents < 0 || v.Dissatisfied < 0 ||
		v.Complainants > v.Customers || v.Dissatisfied > v.Respondents:
		return Diagnosis{}, fmt.Errorf("%w: %+v", ErrCount, v)
	case v.Customers == 0 || v.Respondents == 0:
		return Diagnosis{}, fmt.Errorf("%w: %d customers, %d respondents", ErrEmpty, v.Customers, v.Respondents)
	}
	for _, x := range []float64{r.Dissatisfaction, r.Voice} {
		if !(x >= 0 && x <= 1) {
			return Diagnosis{}, fmt.Errorf("%w: hole rule %+v", ErrRate, r)
		}
	}
	complaint := big.NewRat(int64(v.Complainants), int64(v.Customers))
	dissatisfied := big.NewRat(int64(v.Dissatisfied), int64(v.Respondents))
	voiced := new(big.Rat).Mul(stat.Decimal(r.Voice), dissatisfied)
	hundred := big.NewRat(100, 1)
	d := Diagnosis{Voice: v, Rule: r, RuleDissatisfactionPct: 100 * r.Dissatisfaction, RuleVoiceRatio: r.Voice}
	d.ComplaintPct, _ = new(big.Rat).Mul(complaint, hundred).Float64()
	d.DissatisfactionPct, _ = new(big.Rat).Mul(dissatisfied, hundred).Float64()
	if dissatisfied.Sign() > 0 {
		q, _ := new(big.Rat).Quo(complaint, dissatisfied).Float64()
		d.VoiceRatio = &q
	}
	d.Hole = dissatisfied.Cmp(stat.Decimal(r.Dissatisfaction)) > 0 && complaint.Cmp(voiced) < 0
	return d, nil
}
