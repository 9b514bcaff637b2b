package churn

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/stat"
)

// ratio returns k·x ÷ n correctly rounded, for n > 0.
func ratio(x, n, k uint64) float64 { return stat.Ratio(x, n, k) }

// pct returns 100·num ÷ den as a Result figure, correctly rounded (29 of
// 100 is exactly 29), or nil when den = 0.
func pct(num, den uint64) *float64 {
	if den == 0 {
		return nil
	}
	v := ratio(num, den, 100)
	return &v
}

// signedPct returns 100·(a − b) ÷ den, or nil when den = 0.
func signedPct(a, b, den uint64) *float64 {
	if den == 0 {
		return nil
	}
	if a >= b {
		return pct(a-b, den)
	}
	v := -ratio(b-a, den, 100)
	return &v
}

// pctText formats a percentage figure, "n/a" when undefined.
func pctText(p *float64) string {
	if p == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", *p)
}
