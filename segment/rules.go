package segment

import (
	"fmt"
	"strings"
)

// Range is an inclusive range of scores, Lo..Hi. The zero Range matches
// every score.
type Range struct {
	Lo uint8 `json:"lo"`
	Hi uint8 `json:"hi"`
}

// contains reports whether score is in r.
func (r Range) contains(score uint8) bool {
	return r == Range{} || r.Lo <= score && score <= r.Hi
}

// String returns "2–5", or "any".
func (r Range) String() string {
	if r == (Range{}) {
		return "any"
	}
	return fmt.Sprintf("%d–%d", r.Lo, r.Hi)
}

// Rule names the customers whose scores fall in its three ranges.
type Rule struct {
	Name string `json:"name"`
	R    Range  `json:"r"`
	F    Range  `json:"f"`
	M    Range  `json:"m"`
}

// Matches reports whether s falls in the rule's ranges.
func (r Rule) Matches(s Score) bool {
	return r.R.contains(s.R) && r.F.contains(s.F) && r.M.contains(s.M)
}

// Rules is an ordered list of segment rules: a score belongs to the first
// rule it matches.
type Rules []Rule

// DefaultRules returns the eleven classic RFM segments on 5 bins. The
// first ten are the R rfm package's example segments (rfm_segment,
// rsquaredacademy/rfm), ranges unchanged; Hibernating is added before Lost
// and three rules (marked *) are widened so that every one of the 125
// cells has a segment:
//
//	Champions           R 4–5  F 4–5  M 4–5
//	Loyal Customers     R 2–5  F 3–5  M 3–5
//	Potential Loyalist  R 3–5  F 1–3  M 1–3
//	New Customers       R 4–5  F 1    M 1
//	Promising           R 3–4  F 1    M 1
//	Need Attention      R 2–3  F 2–3  M 2–3
//	About To Sleep      R 2–3  F 1–2  M 1–2
//	Can't Lose Them     R 1    F 4–5  M 4–5
//	At Risk             R 1–2  F 2–5  M 2–5
//	Hibernating *       R 1–2  F 1–2  M 1–5 (low frequency, any spend)
//	Lost *              R 1–5  F 1–5  M 1–5 (everything else)
//
// The R package assigns the last matching segment; these rules are read
// first match wins, so Can't Lose Them (R 1, F and M 4–5, a subset of At
// Risk) comes before At Risk. Validate(5) lists the overlaps the order
// resolves and reports no uncovered cell.
func DefaultRules() Rules {
	r := func(lo, hi uint8) Range { return Range{lo, hi} }
	return Rules{
		{"Champions", r(4, 5), r(4, 5), r(4, 5)},
		{"Loyal Customers", r(2, 5), r(3, 5), r(3, 5)},
		{"Potential Loyalist", r(3, 5), r(1, 3), r(1, 3)},
		{"New Customers", r(4, 5), r(1, 1), r(1, 1)},
		{"Promising", r(3, 4), r(1, 1), r(1, 1)},
		{"Need Attention", r(2, 3), r(2, 3), r(2, 3)},
		{"About To Sleep", r(2, 3), r(1, 2), r(1, 2)},
		{"Can't Lose Them", r(1, 1), r(4, 5), r(4, 5)},
		{"At Risk", r(1, 2), r(2, 5), r(2, 5)},
		{"Hibernating", r(1, 2), r(1, 2), r(1, 5)},
		{"Lost", r(1, 5), r(1, 5), r(1, 5)},
	}
}

// Match returns the name of the first rule s matches, or ok = false.
func (rs Rules) Match(s Score) (string, bool) {
	for _, r := range rs {
		if r.Matches(s) {
			return r.Name, true
		}
	}
	return "", false
}

// Cell is one combination of scores, and the rules that match it.
type Cell struct {
	Score Score    `json:"score"`
	Rules []string `json:"rules"`
}

