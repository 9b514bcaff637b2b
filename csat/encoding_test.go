package csat

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncoding(t *testing.T) {
	u := tallyOf(t, FivePoint, 0, 1, 0, 0, 2)
	js, err := json.Marshal(u)
	require.NoError(t, err)
	assert.Equal(t, `{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[0,1,0,0,2]}`, string(js))
	bin, _ := u.MarshalBinary()
	assert.Equal(t, []byte{'C', 1, 2, 10, 8, 4, 0, 1, 0, 0, 2}, bin)
	top1, _ := TenPoint.WithTopBox(1)
	custom, _ := NewScale(-2, 2, 1)
	far, _ := NewScale(math.MaxInt32-4, math.MaxInt32, math.MaxInt32) // the ends of int32 travel too
	for _, u := range []*Tally{tallyOf(t, far, 1, 2, 3, 4, 5), tallyOf(t, top1, 1<<40, 0, 0, 0, 0, 0, 0, 0, 3, 1), tallyOf(t, custom, 1, 0, 2, 0, 3), tallyOf(t, Binary, 7, 9)} {
		bin, _ := u.MarshalBinary()
		var back Tally
		require.NoError(t, back.UnmarshalBinary(bin))
		assert.Equal(t, *u, back)
	}
}

func TestDecodeRejects(t *testing.T) {
	good, _ := tallyOf(t, FivePoint, 1, 2, 3, 4, 5).MarshalBinary()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"tag":       append([]byte{'T'}, good[1:]...),
		"version":   append([]byte{'C', 2}, good[2:]...),
		"truncated": good[:len(good)-1],
		"no scale":  {'C', 1, 2},
		"trailing":  append(append([]byte{}, good...), 0),
		"scale":     {'C', 1, 2, 40, 8, 4},
		"boxes":     {'C', 1, 2, 10, 4, 8, 0, 0, 0, 0, 0},
		"huge":      {'C', 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 10, 8, 4},
	} {
		t.Run(name, func(t *testing.T) {
			u := tallyOf(t, FivePoint, 5, 5, 5, 5, 5)
			before := *u
			assert.ErrorIs(t, u.UnmarshalBinary(data), ErrEncoding)
			assert.Equal(t, before, *u)
		})
	}
	for name, js := range map[string]string{
		"syntax":   `{"counts":[1,2`,
		"length":   `{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[1,2]}`,
		"scale":    `{"scale":{"min":1,"max":30,"satisfied_from":29,"dissatisfied_to":2},"counts":[]}`,
		"negative": `{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[-1,0,0,0,0]}`,
		"no scale": `{"counts":[1,0,0,0,2]}`,
	} {
		t.Run(name, func(t *testing.T) {
			u := tallyOf(t, FivePoint, 5, 5, 5, 5, 5)
			before := *u
			assert.ErrorIs(t, u.UnmarshalJSON([]byte(js)), ErrEncoding)
			assert.Equal(t, before, *u)
		})
	}
}

func BenchmarkAppendBinary(b *testing.B) {
	u := tallyOf(b, FivePoint, 190, 240, 110, 330, 140)
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf, _ = u.AppendBinary(buf[:0])
	}
}
