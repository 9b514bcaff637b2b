package operations

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestTallyEncodingRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	large := tallyOf(t, randomContacts(rng, 500))
	large.cost.Add(dec("340282366920938463463374607431768211455")) // past 128 bits
	for name, u := range map[string]*Tally{"empty": {}, "sample": tallyOf(t, sample()), "random": large} {
		bin, err := u.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var fromBin Tally
		if err := fromBin.UnmarshalBinary(bin); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, _ := fromBin.MarshalBinary()
		if !bytes.Equal(bin, again) || !fromBin.Cost().Equal(u.Cost()) {
			t.Fatalf("%s: binary round trip differs", name)
		}
		js, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		var fromJSON Tally
		if err := json.Unmarshal(js, &fromJSON); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, js)
		}
		again, _ = fromJSON.MarshalBinary()
		if !bytes.Equal(bin, again) {
			t.Fatalf("%s: JSON round trip differs:\n%s", name, js)
		}
	}
	js, _ := json.Marshal(tallyOf(t, sample()[:2]))
	want := `{"contacts":[{"direction":"inbound","channel":"phone","outcome":"answered","n":2}],"resolved":1,"complaints":0,` +
		`"high_value":1,"low_value":1,"fcr":{"repeat":0,"resolved":0,"unresolved":0},"talk_ns":"420000000000","hold_ns":"30000000000",` +
		`"wrap_ns":"90000000000","wait":{"counts":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1],` +
		`"sum_ns":"55000000000"},"abandon":{"counts":[],"sum_ns":"0"},"abandon_untimed":0,"response":{"counts":[],"sum_ns":"0"},"cost":"13.75"}`
	if string(js) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", js, want)
	}
}

func TestTallyDecodeRejects(t *testing.T) {
	good, _ := tallyOf(t, sample()).MarshalBinary()
	goodJSON, _ := json.Marshal(tallyOf(t, sample()))
	binCases := map[string][]byte{
		"empty":     nil,
		"tag":       append([]byte{'T'}, good[1:]...),
		"version":   append([]byte{'O', 2}, good[2:]...),
		"truncated": good[:len(good)-1],
		"trailing":  append(bytes.Clone(good), 0),
		"short":     {'O', 1, 0, 0},
	}
	// An answered phone count without its wait makes the histogram inconsistent.
	bumped := bytes.Clone(good)
	bumped[2] += 1 // inbound phone answered: 2 → 3
	binCases["histogram"] = bumped
	for name, data := range binCases {
		u := tallyOf(t, sample()[:3])
		before, _ := u.MarshalBinary()
		err := u.UnmarshalBinary(data)
		after, _ := u.MarshalBinary()
		if !errors.Is(err, ErrEncoding) || !bytes.Equal(before, after) {
			t.Errorf("%s: err = %v, changed = %v", name, err, !bytes.Equal(before, after))
		}
	}
	jsonCases := map[string]string{
		"syntax":       `{"contacts":[`,
		"channel":      strings.Replace(string(goodJSON), `"channel":"phone"`, `"channel":"fax"`, 1),
		"self-service": `{"contacts":[{"direction":"outbound","channel":"faq","outcome":"unreached","n":1}],"talk_ns":"0","hold_ns":"0","wrap_ns":"0","wait":{"sum_ns":"0"},"abandon":{"sum_ns":"0"},"response":{"sum_ns":"0"},"cost":"0"}`,
		"resolved":     `{"contacts":[],"resolved":1,"talk_ns":"0","hold_ns":"0","wrap_ns":"0","wait":{"sum_ns":"0"},"abandon":{"sum_ns":"0"},"response":{"sum_ns":"0"},"cost":"0"}`,
		"talk":         `{"contacts":[],"talk_ns":"5","hold_ns":"0","wrap_ns":"0","wait":{"sum_ns":"0"},"abandon":{"sum_ns":"0"},"response":{"sum_ns":"0"},"cost":"0"}`,
		"sum":          strings.Replace(string(goodJSON), `"talk_ns":"`, `"talk_ns":"x`, 1),
		"wait sum":     strings.Replace(string(goodJSON), `"sum_ns":"60000000000"`, `"sum_ns":"1"`, 1),
		"trailing 0":   strings.Replace(string(goodJSON), `"abandon":{"counts":[0,0,0,0,0,0,0,0,0,0,1]`, `"abandon":{"counts":[0,0,0,0,0,0,0,0,0,0,1,0]`, 1),
		"cost":         strings.Replace(string(goodJSON), `"cost":"26.45"`, `"cost":"-1"`, 1),
		"cost nan":     strings.Replace(string(goodJSON), `"cost":"26.45"`, `"cost":"NaN"`, 1),
	}
	for name, js := range jsonCases {
		if js == string(goodJSON) {
			t.Fatalf("%s: the edit did not apply", name)
		}
		u := tallyOf(t, sample()[:3])
		before, _ := u.MarshalBinary()
		err := json.Unmarshal([]byte(js), u)
		after, _ := u.MarshalBinary()
		if name == "syntax" && err != nil { // encoding/json rejects it before UnmarshalJSON
			err = ErrEncoding
		}
		if !errors.Is(err, ErrEncoding) && !errors.Is(err, ErrChannel) || !bytes.Equal(before, after) {
			t.Errorf("%s: err = %v, changed = %v", name, err, !bytes.Equal(before, after))
		}
	}
}

