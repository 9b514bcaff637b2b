package rapportbeam

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The pipeline's scores equal segment.CollectionOf + Score on the same
// transactions, amounts with cents intact, and bad transactions come out
// as rejections.
func TestRFM(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var txs []segment.Transaction
	for range 3000 {
		txs = append(txs, segment.Transaction{
			CustomerID: fmt.Sprintf("C%03d", rng.IntN(300)),
			At:         asOf.Add(-time.Duration(1+rng.IntN(365*24)) * time.Hour),
			// Amounts that differ only in cents, so a lost decimal would
			// change the monetary scores.
			Amount: decimal.New(int64(1000+rng.IntN(9000)), -2),
		})
	}
	c, err := segment.CollectionOf(slices.Values(txs), segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Score(asOf, segment.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var want []any
	for sc := range s.Customers() {
		want = append(want, sc.ID+" "+sc.Score.Code())
	}
	bad := append(slices.Clone(txs), segment.Transaction{CustomerID: "", At: asOf.AddDate(0, 0, -1), Amount: decimal.NewFromInt(5)},
		segment.Transaction{CustomerID: "C001", At: asOf.AddDate(0, 0, -1), Amount: decimal.NewFromInt(-5)})

	p, sc := beam.NewPipelineWithRoot()
	scores, rejected := RFM(sc, beam.CreateList(sc, bad), asOf, false)
	passert.Equals(sc, scores, want...)
	passert.Count(sc, rejected, "rejected", 2)
	ptest.RunAndValidate(t, p)
}

// The transaction coder keeps amounts exact, to the exponent, and
// refuses an encoding longer than MaxRecord before decoding it.
func TestTransactionCoder(t *testing.T) {
	in := segment.Transaction{CustomerID: "C1", At: time.Date(2025, 3, 1, 12, 0, 0, 0, time.FixedZone("", 3600)), Amount: decimal.RequireFromString("12.340")}
	b, err := encodeGob(in)
	require.NoError(t, err)
	out, err := decodeGob[segment.Transaction](b)
	require.NoError(t, err)
	require.Equal(t, in.CustomerID, out.CustomerID)
	require.True(t, in.At.Equal(out.At))
	require.Equal(t, "+01:00", out.At.Format("-07:00"))
	require.Equal(t, in.Amount.Exponent(), out.Amount.Exponent())
	require.Equal(t, in.Amount.String(), out.Amount.String())

	huge := in
	huge.Amount = decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 8*MaxRecord), 0)
	b, err = encodeGob(huge)
	require.NoError(t, err)
	_, err = decodeGob[segment.Transaction](b)
	require.ErrorContains(t, err, "more than")
}
