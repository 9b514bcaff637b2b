package forecast

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/wire"
)

// The binary encoding of a History starts with a tag and a version byte.
const (
	historyTag     = 'H'
	historyVersion = 1
	// maxZoneName bounds the length of a location's name in an encoding.
	maxZoneName = 64
)

// AppendBinary appends the history's binary encoding to b: the tag, the
// version, the interval in minutes (uvarint), the location's name, the
// number of intervals with contacts (uvarint), then for each in order of
// time its start in Unix seconds (a varint for the first, the uvarint
// gap from the previous for the others), its contacts and answered
// contacts (uvarints) and its handle time (128 bits of nanoseconds as two
// uvarints).
func (h *History) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, historyTag, historyVersion)
	b = binary.AppendUvarint(b, uint64(h.cal.step/time.Minute))
	name := ""
	if h.cal.loc != nil {
		name = h.cal.loc.String()
	}
	b = wire.AppendString(b, name)
	b = binary.AppendUvarint(b, uint64(len(h.cells)))
	var prev int64
	for i, k := range h.keys() {
		if i == 0 {
			b = binary.AppendVarint(b, k)
		} else {
			b = binary.AppendUvarint(b, uint64(k-prev))
		}
		prev = k
		x := h.cells[k]
		b = binary.AppendUvarint(b, x.contacts)
		b = binary.AppendUvarint(b, x.answered)
		b = x.handle.AppendBinary(b)
	}
	return b, nil
}

// MarshalBinary returns the history's binary encoding (see AppendBinary).
func (h *History) MarshalBinary() ([]byte, error) { return h.AppendBinary(nil) }

// UnmarshalBinary replaces the history with a decoded one, after checking
// it as Add would have built it: a valid interval and a loadable
// location (both absent for the zero History), starts in increasing
// order on the interval grid of the local clock, at least one contact
// per interval, no more answered than contacts, handle times within 2⁶³
// ns per answered contact, counts adding up without overflow. On error
// the history is unchanged.
func (h *History) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(historyTag, historyVersion)
	minutes := d.Uvarint()
	name := string(d.Bytes(min(d.Uvarint(), maxZoneName+1), "location"))
	count := d.Uvarint()
	if err := d.Err(); err != nil {
		return err
	}
	u, err := decodedHistory(minutes, name)
	if err != nil {
		return err
	}
	if count > uint64(d.Len())/5 { // each interval takes 5 bytes at least
		return fmt.Errorf("%w: %d intervals in %d bytes", ErrEncoding, count, d.Len())
	}
	var key int64
	for i := range count {
		if i == 0 {
			key = d.Varint()
		} else {
			gap := d.Uvarint()
			if gap == 0 || gap > math.MaxInt64 || key > math.MaxInt64-int64(gap) {
				d.Fail("interval %d: gap %d", i, gap)
			}
			key += int64(gap)
		}
		x := &cell{contacts: d.Uvarint(), answered: d.Uvarint()}
		x.handle = nanos.Read(&d)
		if d.Err() != nil {
			break
		}
		if err := u.put(key, x); err != nil {
			return err
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	*h = *u
	return nil
}

// decodedHistory returns the empty history an encoding's parameters
// name: the zero History for 0 and "", else a valid one.
func decodedHistory(minutes uint64, name string) (*History, error) {
	if minutes == 0 && name == "" {
		return &History{}, nil
	}
	if len(name) > maxZoneName {
		return nil, fmt.Errorf("%w: location name of more than %d bytes", ErrEncoding, maxZoneName)
	}
	if minutes > 24*60 {
		return nil, fmt.Errorf("%w: interval of %d minutes", ErrEncoding, minutes)
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" || name == "Local" {
		return nil, fmt.Errorf("%w: location %q", ErrEncoding, name)
	}
	u, err := NewHistory(time.Duration(minutes)*time.Minute, loc)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return u, nil
}

// put adds a decoded interval, checking it.
func (u *History) put(key int64, x *cell) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: interval at %d: "+format, append([]any{ErrEncoding, key}, args...)...)
	}
	if !u.IsValid() {
		return bad("in the zero History")
	}
	if _, dup := u.cells[key]; dup {
		return bad("given twice")
	}
	if key < minKey || key > maxKey {
		return bad("outside the years 1 to 9999")
	}
	t := time.Unix(key, 0)
	if s, err := u.cal.intervalStart(t); err != nil || !s.Equal(t) {
		return bad("not the start of a %v interval in %v", u.cal.step, u.cal.loc)
	}
	switch {
	case x.contacts == 0:
		return bad("no contact")
	case x.answered > x.contacts:
		return bad("%d answered of %d", x.answered, x.contacts)
	case x.handle.Cmp(nanos.Product(x.answered, math.MaxInt64)) > 0:
		return bad("handle time %v ns for %d answered", x.handle, x.answered)
	case x.contacts > math.MaxUint64-u.n:
		return bad("counts overflow")
	}
	if u.cells == nil {
		u.cells = make(map[int64]*cell)
	}
	u.cells[key] = x
	u.n += x.contacts
	return nil
}

// The range of interval starts an encoding may hold: years 1 to 9999.
var (
	minKey = time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC).Unix()
	maxKey = time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC).Unix()
)

type historyJSON struct {
	IntervalMinutes uint64         `json:"interval_minutes"`
	TimeZone        string         `json:"time_zone"`
	Intervals       []intervalJSON `json:"intervals"`
}

type intervalJSON struct {
	Start    string `json:"start"` // RFC 3339 on the local clock
	Contacts uint64 `json:"contacts"`
	Answered uint64 `json:"answered"`
	HandleNS string `json:"handle_ns"`
}

// MarshalJSON writes the history as {"interval_minutes", "time_zone",
// "intervals": [{"start", "contacts", "answered", "handle_ns"}]}, the
// starts in RFC 3339 on the local clock in order of time, the handle
// times as decimal strings of nanoseconds.
func (h *History) MarshalJSON() ([]byte, error) {
	j := historyJSON{IntervalMinutes: uint64(h.cal.step / time.Minute), Intervals: []intervalJSON{}}
	if h.cal.loc != nil {
		j.TimeZone = h.cal.loc.String()
	}
	for _, k := range h.keys() {
		x := h.cells[k]
		j.Intervals = append(j.Intervals, intervalJSON{
			Start: time.Unix(k, 0).In(h.cal.loc).Format(time.RFC3339), Contacts: x.contacts,
			Answered: x.answered, HandleNS: x.handle.String(),
		})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a history written by MarshalJSON, checking it as
// UnmarshalBinary does and refusing any other spelling of it; on error
// the history is unchanged.
func (h *History) UnmarshalJSON(b []byte) error {
	var j historyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	u, err := decodedHistory(j.IntervalMinutes, j.TimeZone)
	if err != nil {
		return err
	}
	for i, x := range j.Intervals {
		t, err := time.Parse(time.RFC3339, x.Start)
		if err != nil {
			return fmt.Errorf("%w: interval %d: start %s", ErrEncoding, i, strconv.Quote(x.Start))
		}
		handle, ok := nanos.Parse(x.HandleNS)
		if !ok || len(x.HandleNS) > 40 {
			return fmt.Errorf("%w: interval %d: handle_ns %s", ErrEncoding, i, strconv.Quote(x.HandleNS))
		}
		if err := u.put(t.Unix(), &cell{contacts: x.Contacts, answered: x.Answered, handle: handle}); err != nil {
			return err
		}
	}
	canon, err := u.MarshalJSON()
	if err != nil || !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: not the canonical JSON of the history it holds", ErrEncoding)
	}
	*h = *u
	return nil
}
