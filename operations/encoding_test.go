package operations

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTallyEncodingRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	large := tallyOf(t, randomContacts(rng, 500))
	large.cost.Add(dec("340282366920938463463374607431768211455")) // past 128 bits
	for name, u := range map[string]*Tally{"empty": {}, "sample": tallyOf(t, sample()), "random": large} {
		t.Run(name, func(t *testing.T) {
			bin, err := u.MarshalBinary()
			require.NoError(t, err)
			var fromBin Tally
			require.NoError(t, fromBin.UnmarshalBinary(bin))
			again, _ := fromBin.MarshalBinary()
			assert.Equal(t, bin, again, "binary round trip")
			assert.True(t, fromBin.KnownCost().Equal(u.KnownCost()))
			js, err := json.Marshal(u)
			require.NoError(t, err)
			var fromJSON Tally
			require.NoError(t, json.Unmarshal(js, &fromJSON), "%s", js)
			again, _ = fromJSON.MarshalBinary()
			assert.Equal(t, bin, again, "JSON round trip:\n%s", js)
		})
	}
	js, _ := json.Marshal(tallyOf(t, sample()[:2]))
	want := `{"contacts":[{"direction":"inbound","channel":"phone","outcome":"answered","n":2}],"resolved":1,"complaints":0,` +
		`"high_value":1,"low_value":1,"fcr":{"repeat":0,"resolved":0,"unresolved":0},"talk_ns":"420000000000","hold_ns":"30000000000",` +
		`"wrap_ns":"90000000000","wait":{"counts":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1],` +
		`"sum_ns":"55000000000"},"abandon":{"counts":[],"sum_ns":"0"},"abandon_untimed":0,"response":{"counts":[],"sum_ns":"0"},` +
		`"costed":2,"cost_amount":"13.75"}`
	assert.Equal(t, want, string(js))
}

// impossible returns tallies no sequence of Add could make, each breaking
// one invariant the decoders check.
func impossible() map[string]*Tally {
	base := func() *Tally {
		var u Tally
		for _, c := range sample() {
			if err := u.Add(c); err != nil {
				panic(err)
			}
		}
		return &u
	}
	out := map[string]*Tally{}
	edit := func(name string, f func(u *Tally)) {
		u := base()
		f(u)
		out[name] = u
	}
	edit("FCR counts that wrap", func(u *Tally) {
		// 2⁶³ + 5 deflected bot sessions, half of them resolved: each FCR
		// count is within the handled contacts, their sum wraps to 1.
		u.cells[Inbound-1][Chatbot-1][Deflected-1] += 1<<63 + 5
		u.n += 1<<63 + 5
		u.resolved = 1 << 63
		u.fcr = [3]uint64{1 << 63, 1 << 63, 1}
	})
	edit("more FCR resolved than resolved", func(u *Tally) { u.fcr[FCRResolved-1] = u.resolved + 1 })
	edit("more resolved than handled", func(u *Tally) { u.resolved = u.Handled() + 1 })
	edit("value counts past contacts", func(u *Tally) { u.value = [2]uint64{u.n, 1} })
	edit("complaints past contacts", func(u *Tally) { u.complaints = u.n + 1 })
	edit("more known costs than contacts", func(u *Tally) { u.costed = u.n + 1 })
	edit("a cost with 65 places", func(u *Tally) { u.cost = money.Of(dec("1e-65")) })
	edit("a zero cost with places", func(u *Tally) { u.cost = money.Of(dec("0.00")) })
	edit("a cost with no known cost", func(u *Tally) { u.costed = 0 })
	edit("a cost past n·10⁶⁴", func(u *Tally) { u.costed = 1; u.cost = money.Of(dec("1e64")) })
	edit("a wait without its call", func(u *Tally) { u.wait.Add(time.Second, waitUnit) })
	edit("a call without its wait", func(u *Tally) { u.cells[Inbound-1][Phone-1][Answered-1]++; u.n++ })
	edit("a wait sum outside its bins", func(u *Tally) {
		j := u.wait.JSON()
		s, _ := nanos.Parse(j.SumNS)
		s.Add(uint64(time.Hour))
		j.SumNS = s.String()
		u.wait, _ = j.Durations(waitUnit)
	})
	edit("more untimed abandons than abandons", func(u *Tally) { u.untimed += 5 })
	edit("talk without answers", func(u *Tally) {
		*u = Tally{}
		u.talk.Add(1)
	})
	edit("an outbound FAQ visit", func(u *Tally) { u.cells[Outbound-1][FAQ-1][Unreached-1]++; u.n++ })
	return out
}

