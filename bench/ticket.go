package main

import (
	"bufio"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport/ticket"
)

// ticketTask tallies n tickets' lifecycles in calendar time.
var ticketTask = task{
	name:     "ticket",
	about:    "n tickets' first reply and resolution times, one-touch, reopens, SLA breaches of 2 of 4 priorities, within 1 h / 24 h (ticket.TallyOf + Result)",
	bytes:    func(d *data) int64 { return int64(d.sizes.Contacts) * ticketFloorBytes },
	maxScale: 10_000_000,
	prepare:  func(d *data) error { return d.tickets() },
	impls: []impl{
		{name: "rapport ticket.TallyOf", fn: ticketOurs},
		{name: duckdbName, cmd: node("ticket_duckdb.mjs")},
	},
}

// ticketFloorBytes is a ticket in the most compact columns: creation (4),
// first reply and solve as offsets from it (4 each), replies, reopens and
// priority (1 each).
const ticketFloorBytes = 15

// ticketTargets are the fixed targets of the ticket task, in calendar
// time: "high" and "low" tickets have none.
var ticketTargets = ticket.Targets{
	"urgent": {FirstReply: time.Hour, Resolution: 8 * time.Hour},
	"normal": {FirstReply: 8 * time.Hour, Resolution: 72 * time.Hour},
}

// ticketPriorities are the priorities of the generated tickets, each
// listed as often as its weight (in tenths).
var ticketPriorities = [...]string{"urgent", "high", "high", "normal", "normal", "normal", "normal", "normal", "low", "low"}

func (d *data) ticketFile() string { return d.path("tickets.csv") }

// tickets writes tickets.csv: n tickets created over 30 days (whole
// seconds), in the order of creation. Nine in ten have a first reply 1 s
// to 16 h after creation (half of them within 2 h) and 1 to 5 replies;
// eight in ten of those, and one in two of the others, are solved 0 s to
// 5 days after the first reply (or creation), one solved in eight
// reopened once or twice. One ticket in fifty has its replies, and one in
// fifty its reopens, unknown (an empty cell). Columns:
//
//	id,priority,created,first_reply,solved,replies,reopens   (Unix seconds; empty: none or unknown)
func (d *data) tickets() error {
	n := d.sizes.Contacts
	stamp := fmt.Sprintf("seed %d tickets %d v1", seed, n)
	return ensure(d.ticketFile(), stamp, func(w *bufio.Writer) error {
		rng := rand.New(rand.NewPCG(seed, 16))
		w.WriteString("id,priority,created,first_reply,solved,replies,reopens\n")
		const start = asOf - 30*86400
		var b []byte
		for i := range n {
			created := start + int64(i)*30*86400/int64(max(n, 1))
			p := ticketPriorities[rng.IntN(len(ticketPriorities))]
			var reply, solved int64
			replies, reopens := 0, 0
			from := created
			if rng.IntN(10) != 0 {
				if rng.IntN(2) == 0 {
					reply = created + 1 + rng.Int64N(2*3600)
				} else {
					reply = created + 1 + rng.Int64N(16*3600)
				}
				replies, from = 1+rng.IntN(5), reply
			}
			if (reply != 0 && rng.IntN(10) < 8) || (reply == 0 && rng.IntN(2) == 0) {
				solved = from + rng.Int64N(5*86400)
				if rng.IntN(8) == 0 {
					reopens = 1 + rng.IntN(2)
				}
			}
			b = strconv.AppendInt(append(b[:0], 't'), int64(i), 10)
			b = append(append(append(b, ','), p...), ',')
			b = strconv.AppendInt(b, created, 10)
			for _, at := range [...]int64{reply, solved} {
				b = append(b, ',')
				if at != 0 {
					b = strconv.AppendInt(b, at, 10)
				}
			}
			for _, c := range [...]int{replies, reopens} {
				b = append(b, ',')
				if rng.IntN(50) != 0 {
					b = strconv.AppendInt(b, int64(c), 10)
				}
			}
			b = append(b, '\n')
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	})
}

// readTickets loads tickets.csv (n rows) into tickets, one string per
// priority shared by its tickets.
func readTickets(file string, n int) ([]ticket.Ticket, error) {
	priorities := interner{}
	tickets := make([]ticket.Ticket, 0, n)
	at := func(f []byte) (time.Time, error) {
		if len(f) == 0 {
			return time.Time{}, nil
		}
		s, err := strconv.ParseInt(string(f), 10, 64)
		return time.Unix(s, 0).UTC(), err
	}
	count := func(f []byte) (int, error) {
		if len(f) == 0 {
			return ticket.Unknown, nil
		}
		return strconv.Atoi(string(f))
	}
	err := eachRow(file, 7, func(f [][]byte) error {
		created, err1 := at(f[2])
		reply, err2 := at(f[3])
		solved, err3 := at(f[4])
		replies, err4 := count(f[5])
		reopens, err5 := count(f[6])
		if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
			return err
		}
		tickets = append(tickets, ticket.Ticket{ID: string(f[0]), Priority: priorities.of("", f[1]), Created: created,
			FirstReply: reply, Solved: solved, Replies: replies, Reopens: reopens})
		return nil
	})
	return tickets, err
}

