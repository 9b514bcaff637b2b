package tidy_test

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/tidy"
	"github.com/stretchr/testify/require"
)

// TestRefuses writes Results that break the contract: each is refused
// with its error, and the file keeps only the rows of the good Result
// written before it.
func TestRefuses(t *testing.T) {
	nan := math.NaN()
	deep := strings.Repeat(`{"a":`, tidy.MaxDepth+1) + "1" + strings.Repeat("}", tidy.MaxDepth+1)
	cases := []struct {
		name   string
		result any
		err    error
		says   string
	}{
		{"a fraction without a unit", json.RawMessage(`{"n":3,"churn":0.25}`), tidy.ErrUnit, `"churn" holds 0.25`},
		{"an exponent without a unit", json.RawMessage(`{"share":1e2}`), tidy.ErrUnit, `"share" holds 1e2`},
		{"a nested fraction without a unit", json.RawMessage(`{"queue":{"load":2.5}}`), tidy.ErrUnit, `"queue.load"`},
		{"in an array", json.RawMessage(`{"steps":[{"time_days":1,"survival":0.9}]}`), tidy.ErrUnit, `"steps.survival"`},
		{"a null without a unit", json.RawMessage(`{"median":null}`), tidy.ErrUnit, "must say its unit"},
		{"a text where a percentage is due", json.RawMessage(`{"rate_pct":"high"}`), tidy.ErrUnit, `"rate_pct" holds the text "high"`},
		{"a yes/no where seconds are due", json.RawMessage(`{"asa_seconds":true}`), tidy.ErrUnit, `"asa_seconds"`},
		{"an amount that is not a decimal", json.RawMessage(`{"cost_amount":"12,50"}`), tidy.ErrUnit, `"cost_amount"`},
		{"an amount past the bounds", json.RawMessage(`{"cost_amount":"1e400"}`), tidy.ErrUnit, `"cost_amount"`},
		{"an n that is not a count", json.RawMessage(`{"n":2.5}`), tidy.ErrUnit, `"n" holds 2.5`},
		{"an interval without its figure", json.RawMessage(`{"rate_interval_pct":{"lo":1,"hi":2,"level":0.95,"method":"wilson"}}`), tidy.ErrResult, `without its figure "rate_pct"`},
		{"an interval with another key", json.RawMessage(`{"rate_pct":1.5,"rate_interval_pct":{"lo":1,"hi":2,"level":0.95,"method":"wilson","se":0.2}}`), tidy.ErrResult, `has the key "se"`},
		{"an interval that is a number", json.RawMessage(`{"rate_pct":1.5,"rate_interval_pct":3}`), tidy.ErrResult, "not an object"},
		{"an interval bound that is a text", json.RawMessage(`{"rate_pct":1.5,"rate_interval_pct":{"lo":"1"}}`), tidy.ErrResult, "lo holds"},
		{"a lone number", json.RawMessage(`42`), tidy.ErrResult, "lone value"},
		{"an array of numbers", json.RawMessage(`[1,2]`), tidy.ErrResult, "no keys"},
		{"a mixed array", json.RawMessage(`{"x":[{"a":1},2]}`), tidy.ErrResult, "mixes"},
		{"an empty key", json.RawMessage(`{"":1}`), tidy.ErrResult, "empty key"},
		{"a key twice", json.RawMessage(`{"a_pct":1,"a_pct":2}`), tidy.ErrResult, "twice"},
		{"nested too deep", json.RawMessage(deep), tidy.ErrResult, "deeper than"},
		{"a period that is not one", json.RawMessage(`{"period":[1]}`), tidy.ErrResult, `"period" holds an array`},
		{"NaN", map[string]float64{"rate_pct": nan}, tidy.ErrResult, "does not marshal"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := tidy.NewWriter[struct{}](&buf, tidy.Options{})
			require.NoError(t, err)
			require.NoError(t, w.Write(struct{}{}, "good", json.RawMessage(`{"n":2,"rate_pct":50}`)))
			err = w.Write(struct{}{}, "bad", c.result)
			require.ErrorIs(t, err, c.err)
			require.ErrorContains(t, err, c.says)
			require.NoError(t, w.Flush())
			require.Equal(t, "period,result,kpi,item,unit,value,lo,hi,level,method,n\n,good,rate,,pct,50,,,,,2\n", buf.String())
		})
	}
}

// TestStatisticsAndParameters writes the keys without a unit that the
// contract allows: test statistics, parameters, yes/no figures.
func TestStatisticsAndParameters(t *testing.T) {
	var buf bytes.Buffer
	w, err := tidy.NewWriter[struct{}](&buf, tidy.Options{Parameters: []string{"shape"}})
	require.NoError(t, err)
	require.NoError(t, w.Write(struct{}{}, "fit", json.RawMessage(
		`{"z":-1.5,"t":null,"df":12.5,"p_value":2.2e-16,"adjusted_p_value":1,"alpha":0.7,"beta":1.18,"shape":{"k":2.5,"name":"gamma","on":true},"significant":true,"hole":false}`)))
	require.NoError(t, w.Flush())
	require.Equal(t, `period,result,kpi,item,unit,value,lo,hi,level,method,n
,fit,z,,number,-1.5,,,,,
,fit,t,,number,,,,,,
,fit,df,,number,12.5,,,,,
,fit,p_value,,number,2.2e-16,,,,,
,fit,adjusted_p_value,,number,1,,,,,
,fit,alpha,,parameter,0.7,,,,,
,fit,beta,,parameter,1.18,,,,,
,fit,shape.k,,parameter,2.5,,,,,
,fit,significant,,bool,1,,,,,
,fit,hole,,bool,0,,,,,
`, buf.String())
}
