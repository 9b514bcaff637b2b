package nps

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTallyEncoding(t *testing.T) {
	js, err := json.Marshal(tallyOf(t, 2, 1, 0))
	require.NoError(t, err)
	assert.Equal(t, `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[0,0,0,0,0,0,0,0,1,0,2]}`, string(js))
	bin, _ := tallyOf(t, 2, 1, 0).MarshalBinary()
	assert.Equal(t, []byte{'T', 1, 0, 20, 14, 18, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2}, bin)
	oneToTen, _ := NewScale(1, 10, 6, 9)
	custom := NewTally(oneToTen)
	require.NoError(t, custom.AddN(6, 1<<40))
	bin, _ = custom.MarshalBinary()
	var back Tally
	require.NoError(t, back.UnmarshalBinary(bin))
	assert.Equal(t, *custom, back)
}

func TestTallyDecodeRejects(t *testing.T) {
	good, _ := tallyOf(t, 1, 2, 3).MarshalBinary()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"tag":       append([]byte{'W'}, good[1:]...),
		"version":   append([]byte{'T', 2}, good[2:]...),
		"truncated": good[:len(good)-1],
		"trailing":  append(append([]byte{}, good...), 0),
		"scale":     {'T', 1, 0, 40, 14, 18},
		"overflow":  append([]byte{'T', 1, 0, 20, 14, 18}, append(maxUvarint(), maxUvarint()...)...),
		"overlong":  append(append([]byte{}, good[:6]...), 0x81, 0x00, 2, 0, 0, 0, 0, 0, 0, 0, 0, 3),
	} {
		t.Run(name, func(t *testing.T) {
			u := tallyOf(t, 5, 5, 5)
			before := *u
			assert.ErrorIs(t, u.UnmarshalBinary(data), ErrEncoding)
			assert.Equal(t, before, *u)
		})
	}
	for name, js := range map[string]string{
		"syntax":    `{"counts":[1,2`,
		"length":    `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[1,2]}`,
		"scale":     `{"scale":{"min":0,"max":30,"passive_from":7,"promoter_from":9},"counts":[]}`,
		"negative":  `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[-1,0,0,0,0,0,0,0,0,0,0]}`,
		"overflow":  `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[18446744073709551615,1,0,0,0,0,0,0,0,0,0]}`,
		"no scale":  `{"counts":[1,0,0,0,0,0,0,0,0,0,0]}`,
		"key order": `{"counts":[1,0,0,0,0,0,0,0,0,0,0],"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9}}`,
		"extra key": `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[1,0,0,0,0,0,0,0,0,0,0],"n":1}`,
	} {
		t.Run(name, func(t *testing.T) {
			u := tallyOf(t, 5, 5, 5)
			before := *u
			assert.ErrorIs(t, u.UnmarshalJSON([]byte(js)), ErrEncoding)
			assert.Equal(t, before, *u)
		})
	}
}

func TestWeightedEncoding(t *testing.T) {
	var w Weighted
	require.NoError(t, w.Add(Response{Score: 9, Weight: 1.25}))
	require.NoError(t, w.Add(Response{Score: 2, Weight: 0.5}))
	js, err := json.Marshal(&w)
	require.NoError(t, err)
	assert.Equal(t, `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[0,0,1,0,0,0,0,0,0,1,0],`+
		`"weight":["0","0","0.5","0","0","0","0","0","0","1.25","0"],"square":["0","0","0.25","0","0","0","0","0","0","1.5625","0"]}`, string(js))
	var back Weighted
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, w, back)
	bin, _ := w.MarshalBinary()
	var fromBin Weighted
	require.NoError(t, fromBin.UnmarshalBinary(bin))
	assert.Equal(t, w, fromBin)
	// A weight of 1.1 is the float64 nearest 1.1, and its JSON says so.
	var v Weighted
	require.NoError(t, v.Add(Response{Score: 10, Weight: 1.1}))
	js, _ = json.Marshal(&v)
	assert.Contains(t, string(js), `"1.100000000000000088817841970012523233890533447265625"`)
}