func impossibleBinary() [][]byte {
	var out [][]byte
	for _, u := range impossible() {
		b, _ := u.MarshalBinary()
		out = append(out, b)
	}
	return out
}

func impossibleJSON() []string {
	var out []string
	for _, u := range impossible() {
		js, _ := u.MarshalJSON()
		out = append(out, string(js))
	}
	return out
}

// The decoders refuse impossible states and non-canonical spellings, and
// leave the tally unchanged.
func TestTallyDecodeRejects(t *testing.T) {
	good, _ := tallyOf(t, sample()).MarshalBinary()
	goodJSON, _ := json.Marshal(tallyOf(t, sample()))
	unchanged := func(t *testing.T, decode func(u *Tally) error) {
		t.Helper()
		u := tallyOf(t, sample()[:3])
		before, _ := u.MarshalBinary()
		err := decode(u)
		require.ErrorIs(t, err, ErrEncoding)
		after, _ := u.MarshalBinary()
		assert.Equal(t, before, after, "a failed decode changed the tally")
	}
	for name, u := range impossible() {
		bin, _ := u.MarshalBinary()
		js, _ := u.MarshalJSON()
		t.Run(name+"/binary", func(t *testing.T) { unchanged(t, func(u *Tally) error { return u.UnmarshalBinary(bin) }) })
		t.Run(name+"/JSON", func(t *testing.T) { unchanged(t, func(u *Tally) error { return u.UnmarshalJSON(js) }) })
	}
	bumped := bytes.Clone(good)
	bumped[2]++ // inbound phone answered: 2 → 3, without its wait
	overlong := append(bytes.Clone(good[:2]), 0x82, 0x00)
	overlong = append(overlong, good[3:]...) // the first count, 2, as two bytes
	for name, data := range map[string][]byte{
		"empty":     nil,
		"tag":       append([]byte{'T'}, good[1:]...),
		"version 1": append([]byte{'O', 1}, good[2:]...),
		"truncated": good[:len(good)-1],
		"trailing":  append(bytes.Clone(good), 0),
		"short":     {'O', 2, 0, 0},
		"histogram": bumped,
		"overlong":  overlong,
	} {
		t.Run("binary "+name, func(t *testing.T) { unchanged(t, func(u *Tally) error { return u.UnmarshalBinary(data) }) })
	}
	g := string(goodJSON)
	replace := func(old, new string) string {
		require.Contains(t, g, old)
		return strings.Replace(g, old, new, 1)
	}
	for name, js := range map[string]string{
		"syntax":         `{"contacts":[`,
		"channel":        replace(`"channel":"phone"`, `"channel":"fax"`),
		"alias":          replace(`"direction":"inbound","channel":"phone"`, `"direction":"in","channel":"phone"`),
		"key order":      replace(`"resolved":4,"complaints":1`, `"complaints":1,"resolved":4`),
		"unknown key":    replace(`"resolved":4,`, `"resolved":4,"extra":0,`),
		"missing key":    replace(`"abandon_untimed":1,`, ``),
		"zero count":     replace(`"contacts":[`, `"contacts":[{"direction":"outbound","channel":"sms","outcome":"busy","n":0},`),
		"split count":    replace(`{"direction":"inbound","channel":"phone","outcome":"answered","n":2}`, `{"direction":"inbound","channel":"phone","outcome":"answered","n":1},{"direction":"inbound","channel":"phone","outcome":"answered","n":1}`),
		"self-service":   `{"contacts":[{"direction":"outbound","channel":"faq","outcome":"unreached","n":1}],"resolved":0,"complaints":0,"high_value":0,"low_value":0,"fcr":{"repeat":0,"resolved":0,"unresolved":0},"talk_ns":"0","hold_ns":"0","wrap_ns":"0","wait":{"counts":[],"sum_ns":"0"},"abandon":{"counts":[],"sum_ns":"0"},"abandon_untimed":0,"response":{"counts":[],"sum_ns":"0"},"costed":0,"cost_amount":"0"}`,
		"sum":            replace(`"talk_ns":"`, `"talk_ns":"x`),
		"sum zeros":      replace(`"talk_ns":"`, `"talk_ns":"00`),
		"sum too long":   replace(`"talk_ns":"`, `"talk_ns":"`+strings.Repeat("0", 40)),
		"wait sum":       replace(`"sum_ns":"60000000000"`, `"sum_ns":"1"`),
		"trailing 0":     replace(`"abandon":{"counts":[0,0,0,0,0,0,0,0,0,0,1]`, `"abandon":{"counts":[0,0,0,0,0,0,0,0,0,0,1,0]`),
		"cost":           replace(`"cost_amount":"26.45"`, `"cost_amount":"-1"`),
		"cost nan":       replace(`"cost_amount":"26.45"`, `"cost_amount":"NaN"`),
		"cost exponent":  replace(`"cost_amount":"26.45"`, `"cost_amount":"2.645e1"`),
		"cost huge":      replace(`"cost_amount":"26.45"`, `"cost_amount":"1e999999999"`),
		"cost plus":      replace(`"cost_amount":"26.45"`, `"cost_amount":"+26.45"`),
		"cost number":    replace(`"cost_amount":"26.45"`, `"cost_amount":26.45`),
		"cost too long":  replace(`"cost_amount":"26.45"`, `"cost_amount":"26.`+strings.Repeat("5", 200)+`"`),
		"costed > n":     replace(`"costed":14`, `"costed":15`),
		"count too big":  replace(`"resolved":4`, `"resolved":18446744073709551616`),
		"count fraction": replace(`"resolved":4`, `"resolved":4.0`),
	} {
		t.Run("JSON "+name, func(t *testing.T) {
			unchanged(t, func(u *Tally) error {
				err := u.UnmarshalJSON([]byte(js))
				if name == "channel" || name == "alias" {
					assert.Error(t, err)
					return ErrEncoding // the enum's own error, wrapped by encoding/json
				}
				return err
			})
		})
	}
	// White space between tokens is not a different spelling.
	var u Tally
	var indented bytes.Buffer
	require.NoError(t, json.Indent(&indented, goodJSON, "", "  "))
	require.NoError(t, u.UnmarshalJSON(indented.Bytes()))
	again, _ := u.MarshalBinary()
	assert.Equal(t, good, again)
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
	if c := u.KnownCost(); c.Sign() < 0 {
		t.Fatalf("cost %v", c)
	}
	if _, ok := u.Cost(); ok != (u.Costed() == u.N() && u.N() > 0) {
		t.Fatalf("Cost defined = %v with %d of %d costs known", ok, u.Costed(), u.N())
	}
	if _, err := u.Result(DefaultThresholds); err != nil {
		t.Fatalf("Result: %v", err)
	}
}

