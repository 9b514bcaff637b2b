package ces

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncoding(t *testing.T) {
	u := tallyOf(t, FivePointEffort, 3, 0, 1)
	js, err := json.Marshal(u)
	require.NoError(t, err)
	assert.Equal(t, `{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[3,0,1,0,0]}`, string(js))
	bin, _ := u.MarshalBinary()
	assert.Equal(t, []byte{'E', 1, 2, 10, 2, 4, 8, 3, 0, 1, 0, 0}, bin)
	tenPoint, _ := NewScale(0, 10, LowerIsEasier)
	wide, _ := SevenPointEase.WithBands(2, 6)
	for _, u := range []*Tally{tallyOf(t, FivePointEffort, 1<<40, 0, 3), tallyOf(t, tenPoint, 9), tallyOf(t, wide, 0, 1)} {
		bin, _ := u.MarshalBinary()
		var back Tally
		require.NoError(t, back.UnmarshalBinary(bin))
		assert.Equal(t, *u, back)
	}
}

func TestDecodeRejects(t *testing.T) {
	good, _ := tallyOf(t, FivePointEffort, 1, 2, 3, 4, 5).MarshalBinary()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"tag":       append([]byte{'C'}, good[1:]...),
		"version":   append([]byte{'E', 9}, good[2:]...),
		"truncated": good[:len(good)-1],
		"no scale":  {'E', 1, 2, 10},
		"trailing":  append(append([]byte{}, good...), 0),
		"points":    {'E', 1, 2, 40, 2, 4, 8},
		"polarity":  {'E', 1, 2, 10, 4, 4, 8, 0, 0, 0, 0, 0},
		"bands":     {'E', 1, 2, 10, 2, 8, 4, 0, 0, 0, 0, 0},
		"huge":      {'E', 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 10, 2, 4, 8},
	} {
		t.Run(name, func(t *testing.T) {
			u := tallyOf(t, FivePointEffort, 5, 5, 5, 5, 5)
			before := *u
			assert.ErrorIs(t, u.UnmarshalBinary(data), ErrEncoding)
			assert.Equal(t, before, *u)
		})
	}
	for name, js := range map[string]string{
		"syntax":   `{"counts":[1,2`,
		"length":   `{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[1,2]}`,
		"polarity": `{"scale":{"min":1,"max":5,"polarity":"up","low_to":2,"high_from":4},"counts":[1,2,3,4,5]}`,
		"negative": `{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[-1,0,0,0,0]}`,
		"no scale": `{"counts":[1,0,0,0,0,0,2]}`,
	} {
		t.Run(name, func(t *testing.T) {
			u := tallyOf(t, FivePointEffort, 5, 5, 5, 5, 5)
			before := *u
			assert.ErrorIs(t, u.UnmarshalJSON([]byte(js)), ErrEncoding)
			assert.Equal(t, before, *u)
		})
	}
}

func BenchmarkAppendBinary(b *testing.B) {
	u := tallyOf(b, SevenPointEase, 4, 6, 10, 20, 40, 60, 60)
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf, _ = u.AppendBinary(buf[:0])
	}
}
