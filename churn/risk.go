package churn

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// Reason is a reason code of the churn-risk scorecard.
type Reason int

// Reason codes, in the order contributions are summed and ties broken.
const (
	Complaints        Reason = iota + 1 // complaints in the window
	ContractEnding                      // contract end near or passed
	NoContact                           // long since the last contact ("wear")
	FewerOrders                         // purchase frequency falling
	LowSatisfaction                     // low latest CSAT
	LowRecommendation                   // low latest likelihood to recommend
	Lapsed                              // probably no longer buying: low P(alive)
)

var reasonNames = [...]string{"", "complaints", "contract-ending", "no-contact", "fewer-orders", "low-satisfaction", "low-recommendation", "lapsed"}

// String returns the code's name, e.g. "contract-ending".
func (r Reason) String() string {
	if r < Complaints || r > Lapsed {
		return fmt.Sprintf("Reason(%d)", int(r))
	}
	return reasonNames[r]
}

// MarshalText writes the code's name.
func (r Reason) MarshalText() ([]byte, error) {
	if r < Complaints || r > Lapsed {
		return nil, fmt.Errorf("%w: reason %d", ErrEncoding, int(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText reads a name written by MarshalText.
func (r *Reason) UnmarshalText(b []byte) error {
	i := slices.Index(reasonNames[1:], string(b))
	if i < 0 {
		return fmt.Errorf("%w: reason %q", ErrEncoding, b)
	}
	*r = Reason(i + 1)
	return nil
}

// Signals are what a scorecard knows of one customer.
type Signals struct {
	CustomerID string `json:"customer_id"`
	// Complaints are the instants of the customer's complaints; those in
	// the scorecard's window before the as-of date count.
	Complaints []time.Time `json:"complaints,omitempty"`
	// ContractEnd is the end of the current contract term; zero for none.
	ContractEnd time.Time `json:"contract_end,omitzero"`
	// LastContact is the last interaction with the customer; zero for
	// never, which scores as the longest gap.
	LastContact time.Time `json:"last_contact,omitzero"`
	// RecentOrders and PriorOrders are the orders in the latest window and
	// in the window of the same length before it.
	RecentOrders int `json:"recent_orders"`
	PriorOrders  int `json:"prior_orders"`
	// Satisfaction is the latest CSAT as a share of the scale, 0–1 (4 on
	// 1–5 is 0.75), used when HasSatisfaction.
	Satisfaction    float64 `json:"satisfaction"`
	HasSatisfaction bool    `json:"has_satisfaction"`
	// Recommend is the latest likelihood to recommend, 0–10, used when
	// HasRecommend.
	Recommend    int  `json:"recommend"`
	HasRecommend bool `json:"has_recommend"`
	// PAlive is the probability, 0–1, that a customer without a contract
	// is still buying, from a purchase model fitted to the orders
	// (clv.Predict, clv's BG/NBD P(alive)); nil when unknown. A customer
	// with a contract has the contract end instead: the contract, not
	// the rhythm of purchases, says whether the customer is still there.
	PAlive *float64 `json:"p_alive,omitempty"`
}

// Rule turns a signal's measure x into points: Weight at full strength,
// scaled linearly between the measure Zero (no points) and Full:
//
//	points = Weight · clamp((x − Zero) ÷ (Full − Zero), 0, 1)
//
// Full may be below Zero for signals where lower is worse (days to the
// contract end, satisfaction).
type Rule struct {
	Weight float64 `json:"weight"`
	Zero   float64 `json:"zero"`
	Full   float64 `json:"full"`
}

func (r Rule) points(x float64) float64 {
	if r.Weight == 0 {
		return 0
	}
	f := (x - r.Zero) / (r.Full - r.Zero)
	return r.Weight * math.Min(math.Max(f, 0), 1)
}

func (r Rule) validate(name string) error {
	for _, v := range []float64{r.Weight, r.Zero, r.Full} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s rule %+v not finite", ErrScorecard, name, r)
		}
	}
	if r == (Rule{}) {
		return nil // off: a scorecard written before the rule existed
	}
	if r.Weight < 0 || r.Zero == r.Full {
		return fmt.Errorf("%w: %s rule %+v needs a weight ≥ 0 and Zero ≠ Full", ErrScorecard, name, r)
	}
	return nil
}

// Scorecard scores the churn risk of customers from their Signals: each
// signal's measure becomes points by its Rule, the score is their sum
// clamped to 0–100 and the reasons are the signals that gave points. A
// Weight of 0 turns a signal off, and so does the zero Rule, so that a
// Scorecard written before a rule was added scores as it did. The result
// depends only on the signals, the scorecard and the as-of date.
type Scorecard struct {
	// ComplaintWindow is how far back complaints count: those at instants
	// in [asOf − ComplaintWindow, asOf).
	ComplaintWindow time.Duration `json:"complaint_window"`
	// Complaints: measure, complaints in the window.
	Complaints Rule `json:"complaints"`
	// ContractEnd: measure, days from the as-of date to the contract end,
	// negative once it has passed; no points without a contract.
	ContractEnd Rule `json:"contract_end"`
	// Contact: measure, days since the last contact (+Inf for never).
	Contact Rule `json:"contact"`
	// Orders: measure, the fall in orders (prior − recent) ÷ prior,
	// clamped at 0; no points without prior orders.
	Orders Rule `json:"orders"`
	// Satisfaction: measure, the latest CSAT share 0–1.
	Satisfaction Rule `json:"satisfaction"`
	// Recommend: measure, the latest likelihood to recommend 0–10.
	Recommend Rule `json:"recommend"`
	// Lapse: measure, 1 − P(alive), the probability that a customer
	// without a contract has already stopped buying; no points without
	// a P(alive).
	Lapse Rule `json:"lapse"`
}

// DefaultScorecard returns the default weights:
//
//	complaints          25   from 0 to 3 complaints in 90 days
//	contract-ending     25   from 90 days before the contract end to the end
//	lapsed              25   from P(alive) 80 % down to 20 % (no contract)
//	fewer-orders        20   from no fall in orders to none at all
//	no-contact          10   from 30 to 180 days since the last contact
//	low-satisfaction    10   from CSAT 80 % down to 40 %
//	low-recommendation  10   from 7 (passive) down to 0
//
// contract-ending and lapsed are the one signal of a relationship ending,
// read from the contract of a contractual customer and from the purchase
// model of any other, so that a customer scores on one or the other and
// the most any customer scores is 100. The wear signal, no-contact, has 10
// points: in a shop most good customers never contact the centre, and a
// customer never contacted scores all of them.
func DefaultScorecard() Scorecard {
	return Scorecard{
		ComplaintWindow: 90 * 24 * time.Hour,
		Complaints:      Rule{Weight: 25, Zero: 0, Full: 3},
		ContractEnd:     Rule{Weight: 25, Zero: 90, Full: 0},
		Contact:         Rule{Weight: 10, Zero: 30, Full: 180},
		Orders:          Rule{Weight: 20, Zero: 0, Full: 1},
		Satisfaction:    Rule{Weight: 10, Zero: 0.8, Full: 0.4},
		Recommend:       Rule{Weight: 10, Zero: 7, Full: 0},
		Lapse:           Rule{Weight: 25, Zero: 0.2, Full: 0.8},
	}
}

// Validate checks every rule (finite, Weight ≥ 0, Zero ≠ Full, or the
// zero Rule, which is off) and a non-negative complaint window.
func (s Scorecard) Validate() error {
	if s.ComplaintWindow < 0 {
		return fmt.Errorf("%w: complaint window %v", ErrScorecard, s.ComplaintWindow)
	}
	for _, r := range []struct {
		name string
		rule Rule
	}{{"complaints", s.Complaints}, {"contract end", s.ContractEnd}, {"contact", s.Contact},
		{"orders", s.Orders}, {"satisfaction", s.Satisfaction}, {"recommend", s.Recommend}, {"lapse", s.Lapse}} {
		if err := r.rule.validate(r.name); err != nil {
			return err
		}
	}
	return nil
}

// Contribution is the share of a risk score due to one reason.
type Contribution struct {
	Reason Reason
	// Points is the contribution to the risk score, from 0 to the rule's
	// weight.
	Points float64
	// Measure is the signal's measure in the unit of its reason:
	// complaints (a count), days to the contract end or since the last
	// contact, the fall in orders, the satisfaction and 1 − P(alive) as
	// fractions, the likelihood to recommend on 0–10. It is nil for a
	// customer never contacted, whose gap has no length.
	Measure *float64
}

// MarshalJSON writes {"reason":…,"risk_points":…} and the measure under
// the key of its unit: "measure" (complaints), "measure_days",
// "measure_pct" (fall in orders, satisfaction, 1 − P(alive)) or
// "measure_score" (likelihood to recommend), null when there is none.
func (c Contribution) MarshalJSON() ([]byte, error) {
	reason, err := c.Reason.MarshalText()
	if err != nil {
		return nil, err
	}
	key, scale := "measure", 1.0
	switch c.Reason {
	case ContractEnding, NoContact:
		key = "measure_days"
	case FewerOrders, LowSatisfaction, Lapsed:
		key, scale = "measure_pct", 100
	case LowRecommendation:
		key = "measure_score"
	}
	var m *float64
	if c.Measure != nil {
		v := scale * *c.Measure
		m = &v
	}
	points, err := json.Marshal(c.Points)
	if err != nil {
		return nil, err
	}
	measure, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, `{"reason":%q,"risk_points":%s,%q:%s}`, reason, points, key, measure), nil
}

// Risk is a customer's churn-risk score with its reasons.
type Risk struct {
	CustomerID string `json:"customer_id"`
	// Points is the risk score, the sum of the contributions clamped to
	// 0–100.
	Points float64 `json:"risk_points"`
	// Reasons are the contributions with points, largest first (ties in
	// reason-code order).
	Reasons []Contribution `json:"reasons"`
}

// String returns e.g. "c42 risk 61.7: complaints 16.7, contract-ending 15.0".
func (r Risk) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s risk %.1f", r.CustomerID, r.Points)
	for i, c := range r.Reasons {
		sep := ", "
		if i == 0 {
			sep = ": "
		}
		fmt.Fprintf(&b, "%s%s %.1f", sep, c.Reason, c.Points)
	}
	return b.String()
}

