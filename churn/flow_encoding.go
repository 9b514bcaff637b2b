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
	flowTag     = 'F'
	flowVersion = 2
)

// AppendBinary appends the flow's binary encoding to b: the tag, the
// version, each bound of the period as Unix seconds (varint) and
// nanoseconds (uvarint), the eight counts (n, start, acquired, lost, lost
// acquired, renewals due, renewed, lost at renewal) as uvarints and the
// exposure in nanoseconds (high and low 64 bits). The zero Flow writes the
// zero time for both bounds and zero counts.
func (f *Flow) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, flowTag, flowVersion)
	for _, t := range []time.Time{f.period.From, f.period.To} {
		b = binary.AppendVarint(b, t.Unix())
		b = binary.AppendUvarint(b, uint64(t.Nanosecond()))
	}
	for _, c := range f.counts() {
		b = binary.AppendUvarint(b, c)
	}
	return f.exposure.AppendBinary(b), nil
}

func (f *Flow) counts() [8]uint64 {
	return [8]uint64{f.n, f.start, f.acquired, f.lost, f.lostAcquired, f.due, f.renewed, f.lostAtRenewal}
}

// MarshalBinary returns the flow's binary encoding (see AppendBinary).
func (f *Flow) MarshalBinary() ([]byte, error) { return f.AppendBinary(nil) }

// UnmarshalBinary replaces the flow with a decoded one. It accepts only
// what AppendBinary writes for a state Add and Merge can reach; on error
// the flow is unchanged.
func (f *Flow) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(flowTag, flowVersion)
	var p Period
	for _, t := range []*time.Time{&p.From, &p.To} {
		sec, nsec := d.Varint(), d.Uvarint()
		if d.Err() == nil && nsec >= 1e9 {
			d.Fail("%d nanoseconds", nsec)
		}
		if sec < minTime.Unix()-1<<40 || sec > maxTime.Unix() { // checked again below
			d.Fail("time of %d seconds", sec)
		}
		*t = time.Unix(sec, int64(nsec)).UTC()
	}
	var c [8]uint64
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

// flowFrom checks decoded fields: a state that adding customers can reach.
func flowFrom(p Period, c [8]uint64, w nanos.Sum) (Flow, error) {
	n, start, acquired, lost, lostAcq, due, renewed, lostRen := c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]
	if p.From.IsZero() && p.To.IsZero() {
		if c != ([8]uint64{}) || !w.IsZero() {
			return Flow{}, fmt.Errorf("%w: counts in a flow without a period", ErrEncoding)
		}
		return Flow{}, nil
	}
	if err := p.Validate(); err != nil {
		return Flow{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	fail := func(format string, args ...any) (Flow, error) {
		return Flow{}, fmt.Errorf("%w: "+format, append([]any{ErrEncoding}, args...)...)
	}
	switch base := start + acquired; {
	case start > math.MaxUint64-acquired || base > n:
		return fail("%d at start and %d acquired of %d customers", start, acquired, n)
	case lostAcq > acquired || lostAcq > lost || lost-lostAcq > start:
		return fail("%d lost (%d acquired) of %d at start and %d acquired", lost, lostAcq, start, acquired)
	case renewed > due || lostRen > due-renewed || lostRen > lost:
		return fail("%d renewed and %d lost of %d renewals due, %d lost", renewed, lostRen, due, lost)
	case due-renewed-lostRen > base-lost:
		return fail("%d open renewals of %d customers still there", due-renewed-lostRen, base-lost)
	case base == 0 && due > 0:
		return fail("%d renewals due without a customer", due)
	}
	// Every customer was active at most the whole period; those of S still
	// there at the end the whole of it, those acquired and still there a
	// nanosecond at least.
	dur := uint64(p.Duration())
	stayed := nanos.Product(start-(lost-lostAcq), dur)
	stayed.Add(acquired - lostAcq)
	if w.Cmp(nanos.Product(start+acquired, dur)) > 0 || w.Cmp(stayed) < 0 {
		return fail("exposure %v ns is impossible for these counts over %v", w, p)
	}
	return Flow{period: p.utc(), n: n, start: start, acquired: acquired, lost: lost, lostAcquired: lostAcq,
		due: due, renewed: renewed, lostAtRenewal: lostRen, exposure: w}, nil
}

type flowJSON struct {
	Period          Period `json:"period"`
	N               uint64 `json:"n"`
	Start           uint64 `json:"start"`
	Acquired        uint64 `json:"acquired"`
	Lost            uint64 `json:"lost"`
	LostAcquired    uint64 `json:"lost_acquired"`
	RenewalsDue     uint64 `json:"renewals_due"`
	RenewalsRenewed uint64 `json:"renewals_renewed"`
	RenewalsLost    uint64 `json:"renewals_lost"`
	// ExposureNS is the exact customer-time in nanoseconds, a decimal
	// string as it may exceed 2⁶⁴.
	ExposureNS string `json:"exposure_ns"`
}

// MarshalJSON writes the flow's period (in UTC), counts and exact
// exposure: {"period":{"from":…,"to":…},"n":…,"start":…,"acquired":…,
// "lost":…,"lost_acquired":…,"renewals_due":…,"renewals_renewed":…,
// "renewals_lost":…,"exposure_ns":"…"}.
func (f *Flow) MarshalJSON() ([]byte, error) {
	c := f.counts()
	return json.Marshal(flowJSON{Period: f.period, N: c[0], Start: c[1], Acquired: c[2], Lost: c[3], LostAcquired: c[4],
		RenewalsDue: c[5], RenewalsRenewed: c[6], RenewalsLost: c[7], ExposureNS: f.exposure.String()})
}

// UnmarshalJSON reads a flow written by MarshalJSON, and nothing else (no
// other spelling of a number or a time, no unknown key, no impossible
// counts); on error the flow is unchanged.
func (f *Flow) UnmarshalJSON(b []byte) error {
	var j flowJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	e, ok := nanos.Parse(j.ExposureNS)
	if !ok {
		return fmt.Errorf("%w: exposure %q", ErrEncoding, j.ExposureNS)
	}
	g, err := flowFrom(j.Period.utc(), [8]uint64{j.N, j.Start, j.Acquired, j.Lost, j.LostAcquired, j.RenewalsDue, j.RenewalsRenewed, j.RenewalsLost}, e)
	if err != nil {
		return err
	}
	if canon, err := g.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of a flow", ErrEncoding)
	}
	*f = g
	return nil
}
