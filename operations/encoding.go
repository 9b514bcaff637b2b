package operations

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/internal/histogram"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/wire"
)

// The binary encoding starts with a tag and a version byte. Version 2
// added the count of contacts with a known cost.
const (
	tallyTag = 'O'
	version  = 2
)

// AppendBinary appends the tally's binary encoding to b: the tag, the
// version, then uvarints: the 2 × 12 × 6 counts by direction, channel and
// outcome, the resolved, complaint, value, FCR and known-cost counts, the
// talk, hold and wrap sums (128 bits as two uvarints), the three
// histograms (length, counts, sum), the untimed abandons, and the sum of
// the known costs (varint exponent, uvarint length and big-endian
// coefficient). Each state has exactly one encoding.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, tallyTag, version)
	for d := range t.cells {
		for ch := range t.cells[d] {
			for _, c := range t.cells[d][ch] {
				b = binary.AppendUvarint(b, c)
			}
		}
	}
	for _, c := range [...]uint64{t.resolved, t.complaints, t.value[0], t.value[1], t.fcr[0], t.fcr[1], t.fcr[2], t.costed} {
		b = binary.AppendUvarint(b, c)
	}
	for _, s := range [...]nanos.Sum{t.talk, t.hold, t.wrap} {
		b = s.AppendBinary(b)
	}
	for _, w := range [...]*histogram.Durations{&t.wait, &t.abandon, &t.response} {
		b = w.AppendBinary(b)
	}
	b = binary.AppendUvarint(b, t.untimed)
	return t.cost.AppendBinary(b), nil
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces the tally with one decoded from the encoding
// AppendBinary writes, and accepts nothing else: no overlong varint, no
// trailing byte, no state Add could not have reached (see Tally.check).
// It allocates in proportion to data. On error, which wraps ErrEncoding,
// the tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(tallyTag, version)
	var u Tally
	for di := range u.cells {
		for ch := range u.cells[di] {
			for o := range u.cells[di][ch] {
				u.cells[di][ch][o] = d.Uvarint()
			}
		}
	}
	for _, p := range [...]*uint64{&u.resolved, &u.complaints, &u.value[0], &u.value[1], &u.fcr[0], &u.fcr[1], &u.fcr[2], &u.costed} {
		*p = d.Uvarint()
	}
	for _, p := range [...]*nanos.Sum{&u.talk, &u.hold, &u.wrap} {
		*p = nanos.Read(&d)
	}
	u.wait = histogram.Read(&d, waitUnit)
	u.abandon = histogram.Read(&d, waitUnit)
	u.response = histogram.Read(&d, responseUnit)
	u.untimed = d.Uvarint()
	u.cost = wire.Read(&d, "cost", money.ReadBinary)
	if err := d.End(); err != nil {
		return err
	}
	if err := u.settle(); err != nil {
		return err
	}
	*t = u
	return nil
}

// settle sets the counts a decoded tally derives from the others (n from
// the cells, each histogram's from its bins, see histogram.Settle) and
// checks it.
func (u *Tally) settle() error {
	u.n = 0
	for d := range u.cells {
		for ch := range u.cells[d] {
			for _, c := range u.cells[d][ch] {
				if u.n > math.MaxUint64-c {
					return fmt.Errorf("%w: counts overflow", ErrEncoding)
				}
				u.n += c
			}
		}
	}
	switch {
	case !u.wait.Settle(waitUnit):
		return fmt.Errorf("%w: wait histogram", ErrEncoding)
	case !u.abandon.Settle(waitUnit):
		return fmt.Errorf("%w: abandon histogram", ErrEncoding)
	case !u.response.Settle(responseUnit):
		return fmt.Errorf("%w: response histogram", ErrEncoding)
	}
	return u.check()
}

