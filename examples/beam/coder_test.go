package rapportbeam

import (
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/shopspring/decimal"
)

// spend carries money in a struct without a registered coder.
type spend struct {
	Customer string
	Amount   decimal.Decimal
}

func amountOf(s spend) string { return s.Customer + " " + s.Amount.String() }

func init() {
	register.Function1x1(amountOf)
}

// TestDefaultCoderLosesDecimals documents why this package registers
// coders: crossing a shuffle with Beam's inferred coder, 12.34 becomes 0,
// silently.
func TestDefaultCoderLosesDecimals(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	in := beam.Create(s, spend{"C1", decimal.RequireFromString("12.34")})
	shuffled := beam.Reshuffle(s, in)
	passert.Equals(s, beam.ParDo(s, amountOf, shuffled), "C1 0")
	ptest.RunAndValidate(t, p)
}
