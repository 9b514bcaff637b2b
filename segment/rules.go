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

// DefaultRules returns the eleven classic RFM segments on 5 bins, a
// partition of the recency × frequency grid with the monetary score left
// free: the R×F segment map common to RFM tutorials and tools (ten
// segments), with its "hibernating" corner split into Hibernating (R 2)
// and Lost (R 1).
//
//	          F 1           F 2–3               F 4–5
//	R 5   New Customers   Potential Loyalist   Champions
//	R 4   Promising       Potential Loyalist   Loyal Customers
//	R 3   About To Sleep (F 1–2), Need Attention (F 3), Loyal Customers (F 4–5)
//	R 2   Hibernating (F 1–2), At Risk (F 3–4), Can't Lose Them (F 5)
//	R 1   Lost (F 1–2),        At Risk (F 3–4), Can't Lose Them (F 5)
//
// Every cell has exactly one segment (Validate(5) finds no overlap, gap or
// unused rule). The R rfm package's example (rfm_segment) uses ranges on
// all three scores instead, which overlap and leave cells to "Others",
// and assigns the last matching rule; here the first match wins. Write
// Rules of your own to bring the monetary score in.
func DefaultRules() Rules {
	r := func(lo, hi uint8) Range { return Range{lo, hi} }
	free := Range{}
	return Rules{
		{"Champions", r(5, 5), r(4, 5), free},
		{"Loyal Customers", r(3, 4), r(4, 5), free},
		{"Potential Loyalist", r(4, 5), r(2, 3), free},
		{"New Customers", r(5, 5), r(1, 1), free},
		{"Promising", r(4, 4), r(1, 1), free},
		{"Need Attention", r(3, 3), r(3, 3), free},
		{"About To Sleep", r(3, 3), r(1, 2), free},
		{"At Risk", r(1, 2), r(3, 4), free},
		{"Can't Lose Them", r(1, 2), r(5, 5), free},
		{"Hibernating", r(2, 2), r(1, 2), free},
		{"Lost", r(1, 1), r(1, 2), free},
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
// snapshot Transition compares); customers no rule matches are left out.
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
