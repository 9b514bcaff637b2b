package nps

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestTallyEncodingRoundTrip(t *testing.T) {
	oneToTen, _ := NewScale(1, 10, 6, 9)
	custom := NewTally(oneToTen)
	_ = custom.AddN(6, 1<<40)
	_ = custom.Add(1)
	for _, u := range []*Tally{{}, tallyOf(t, 60, 25, 15), custom} {
		bin, _ := u.MarshalBinary()
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
	js, _ := json.Marshal(tallyOf(t, 2, 1, 0))
	if want := `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[0,0,0,0,0,0,0,0,1,0,2]}`; string(js) != want {
		t.Errorf("JSON = %s", js)
	}
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
		"overflow":  append([]byte{'T', 1, 0, 20, 14, 18}, append(bigUvarint(), bigUvarint()...)...),
	} {
		u := tallyOf(t, 5, 5, 5)
		before := *u
		if err := u.UnmarshalBinary(data); !errors.Is(err, ErrEncoding) || *u != before {
			t.Errorf("%s: err = %v, changed = %v", name, err, *u != before)
		}
	}
	for name, js := range map[string]string{
		"syntax":   `{"counts":[1,2`,
		"length":   `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[1,2]}`,
		"scale":    `{"scale":{"min":0,"max":30,"passive_from":7,"promoter_from":9},"counts":[]}`,
		"negative": `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[-1,0,0,0,0,0,0,0,0,0,0]}`,
		"overflow": `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[18446744073709551615,1,0,0,0,0,0,0,0,0,0]}`,
	} {
		u := tallyOf(t, 5, 5, 5)
		before := *u
		if err := json.Unmarshal([]byte(js), u); err == nil || *u != before {
			t.Errorf("%s: err = %v, changed = %v", name, err, *u != before)
		}
	}
}

// bigUvarint is the uvarint of 2⁶⁴ − 1.
func bigUvarint() []byte {
	return []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}
}

func TestWeightedEncodingRoundTrip(t *testing.T) {
	var w Weighted
	_ = w.Add(9, 1.25)
	_ = w.Add(2, 0.5)
	bin, _ := w.MarshalBinary()
	var fromBin Weighted
	if err := fromBin.UnmarshalBinary(bin); err != nil || fromBin != w {
		t.Fatalf("binary: %v", err)
	}
	js, _ := json.Marshal(&w)
	var fromJSON Weighted
	if err := json.Unmarshal(js, &fromJSON); err != nil || fromJSON != w {
		t.Fatalf("JSON %s: %v", js, err)
	}
	bad := append([]byte{}, bin...)
	copy(bad[len(bad)-8:], []byte{0, 0, 0, 0, 0, 0, 0xf8, 0x7f}) // NaN
	if err := fromBin.UnmarshalBinary(bad); !errors.Is(err, ErrEncoding) {
		t.Errorf("NaN weight: err = %v", err)
	}
	if err := fromJSON.UnmarshalJSON([]byte(`{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"n":1,"weight":[1],"square":[1]}`)); !errors.Is(err, ErrEncoding) {
		t.Errorf("short JSON: err = %v", err)
	}
}

// Decoding never panics, and whatever decodes encodes back to the same bytes.
func FuzzTallyUnmarshalBinary(f *testing.F) {
	good, _ := tallyOf(f, 60, 25, 15).MarshalBinary()
	f.Add(good)
	f.Add([]byte{'T', 1})
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
	})
}

func FuzzTallyUnmarshalJSON(f *testing.F) {
	js, _ := json.Marshal(tallyOf(f, 1, 2, 3))
	f.Add(js)
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Tally
		if err := json.Unmarshal(data, &u); err != nil {
			return
		}
		if u.N() != u.Promoters()+u.Passives()+u.Detractors() {
			t.Fatalf("decoded tally inconsistent: %v", u)
		}
	})
}

func FuzzWeightedUnmarshalBinary(f *testing.F) {
	var w Weighted
	_ = w.Add(9, 1.5)
	good, _ := w.MarshalBinary()
	f.Add(good)
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Weighted
		if err := u.UnmarshalBinary(data); err != nil {
			return
		}
		s, ok := u.Score()
		se, _ := u.StdErr()
		if ok && !(s >= -1 && s <= 1 && se >= 0) {
			t.Fatalf("decoded score %v ± %v", s, se)
		}
	})
}