// ticketOurs tallies the tickets already in memory with ticket.TallyOf
// (calendar time, ticketTargets) and takes the Result.
func ticketOurs(d *data, reps int) (result, error) {
	tickets, err := readTickets(d.ticketFile(), d.sizes.Contacts)
	if err != nil {
		return result{}, err
	}
	type out struct {
		t *ticket.Tally
		r ticket.Result
	}
	return timeIt("ticket", reps, func() (out, error) {
		t, err := ticket.TallyOf(slices.Values(tickets), ticketTargets, nil)
		if err != nil {
			return out{}, err
		}
		r, err := t.Result()
		return out{t, r}, err
	}, func(o out) string { return shownDigest(ticketText(o.t, o.r)) })
}

// ticketText is the text every ticket peer prints, figures SQL computes
// exactly: the tickets, replied and solved; per measure (first reply,
// resolution) the tickets measured, the sum of their times in seconds
// and those within 1 h and 24 h; the one-touch and reopened shares of
// the solved tickets whose replies, reopens are known (to 9 decimals, as
// the Tally keeps those counts but shows only their ratios); then per priority with a target (in name order) its
// tickets, replied, first replies breached, solved and resolutions
// breached.
//
// The counts come from the Tally's methods and the Result's SLA rows, not
// from percentiles: the sum of seconds is the exact mean (to the
// nanosecond, rounded) times the count, rounded to the second, exact for
// whole-second times while the count is below 10⁹; a count within T is
// Within's share times the count, exact as 1 h and 24 h are bin edges and
// the times whole seconds (⌈d/1 min⌉ ≤ T/1 min ⇔ d ≤ T).
func ticketText(t *ticket.Tally, r ticket.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "n=%d replied=%d solved=%d\n", r.N, r.Replied, r.Solved)
	for _, m := range [...]struct {
		name string
		m    ticket.Measure
	}{{"first_reply", ticket.FirstReplyTime}, {"resolution", ticket.ResolutionTime}} {
		n := t.Count(m.m)
		fmt.Fprintf(&b, "%s n=%d", m.name, n)
		if mean, ok := t.Mean(m.m); ok {
			sum := new(big.Int).Mul(big.NewInt(mean.Nanoseconds()), new(big.Int).SetUint64(n))
			sum.Add(sum, big.NewInt(int64(time.Second/2))).Quo(sum, big.NewInt(int64(time.Second)))
			fmt.Fprintf(&b, " sum_s=%s", sum)
		} else {
			b.WriteString(" sum_s=0")
		}
		for _, d := range [...]time.Duration{time.Hour, 24 * time.Hour} {
			share, _ := t.Within(m.m, d)
			fmt.Fprintf(&b, " within_%s=%d", strings.TrimSuffix(d.String(), "0m0s"), uint64(share*float64(n)+0.5))
		}
		b.WriteString("\n")
	}
	share := func(v float64, ok bool) string {
		if !ok {
			return "none"
		}
		return strconv.FormatFloat(v, 'f', 9, 64)
	}
	fmt.Fprintf(&b, "one_touch=%s reopened=%s\n", share(t.OneTouch()), share(t.ReopenRate()))
	for _, s := range r.SLA {
		fmt.Fprintf(&b, "%s tickets=%d replied=%d reply_breached=%d solved=%d resolution_breached=%d\n",
			s.Priority, s.Tickets, s.Replied, s.FirstReplyBreached, s.Solved, s.ResolutionBreached)
	}
	return b.String()
}
