package ces

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestEncodingRoundTrip(t *testing.T) {
	tenPoint, _ := NewScale(0, 10, LowerIsEasier)
	wide, _ := SevenPointEase.WithBands(2, 6)
	for _, u := range []*Tally{{}, tallyOf(t, SevenPointEase, 1, 2, 3, 4, 5, 6, 7), tallyOf(t, FivePointEffort, 1<<40, 0, 3), tallyOf(t, tenPoint, 9), tallyOf(t, wide, 0, 1)} {
		bin, err := u.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var fromBin Tally
		if err := fromBin.UnmarshalBinary(bin); err != nil || fromBin != *u {
			t.Fatalf("binary round trip: %v, %v vs %v", err, fromBin, *u)
		}
		js, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		var fromJSON Tally
		if err := json.Unmarshal(js, &fromJSON); err != nil || fromJSON != *u {
			t.Fatalf("JSON round trip of %s: %v", js, err)
		}
	}
	js, _ := json.Marshal(tallyOf(t, FivePointEffort, 3, 0, 1))
	if want := `{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[3,0,1,0,0]}`; string(js) != want {
		t.Errorf("JSON = %s", js)
	}
	bin, _ := tallyOf(t, FivePointEffort, 3, 0, 1).MarshalBinary()
	if want := []byte{'E', 1, 2, 10, 2, 4, 8, 3, 0, 1, 0, 0}; string(bin) != string(want) {
		t.Errorf("binary = %v", bin)
	}
}

func TestDecodeRejects(t *testing.T) {
	good, _ := tallyOf(t, FivePointEffort, 1, 2, 3, 4, 5).MarshalBinary()
	max := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01} // 2⁶⁴ − 1
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
		"overflow":  append(append([]byte{'E', 1, 2, 10, 2, 4, 8}, max...), 1, 0, 0, 0),
	} {
		u := tallyOf(t, FivePointEffort, 5, 5, 5, 5, 5)
		before := *u
		if err := u.UnmarshalBinary(data); !errors.Is(err, ErrEncoding) || *u != before {
			t.Errorf("%s: err = %v, changed = %v", name, err, *u != before)
		}
	}
	for name, js := range map[string]string{
		"syntax":   `{"counts":[1,2`,
		"length":   `{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[1,2]}`,
		"polarity": `{"scale":{"min":1,"max":5,"polarity":"up","low_to":2,"high_from":4},"counts":[1,2,3,4,5]}`,
		"negative": `{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[-1,0,0,0,0]}`,
		"overflow": `{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[18446744073709551615,1,0,0,0]}`,
	} {
		u := tallyOf(t, FivePointEffort, 5, 5, 5, 5, 5)
		before := *u
		if err := json.Unmarshal([]byte(js), u); err == nil || *u != before {
			t.Errorf("%s: err = %v, changed = %v", name, err, *u != before)
		}
	}
	var u Tally // a missing scale is SevenPointEase
	if err := json.Unmarshal([]byte(`{"counts":[1,0,0,0,0,0,2]}`), &u); err != nil || u.N() != 3 || u.LowEffort() != 2 {
		t.Errorf("no scale: %v, %v", u, err)
	}
}

// Decoding never panics, a failed decode leaves the tally alone, and a
// decoded tally re-encodes to a tally equal to it.
func FuzzTallyUnmarshalBinary(f *testing.F) {
	good, _ := tallyOf(f, FivePointEffort, 1, 2, 3, 4, 5).MarshalBinary()
	f.Add(good)
	f.Add([]byte{'E', 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Tally
		if err := u.UnmarshalBinary(data); err != nil {
			if u != (Tally{}) {
				t.Fatal("failed decode changed the tally")
			}
			return
		}
		again, _ := u.MarshalBinary()
		var v Tally
		if err := v.UnmarshalBinary(again); err != nil || v != u {
			t.Fatalf("re-decode: %v", err)
		}
		if u.LowEffort()+u.Neutral()+u.HighEffort() != u.N() {
			t.Fatal("decoded tally inconsistent")
		}
	})
}

func FuzzTallyUnmarshalJSON(f *testing.F) {
	js, _ := json.Marshal(tallyOf(f, FivePointEffort, 1, 2, 3, 4, 5))
	f.Add(js)
	f.Add([]byte(`{"counts":[1,0,0,0,0,0,2]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Tally
		if err := json.Unmarshal(data, &u); err != nil {
			return
		}
		if u.LowEffort()+u.Neutral()+u.HighEffort() != u.N() {
			t.Fatalf("decoded tally inconsistent: %v", u)
		}
		if e, ok := u.Ease(); ok && !(e >= 0 && e <= 1) {
			t.Fatalf("decoded tally has ease %v", e)
		}
	})
}

func BenchmarkAppendBinary(b *testing.B) {
	u := tallyOf(b, SevenPointEase, 4, 6, 10, 20, 40, 60, 60)
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf, _ = u.AppendBinary(buf[:0])
	}
}
