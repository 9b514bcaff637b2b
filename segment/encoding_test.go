package segment

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodingRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	c := mustCollect(t, randomTransactions(r, 500), Options{Refunds: true})
	require.NoError(t, c.Add(tx("wide", asOf, "1e40")))
	require.NoError(t, c.Add(tx("wide", asOf, "9.99e63")))
	require.NoError(t, c.Add(tx("refund", asOf, "-3.5")))
	bin, _ := c.MarshalBinary()
	js, _ := c.MarshalJSON()
	var fromBin, fromJSON Collection
	require.NoError(t, fromBin.UnmarshalBinary(bin))
	require.NoError(t, fromJSON.UnmarshalJSON(js))
	for name, d := range map[string]*Collection{"binary": &fromBin, "JSON": &fromJSON} {
		t.Run(name, func(t *testing.T) {
			again, _ := d.MarshalBinary()
			assert.True(t, bytes.Equal(again, bin), "round trip changed the collection")
			assert.Equal(t, c.Options(), d.Options())
			assert.Equal(t, c.N(), d.N())
			w, _ := d.Get("wide")
			assert.True(t, w.Monetary().Equal(dec("9990000000000000000000010000000000000000000000000000000000000000")), "wide = %v", w.Monetary())
		})
	}

	var u, v Customer
	require.NoError(t, u.Add(tx("ann", asOf, "2.5")))
	b, _ := u.MarshalBinary()
	j, _ := u.MarshalJSON()
	require.NoError(t, v.UnmarshalBinary(b))
	assert.Equal(t, u, v)
	v = Customer{}
	require.NoError(t, v.UnmarshalJSON(j))
	assert.True(t, v.Monetary().Equal(u.Monetary()))
	assert.Equal(t, uint64(1), v.Frequency())
	assert.Equal(t, "ann", v.ID())
	assert.JSONEq(t, `{"id":"ann","purchases":1,"refunds":0,"first":"2024-12-31T00:00:00Z","last":"2024-12-31T00:00:00Z","monetary_amount":"2.5"}`, string(j))
}

// Every encoding of a state no transactions give is refused as such.
func TestBadEncodings(t *testing.T) {
	for i, b := range badCustomerBinary() {
		var u Customer
		assert.ErrorIs(t, u.UnmarshalBinary(b), ErrEncoding, "customer binary %d: % x", i, b)
	}
	for i, s := range badCustomerJSON {
		var u Customer
		assert.ErrorIs(t, u.UnmarshalJSON([]byte(s)), ErrEncoding, "customer JSON %d: %.200s", i, s)
	}
	for i, b := range badCollectionBinary() {
		var c Collection
		assert.ErrorIs(t, c.UnmarshalBinary(b), ErrEncoding, "collection binary %d: % x", i, b)
	}
	for i, s := range badCollectionJSON {
		var c Collection
		assert.ErrorIs(t, c.UnmarshalJSON([]byte(s)), ErrEncoding, "collection JSON %d: %s", i, s)
	}
	// What is wrong, said.
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"order", badCollectionBinary()[0], `segment: malformed encoding: customer "a" after "b": ids not in ascending order`},
		{"refunds", badCollectionBinary()[3], `segment: malformed encoding: customer "a" has refunds, which the options do not allow`},
		{"no transaction", badCollectionBinary()[5], `segment: malformed encoding: customer "a" has no transaction`},
		{"claims", badCollectionBinary()[7], "segment: malformed encoding: truncated number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var u Collection
			assert.EqualError(t, u.UnmarshalBinary(c.data), c.want)
		})
	}
}
