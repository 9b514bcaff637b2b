package segment

import (
	"fmt"
	"slices"
	"strings"
)

// Move is the kind of a customer's change between two snapshots.
type Move int8

// Moves, as read against the order of the levels.
const (
	Stay      Move = iota // same level in both snapshots
	Upgrade               // a higher level
	Downgrade             // a lower level
	New                   // only in the second snapshot
	Lost                  // only in the first snapshot
)

var moveNames = [...]string{"stay", "upgrade", "downgrade", "new", "lost"}

// String returns "stay", "upgrade", "downgrade", "new" or "lost".
func (m Move) String() string {
	if m < 0 || int(m) >= len(moveNames) {
		return "invalid move"
	}
	return moveNames[m]
}

// MarshalText writes the move's name.
func (m Move) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// Event is one customer's change, to trigger a scenario ("bronze to
// premium": send the welcome pack). From is empty for New, To for Lost.
type Event struct {
	ID   string `json:"id"`
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	Move Move   `json:"move"`
}

// Transitions compares two snapshots of labelled customers (tiers, RFM
// segments) on ordered levels. Counts[i][j] is the number of customers at
// level i before and j after; New[j] those at j only after, Lost[i] those
// at i only before. Before[i] = Σⱼ Counts[i][j] + Lost[i].
type Transitions struct {
	Levels []string   `json:"levels"`
	Counts [][]uint64 `json:"counts"`
	New    []uint64   `json:"new"`
	Lost   []uint64   `json:"lost"`
	// Upgrades, Downgrades and Stays count the customers in both
	// snapshots by direction; Added and Dropped those in one only.
	Upgrades   uint64 `json:"upgrades"`
	Downgrades uint64 `json:"downgrades"`
	Stays      uint64 `json:"stays"`
	Added      uint64 `json:"added"`
	Dropped    uint64 `json:"dropped"`
	// Events lists every customer who changed (all but the stays) in
	// ascending id order.
	Events []Event `json:"events"`
}

// Transition builds the transitions between two snapshots (id → level
// name) on levels ordered from lowest to highest (Tiers.Levels; for RFM
// segments, an order of the caller's choosing). A name not among the
// levels is an error (ErrTier) naming, of the customers with one, the one
// of the smallest id. Nothing depends on the maps' iteration order.
func Transition(levels []string, before, after map[string]string) (Transitions, error) {
	index := make(map[string]int, len(levels))
	for i, l := range levels {
		if _, dup := index[l]; dup || l == "" {
			return Transitions{}, fmt.Errorf("%w: level %q empty or repeated", ErrTier, l)
		}
		index[l] = i
	}
	if err := unknownLevel(index, levels, before, after); err != nil {
		return Transitions{}, err
	}
	n := len(levels)
	t := Transitions{Levels: slices.Clone(levels), Counts: make([][]uint64, n), New: make([]uint64, n), Lost: make([]uint64, n)}
	for i := range t.Counts {
		t.Counts[i] = make([]uint64, n)
	}
	for id, from := range before {
		i := index[from]
		to, ok := after[id]
		if !ok {
			t.Lost[i]++
			t.Dropped++
			t.Events = append(t.Events, Event{ID: id, From: from, Move: Lost})
			continue
		}
		j := index[to]
		t.Counts[i][j]++
		switch {
		case j > i:
			t.Upgrades++
			t.Events = append(t.Events, Event{ID: id, From: from, To: to, Move: Upgrade})
		case j < i:
			t.Downgrades++
			t.Events = append(t.Events, Event{ID: id, From: from, To: to, Move: Downgrade})
		default:
			t.Stays++
		}
	}
	for id, to := range after {
		if _, ok := before[id]; ok {
			continue
		}
		j := index[to]
		t.New[j]++
		t.Added++
		t.Events = append(t.Events, Event{ID: id, To: to, Move: New})
	}
	slices.SortFunc(t.Events, func(a, b Event) int { return strings.Compare(a.ID, b.ID) })
	return t, nil
}

// unknownLevel returns ErrTier for the smallest id of the snapshots
// whose level is not among the levels, or nil.
func unknownLevel(index map[string]int, levels []string, snapshots ...map[string]string) error {
	var id, name string
	found := false
	for _, s := range snapshots {
		for k, v := range s {
			if _, ok := index[v]; !ok && (!found || k < id) {
				id, name, found = k, v, true
			}
		}
	}
	if !found {
		return nil
	}
	return fmt.Errorf("%w: customer %q: level %q not in %v", ErrTier, id, name, levels)
}

// Before returns the number of customers at level i in the first
// snapshot (including those lost).
func (t Transitions) Before(i int) uint64 {
	s := t.Lost[i]
	for _, c := range t.Counts[i] {
		s += c
	}
	return s
}

// After returns the number of customers at level j in the second
// snapshot (including the new ones).
func (t Transitions) After(j int) uint64 {
	s := t.New[j]
	for i := range t.Counts {
		s += t.Counts[i][j]
	}
	return s
}

// Share returns the row share Counts[i][j] / Before(i): the fraction of
// level i's customers found at level j afterwards, or ok = false when
// level i was empty. Row shares and LostShare(i) add up to 1.
func (t Transitions) Share(i, j int) (float64, bool) {
	b := t.Before(i)
	if b == 0 {
		return 0, false
	}
	return float64(t.Counts[i][j]) / float64(b), true
}

// LostShare returns Lost[i] / Before(i), or ok = false when level i was
// empty.
func (t Transitions) LostShare(i int) (float64, bool) {
	b := t.Before(i)
	if b == 0 {
		return 0, false
	}
	return float64(t.Lost[i]) / float64(b), true
}

// String draws the matrix with the new and lost margins, counts only.
func (t Transitions) String() string {
	var b strings.Builder
	w := 4
	for _, l := range t.Levels {
		w = max(w, len(l))
	}
	fmt.Fprintf(&b, "%-*s", w, "")
	for _, l := range t.Levels {
		fmt.Fprintf(&b, " %*s", w, l)
	}
	fmt.Fprintf(&b, " %*s\n", w, "lost")
	for i, l := range t.Levels {
		fmt.Fprintf(&b, "%-*s", w, l)
		for _, c := range t.Counts[i] {
			fmt.Fprintf(&b, " %*d", w, c)
		}
		fmt.Fprintf(&b, " %*d\n", w, t.Lost[i])
	}
	fmt.Fprintf(&b, "%-*s", w, "new")
	for _, c := range t.New {
		fmt.Fprintf(&b, " %*d", w, c)
	}
	fmt.Fprintf(&b, "\n%d up, %d down, %d stay, %d new, %d lost", t.Upgrades, t.Downgrades, t.Stays, t.Added, t.Dropped)
	return b.String()
}