// Coverage is what Validate finds on the k×k×k grid of scores.
type Coverage struct {
	// Overlaps lists the cells matched by more than one rule, with the
	// rules in order (the first one wins).
	Overlaps []Cell `json:"overlaps"`
	// Uncovered lists the cells no rule matches.
	Uncovered []Score `json:"uncovered"`
	// Unused lists the rules that win no cell (shadowed by earlier ones).
	Unused []string `json:"unused"`
}

// String returns e.g. "125 cells: 40 overlapping, 0 uncovered, 0 unused rules".
func (c Coverage) String() string {
	return fmt.Sprintf("%d overlapping cells, %d uncovered, unused rules %v",
		len(c.Overlaps), len(c.Uncovered), c.Unused)
}

// Validate checks the rules on bins = 2..9: every rule needs a name (names
// are unique) and ranges within 1..bins with Lo ≤ Hi (ErrRule). It then
// walks every cell (R, F, M) of the grid, in ascending code order, and
// reports the cells that several rules match, those none matches and the
// rules that never win.
func (rs Rules) Validate(bins int) (Coverage, error) {
	if bins < 2 || bins > 9 {
		return Coverage{}, fmt.Errorf("%w: %d bins, want 2..9", ErrConfig, bins)
	}
	seen := make(map[string]bool)
	for i, r := range rs {
		if strings.TrimSpace(r.Name) == "" {
			return Coverage{}, fmt.Errorf("%w: rule %d has no name", ErrRule, i)
		}
		if seen[r.Name] {
			return Coverage{}, fmt.Errorf("%w: rule %d: duplicate name %q", ErrRule, i, r.Name)
		}
		seen[r.Name] = true
		for _, g := range []Range{r.R, r.F, r.M} {
			if g != (Range{}) && (g.Lo < 1 || g.Lo > g.Hi || int(g.Hi) > bins) {
				return Coverage{}, fmt.Errorf("%w: rule %q: range %v not within 1–%d", ErrRule, r.Name, g, bins)
			}
		}
	}
	var cov Coverage
	wins := make([]bool, len(rs))
	k := uint8(bins)
	for r := uint8(1); r <= k; r++ {
		for f := uint8(1); f <= k; f++ {
			for m := uint8(1); m <= k; m++ {
				s := Score{r, f, m}
				var names []string
				for i, rule := range rs {
					if rule.Matches(s) {
						if names == nil {
							wins[i] = true
						}
						names = append(names, rule.Name)
					}
				}
				switch {
				case len(names) == 0:
					cov.Uncovered = append(cov.Uncovered, s)
				case len(names) > 1:
					cov.Overlaps = append(cov.Overlaps, Cell{Score: s, Rules: names})
				}
			}
		}
	}
	for i, w := range wins {
		if !w {
			cov.Unused = append(cov.Unused, rs[i].Name)
		}
	}
	return cov, nil
}

// Segments counts the scored customers per segment (the first matching
// rule); customers no rule matches count under "".
func (s *Scores) Segments(rs Rules) map[string]int {
	counts := make(map[string]int)
	for cell, n := range s.Cells() {
		name, _ := rs.Match(cell)
		counts[name] += n
	}
	return counts
}

// Segment returns the segment of the customer with the given id, or
// ok = false when the id is not scored or no rule matches.
func (s *Scores) Segment(rs Rules, id string) (string, bool) {
	sc, ok := s.Get(id)
	if !ok {
		return "", false
	}
	return rs.Match(sc.Score)
}

// Labels returns every scored customer's segment, id → name (the
// snapshot Transitions compares); customers no rule matches are left out.
func (s *Scores) Labels(rs Rules) map[string]string {
	labels := make(map[string]string, s.Scored)
	for i, sc := range s.score {
		if sc.R == 0 {
			continue
		}
		if name, ok := rs.Match(sc); ok {
			labels[s.entries[i].id] = name
		}
	}
	return labels
}
