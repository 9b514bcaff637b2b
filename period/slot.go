package period

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrWidth reports a slot width that is not a whole number of minutes
// dividing a day.
var ErrWidth = errors.New("period: slot width must be whole minutes dividing 24 h")

// Slot is an interval of the day by the local clock, 15, 30 or 60
// minutes wide (or any whole number of minutes that divides a day): the
// staffing interval of a contact centre, 09:15–09:30. Its zero value is
// not a slot (Valid reports false). On a day when clocks change, the
// slots follow the clock: an hour repeated in the autumn falls twice in
// its slots.
type Slot struct {
	start, width uint16 // minutes
}

// SlotOf returns the slot of the given width holding t in loc (nil means
// UTC). The width must be whole minutes and divide a day (ErrWidth).
func SlotOf(t time.Time, loc *time.Location, width time.Duration) (Slot, error) {
	w, err := slotWidth(width)
	if err != nil {
		return Slot{}, err
	}
	t = in(t, loc)
	m := t.Hour()*60 + t.Minute()
	return Slot{start: uint16(m - m%w), width: uint16(w)}, nil
}

func slotWidth(width time.Duration) (int, error) {
	if width <= 0 || width > 24*time.Hour || width%time.Minute != 0 || 24*time.Hour%width != 0 {
		return 0, fmt.Errorf("%w: %v", ErrWidth, width)
	}
	return int(width / time.Minute), nil
}

// Valid reports whether s is a slot: the zero Slot is not.
func (s Slot) Valid() bool {
	return s.width > 0 && 1440%int(s.width) == 0 && s.start%s.width == 0 && int(s.start) < 1440
}

// Clock returns the slot's start on the clock.
func (s Slot) Clock() (hour, minute int) { return int(s.start) / 60, int(s.start) % 60 }

// Width returns the slot's width.
func (s Slot) Width() time.Duration { return time.Duration(s.width) * time.Minute }

// Index returns the slot's place in the day, from 0 (the first slot,
// from 00:00).
func (s Slot) Index() int {
	if s.width == 0 {
		return 0
	}
	return int(s.start / s.width)
}

// Compare orders slots by start, then by width.
func (s Slot) Compare(o Slot) int {
	return cmp.Or(cmp.Compare(s.start, o.start), cmp.Compare(s.width, o.width))
}

// String returns e.g. "09:15/15m".
func (s Slot) String() string {
	if !s.Valid() {
		return fmt.Sprintf("slot(%d/%d)", s.start, s.width)
	}
	h, m := s.Clock()
	return fmt.Sprintf("%02d:%02d/%dm", h, m, s.width)
}

// MarshalText returns the String; an invalid slot fails.
func (s Slot) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("period: invalid slot %d/%d", s.start, s.width)
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads "09:15/15m"; on error s is unchanged.
func (s *Slot) UnmarshalText(b []byte) error {
	str := string(b)
	clock, width, ok := strings.Cut(str, "/")
	bad := fmt.Errorf("period: slot %q: want e.g. 09:15/15m", b)
	if !ok || len(clock) != 5 || clock[2] != ':' || !strings.HasSuffix(width, "m") {
		return bad
	}
	h, m := two(clock[:2]), two(clock[3:])
	w, err := strconv.Atoi(strings.TrimSuffix(width, "m"))
	if err != nil || h < 0 || h > 23 || m < 0 || m > 59 || w <= 0 || w > 1440 {
		return bad
	}
	v := Slot{start: uint16(60*h + m), width: uint16(w)}
	if !v.Valid() {
		return bad
	}
	*s = v
	return nil
}