// Decoding never panics, a failed decode leaves the tally alone, and
// whatever decodes encodes back to the same bytes and reads out sanely.
func FuzzTallyUnmarshalBinary(f *testing.F) {
	good, _ := tallyOf(f, sample()).MarshalBinary()
	f.Add(good)
	empty, _ := new(Tally).MarshalBinary()
	f.Add(empty)
	f.Fuzz(func(t *testing.T, data []byte) {
		u := tallyOf(t, sample()[:1])
		before, _ := u.MarshalBinary()
		if err := u.UnmarshalBinary(data); err != nil {
			after, _ := u.MarshalBinary()
			if !bytes.Equal(before, after) {
				t.Fatal("failed decode changed the tally")
			}
			return
		}
		again, _ := u.MarshalBinary()
		if !bytes.Equal(again, data) {
			t.Fatalf("re-encoding differs")
		}
		checkReadOuts(t, u)
	})
}

func FuzzTallyUnmarshalJSON(f *testing.F) {
	js, _ := json.Marshal(tallyOf(f, sample()))
	f.Add(js)
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Tally
		if err := json.Unmarshal(data, &u); err != nil {
			return
		}
		checkReadOuts(t, &u)
		bin, _ := u.MarshalBinary()
		var v Tally
		if err := v.UnmarshalBinary(bin); err != nil {
			t.Fatalf("a decoded tally does not re-decode: %v", err)
		}
	})
}

// checkReadOuts asserts every rate is in [0, 1] and every mean within
// the histogram's range.
func checkReadOuts(t *testing.T, u *Tally) {
	t.Helper()
	rates := []func() (float64, bool){u.Reachability, u.OutboundReach, u.Abandonment, u.ResolutionRate, u.FCR,
		u.RepeatRate, u.ComplaintRate, u.Deflection, u.HighValueShare, u.LowValueShare,
		func() (float64, bool) { return u.ServiceLevel(20 * time.Second) },
		func() (float64, bool) { return u.ServiceLevelExcluding(20*time.Second, 5*time.Second) },
		func() (float64, bool) { return u.AbandonmentExcluding(5 * time.Second) },
		func() (float64, bool) { return u.ResponseWithin(24 * time.Hour) }}
	for i, f := range rates {
		if r, ok := f(); ok && !(r >= 0 && r <= 1) {
			t.Fatalf("rate %d = %v", i, r)
		}
	}
	for _, f := range []func() (time.Duration, bool){u.ASA, u.AHT, u.ResponseTime, u.TimeToAbandon, u.Patience} {
		if d, ok := f(); ok && d < 0 {
			t.Fatalf("negative mean %v", d)
		}
	}
	if asa, ok := u.ASA(); ok {
		if hi, _ := u.WaitQuantile(1); asa > hi {
			t.Fatalf("ASA %v above the largest wait %v", asa, hi)
		}
	}
	if c := u.Cost(); c.Sign() < 0 {
		t.Fatalf("cost %v", c)
	}
}

// Adding any contact either fails and changes nothing, or counts it once.
func FuzzTallyAdd(f *testing.F) {
	f.Add(uint8(1), uint8(1), uint8(1), int64(0), int64(15e9), int64(60e9), int64(3e9), int64(0), int64(0), true, false, uint8(1), "6.50")
	f.Add(uint8(8), uint8(1), uint8(1), int64(0), int64(86400e9), int64(0), int64(0), int64(0), int64(0), false, true, uint8(2), "0")
	f.Add(uint8(1), uint8(1), uint8(2), int64(0), int64(-1), int64(5e9), int64(0), int64(0), int64(0), false, false, uint8(0), "")
	f.Fuzz(func(t *testing.T, ch, dir, out uint8, arrived, answer, end, talk, hold, wrap int64, resolved, complaint bool, value uint8, cost string) {
		c := Contact{ID: "f", Channel: Channel(ch), Direction: Direction(dir), Outcome: Outcome(out),
			Arrived: at(time.Duration(arrived)), Talk: time.Duration(talk), Hold: time.Duration(hold), Wrap: time.Duration(wrap),
			Resolved: resolved, Complaint: complaint, Value: ValueAdded(value)}
		if answer >= 0 {
			c.Answered = c.Arrived.Add(time.Duration(answer))
		}
		if end >= 0 {
			c.Ended = c.Arrived.Add(time.Duration(end))
		}
		c.Cost, _ = decimal.NewFromString(cost)
		u := tallyOf(t, sample())
		before, _ := u.MarshalBinary()
		n := u.N()
		err := u.Add(c)
		after, _ := u.MarshalBinary()
		switch {
		case err != nil && !bytes.Equal(before, after):
			t.Fatal("rejected Add changed the tally")
		case err == nil && u.N() != n+1:
			t.Fatal("Add did not count the contact")
		case (err == nil) != (c.Validate() == nil):
			t.Fatalf("Add err %v but Validate %v", err, c.Validate())
		}
		if err == nil {
			var v Tally
			if err := v.UnmarshalBinary(after); err != nil {
				t.Fatalf("tally after Add does not decode: %v", err)
			}
			checkReadOuts(t, u)
		}
	})
}
