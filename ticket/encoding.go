package ticket

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/internal/histogram"
	"github.com/rapportkit/rapport/internal/wire"
)

const (
	tallyTag = 'K'
	version  = 1
)

// AppendBinary appends the tally's binary encoding to b: the tag, the
// version, then the targets (their number, and for each in priority
// order its name, first reply and resolution limits in nanoseconds as
// uvarints, and business flag), the calendar (0, or 1, its length and
// its encoding), the counts as uvarints (tickets, solved with replies
// known, one-touch, solved with reopens known, reopened, and for each
// target its tickets, replied, reply breaches, solved and resolution
// breaches), and the four histograms (number of bins, counts, sum as two
// uvarints). Each state has exactly one encoding.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, tallyTag, version)
	b = binary.AppendUvarint(b, uint64(len(t.targets)))
	for _, g := range t.targets {
		b = wire.AppendString(b, g.priority)
		b = binary.AppendUvarint(b, uint64(g.FirstReply))
		b = binary.AppendUvarint(b, uint64(g.Resolution))
		b = binary.AppendUvarint(b, flag(g.Business))
	}
	if t.cal == nil {
		b = append(b, 0)
	} else {
		cal, err := t.cal.MarshalBinary()
		if err != nil {
			return nil, err
		}
		b = append(b, 1)
		b = wire.AppendString(b, string(cal))
	}
	for _, c := range [...]uint64{t.n, t.repliesKnown, t.oneTouch, t.reopensKnown, t.reopened} {
		b = binary.AppendUvarint(b, c)
	}
	for _, g := range t.targets {
		for _, c := range [...]uint64{g.tickets, g.replied, g.replyBreached, g.solved, g.resolutionBreached} {
			b = binary.AppendUvarint(b, c)
		}
	}
	for _, h := range t.histograms() {
		b = h.AppendBinary(b)
	}
	return b, nil
}

func flag(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func (t *Tally) histograms() [4]*histogram.Durations {
	return [...]*histogram.Durations{&t.reply, &t.resolution, &t.bizReply, &t.bizResolution}
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces the tally with the one encoded by
// AppendBinary, accepting nothing else (no overlong varint, no trailing
// byte, no state Add could not reach). It allocates in proportion to
// data. On error, which wraps ErrEncoding, the tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(tallyTag, version)
	var u Tally
	k := d.Uvarint()
	if k > MaxPriorities {
		d.Fail("%d priorities", k)
	}
	for i := uint64(0); i < k && d.Err() == nil; i++ {
		g := target{priority: d.Text()}
		reply, res, biz := d.Uvarint(), d.Uvarint(), d.Uvarint()
		if reply > math.MaxInt64 || res > math.MaxInt64 || biz > 1 {
			d.Fail("target of priority %q", g.priority)
		}
		g.FirstReply, g.Resolution, g.Business = time.Duration(reply), time.Duration(res), biz == 1
		u.targets = append(u.targets, g)
	}
	switch has := d.Bytes(1, "calendar flag"); {
	case d.Err() != nil:
	case has[0] == 1:
		u.cal = new(hours.Calendar)
		if err := u.cal.UnmarshalBinary([]byte(d.Text())); err != nil {
			d.Fail("calendar: %v", err)
		}
	case has[0] != 0:
		d.Fail("calendar flag %d", has[0])
	}
	for _, p := range [...]*uint64{&u.n, &u.repliesKnown, &u.oneTouch, &u.reopensKnown, &u.reopened} {
		*p = d.Uvarint()
	}
	for i := range u.targets {
		g := &u.targets[i]
		for _, p := range [...]*uint64{&g.tickets, &g.replied, &g.replyBreached, &g.solved, &g.resolutionBreached} {
			*p = d.Uvarint()
		}
	}
	for _, h := range u.histograms() {
		*h = histogram.Read(&d, binUnit)
	}
	if err := d.End(); err != nil {
		return err
	}
	if err := u.check(); err != nil {
		return err
	}
	*t = u
	return nil
}

// check verifies the invariants Add keeps on a decoded tally, setting the
// histograms' counts.
func (u *Tally) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrEncoding}, args...)...)
	}
	for i, g := range u.targets {
		if i > 0 && u.targets[i-1].priority >= g.priority {
			return bad("priorities out of order or repeated")
		}
		if len(g.priority) > MaxPriority || g.FirstReply < 0 || g.Resolution < 0 || (g.Business && u.cal == nil) {
			return bad("target of priority %q", g.priority)
		}
	}
	if len(u.targets) == 0 {
		u.targets = nil
	}
	for _, h := range u.histograms() {
		if !h.Settle(binUnit) {
			return bad("histogram")
		}
	}
	switch {
	case u.reply.N() > u.n || u.resolution.N() > u.n:
		return bad("more tickets measured than added")
	case u.cal == nil && (u.bizReply.N() != 0 || u.bizResolution.N() != 0):
		return bad("business times without a calendar")
	case u.cal != nil && (u.bizReply.N() != u.reply.N() || u.bizResolution.N() != u.resolution.N()):
		return bad("business times of other tickets than calendar times")
	case u.bizReply.Sum().Cmp(u.reply.Sum()) > 0 || u.bizResolution.Sum().Cmp(u.resolution.Sum()) > 0:
		return bad("business times longer than calendar times")
	case u.repliesKnown > u.resolution.N() || u.oneTouch > u.repliesKnown || u.oneTouch > u.reply.N():
		return bad("one-touch counts")
	case u.reopensKnown > u.resolution.N() || u.reopened > u.reopensKnown:
		return bad("reopen counts")
	}
	var tickets, replied, solved uint64
	for _, g := range u.targets {
		switch {
		case g.replied > g.tickets || g.solved > g.tickets:
			return bad("priority %q: more measured than tickets", g.priority)
		case g.replyBreached > g.replied || g.resolutionBreached > g.solved:
			return bad("priority %q: more breaches than measured", g.priority)
		case (g.FirstReply == 0 && g.replyBreached > 0) || (g.Resolution == 0 && g.resolutionBreached > 0):
			return bad("priority %q: breaches without a target", g.priority)
		case tickets > math.MaxUint64-g.tickets:
			return bad("priority counts overflow")
		}
		tickets, replied, solved = tickets+g.tickets, replied+g.replied, solved+g.solved
	}
	if tickets > u.n || replied > u.reply.N() || solved > u.resolution.N() {
		return bad("priority counts above the totals")
	}
	return nil
}

