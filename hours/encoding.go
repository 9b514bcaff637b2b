package hours

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/wire"
	"github.com/rapportkit/rapport/period"
)

const (
	calendarTag = 'H'
	version     = 1
)

// AppendBinary appends the calendar's binary encoding to b: tag, version,
// the location's name, then uvarints: for each weekday from Sunday its
// number of spans and each span's From and To in seconds; the number of
// dates with their own hours, and for each, in date order, its year,
// month, day, number of spans and spans. Each calendar has one encoding.
func (c *Calendar) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendHeader(b, calendarTag, version)
	b = wire.AppendString(b, c.Location().String())
	appendDay := func(b []byte, spans []Span) []byte {
		b = binary.AppendUvarint(b, uint64(len(spans)))
		for _, s := range spans {
			b = binary.AppendUvarint(b, uint64(s.From/time.Second))
			b = binary.AppendUvarint(b, uint64(s.To/time.Second))
		}
		return b
	}
	for _, spans := range c.week {
		b = appendDay(b, spans)
	}
	b = binary.AppendUvarint(b, uint64(len(c.days)))
	for _, d := range c.dates() {
		b = binary.AppendUvarint(b, uint64(d))
		b = appendDay(b, c.days[d])
	}
	return b, nil
}

// dates returns the dates with their own hours, in order.
func (c *Calendar) dates() []period.Day { return slices.Sorted(maps.Keys(c.days)) }

// MarshalBinary returns the calendar's binary encoding (see AppendBinary).
func (c *Calendar) MarshalBinary() ([]byte, error) { return c.AppendBinary(nil) }

// UnmarshalBinary replaces c with the calendar encoded by AppendBinary,
// accepting only the canonical encoding of a calendar New accepts. On
// error, which wraps ErrEncoding, c is unchanged.
func (c *Calendar) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(calendarTag, version)
	name := d.Text()
	readDay := func() Spans {
		k := d.Uvarint()
		if k > MaxSpans {
			d.Fail("%d spans in a day", k)
			return nil
		}
		var spans Spans
		for range k {
			from, to := d.Uvarint(), d.Uvarint()
			if from > 86400 || to > 86400 {
				d.Fail("span past 24h")
				return nil
			}
			spans = append(spans, Span{time.Duration(from) * time.Second, time.Duration(to) * time.Second})
		}
		return spans
	}
	var week Week
	for wd := range week {
		week[wd] = readDay()
	}
	k := d.Uvarint()
	if k > uint64(d.Len()) { // each date takes 4 bytes at least
		d.Fail("%d dates in %d bytes", k, d.Len())
	}
	var holidays []period.Day
	exceptions := map[period.Day]Spans{}
	for range k {
		if d.Err() != nil {
			break
		}
		x := d.Uvarint()
		if x > math.MaxInt32 {
			d.Fail("day %d", x)
			break
		}
		date := period.Day(x)
		if spans := readDay(); spans == nil {
			holidays = append(holidays, date)
		} else {
			exceptions[date] = spans
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	return c.settle(data, name, week, holidays, exceptions, (*Calendar).MarshalBinary)
}

// settle builds the decoded calendar with New and keeps it only if it
// encodes back to data.
func (c *Calendar) settle(data []byte, name string, week Week, holidays []period.Day, exceptions map[period.Day]Spans, encode func(*Calendar) ([]byte, error)) error {
	loc, err := load(name)
	if err != nil {
		return fmt.Errorf("%w: location %q", ErrEncoding, name)
	}
	u, err := New(loc, week, holidays, exceptions)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	again, err := encode(u)
	if err != nil || !bytes.Equal(again, data) {
		return fmt.Errorf("%w: not the canonical encoding", ErrEncoding)
	}
	*c = *u
	return nil
}

// calendarJSON is the JSON form: spans as [from, to] in seconds.
type calendarJSON struct {
	Location   string          `json:"location"`
	Week       [7][][2]int64   `json:"week"`
	Holidays   []string        `json:"holidays"`
	Exceptions []exceptionJSON `json:"exceptions"`
}

type exceptionJSON struct {
	Date  string     `json:"date"`
	Spans [][2]int64 `json:"spans"`
}

func spansJSON(spans []Span) [][2]int64 {
	out := make([][2]int64, len(spans))
	for i, s := range spans {
		out[i] = [2]int64{int64(s.From / time.Second), int64(s.To / time.Second)}
	}
	return out
}

// MarshalJSON returns {"location", "week": seven lists (Sunday first) of
// [from, to] spans in seconds from midnight, "holidays": dates
// 2006-01-02, "exceptions": [{"date", "spans"}]}, dates in order.
func (c *Calendar) MarshalJSON() ([]byte, error) {
	j := calendarJSON{Location: c.Location().String(), Holidays: []string{}, Exceptions: []exceptionJSON{}}
	for wd, spans := range c.week {
		j.Week[wd] = spansJSON(spans)
	}
	for _, d := range c.dates() {
		if s := c.days[d]; s == nil {
			j.Holidays = append(j.Holidays, d.String())
		} else {
			j.Exceptions = append(j.Exceptions, exceptionJSON{d.String(), spansJSON(s)})
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON replaces c with the calendar of the canonical JSON
// encoding MarshalJSON writes (up to white space). On error, which wraps
// ErrEncoding, c is unchanged.
func (c *Calendar) UnmarshalJSON(data []byte) error {
	var j calendarJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if len(j.Holidays)+len(j.Exceptions) > MaxDates {
		return fmt.Errorf("%w: too many dates", ErrEncoding)
	}
	fromJSON := func(spans [][2]int64) (Spans, error) {
		if len(spans) > MaxSpans {
			return nil, fmt.Errorf("%w: %d spans in a day", ErrEncoding, len(spans))
		}
		var out Spans
		for _, s := range spans {
			if s[0] < 0 || s[1] < 0 || s[0] > 86400 || s[1] > 86400 {
				return nil, fmt.Errorf("%w: span past 24h", ErrEncoding)
			}
			out = append(out, Span{time.Duration(s[0]) * time.Second, time.Duration(s[1]) * time.Second})
		}
		return out, nil
	}
	var week Week
	var err error
	for wd, spans := range j.Week {
		if week[wd], err = fromJSON(spans); err != nil {
			return err
		}
	}
	var holidays []period.Day
	for _, s := range j.Holidays {
		var d period.Day
		if err := d.UnmarshalText([]byte(s)); err != nil {
			return fmt.Errorf("%w: %w", ErrEncoding, err)
		}
		holidays = append(holidays, d)
	}
	exceptions := map[period.Day]Spans{}
	for _, e := range j.Exceptions {
		var d period.Day
		if err := d.UnmarshalText([]byte(e.Date)); err != nil {
			return fmt.Errorf("%w: %w", ErrEncoding, err)
		}
		if _, dup := exceptions[d]; dup || len(e.Spans) == 0 {
			return fmt.Errorf("%w: exception %v repeated or empty", ErrEncoding, d)
		}
		if exceptions[d], err = fromJSON(e.Spans); err != nil {
			return err
		}
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return c.settle(compact.Bytes(), j.Location, week, holidays, exceptions, (*Calendar).MarshalJSON)
}
