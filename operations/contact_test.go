package operations

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
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
		Ended: at(5 * time.Minute), Talk: 3 * time.Minute, Resolved: true, FCR: FCRResolved, Cost: dec("7.5")}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		change func(*Contact)
		want   error
		text   string
	}{
		{"channel", func(c *Contact) { c.Channel = 0 }, ErrChannel, `contact "c42": channel: operations: unknown channel (0)`},
		{"direction", func(c *Contact) { c.Direction = 5 }, ErrDirection, "direction"},
		{"outcome", func(c *Contact) { c.Outcome = 0 }, ErrOutcome, "outcome"},
		{"value", func(c *Contact) { c.Value = 3 }, ErrValueAdded, "value"},
		{"fcr", func(c *Contact) { c.FCR = 9 }, ErrFCR, "fcr"},
		{"arrived", func(c *Contact) { c.Arrived = time.Time{} }, ErrMissingTime, `contact "c42": arrived: operations: missing time`},
		{"answered missing", func(c *Contact) { c.Answered = time.Time{} }, ErrMissingTime, "answered"},
		{"answered early", func(c *Contact) { c.Answered = at(-time.Second) }, ErrTimeOrder,
			`contact "c42": answered 2026-03-02T08:59:59Z before arrived 2026-03-02T09:00:00Z: operations: times out of order`},
		{"answered 1 ns early", func(c *Contact) { c.Answered = at(-1) }, ErrTimeOrder, "before arrived"},
		{"ended before arrival", func(c *Contact) { c.Ended = at(-time.Second) }, ErrTimeOrder, "ended"},
		{"ended before answer", func(c *Contact) { c.Ended = at(30 * time.Second) }, ErrTimeOrder, "before answered"},
		{"talk", func(c *Contact) { c.Talk = -time.Second }, ErrNegativeDuration, `contact "c42": talk -1s: operations: negative duration`},
		{"hold", func(c *Contact) { c.Hold = -1 }, ErrNegativeDuration, "hold"},
		{"wrap", func(c *Contact) { c.Wrap = -1 }, ErrNegativeDuration, "wrap"},
		{"cost", func(c *Contact) { c.Cost = dec("-0.01") }, ErrCost, "cost -0.01"},
		{"cost places", func(c *Contact) { c.Cost = dec("1e-70") }, ErrCost, "exponent"},
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
		c2 := ok
		c.change(&c2)
		err := c2.Validate()
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) || !strings.HasPrefix(err.Error(), `contact "c42": `) {
			t.Errorf("%s: err = %v", c.name, err)
		}
	}
	if w, ok := ok.Wait(); !ok || w != time.Minute {
		t.Errorf("Wait = %v, %v", w, ok)
	}
	if _, ok := (&Contact{Outcome: Abandoned}).Wait(); ok {
		t.Error("Wait of an abandoned contact")
	}
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
	if back.Channel != Phone || back.Value != LowValue || !back.Cost.Equal(c.Cost) || !back.Answered.Equal(c.Answered) || back.Talk != c.Talk {
		t.Errorf("round trip: %s → %+v", js, back)
	}
	if !strings.Contains(string(js), `"channel":"phone","direction":"inbound","outcome":"answered"`) {
		t.Errorf("JSON %s", js)
	}
	if err := json.Unmarshal([]byte(`{"channel":"fax"}`), &back); !errors.Is(err, ErrChannel) {
		t.Errorf("unknown channel in JSON: %v", err)
	}
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
