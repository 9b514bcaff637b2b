package adjust

import "fmt"

// Method names a multiple-testing adjustment. Its value is the name
// written in JSON.
type Method string

// The adjustments, in R's p.adjust order; the formulas are in the package
// documentation.
const (
	// None leaves the p-values as they are: the unadjusted baseline.
	None Method = "none"
	// Bonferroni multiplies every p-value by the number of tests. It
	// controls the family-wise error rate under any dependence, and is
	// the most conservative.
	Bonferroni Method = "bonferroni"
	// Holm is Bonferroni's step-down refinement (Holm 1979): the same
	// guarantee, never fewer rejections. Prefer it to Bonferroni.
	Holm Method = "holm"
	// Hochberg is the step-up counterpart of Holm (Hochberg 1988): more
	// rejections, valid for independent or positively dependent tests.
	Hochberg Method = "hochberg"
	// BenjaminiHochberg controls the false discovery rate, the expected
	// share of false alarms among the cells marked significant
	// (Benjamini & Hochberg 1995), for independent or positively
	// dependent tests. The usual choice for a dashboard.
	BenjaminiHochberg Method = "benjamini-hochberg"
	// BenjaminiYekutieli controls the false discovery rate under any
	// dependence (Benjamini & Yekutieli 2001), at the price of a factor
	// 1 + 1/2 + … + 1/n.
	BenjaminiYekutieli Method = "benjamini-yekutieli"
)

// methods lists every Method, for messages and tests.
var methods = []Method{None, Bonferroni, Holm, Hochberg, BenjaminiHochberg, BenjaminiYekutieli}

// check returns ErrMethod for a method the package does not offer.
func (m Method) check(fn string) error {
	for _, k := range methods {
		if m == k {
			return nil
		}
	}
	return fmt.Errorf("%w: %s got %q", ErrMethod, fn, string(m))
}