// contactFromBytes builds a contact, valid or not, from fuzzed bytes:
// enums (out of range too), flags, then varints for the times, durations
// and the cost, scaled by a byte so that spans past 292 years occur.
func contactFromBytes(b []byte) (Contact, bool) {
	if len(b) < 7 {
		return Contact{}, false
	}
	c := Contact{ID: "f", CustomerID: "A", Channel: Channel(b[0] % 14), Direction: Direction(b[1] % 4), Outcome: Outcome(b[2] % 8),
		Value: ValueAdded(b[3] % 4), FCR: FCRStatus(b[4] % 5)}
	flags, scale := b[5], []time.Duration{1, time.Second, time.Hour, 100 * 365 * 24 * time.Hour}[b[6]%4]
	rest := b[7:]
	next := func() int64 {
		x, n := binary.Varint(rest)
		if n <= 0 {
			return 0
		}
		rest = rest[n:]
		return x
	}
	c.Arrived = t0.Add(time.Duration(next()))
	c.Resolved, c.Complaint = flags&1 != 0, flags&2 != 0
	if answer := next(); flags&4 != 0 {
		c.Answered = c.Arrived.Add(time.Duration(answer) * scale).Add(time.Duration(answer) * scale)
	}
	if end := next(); flags&8 != 0 {
		c.Ended = c.Arrived.Add(time.Duration(end) * scale).Add(time.Duration(end) * scale)
	}
	c.Talk, c.Hold, c.Wrap = time.Duration(next()), time.Duration(next()), time.Duration(next())
	if coef, exp := next(), next(); flags&16 != 0 {
		c.Cost = decimal.NewNullDecimal(decimal.New(coef, int32(exp%200)))
	}
	return c, true
}

