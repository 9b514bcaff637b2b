package operations

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnumsParse(t *testing.T) {
	for s, want := range map[string]Channel{
		"phone": Phone, " Téléphone ": Phone, "TELEPHONE": Phone, "WhatsApp": Messaging, "e-mail": Email, "E_mail": Email,
		"courriel": Email, "courrier": Letter, "Live Chat": Chat, "customer_space": CustomerSpace, "Espace client": CustomerSpace,
		"FAQ": FAQ, "chatbot": Chatbot, "web form": Form, "call back": Callback, "twitter": Social, "SMS": SMS,
	} {
		if got, err := ParseChannel(s); err != nil || got != want {
			t.Errorf("ParseChannel(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "fax", "pigeon", "phone2"} {
		_, err := ParseChannel(s)
		if !errors.Is(err, ErrChannel) || !strings.Contains(err.Error(), `"`+s+`"`) {
			t.Errorf("ParseChannel(%q) err = %v", s, err)
		}
	}
	for s, want := range map[string]Direction{"inbound": Inbound, "IN": Inbound, "entrant": Inbound, "Outbound": Outbound, "sortant": Outbound} {
		if got, err := ParseDirection(s); err != nil || got != want {
			t.Errorf("ParseDirection(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseDirection("sideways"); !errors.Is(err, ErrDirection) {
		t.Errorf("ParseDirection err = %v", err)
	}
	for s, want := range map[string]Outcome{"answered": Answered, "Handled": Answered, "no answer": Unreached, "out-of-hours": Closed,
		"fermé": Closed, "self-served": Deflected, "occupé": Busy, "abandonné": Abandoned} {
		if got, err := ParseOutcome(s); err != nil || got != want {
			t.Errorf("ParseOutcome(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseOutcome("lost"); !errors.Is(err, ErrOutcome) {
		t.Errorf("ParseOutcome err = %v", err)
	}
	for s, want := range map[string]ValueAdded{"": Unassessed, "High": HighValue, "faible": LowValue} {
		if got, err := ParseValueAdded(s); err != nil || got != want {
			t.Errorf("ParseValueAdded(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseValueAdded("medium"); !errors.Is(err, ErrValueAdded) {
		t.Errorf("ParseValueAdded err = %v", err)
	}
	if _, err := ParseFCR("maybe"); !errors.Is(err, ErrFCR) {
		t.Errorf("ParseFCR err = %v", err)
	}
}

// Every value's text form reads back to it, and invalid values refuse to
// encode.
func TestEnumsText(t *testing.T) {
	for _, c := range Channels() {
		b, err := c.MarshalText()
		var back Channel
		if err != nil || back.UnmarshalText(b) != nil || back != c || string(b) != c.String() {
			t.Errorf("channel %v: %q %v", c, b, err)
		}
	}
	for d := Inbound; d <= Outbound; d++ {
		b, _ := d.MarshalText()
		var back Direction
		if back.UnmarshalText(b) != nil || back != d {
			t.Errorf("direction %v", d)
		}
	}
	for o := Answered; o <= Deflected; o++ {
		b, _ := o.MarshalText()
		var back Outcome
		if back.UnmarshalText(b) != nil || back != o {
			t.Errorf("outcome %v", o)
		}
	}
	for v := Unassessed; v <= LowValue; v++ {
		b, _ := v.MarshalText()
		back := ValueAdded(9)
		if back.UnmarshalText(b) != nil || back != v {
			t.Errorf("value %v", v)
		}
	}
	for f := FCRUnknown; f <= FCRUnresolved; f++ {
		b, _ := f.MarshalText()
		back := FCRStatus(9)
		if back.UnmarshalText(b) != nil || back != f {
			t.Errorf("fcr %v", f)
		}
	}
	if _, err := Channel(0).MarshalText(); !errors.Is(err, ErrChannel) {
		t.Error("channel 0 encodes")
	}
	if _, err := Direction(3).MarshalText(); !errors.Is(err, ErrDirection) {
		t.Error("direction 3 encodes")
	}
	if _, err := Outcome(7).MarshalText(); !errors.Is(err, ErrOutcome) {
		t.Error("outcome 7 encodes")
	}
	if _, err := ValueAdded(3).MarshalText(); !errors.Is(err, ErrValueAdded) {
		t.Error("value 3 encodes")
	}
	if _, err := FCRStatus(4).MarshalText(); !errors.Is(err, ErrFCR) {
		t.Error("fcr 4 encodes")
	}
	if Channel(0).String() != "channel(0)" || Outcome(9).String() != "outcome(9)" || FCRRepeat.String() != "repeat" {
		t.Error("String of invalid values")
	}
	c := Phone
	if err := c.UnmarshalText([]byte("fax")); err == nil || c != Phone {
		t.Error("failed UnmarshalText changed the channel")
	}
}

func TestChannelClasses(t *testing.T) {
	want := map[Channel][3]bool{ // synchronous, self-service, digital
		Phone: {true, false, false}, Chatbot: {true, true, true}, FAQ: {false, true, true}, CustomerSpace: {false, true, true},
		Chat: {true, false, true}, Form: {false, false, true}, Callback: {false, false, true}, Email: {false, false, true},
		Letter: {false, false, false}, Messaging: {false, false, true}, Social: {false, false, true}, SMS: {false, false, true},
	}
	if len(Channels()) != len(want) {
		t.Fatalf("%d channels", len(Channels()))
	}
	for _, c := range Channels() {
		if got := [3]bool{c.Synchronous(), c.SelfService(), c.Digital()}; got != want[c] {
			t.Errorf("%v: %v, want %v", c, got, want[c])
		}
	}
	if Channel(0).Digital() || Channel(13).Valid() {
		t.Error("invalid channel classes")
	}
}

func TestValidate(t *testing.T) {
	ok := Contact{ID: "c42", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0, Answered: at(time.Minute),
		Ended: at(5 * time.Minute), Talk: 3 * time.Minute, Resolved: true, FCR: FCRResolved, Cost: cost("7.5")}
	require.NoError(t, ok.Validate())
	const long = 293 * 365 * 12 * time.Hour // half of 293 years: two of them are past 292
	for _, c := range []struct {
		name   string
		change func(*Contact)
		want   error
		text   string
	}{
		{"channel", func(c *Contact) { c.Channel = 0 }, ErrChannel, `operations: unknown channel: contact "c42": channel 0`},
		{"direction", func(c *Contact) { c.Direction = 5 }, ErrDirection, "direction 5"},
		{"outcome", func(c *Contact) { c.Outcome = 0 }, ErrOutcome, "outcome 0"},
		{"value", func(c *Contact) { c.Value = 3 }, ErrValueAdded, "value 3"},
		{"fcr", func(c *Contact) { c.FCR = 9 }, ErrFCR, "fcr 9"},
		{"arrived", func(c *Contact) { c.Arrived = time.Time{} }, ErrTime, `operations: invalid time: contact "c42": no arrival time`},
		{"answered missing", func(c *Contact) { c.Answered = time.Time{} }, ErrTime, "answered contact without an answer time"},
		{"answered early", func(c *Contact) { c.Answered = at(-time.Second) }, ErrTime,
			`operations: invalid time: contact "c42": answered 2026-03-02T08:59:59Z before arrived 2026-03-02T09:00:00Z`},
		{"answered 1 ns early", func(c *Contact) { c.Answered = at(-1) }, ErrTime, "before arrived"},
		{"ended before arrival", func(c *Contact) { c.Ended = at(-time.Second) }, ErrTime, "ended"},
		{"ended before answer", func(c *Contact) { c.Ended = at(30 * time.Second) }, ErrTime, "before answered"},
		{"wait past 292 years", func(c *Contact) { c.Answered, c.Ended = t0.Add(long).Add(long), time.Time{} }, ErrDuration,
			"wait from arrived 2026-03-02T09:00:00Z to answered 2318-"},
		{"end past 292 years", func(c *Contact) { c.Ended = t0.Add(long).Add(long) }, ErrDuration, "to ended 2318-"},
		{"talk", func(c *Contact) { c.Talk = -time.Second }, ErrDuration, `operations: invalid duration: contact "c42": talk -1s is negative`},
		{"hold", func(c *Contact) { c.Hold = -1 }, ErrDuration, "hold"},
		{"wrap", func(c *Contact) { c.Wrap = -1 }, ErrDuration, "wrap"},
		{"cost", func(c *Contact) { c.Cost = cost("-0.01") }, ErrAmount, `operations: invalid amount: contact "c42": cost -0.01 is negative`},
		{"cost places", func(c *Contact) { c.Cost = cost("1e-70") }, ErrAmount, "more than 64 decimal places"},
		{"cost magnitude", func(c *Contact) { c.Cost = cost("1e64") }, ErrAmount, "magnitude"},
		{"talk on abandoned", func(c *Contact) { c.Outcome, c.Answered, c.Resolved, c.FCR = Abandoned, time.Time{}, false, 0 }, ErrInconsistent, "talk 3m0s"},
		{"answer time on busy", func(c *Contact) { c.Outcome, c.Talk, c.Resolved, c.FCR = Busy, 0, false, 0 }, ErrInconsistent, "answer time"},
		{"resolved on unreached", func(c *Contact) {
			c.Outcome, c.Talk, c.Answered, c.FCR = Unreached, 0, time.Time{}, 0
		}, ErrInconsistent, "resolved on a contact unreached"},
		{"fcr on closed", func(c *Contact) {
			c.Outcome, c.Talk, c.Answered, c.Resolved, c.FCR = Closed, 0, time.Time{}, false, FCRRepeat
		}, ErrInconsistent, "fcr repeat"},
		{"fcr resolved unflagged", func(c *Contact) { c.Resolved = false }, ErrInconsistent, "not resolved"},
		{"outbound self-service", func(c *Contact) {
			c.Channel, c.Direction, c.Outcome, c.Talk, c.Answered = FAQ, Outbound, Deflected, 0, time.Time{}
		}, ErrInconsistent, "outbound contact on faq"},
		{"agent on chatbot", func(c *Contact) { c.Channel = Chatbot }, ErrInconsistent, "chatbot contact answered"},
		{"outbound closed", func(c *Contact) {
			c.Direction, c.Outcome, c.Talk, c.Answered, c.Resolved, c.FCR = Outbound, Closed, 0, time.Time{}, false, 0
		}, ErrInconsistent, "outbound contact closed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c2 := ok
			c.change(&c2)
			err := c2.Validate()
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.text)
			assert.True(t, strings.HasPrefix(err.Error(), c.want.Error()+`: contact "c42": `), err.Error())
		})
	}
	t.Run("unknown cost is valid", func(t *testing.T) {
		c := ok
		c.Cost = decimal.NullDecimal{}
		assert.NoError(t, c.Validate())
	})
	t.Run("wait just under 292 years", func(t *testing.T) {
		c := ok
		c.Answered, c.Ended = t0.Add(math.MaxInt64), time.Time{}
		require.NoError(t, c.Validate())
		w, ok := c.Wait()
		assert.True(t, ok)
		assert.Equal(t, time.Duration(math.MaxInt64), w)
	})
	w, isOK := ok.Wait()
	assert.True(t, isOK)
	assert.Equal(t, time.Minute, w)
	_, isOK = (&Contact{Outcome: Abandoned}).Wait()
	assert.False(t, isOK, "Wait of an abandoned contact")
}

func TestContactJSON(t *testing.T) {
	c := sample()[0]
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back Contact
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	if back.Channel != Phone || back.Value != LowValue || !back.Cost.Valid || !back.Cost.Decimal.Equal(c.Cost.Decimal) || !back.Answered.Equal(c.Answered) || back.Talk != c.Talk {
		t.Errorf("round trip: %s → %+v", js, back)
	}
	if !strings.Contains(string(js), `"channel":"phone","direction":"inbound","outcome":"answered"`) {
		t.Errorf("JSON %s", js)
	}
	if err := json.Unmarshal([]byte(`{"channel":"fax"}`), &back); !errors.Is(err, ErrChannel) {
		t.Errorf("unknown channel in JSON: %v", err)
	}
	// An unknown cost is null, and null is unknown.
	c.Cost = decimal.NullDecimal{}
	js, err = json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"cost":null`)
	back = Contact{Cost: cost("1")}
	require.NoError(t, json.Unmarshal(js, &back))
	assert.False(t, back.Cost.Valid)
}

// Parsing never panics, and whatever parses prints back to a name that
// parses to the same value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"phone", "Téléphone", "e-mail", "in", "out of hours", "faible", "repeat", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseChannel(s); err == nil {
			if back, err := ParseChannel(c.String()); err != nil || back != c || !c.Valid() {
				t.Fatalf("channel %q → %v", s, c)
			}
		} else if !errors.Is(err, ErrChannel) {
			t.Fatal(err)
		}
		if d, err := ParseDirection(s); err == nil {
			if back, _ := ParseDirection(d.String()); back != d {
				t.Fatalf("direction %q → %v", s, d)
			}
		}
		if o, err := ParseOutcome(s); err == nil {
			if back, _ := ParseOutcome(o.String()); back != o {
				t.Fatalf("outcome %q → %v", s, o)
			}
		}
		if v, err := ParseValueAdded(s); err == nil {
			if back, _ := ParseValueAdded(v.String()); back != v {
				t.Fatalf("value %q → %v", s, v)
			}
		}
		if v, err := ParseFCR(s); err == nil {
			if back, _ := ParseFCR(v.String()); back != v {
				t.Fatalf("fcr %q → %v", s, v)
			}
		}
	})
}