// check verifies the invariants Add keeps: no contact in a combination
// Validate rejects; resolved, FCR, complaint, value and known-cost counts
// within the contacts they can apply to, with sums that do not wrap;
// handle-time sums of at most 2⁶³−1 ns per answered contact; histograms
// holding exactly the live-queue and asynchronous contacts they should,
// with sums their bins allow; a cost sum that the known costs could make.
func (u *Tally) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrEncoding}, args...)...)
	}
	for di := range u.cells {
		for ci := range u.cells[di] {
			for oi, c := range u.cells[di][ci] {
				d, ch, o := Direction(di+1), Channel(ci+1), Outcome(oi+1)
				impossible := (ch.SelfService() && (d == Outbound || o == Answered)) ||
					(d == Outbound && (o == Closed || o == Deflected))
				if c != 0 && impossible {
					return bad("%d %s %s contacts %s", c, d, ch, o)
				}
			}
		}
	}
	handled := u.Handled()
	answered := u.answeredAll()
	marked, ok := add3(u.fcr[0], u.fcr[1], u.fcr[2])
	switch {
	case u.resolved > handled:
		return bad("%d resolved of %d handled", u.resolved, handled)
	case u.complaints > u.n:
		return bad("%d complaints of %d contacts", u.complaints, u.n)
	case u.value[0] > u.n || u.value[1] > u.n-u.value[0]:
		return bad("value counts %v of %d contacts", u.value, u.n)
	case !ok || marked > handled:
		return bad("FCR counts %v of %d handled", u.fcr, handled)
	case u.fcr[FCRResolved-1] > u.resolved:
		return bad("%d resolved at first contact of %d resolved", u.fcr[FCRResolved-1], u.resolved)
	case u.costed > u.n:
		return bad("%d known costs of %d contacts", u.costed, u.n)
	}
	limit := nanos.Product(answered, math.MaxInt64)
	for _, s := range [...]nanos.Sum{u.talk, u.hold, u.wrap} {
		if s.Cmp(limit) > 0 {
			return bad("handle-time sum %v for %d answered", s, answered)
		}
	}
	live := func(ch Channel) bool { return ch.Synchronous() && assisted(ch) }
	async := func(ch Channel) bool { return asynchronous(ch) && assisted(ch) }
	abandoned := u.sum(Inbound, live, is(Abandoned))
	switch {
	case u.wait.N() != u.sum(Inbound, live, is(Answered)):
		return bad("wait histogram")
	case u.untimed > abandoned || u.abandon.N() != abandoned-u.untimed:
		return bad("abandon histogram")
	case u.response.N() != u.sum(Inbound, async, is(Answered)):
		return bad("response histogram")
	}
	if !costPossible(u.cost, u.costed) {
		return bad("cost %v·10^%d from %d known costs", u.cost.Value().Coefficient(), u.cost.Exp(), u.costed)
	}
	return nil
}

// add3 returns a + b + c, or ok = false if it wraps.
func add3(a, b, c uint64) (uint64, bool) {
	s, c1 := bits.Add64(a, b, 0)
	s, c2 := bits.Add64(s, c, 0)
	return s, c1|c2 == 0
}

// costPossible reports whether Add could have made the sum s from n known
// costs, each non-negative, of at most 64 places and below 10⁶⁴, with the
// zero costs left out: a sum of 0 has exponent 0, any other an exponent
// in [−64, 0] (that of its most precise cost) and a value below n·10⁶⁴.
func costPossible(s money.Sum, n uint64) bool {
	e := s.Exp()
	switch {
	case s.Sign() < 0 || e > 0 || e < -money.MaxExponent:
		return false
	case s.Sign() == 0:
		return e == 0
	case n == 0:
		return false
	}
	// value < n·10⁶⁴ ⇔ coef < n·10^(64−e), with 64 − e ≤ 128.
	bound := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(money.MaxExponent-e)), nil)
	bound.Mul(bound, new(big.Int).SetUint64(n))
	return s.Value().Coefficient().Cmp(bound) < 0
}

// JSON form.

type cellJSON struct {
	Direction Direction `json:"direction"`
	Channel   Channel   `json:"channel"`
	Outcome   Outcome   `json:"outcome"`
	N         uint64    `json:"n"`
}

type fcrJSON struct {
	Repeat     uint64 `json:"repeat"`
	Resolved   uint64 `json:"resolved"`
	Unresolved uint64 `json:"unresolved"`
}

type tallyJSON struct {
	Contacts       []cellJSON     `json:"contacts"`
	Resolved       uint64         `json:"resolved"`
	Complaints     uint64         `json:"complaints"`
	HighValue      uint64         `json:"high_value"`
	LowValue       uint64         `json:"low_value"`
	FCR            fcrJSON        `json:"fcr"`
	TalkNS         string         `json:"talk_ns"`
	HoldNS         string         `json:"hold_ns"`
	WrapNS         string         `json:"wrap_ns"`
	Wait           histogram.JSON `json:"wait"`
	Abandon        histogram.JSON `json:"abandon"`
	AbandonUntimed uint64         `json:"abandon_untimed"`
	Response       histogram.JSON `json:"response"`
	Costed         uint64         `json:"costed"`
	CostAmount     string         `json:"cost_amount"`
}

