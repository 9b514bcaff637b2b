package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/operations"
)

// journeyWindow is the linking window of the journey task: steps of one
// customer and reason without a case are one journey while each arrives
// within 48 hours of the previous one.
const journeyWindow = 48 * time.Hour

// journeyTask links n steps into journeys and tallies them.
var journeyTask = task{
	name:     "journey",
	about:    "n steps of n/5 customers linked by case, else customer+reason within 48 h, into journey KPIs (journey.Linker.Tally + Result)",
	bytes:    func(d *data) int64 { return int64(d.sizes.Contacts) * journeyFloorBytes },
	maxScale: 10_000_000,
	prepare:  func(d *data) error { return d.journeySteps() },
	impls: []impl{
		{name: "rapport Linker.Tally", fn: journeyOurs},
		{name: "pandas+numpy, lexsort", cmd: python("journey_pandas.py")},
		{name: duckdbName, cmd: node("journey_duckdb.mjs")},
	},
}

// journeyFloorBytes is a step in the most compact columns linking and
// the KPIs need: customer (4), arrival (8), case (4), and reason,
// channel, handler, outcome, tier, flags (1 each).
const journeyFloorBytes = 22

func (d *data) journeyFile() string { return d.path("journey.csv") }

// journeyChannels are the channels of the generated agent steps.
var journeyChannels = [...]operations.Channel{operations.Phone, operations.Chat, operations.Email, operations.Messaging}

