package histogram

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/wire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errTest = errors.New("test encoding")

// decode reads the binary form of a histogram in the unit, settled; ok
// false if the decoder or Settle rejects it.
func decode(data []byte, unit time.Duration) (Durations, bool) {
	d := wire.NewDecoder(data, errTest)
	h := Read(&d, unit)
	if d.End() != nil {
		return Durations{}, false
	}
	return h, h.Settle(unit)
}

// decodeJSON reads the JSON form, settled.
func decodeJSON(data []byte, unit time.Duration) (Durations, bool) {
	var j JSON
	if json.Unmarshal(data, &j) != nil {
		return Durations{}, false
	}
	h, ok := j.Durations(unit)
	return h, ok && h.Settle(unit)
}

// Both encodings round-trip, to the same state (N included).
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, unit := range []time.Duration{time.Second, time.Minute} {
		for _, n := range []int{0, 1, 50, 2000} {
			var h Durations
			for _, d := range randomDurations(r, n, unit) {
				h.Add(d, unit)
			}
			if n == 1 {
				h.Add(math.MaxInt64, unit) // the last bin
			}
			bin := h.AppendBinary(nil)
			back, ok := decode(bin, unit)
			require.True(t, ok, "unit %v n %d", unit, n)
			assert.Equal(t, bin, back.AppendBinary(nil))
			assert.Equal(t, h.N(), back.N())
			js, err := json.Marshal(h.JSON())
			require.NoError(t, err)
			back, ok = decodeJSON(js, unit)
			require.True(t, ok, "%s", js)
			assert.Equal(t, bin, back.AppendBinary(nil))
			assert.Equal(t, h.N(), back.N())
		}
	}
	var empty Durations
	js, _ := json.Marshal(empty.JSON())
	assert.Equal(t, `{"counts":[],"sum_ns":"0"}`, string(js))
	assert.Equal(t, []byte{0, 0, 0}, empty.AppendBinary(nil))
}

// raw returns the binary form of counts and a sum (hi, lo).
func raw(counts []uint64, hi, lo uint64) []byte {
	b := binary.AppendUvarint(nil, uint64(len(counts)))
	for _, c := range counts {
		b = binary.AppendUvarint(b, c)
	}
	return binary.AppendUvarint(binary.AppendUvarint(b, hi), lo)
}

// The decoders accept only what Add can make: no trailing zero bin, no
// count overflow, no more bins than a duration has, a sum within the
// bins' edges, a sum text of at most 128 bits.
func TestRejects(t *testing.T) {
	s := uint64(time.Second)
	tooMany := make([]uint64, MaxBin(time.Second)+2)
	tooMany[len(tooMany)-1] = 1
	bad := map[string][]byte{
		"trailing zero":          raw([]uint64{0, 1, 0}, 0, s),
		"only a zero":            raw([]uint64{0}, 0, 0),
		"count overflow":         raw([]uint64{math.MaxUint64, 1}, 0, s),
		"too many bins":          raw(tooMany, 0, 0),
		"more bins than bytes":   {0xff, 0x01, 1, 0, 0},
		"sum above the edges":    raw([]uint64{0, 1}, 0, s+1),
		"sum at a lower edge":    raw([]uint64{0, 0, 1}, 0, s), // (1 s, 2 s]
		"sum of a zero non-zero": raw([]uint64{1}, 0, 1),
		"trailing byte":          append(raw([]uint64{1}, 0, 0), 0),
		"overlong varint":        {0x80, 0x00, 0, 0},
	}
	for name, b := range bad {
		_, ok := decode(b, time.Second)
		assert.False(t, ok, name)
	}
	// The edges themselves are reachable: 2 s and 1 s + 1 ns in bin 2.
	for _, sum := range []uint64{2 * s, s + 1} {
		_, ok := decode(raw([]uint64{0, 0, 1}, 0, sum), time.Second)
		assert.True(t, ok, "sum %d", sum)
	}
	for name, js := range map[string]string{
		"trailing zero":  `{"counts":[1,0],"sum_ns":"0"}`,
		"sum too long":   `{"counts":[1],"sum_ns":"` + strings.Repeat("0", 41) + `"}`,
		"sum past 2¹²⁸":  `{"counts":[1],"sum_ns":"340282366920938463463374607431768211456"}`,
		"negative sum":   `{"counts":[1],"sum_ns":"-1"}`,
		"sum not a text": `{"counts":[1],"sum_ns":"x"}`,
		"too many bins":  `{"counts":[` + strings.Repeat("0,", MaxBin(time.Second)+1) + `1],"sum_ns":"9223372036854775807"}`,
	} {
		_, ok := decodeJSON([]byte(js), time.Second)
		assert.False(t, ok, name)
	}
	// 2⁶⁴−1 durations of 2⁶³−1 ns: the largest sum, in 128 bits.
	most := nanos.Product(math.MaxUint64, math.MaxInt64)
	js := `{"counts":[` + strings.Repeat("0,", MaxBin(time.Second)) + `18446744073709551615],"sum_ns":"` + most.String() + `"}`
	h, ok := decodeJSON([]byte(js), time.Second)
	require.True(t, ok)
	assert.Equal(t, uint64(math.MaxUint64), h.N())
}

// Whatever the binary decoder accepts re-encodes to the same bytes.
func FuzzRead(f *testing.F) {
	var h Durations
	for _, d := range randomDurations(rand.New(rand.NewPCG(11, 12)), 20, time.Second) {
		h.Add(d, time.Second)
	}
	f.Add(h.AppendBinary(nil))
	f.Add(raw([]uint64{0, 1}, 0, uint64(time.Second)))
	f.Add([]byte{0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, unit := range []time.Duration{time.Second, time.Minute} {
			h, ok := decode(data, unit)
			if !ok {
				continue
			}
			if again := h.AppendBinary(nil); !bytes.Equal(again, data) {
				t.Fatalf("%x re-encodes as %x", data, again)
			}
			c := h.Clone()
			c.Merge(&h)
			if c.N() != 2*h.N() && h.N() <= math.MaxUint64/2 {
				t.Fatalf("merge of %d and %d is %d", h.N(), h.N(), c.N())
			}
		}
	})
}

// Whatever the JSON decoder accepts re-encodes to the same JSON, up to
// white space and number spelling, and to the same binary form.
func FuzzJSON(f *testing.F) {
	f.Add(`{"counts":[0,1],"sum_ns":"1000000000"}`)
	f.Add(`{"counts":[],"sum_ns":"0"}`)
	f.Fuzz(func(t *testing.T, text string) {
		h, ok := decodeJSON([]byte(text), time.Second)
		if !ok {
			return
		}
		js, err := json.Marshal(h.JSON())
		require.NoError(t, err)
		back, ok := decodeJSON(js, time.Second)
		require.True(t, ok, "%s", js)
		require.Equal(t, h.AppendBinary(nil), back.AppendBinary(nil))
	})
}