// MarshalJSON writes the tally as an object: the non-zero counts as a
// list of {"direction","channel","outcome","n"} in the order of the
// values, the flag counts, the 128-bit nanosecond sums as decimal
// strings, the histograms ({"counts", "sum_ns"}: waits and abandons by the
// second, responses by the minute; see the bins in ServiceLevel), the
// number of contacts with a known cost and their sum as a decimal string
// with all its places ("costed":9,"cost_amount":"41.90").
func (t *Tally) MarshalJSON() ([]byte, error) {
	j := tallyJSON{
		Contacts: []cellJSON{}, Resolved: t.resolved, Complaints: t.complaints,
		HighValue: t.value[0], LowValue: t.value[1],
		FCR:    fcrJSON{Repeat: t.fcr[0], Resolved: t.fcr[1], Unresolved: t.fcr[2]},
		TalkNS: t.talk.String(), HoldNS: t.hold.String(), WrapNS: t.wrap.String(),
		Wait: t.wait.JSON(), Abandon: t.abandon.JSON(), AbandonUntimed: t.untimed,
		Response: t.response.JSON(), Costed: t.costed, CostAmount: costString(t.cost),
	}
	for d := range t.cells {
		for ch := range t.cells[d] {
			for o, c := range t.cells[d][ch] {
				if c != 0 {
					j.Contacts = append(j.Contacts, cellJSON{Direction(d + 1), Channel(ch + 1), Outcome(o + 1), c})
				}
			}
		}
	}
	return json.Marshal(j)
}

// maxNanosText bounds the text of a nanosecond sum: 2¹²⁸ has 39 digits.
const maxNanosText = 40

// UnmarshalJSON reads a tally written by MarshalJSON and accepts nothing
// else (up to white space between tokens): keys in that order, each once,
// canonical names and numbers, no zero count listed, a cost with the
// places it was written with; then it checks the state like
// UnmarshalBinary. On error, which wraps ErrEncoding, the tally is
// unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	var u Tally
	for _, c := range j.Contacts {
		if !c.Direction.Valid() || !c.Channel.Valid() || !c.Outcome.Valid() {
			return fmt.Errorf("%w: contacts entry %+v", ErrEncoding, c)
		}
		p := &u.cells[c.Direction-1][c.Channel-1][c.Outcome-1]
		if *p > math.MaxUint64-c.N {
			return fmt.Errorf("%w: counts overflow", ErrEncoding)
		}
		*p += c.N
	}
	u.resolved, u.complaints, u.value = j.Resolved, j.Complaints, [2]uint64{j.HighValue, j.LowValue}
	u.fcr = [3]uint64{j.FCR.Repeat, j.FCR.Resolved, j.FCR.Unresolved}
	for _, f := range [...]struct {
		s string
		p *nanos.Sum
	}{{j.TalkNS, &u.talk}, {j.HoldNS, &u.hold}, {j.WrapNS, &u.wrap}} {
		v, ok := nanos.Sum{}, len(f.s) <= maxNanosText
		if ok {
			v, ok = nanos.Parse(f.s)
		}
		if !ok {
			return fmt.Errorf("%w: sum %s", ErrEncoding, strconv.Quote(f.s))
		}
		*f.p = v
	}
	for _, h := range [...]struct {
		name string
		j    histogram.JSON
		unit time.Duration
		p    *histogram.Durations
	}{{"wait", j.Wait, waitUnit, &u.wait}, {"abandon", j.Abandon, waitUnit, &u.abandon}, {"response", j.Response, responseUnit, &u.response}} {
		var ok bool
		if *h.p, ok = h.j.Durations(h.unit); !ok {
			return fmt.Errorf("%w: %s histogram", ErrEncoding, h.name)
		}
	}
	u.untimed = j.AbandonUntimed
	u.costed = j.Costed
	cost, ok := parseCostSum(j.CostAmount)
	if !ok {
		return fmt.Errorf("%w: cost_amount %s", ErrEncoding, strconv.Quote(j.CostAmount))
	}
	u.cost = cost
	if err := u.settle(); err != nil {
		return err
	}
	if canon, err := u.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of the tally it holds", ErrEncoding)
	}
	*t = u
	return nil
}