// journeySteps writes journey.csv: n steps of n/5 customers over 30
// days, in no order, with the columns
//
//	seq,customer,reason,case,channel,handler,outcome,arrived,resolved,tier,transfer
//
// seq is the row (ties of arrival are broken by it, as Linker breaks
// them by position); the case is empty, or, for one customer in five,
// customer·4 + reason, so that the customer's steps of that reason are
// one journey whatever their times. Two steps in ten are a bot's
// (half deflected and resolved, half handed to the agents' queue), one
// in ten self-service on the FAQ (half resolved), the others an agent's:
// one in ten of those abandoned on the phone, the rest answered on
// phone, chat, email or messaging by one of 500 agents at tier 1–3,
// resolved one time in two, an unresolved one transferred to tier 2 one
// time in four. Arrivals are whole seconds.
func (d *data) journeySteps() error {
	n := d.sizes.Contacts
	customers := max(1, n/5)
	stamp := fmt.Sprintf("seed %d journey %d v1", seed, n)
	return ensure(d.journeyFile(), stamp, func(w *bufio.Writer) error {
		rng := rand.New(rand.NewPCG(seed, 14))
		w.WriteString("seq,customer,reason,case,channel,handler,outcome,arrived,resolved,tier,transfer\n")
		const start = asOf - 30*86400
		var b []byte
		for i := range n {
			k, reason := rng.IntN(customers), rng.IntN(4)
			at := start + rng.Int64N(30*86400)
			var ch operations.Channel
			var h journey.Handler
			outcome, resolved, tier, transfer := operations.Deflected, false, 0, ""
			switch u := rng.IntN(100); {
			case u < 20:
				h, ch = journey.Bot, operations.Chatbot
				if rng.IntN(2) == 0 {
					resolved = true
				} else {
					outcome, transfer = operations.Unreached, "agents"
				}
			case u < 30:
				h, ch, resolved = journey.Self, operations.FAQ, rng.IntN(2) == 0
			case u < 37:
				h, ch, outcome = journey.Agent, operations.Phone, operations.Abandoned
			default:
				h, ch, outcome = journey.Agent, journeyChannels[rng.IntN(len(journeyChannels))], operations.Answered
				tier, resolved = 1+rng.IntN(3), rng.IntN(2) == 0
				if !resolved && rng.IntN(4) == 0 {
					transfer = "tier2"
				}
			}
			b = strconv.AppendInt(b[:0], int64(i), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(k), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(reason), 10)
			b = append(b, ',')
			if k%5 == 0 {
				b = strconv.AppendInt(b, int64(k*4+reason), 10)
			}
			b = fmt.Appendf(b, ",%s,%s,%s,%d,%d,%d,%s\n", ch, h, outcome, at, boolInt(resolved), tier, transfer)
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// readJourneySteps loads journey.csv (n rows) into the steps a user
// holds: one string per customer, reason, case and agent, shared by their
// steps. Answered steps are answered at arrival by agent seq mod 500.
func readJourneySteps(file string, n int) ([]journey.Step, error) {
	reasons := []string{"billing", "move", "fault", "offer"}
	agents := make([]string, 500)
	for i := range agents {
		agents[i] = fmt.Sprintf("ag%03d", i)
	}
	customers, cases := interner{}, interner{}
	steps := make([]journey.Step, 0, n)
	err := eachRow(file, 11, func(f [][]byte) error {
		seq, err1 := strconv.Atoi(string(f[0]))
		reason, err2 := strconv.Atoi(string(f[2]))
		at, err3 := strconv.ParseInt(string(f[7]), 10, 64)
		tier, err4 := strconv.Atoi(string(f[9]))
		ch, err5 := operations.ParseChannel(string(f[4]))
		h, err6 := journey.ParseHandler(string(f[5]))
		out, err7 := operations.ParseOutcome(string(f[6]))
		if err := errors.Join(err1, err2, err3, err4, err5, err6, err7); err != nil {
			return err
		}
		if seq != len(steps) || reason < 0 || reason >= len(reasons) {
			return fmt.Errorf("seq %d or reason %d out of place", seq, reason)
		}
		customer := customers.of("k", f[1])
		s := journey.Step{Handler: h, Tier: tier, TransferredTo: string(f[10]), Contact: operations.Contact{
			ID: customer, CustomerID: customer, Reason: reasons[reason], Channel: ch, Direction: operations.Inbound,
			Outcome: out, Arrived: time.Unix(at, 0).UTC(), Resolved: string(f[8]) == "1",
		}}
		if len(f[3]) > 0 {
			s.Case = cases.of("K", f[3])
		}
		switch {
		case h == journey.Bot:
			s.Contact.Queue = "bot"
		case out == operations.Answered:
			s.Contact.Agent, s.Contact.Queue, s.Contact.Answered = agents[seq%len(agents)], "agents", s.Contact.Arrived
		default:
			s.Contact.Queue = "agents"
		}
		steps = append(steps, s)
		return nil
	})
	return steps, err
}

// journeyOurs links and tallies the steps already in memory with
// Linker.Tally (48-hour window, by reason) and takes the Result.
func journeyOurs(d *data, reps int) (result, error) {
	steps, err := readJourneySteps(d.journeyFile(), d.sizes.Contacts)
	if err != nil {
		return result{}, err
	}
	l := journey.Linker{Window: journeyWindow, ByReason: true}
	return timeIt("journey", reps, func() (journey.Result, error) {
		t, err := l.Tally(steps)
		if err != nil {
			return journey.Result{}, err
		}
		return t.Result()
	}, journeyDigest)
}

// journeyDigest is the digest of journeyText.
func journeyDigest(r journey.Result) string { return shownDigest(journeyText(r)) }

// journeyText is the text every journey peer prints: the Result's
// counts, then, for each channel with a step that ended without a
// transfer (in the order of operations.Channels), those steps and the
// repeat contacts by the next step's channel.
func journeyText(r journey.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "journeys=%d steps=%d resolved=%d transfers=%d agent_to_agent=%d bot_to_agent=%d taken_over=%d transferred=%d "+
		"tier_pairs=%d tier_up=%d automated=%d contained=%d escalated=%d stranded=%d switched=%d digital=%d self_service=%d\n",
		r.N, r.Steps, r.Resolved, r.Transfers, r.AgentToAgent, r.BotToAgent, r.TakenOver, r.Transferred,
		r.TierPairs, r.TierEscalations, r.Automated, r.Contained, r.Escalated, r.Stranded, r.Switched, r.DigitalSteps, r.SelfServiceSteps)
	for _, c := range r.Channels {
		fmt.Fprintf(&b, "%s ended=%d", c.Channel, c.Ended)
		for _, p := range c.Next {
			fmt.Fprintf(&b, " %s=%d", p.To, p.Repeats)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// shownDigest is the digest of a text, which it also writes to stderr
// (its first 2000 bytes) when BENCH_SHOW is set.
func shownDigest(text string) string {
	if os.Getenv("BENCH_SHOW") != "" {
		fmt.Fprint(os.Stderr, text[:min(len(text), 2000)])
	}
	return digestOf(text)
}

// node runs a peer script of its own with Node (the DuckDB peers of the
// journey and agent tasks).
func node(script string) []string { return []string{"node", filepath.Join(peersDir, script)} }

// eachRow calls row with the fields of every line but the header of a
// CSV file without quotes, whose lines have want fields; an error names
// the line.
func eachRow(file string, want int, row func(f [][]byte) error) error {
	fh, err := os.Open(file)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(bufio.NewReaderSize(fh, 1<<20))
	fs := make([][]byte, 0, want)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue
		}
		f, ok := fields(fs[:0], sc.Bytes())
		if !ok {
			return fmt.Errorf("%s:%d: not %d fields", file, line, want)
		}
		if err := row(f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
	}
	return sc.Err()
}

// interner keeps one string per distinct name.
type interner map[string]string

// of returns prefix+b, the same string every time.
func (m interner) of(prefix string, b []byte) string {
	if s, ok := m[string(b)]; ok {
		return s
	}
	s := prefix + string(b)
	m[string(b)] = s
	return s
}

// fields splits a CSV line without quotes into cap(dst) fields, or
// reports ok = false if it has another number of fields.
func fields(dst [][]byte, line []byte) ([][]byte, bool) {
	for len(dst) < cap(dst)-1 {
		i := bytes.IndexByte(line, ',')
		if i < 0 {
			return dst, false
		}
		dst, line = append(dst, line[:i]), line[i+1:]
	}
	return append(dst, line), bytes.IndexByte(line, ',') < 0
}