const day = float64(24 * time.Hour)

// Score scores one customer as of asOf. It fails on an invalid scorecard,
// an empty id (ErrID), a time outside the plausible window (ErrTime: the
// as-of date, a complaint, the contract end or the last contact), or a
// signal out of range (ErrSignal): negative orders, satisfaction or
// P(alive) outside 0–1, recommend outside 0–10.
func (s Scorecard) Score(sig Signals, asOf time.Time) (Risk, error) {
	if err := s.Validate(); err != nil {
		return Risk{}, err
	}
	if err := checkTime("as-of date", asOf); err != nil {
		return Risk{}, err
	}
	return s.score(sig, asOf)
}

func (s Scorecard) score(sig Signals, asOf time.Time) (Risk, error) {
	if sig.CustomerID == "" {
		return Risk{}, ErrID
	}
	if err := sig.checkTimes(); err != nil {
		return Risk{}, err
	}
	switch {
	case sig.RecentOrders < 0 || sig.PriorOrders < 0:
		return Risk{}, fmt.Errorf("customer %q: %w: orders %d, %d", sig.CustomerID, ErrSignal, sig.RecentOrders, sig.PriorOrders)
	case sig.HasSatisfaction && !(sig.Satisfaction >= 0 && sig.Satisfaction <= 1):
		return Risk{}, fmt.Errorf("customer %q: %w: satisfaction %v not in 0–1", sig.CustomerID, ErrSignal, sig.Satisfaction)
	case sig.HasRecommend && (sig.Recommend < 0 || sig.Recommend > 10):
		return Risk{}, fmt.Errorf("customer %q: %w: recommend %d not in 0–10", sig.CustomerID, ErrSignal, sig.Recommend)
	case sig.PAlive != nil && !(*sig.PAlive >= 0 && *sig.PAlive <= 1):
		return Risk{}, fmt.Errorf("customer %q: %w: P(alive) %v not in 0–1", sig.CustomerID, ErrSignal, *sig.PAlive)
	}
	var cs []Contribution
	add := func(r Reason, rule Rule, x float64) {
		if p := rule.points(x); p > 0 {
			c := Contribution{Reason: r, Points: p}
			if !math.IsInf(x, 0) {
				c.Measure = &x
			}
			cs = append(cs, c)
		}
	}
	from := asOf.Add(-s.ComplaintWindow)
	n := 0
	for _, t := range sig.Complaints {
		if !t.Before(from) && t.Before(asOf) {
			n++
		}
	}
	add(Complaints, s.Complaints, float64(n))
	if !sig.ContractEnd.IsZero() {
		add(ContractEnding, s.ContractEnd, float64(sig.ContractEnd.Sub(asOf))/day)
	}
	gap := math.Inf(1)
	if !sig.LastContact.IsZero() {
		gap = float64(asOf.Sub(sig.LastContact)) / day
	}
	add(NoContact, s.Contact, gap)
	if sig.PriorOrders > 0 {
		add(FewerOrders, s.Orders, math.Max(float64(sig.PriorOrders-sig.RecentOrders)/float64(sig.PriorOrders), 0))
	}
	if sig.HasSatisfaction {
		add(LowSatisfaction, s.Satisfaction, sig.Satisfaction)
	}
	if sig.HasRecommend {
		add(LowRecommendation, s.Recommend, float64(sig.Recommend))
	}
	if sig.PAlive != nil {
		add(Lapsed, s.Lapse, 1-*sig.PAlive)
	}
	total := 0.0
	for _, c := range cs { // reason-code order: a fixed summation order
		total += c.Points
	}
	slices.SortStableFunc(cs, func(a, b Contribution) int {
		if c := cmp.Compare(b.Points, a.Points); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	return Risk{CustomerID: sig.CustomerID, Points: math.Min(total, 100), Reasons: cs}, nil
}

// checkTimes reports the first time outside the plausible window, naming
// it and the customer.
func (sig Signals) checkTimes() error {
	bad := func(err error) error { return fmt.Errorf("%w (customer %q)", err, sig.CustomerID) }
	for i, t := range sig.Complaints {
		if err := checkTime(fmt.Sprintf("complaint %d", i), t); err != nil {
			return bad(err)
		}
	}
	for _, t := range []struct {
		what string
		at   time.Time
	}{{"contract end", sig.ContractEnd}, {"last contact", sig.LastContact}} {
		if t.at.IsZero() {
			continue
		}
		if err := checkTime(t.what, t.at); err != nil {
			return bad(err)
		}
	}
	return nil
}

// Rank scores every customer and sorts them riskiest first (ties by id).
// It fails on the first bad signal set or a duplicate id, naming the
// customer.
func (s Scorecard) Rank(signals []Signals, asOf time.Time) ([]Risk, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if err := checkTime("as-of date", asOf); err != nil {
		return nil, err
	}
	out := make([]Risk, 0, len(signals))
	seen := make(map[string]int, len(signals))
	for i, sig := range signals {
		if j, dup := seen[sig.CustomerID]; dup {
			return nil, fmt.Errorf("customer %q: %w (positions %d and %d)", sig.CustomerID, ErrDuplicateID, j, i)
		}
		seen[sig.CustomerID] = i
		r, err := s.score(sig, asOf)
		if err != nil {
			return nil, group.At("signals", i, err)
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Risk) int {
		if c := cmp.Compare(b.Points, a.Points); c != 0 {
			return c
		}
		return strings.Compare(a.CustomerID, b.CustomerID)
	})
	return out, nil
}