// contactSeeds are FuzzAdd's seeds: a sample contact, each bad contact.
func contactSeeds() [][]byte {
	enc := func(c Contact) []byte {
		b := []byte{byte(c.Channel), byte(c.Direction), byte(c.Outcome), byte(c.Value), byte(c.FCR), 0, 0}
		if c.Resolved {
			b[5] |= 1
		}
		if c.Complaint {
			b[5] |= 2
		}
		b = binary.AppendVarint(b, int64(c.Arrived.Sub(t0)))
		if !c.Answered.IsZero() {
			b[5] |= 4
		}
		b = binary.AppendVarint(b, int64(c.Answered.Sub(c.Arrived)/2))
		if !c.Ended.IsZero() {
			b[5] |= 8
		}
		b = binary.AppendVarint(b, int64(c.Ended.Sub(c.Arrived)/2))
		for _, d := range []time.Duration{c.Talk, c.Hold, c.Wrap} {
			b = binary.AppendVarint(b, int64(d))
		}
		if c.Cost.Valid {
			b[5] |= 16
			b = binary.AppendVarint(b, c.Cost.Decimal.Coefficient().Int64())
			b = binary.AppendVarint(b, int64(c.Cost.Decimal.Exponent()))
		}
		return b
	}
	seeds := [][]byte{enc(sample()[0]), enc(sample()[10])}
	for _, c := range badContacts() {
		seeds = append(seeds, enc(c))
	}
	return seeds
}

func FuzzTallyBinary(f *testing.F) { laws.FuzzBinary(f, spec()) }
func FuzzTallyJSON(f *testing.F)   { laws.FuzzJSON(f, spec()) }
func FuzzTallyAdd(f *testing.F)    { laws.FuzzAdd(f, spec(), contactFromBytes, contactSeeds()...) }

// Whatever decodes reads out sanely.
func FuzzTallyReadOuts(f *testing.F) {
	good, _ := tallyOf(f, sample()).MarshalBinary()
	f.Add(good)
	for _, b := range impossibleBinary() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Tally
		if err := u.UnmarshalBinary(data); err != nil {
			return
		}
		checkReadOuts(t, &u)
	})
}

// Adding any contact either fails with Validate's error and changes
// nothing, or counts it once and the tally still reads out sanely.
func FuzzValidate(f *testing.F) {
	for _, b := range contactSeeds() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ok := contactFromBytes(data)
		if !ok {
			return
		}
		u := tallyOf(t, sample())
		before, _ := u.MarshalBinary()
		err := u.Add(c)
		after, _ := u.MarshalBinary()
		switch verr := c.Validate(); {
		case (err == nil) != (verr == nil):
			t.Fatalf("Add err %v but Validate %v", err, verr)
		case err != nil && !bytes.Equal(before, after):
			t.Fatal("rejected Add changed the tally")
		case err != nil && !strings.HasPrefix(err.Error(), "operations: "):
			t.Fatalf("error %q", err)
		case err == nil && u.N() != 15:
			t.Fatal("Add did not count the contact")
		}
		if err == nil {
			if w, ok := c.Wait(); ok && w < 0 {
				t.Fatalf("negative wait %v", w)
			}
			checkReadOuts(t, u)
		}
		if c.Cost.Valid && err == nil && math.Abs(c.Cost.Decimal.InexactFloat64()) >= 1e64 {
			t.Fatalf("cost %v accepted", c.Cost.Decimal)
		}
	})
}
