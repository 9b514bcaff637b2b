package agent

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/wire"
)

// The binary encoding's tag and version.
const (
	tallyTag = 'G'
	version  = 1
)

// minAgentBytes is the least an agent takes in the binary encoding: a
// name of one byte after its length, and 18 one-byte counts.
const minAgentBytes = 2 + 2*NumStates + 2

// AppendBinary appends the tally's binary encoding: a header ('G',
// version 1), the number of agents, then each agent in the order of
// their names: the name (uvarint length and bytes), the intervals per
// state and the nanoseconds per state (uvarints, in the order of the
// states), the OnContact intervals with a count and the contacts. Each
// state has exactly one encoding.
func (t *Tally) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, tallyTag, version)
	b = binary.AppendUvarint(b, uint64(len(t.agents)))
	for _, name := range t.Agents() {
		s := t.agents[name]
		b = wire.AppendString(b, name)
		for _, c := range s.n {
			b = binary.AppendUvarint(b, c)
		}
		for _, d := range s.ns {
			b = binary.AppendUvarint(b, d)
		}
		b = binary.AppendUvarint(b, s.counted)
		b = binary.AppendUvarint(b, s.contacts)
	}
	return b, nil
}

// MarshalBinary returns the tally's binary encoding (see AppendBinary).
func (t *Tally) MarshalBinary() ([]byte, error) { return t.AppendBinary(nil) }

// UnmarshalBinary replaces the tally with one decoded from the encoding
// AppendBinary writes, and accepts nothing else: no overlong varint, no
// trailing byte, agents in the order of their names, each once, no state
// Add could not have reached (see check). It allocates in proportion to
// data. On error, which wraps ErrEncoding, the tally is unchanged.
func (t *Tally) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(tallyTag, version)
	k := d.Uvarint()
	if d.Err() == nil && k > uint64(d.Len()/minAgentBytes) {
		d.Fail("%d agents in %d bytes", k, d.Len())
	}
	var u Tally
	prev := ""
	for i := uint64(0); i < k && d.Err() == nil; i++ {
		name := d.Text()
		var s sums
		for j := range s.n {
			s.n[j] = d.Uvarint()
		}
		for j := range s.ns {
			s.ns[j] = d.Uvarint()
		}
		s.counted, s.contacts = d.Uvarint(), d.Uvarint()
		if d.Err() != nil {
			break
		}
		if i > 0 && name <= prev {
			d.Fail("agent %q after %q", name, prev)
			break
		}
		prev = name
		if err := u.put(name, &s); err != nil {
			d.SetErr(err)
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	*t = u
	return nil
}

// put adds a decoded agent to u after checking it: a name, at least one
// interval, counts that do not wrap, no more counted intervals than
// OnContact ones, contacts if and only if counted intervals and at least
// one per counted interval, and no more time in a state than its
// intervals can hold (2⁶³−1 ns each).
func (u *Tally) put(name string, s *sums) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: agent %q: "+format, append([]any{ErrEncoding, name}, args...)...)
	}
	var n uint64
	for _, c := range s.n {
		if n > math.MaxUint64-c {
			return bad("interval counts overflow")
		}
		n += c
	}
	switch {
	case name == "" || !utf8.ValidString(name):
		return fmt.Errorf("%w: agent name %q", ErrEncoding, name)
	case n == 0:
		return bad("no intervals")
	case u.n > math.MaxUint64-n:
		return fmt.Errorf("%w: interval counts overflow", ErrEncoding)
	case s.counted > s.n[OnContact-1]:
		return bad("%d counted of %d on-contact intervals", s.counted, s.n[OnContact-1])
	case s.contacts < s.counted || (s.counted == 0) != (s.contacts == 0):
		return bad("%d contacts on %d counted intervals", s.contacts, s.counted)
	}
	for i, d := range s.ns {
		if nanos.Product(s.n[i], math.MaxInt64).Cmp(nanos.Product(d, 1)) < 0 {
			return bad("%d ns in %d %s intervals", d, s.n[i], State(i+1))
		}
	}
	if u.agents == nil {
		u.agents = make(map[string]*sums)
	}
	u.agents[name] = s
	u.n += n
	return nil
}

// JSON form.

type agentJSON struct {
	Agent     string            `json:"agent"`
	Intervals [NumStates]uint64 `json:"intervals"`
	TimeNS    [NumStates]uint64 `json:"time_ns"`
	Counted   uint64            `json:"counted"`
	Contacts  uint64            `json:"contacts"`
}

type tallyJSON struct {
	Agents []agentJSON `json:"agents"`
}

// MarshalJSON writes the tally as {"agents":[…]}, each agent in the order
// of the names as {"agent","intervals","time_ns","counted","contacts"}:
// the intervals and nanoseconds per state as arrays in the order of the
// states (available, on-contact, after-contact-work, break, training,
// meeting, absence, offline).
func (t *Tally) MarshalJSON() ([]byte, error) {
	j := tallyJSON{Agents: make([]agentJSON, 0, len(t.agents))}
	for _, name := range t.Agents() {
		s := t.agents[name]
		j.Agents = append(j.Agents, agentJSON{Agent: name, Intervals: s.n, TimeNS: s.ns, Counted: s.counted, Contacts: s.contacts})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a tally written by MarshalJSON and accepts nothing
// else (up to white space between tokens): keys in that order, each once,
// agents in the order of their names, arrays of eight, canonical numbers;
// then it checks each agent like UnmarshalBinary. On error, which wraps
// ErrEncoding, the tally is unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var j tallyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	var u Tally
	for i, a := range j.Agents {
		if i > 0 && a.Agent <= j.Agents[i-1].Agent {
			return fmt.Errorf("%w: agent %q after %q", ErrEncoding, a.Agent, j.Agents[i-1].Agent)
		}
		if err := u.put(a.Agent, &sums{n: a.Intervals, ns: a.TimeNS, counted: a.Counted, contacts: a.Contacts}); err != nil {
			return err
		}
	}
	if canon, err := u.MarshalJSON(); err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of the tally it holds", ErrEncoding)
	}
	*t = u
	return nil
}
