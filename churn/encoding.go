package churn

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/wire"
)

// Binary encodings start with a tag and a version byte.
const (
	survivalTag = 'S'
	flowTag     = 'F'
	version     = 1
)

// AppendBinary appends the accumulator's binary encoding to b: the tag,
// the version, the number of distinct durations and, for each in
// increasing order, the gap from the previous duration, the events and the
// censorings as uvarints.
func (s *Survival) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, survivalTag, version)
	times := s.times()
	b = binary.AppendUvarint(b, uint64(len(times)))
	var prev time.Duration
	for _, d := range times {
		t := s.ties[d]
		b = binary.AppendUvarint(b, uint64(d-prev))
		b = binary.AppendUvarint(b, t.events)
		b = binary.AppendUvarint(b, t.censored)
		prev = d
	}
	return b, nil
}

// MarshalBinary returns the binary encoding (see AppendBinary).
func (s *Survival) MarshalBinary() ([]byte, error) { return s.AppendBinary(nil) }

// UnmarshalBinary replaces the accumulator with a decoded one; on error it
// is unchanged.
func (s *Survival) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(survivalTag, version)
	k := d.Uvarint()
	if k > uint64(d.Len()) { // each entry takes at least 3 bytes
		d.Fail("%d durations in %d bytes", k, d.Len())
	}
	var u Survival
	var at uint64
	for i := uint64(0); i < k && d.Err() == nil; i++ {
		gap, events, censored := d.Uvarint(), d.Uvarint(), d.Uvarint()
		if d.Err() != nil {
			break
		}
		if i > 0 && gap == 0 || at > math.MaxInt64-gap {
			d.Fail("durations not increasing")
			break
		}
		at += gap
		if err := u.addEntry(time.Duration(at), events, censored); err != nil {
			d.Fail("%v", err)
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	*s = u
	return nil
}

// addEntry adds a decoded entry, which must count something.
func (s *Survival) addEntry(d time.Duration, events, censored uint64) error {
	if events == 0 && censored == 0 {
		return fmt.Errorf("empty entry at %v", d)
	}
	if _, dup := s.ties[d]; dup {
		return fmt.Errorf("duration %v twice", d)
	}
	return s.AddN(d, events, censored)
}

type lifetimeJSON struct {
	Duration int64  `json:"duration_ns"`
	Events   uint64 `json:"events,omitempty"`
	Censored uint64 `json:"censored,omitempty"`
}

type survivalJSON struct {
	Lifetimes []lifetimeJSON `json:"lifetimes"`
}

// MarshalJSON writes {"lifetimes":[{"duration_ns":…,"events":…,
// "censored":…},…]} in increasing duration.
func (s *Survival) MarshalJSON() ([]byte, error) {
	j := survivalJSON{Lifetimes: []lifetimeJSON{}}
	for _, d := range s.times() {
		t := s.ties[d]
		j.Lifetimes = append(j.Lifetimes, lifetimeJSON{Duration: int64(d), Events: t.events, Censored: t.censored})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes (in any order of
// durations, each once); on error the accumulator is unchanged.
func (s *Survival) UnmarshalJSON(b []byte) error {
	var j survivalJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	var u Survival
	for _, l := range j.Lifetimes {
		if err := u.addEntry(time.Duration(l.Duration), l.Events, l.Censored); err != nil {
			return fmt.Errorf("%w: %v", ErrEncoding, err)
		}
	}
	*s = u
	return nil
}

// AppendBinary appends the flow's binary encoding to b: the tag, the
// version, the period's bounds (time.Time binary encodings, each after its
// length), the six counts and the exposure in nanoseconds (two uvarints,
// high and low 64 bits).
func (f *Flow) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, flowTag, version)
	for _, t := range []time.Time{f.period.From, f.period.To} {
		tb, err := t.MarshalBinary()
		if err != nil {
			return nil, err
		}
		b = append(binary.AppendUvarint(b, uint64(len(tb))), tb...)
	}
	for _, c := range f.counts() {
		b = binary.AppendUvarint(b, uint64(c))
	}
	return f.exposure.AppendBinary(b), nil
}

func (f *Flow) counts() [6]int {
	return [6]int{f.start, f.acquired, f.lost, f.lostAcquired, f.renewing, f.renewedLost}
}

// MarshalBinary returns the flow's binary encoding (see AppendBinary).
func (f *Flow) MarshalBinary() ([]byte, error) { return f.AppendBinary(nil) }

// UnmarshalBinary replaces the flow with a decoded one; on error it is
// unchanged.
func (f *Flow) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(flowTag, version)
	var p Period
	for _, t := range []*time.Time{&p.From, &p.To} {
		b := d.Bytes(d.Uvarint(), "time")
		if d.Err() != nil {
			break
		}
		if err := t.UnmarshalBinary(b); err != nil {
			d.Fail("%v", err)
		}
	}
	var c [6]uint64
	for i := range c {
		c[i] = d.Uvarint()
	}
	w := nanos.Read(&d)
	if err := d.End(); err != nil {
		return err
	}
	g, err := flowFrom(p, c, w)
	if err != nil {
		return err
	}
	*f = g
	return nil
}

// flowFrom checks decoded fields for consistency.
func flowFrom(p Period, c [6]uint64, w nanos.Sum) (Flow, error) {
	if err := checkFlowPeriod(p); err != nil {
		return Flow{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	for _, x := range c {
		if x > math.MaxInt {
			return Flow{}, fmt.Errorf("%w: count %d overflows", ErrEncoding, x)
		}
	}
	start, acquired, lost, lostAcq, renewing, renewedLost := c[0], c[1], c[2], c[3], c[4], c[5]
	switch {
	case start > math.MaxInt-acquired:
		return Flow{}, fmt.Errorf("%w: counts overflow", ErrEncoding)
	case lostAcq > acquired || lostAcq > lost || lost-lostAcq > start:
		return Flow{}, fmt.Errorf("%w: %d lost (%d acquired) of %d at start and %d acquired", ErrEncoding, lost, lostAcq, start, acquired)
	case renewing > start || renewedLost > renewing || renewedLost > lost-lostAcq:
		return Flow{}, fmt.Errorf("%w: %d of %d renewing lost", ErrEncoding, renewedLost, renewing)
	}
	// Every customer was active at most the whole period.
	if w.Cmp(nanos.Product(start+acquired, uint64(p.Duration()))) > 0 {
		return Flow{}, fmt.Errorf("%w: exposure longer than the period for every customer", ErrEncoding)
	}
	return Flow{period: p, start: int(start), acquired: int(acquired), lost: int(lost), lostAcquired: int(lostAcq),
		renewing: int(renewing), renewedLost: int(renewedLost), exposure: w}, nil
}

type flowJSON struct {
	Period       Period `json:"period"`
	Start        uint64 `json:"start"`
	Acquired     uint64 `json:"acquired"`
	Lost         uint64 `json:"lost"`
	LostAcquired uint64 `json:"lost_acquired"`
	Renewing     uint64 `json:"renewing"`
	RenewingLost uint64 `json:"renewing_lost"`
	// ExposureNS is the exact customer-time in nanoseconds, a decimal
	// string as it may exceed 2⁶⁴.
	ExposureNS string `json:"exposure_ns"`
}

// MarshalJSON writes the flow's period, counts and exact exposure.
func (f *Flow) MarshalJSON() ([]byte, error) {
	c := f.counts()
	return json.Marshal(flowJSON{Period: f.period, Start: uint64(c[0]), Acquired: uint64(c[1]), Lost: uint64(c[2]),
		LostAcquired: uint64(c[3]), Renewing: uint64(c[4]), RenewingLost: uint64(c[5]), ExposureNS: f.exposure.String()})
}

// UnmarshalJSON reads a flow written by MarshalJSON; on error the flow is
// unchanged.
func (f *Flow) UnmarshalJSON(b []byte) error {
	var j flowJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	e, ok := nanos.Parse(j.ExposureNS)
	if !ok {
		return fmt.Errorf("%w: exposure %q", ErrEncoding, j.ExposureNS)
	}
	g, err := flowFrom(j.Period, [6]uint64{j.Start, j.Acquired, j.Lost, j.LostAcquired, j.Renewing, j.RenewingLost}, e)
	if err != nil {
		return err
	}
	*f = g
	return nil
}
