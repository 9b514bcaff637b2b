package churn

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/rapportkit/rapport/internal/wire"
)

const (
	survivalTag     = 'S'
	survivalVersion = 1
)

// AppendBinary appends the accumulator's binary encoding to b: the tag,
// the version, the number of distinct durations and, for each in
// increasing order, the gap from the previous duration (from 0 for the
// first), the events and the censorings as uvarints.
func (s *Survival) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, survivalTag, survivalVersion)
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

// UnmarshalBinary replaces the accumulator with a decoded one. It accepts
// only what AppendBinary writes: increasing durations up to MaxLifetime,
// no empty entry, no total past 2⁶⁴ − 1. On error s is unchanged.
func (s *Survival) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(survivalTag, survivalVersion)
	k := d.Uvarint()
	if k > uint64(d.Len())/3 { // each entry takes at least 3 bytes
		d.Fail("%d durations in %d bytes", k, d.Len())
	}
	var u Survival
	var at uint64
	for i := uint64(0); i < k && d.Err() == nil; i++ {
		gap, events, censored := d.Uvarint(), d.Uvarint(), d.Uvarint()
		if d.Err() != nil {
			break
		}
		if i > 0 && gap == 0 || gap > uint64(MaxLifetime)-at {
			d.Fail("durations not increasing within [0, %v]", MaxLifetime)
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

// addEntry adds a decoded entry, which must count something and be new.
func (s *Survival) addEntry(d time.Duration, events, censored uint64) error {
	if events == 0 && censored == 0 {
		return fmt.Errorf("empty entry at %v", d)
	}
	if _, dup := s.ties[d]; dup {
		return fmt.Errorf("duration %v twice", d)
	}
	if err := s.AddN(Lifetime{Duration: d, Lost: true}, events); err != nil {
		return err
	}
	return s.AddN(Lifetime{Duration: d}, censored)
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
// "censored":…},…]} in increasing duration, leaving out zero counts.
func (s *Survival) MarshalJSON() ([]byte, error) {
	j := survivalJSON{Lifetimes: []lifetimeJSON{}}
	for _, d := range s.times() {
		t := s.ties[d]
		j.Lifetimes = append(j.Lifetimes, lifetimeJSON{Duration: int64(d), Events: t.events, Censored: t.censored})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, and nothing else (durations
// in increasing order, each once, no empty entry, no other spelling); on
// error the accumulator is unchanged.
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
	if canon, err := u.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of a survival accumulator", ErrEncoding)
	}
	*s = u
	return nil
}