type targetJSON struct {
	Priority     string `json:"priority"`
	FirstReplyNS int64  `json:"first_reply_ns"`
	ResolutionNS int64  `json:"resolution_ns"`
	Business     bool   `json:"business"`
}

type countsJSON struct {
	Tickets            uint64 `json:"tickets"`
	Replied            uint64 `json:"replied"`
	ReplyBreached      uint64 `json:"reply_breached"`
	Solved             uint64 `json:"solved"`
	ResolutionBreached uint64 `json:"resolution_breached"`
}

type tallyJSON struct {
	Targets            []targetJSON    `json:"targets"`
	Calendar           *hours.Calendar `json:"calendar"`
	N                  uint64          `json:"n"`
	RepliesKnown       uint64          `json:"replies_known"`
	OneTouch           uint64          `json:"one_touch"`
	ReopensKnown       uint64          `json:"reopens_known"`
	Reopened           uint64          `json:"reopened"`
	Priorities         []countsJSON    `json:"priorities"`
	FirstReply         histogram.JSON  `json:"first_reply"`
	Resolution         histogram.JSON  `json:"resolution"`
	BusinessFirstReply histogram.JSON  `json:"business_first_reply"`
	BusinessResolution histogram.JSON  `json:"business_resolution"`
}

// MarshalJSON returns the tally's canonical JSON encoding: its targets,
// its calendar (null for none), its counts, and its histograms as
// {"counts": per bin, "sum_ns": the exact sum as a decimal string}.
func (t *Tally) MarshalJSON() ([]byte, error) {
	j := tallyJSON{
		Targets: []targetJSON{}, Calendar: t.cal, N: t.n,
		RepliesKnown: t.repliesKnown, OneTouch: t.oneTouch, ReopensKnown: t.reopensKnown, Reopened: t.reopened,
		Priorities: []countsJSON{},
		FirstReply: t.reply.JSON(), Resolution: t.resolution.JSON(),
		BusinessFirstReply: t.bizReply.JSON(), BusinessResolution: t.bizResolution.JSON(),
	}
	for _, g := range t.targets {
		j.Targets = append(j.Targets, targetJSON{g.priority, int64(g.FirstReply), int64(g.Resolution), g.Business})
		j.Priorities = append(j.Priorities, countsJSON{g.tickets, g.replied, g.replyBreached, g.solved, g.resolutionBreached})
	}
	return json.Marshal(j)
}

// UnmarshalJSON replaces the tally with the one of the canonical JSON
// encoding MarshalJSON writes (up to white space), accepting nothing else.
// On error, which wraps ErrEncoding, the tally is unchanged.
func (t *Tally) UnmarshalJSON(data []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if len(j.Targets) > MaxPriorities || len(j.Priorities) != len(j.Targets) {
		return fmt.Errorf("%w: %d targets and %d priorities", ErrEncoding, len(j.Targets), len(j.Priorities))
	}
	u := Tally{cal: j.Calendar, n: j.N, repliesKnown: j.RepliesKnown, oneTouch: j.OneTouch,
		reopensKnown: j.ReopensKnown, reopened: j.Reopened}
	for i, g := range j.Targets {
		c := j.Priorities[i]
		u.targets = append(u.targets, target{g.Priority,
			Target{time.Duration(g.FirstReplyNS), time.Duration(g.ResolutionNS), g.Business},
			slaCounts{c.Tickets, c.Replied, c.ReplyBreached, c.Solved, c.ResolutionBreached}})
	}
	for i, h := range [...]histogram.JSON{j.FirstReply, j.Resolution, j.BusinessFirstReply, j.BusinessResolution} {
		var ok bool
		if *u.histograms()[i], ok = h.Durations(binUnit); !ok {
			return fmt.Errorf("%w: histogram", ErrEncoding)
		}
	}
	if err := u.check(); err != nil {
		return err
	}
	canon, err := u.MarshalJSON()
	if err != nil || !wire.CanonicalJSON(canon, data) {
		return fmt.Errorf("%w: not the canonical encoding", ErrEncoding)
	}
	*t = u
	return nil
}
