package csat

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestEncodingRoundTrip(t *testing.T) {
	top1, _ := TenPoint.WithTopBox(1)
	custom, _ := NewScale(-2, 2, 1)
	big := tallyOf(t, top1, 1<<40, 0, 0, 0, 0, 0, 0, 0, 3, 1)
	for _, u := range []*Tally{{}, tallyOf(t, FivePoint, 1, 2, 3, 4, 5), tallyOf(t, Binary, 7, 9), big, tallyOf(t, custom, 1, 0, 2, 0, 3)} {
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
	js, _ := json.Marshal(tallyOf(t, FivePoint, 0, 1, 0, 0, 2))
	if want := `{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[0,1,0,0,2]}`; string(js) != want {
		t.Errorf("JSON = %s", js)
	}
	bin, _ := tallyOf(t, FivePoint, 0, 1, 0, 0, 2).MarshalBinary()
	if want := []byte{'C', 1, 2, 10, 8, 4, 0, 1, 0, 0, 2}; string(bin) != string(want) {
		t.Errorf("binary = %v", bin)
	}
}

func TestDecodeRejects(t *testing.T) {
	good, _ := tallyOf(t, FivePoint, 1, 2, 3, 4, 5).MarshalBinary()
	max := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01} // 2⁶⁴ − 1
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
		"overflow":  append(append([]byte{'C', 1, 2, 10, 8, 4}, max...), 1, 0, 0, 0),
	} {
		u := tallyOf(t, FivePoint, 5, 5, 5, 5, 5)
		before := *u
		if err := u.UnmarshalBinary(data); !errors.Is(err, ErrEncoding) || *u != before {
			t.Errorf("%s: err = %v, changed = %v", name, err, *u != before)
		}
	}
	for name, js := range map[string]string{
		"syntax":   `{"counts":[1,2`,
		"length":   `{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[1,2]}`,
		"scale":    `{"scale":{"min":1,"max":30,"satisfied_from":29,"dissatisfied_to":2},"counts":[]}`,
		"negative": `{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[-1,0,0,0,0]}`,
		"overflow": `{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[18446744073709551615,1,0,0,0]}`,
	} {
		u := tallyOf(t, FivePoint, 5, 5, 5, 5, 5)
		before := *u
		if err := json.Unmarshal([]byte(js), u); err == nil || *u != before {
			t.Errorf("%s: err = %v, changed = %v", name, err, *u != before)
		}
	}
	var u Tally // a missing scale is FivePoint
	if err := json.Unmarshal([]byte(`{"counts":[1,0,0,0,2]}`), &u); err != nil || u.N() != 3 || u.Satisfied() != 2 {
		t.Errorf("no scale: %v, %v", u, err)
	}
}

// Decoding never panics, a failed decode leaves the tally alone, and
// whatever decodes encodes back to the same bytes.
func FuzzTallyUnmarshalBinary(f *testing.F) {
	good, _ := tallyOf(f, SevenPoint, 1, 2, 3, 4, 5, 6, 7).MarshalBinary()
	f.Add(good)
	f.Add([]byte{'C', 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Tally
		if err := u.UnmarshalBinary(data); err != nil {
			if u != (Tally{}) {
				t.Fatal("failed decode changed the tally")
			}
			return
		}
		again, _ := u.MarshalBinary()
		if string(again) != string(data) {
			// Varints have one canonical form only when minimal; re-decode instead.
			var v Tally
			if err := v.UnmarshalBinary(again); err != nil || v != u {
				t.Fatalf("re-decode: %v", err)
			}
		}
		if u.Satisfied()+u.Neutral()+u.Dissatisfied() != u.N() {
			t.Fatal("decoded tally inconsistent")
		}
	})
}

func FuzzTallyUnmarshalJSON(f *testing.F) {
	js, _ := json.Marshal(tallyOf(f, TenPoint, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
	f.Add(js)
	f.Add([]byte(`{"counts":[1,0,0,0,2]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Tally
		if err := json.Unmarshal(data, &u); err != nil {
			return
		}
		if u.Satisfied()+u.Neutral()+u.Dissatisfied() != u.N() {
			t.Fatalf("decoded tally inconsistent: %v", u)
		}
		if _, err := u.Interval(0.95, Wilson); err != nil && u.N() > 0 {
			t.Fatalf("decoded tally has no interval: %v", err)
		}
	})
}

func BenchmarkAppendBinary(b *testing.B) {
	u := tallyOf(b, FivePoint, 190, 240, 110, 330, 140)
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf, _ = u.AppendBinary(buf[:0])
	}
}
