package main

import (
	"bufio"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport/agent"
)

// agentTask tallies n agent-state intervals per agent.
var agentTask = task{
	name:     "agent",
	about:    "n agent-state intervals of 1000 agents, overlap check, time per state, occupancy, utilization, shrinkage, AHT per agent (agent.TallyBy)",
	bytes:    func(d *data) int64 { return int64(d.sizes.Contacts) * agentFloorBytes },
	maxScale: 10_000_000,
	prepare:  func(d *data) error { return d.agentIntervals() },
	impls: []impl{
		{name: "rapport agent.TallyBy", fn: agentOurs},
		{name: "pandas sort+groupby", cmd: python("agent_pandas.py")},
		{name: duckdbName, cmd: node("agent_duckdb.mjs")},
	},
}

// agentFloorBytes is an interval in the most compact columns: agent (2),
// start and end in seconds (4 each), state and contacts (1 each).
const agentFloorBytes = 12

// agentCount is the number of agents of the agent task.
const agentCount = 1000

func (d *data) agentFile() string { return d.path("agents.csv") }

// agentStates are the states of the generated intervals, each listed as
// often as its weight (in twentieths).
var agentStates = [...]agent.State{agent.Available, agent.Available, agent.Available, agent.Available, agent.Available,
	agent.OnContact, agent.OnContact, agent.OnContact, agent.OnContact, agent.OnContact, agent.OnContact, agent.OnContact,
	agent.AfterContactWork, agent.AfterContactWork, agent.AfterContactWork, agent.AfterContactWork,
	agent.Break, agent.Training, agent.Meeting, agent.Absence, agent.Offline}

// agentIntervals writes agents.csv: n intervals of 1000 agents (a0000…
// a0999), row i of agent i mod 1000, so each agent's intervals come in the
// order of time and the agents interleave, as an export sorted by time
// lists them. Each interval lasts 1 to 900 s (whole seconds) and starts at
// the end of the agent's previous one, or, one time in five, 1 to 300 s
// after it; OnContact intervals carry 1 to 3 contacts. Columns:
//
//	agent,state,start,end,contacts   (times in Unix seconds)
func (d *data) agentIntervals() error {
	n := d.sizes.Contacts
	stamp := fmt.Sprintf("seed %d agents %d v1", seed, n)
	return ensure(d.agentFile(), stamp, func(w *bufio.Writer) error {
		rng := rand.New(rand.NewPCG(seed, 15))
		clock := make([]int64, agentCount)
		for a := range clock {
			clock[a] = asOf - 90*86400
		}
		w.WriteString("agent,state,start,end,contacts\n")
		var b []byte
		for i := range n {
			a := i % agentCount
			start := clock[a]
			if rng.IntN(5) == 0 {
				start += 1 + rng.Int64N(300)
			}
			end := start + 1 + rng.Int64N(900)
			clock[a] = end
			st := agentStates[rng.IntN(len(agentStates))]
			contacts := 0
			if st == agent.OnContact {
				contacts = 1 + rng.IntN(3)
			}
			b = fmt.Appendf(b[:0], "a%04d,%s,%d,%d,%d\n", a, st, start, end, contacts)
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	})
}

// readAgentIntervals loads agents.csv (n rows) into intervals, one
// string per agent shared by its intervals.
func readAgentIntervals(file string, n int) ([]agent.Interval, error) {
	names := interner{}
	ivs := make([]agent.Interval, 0, n)
	err := eachRow(file, 5, func(f [][]byte) error {
		st, err1 := agent.ParseState(string(f[1]))
		start, err2 := strconv.ParseInt(string(f[2]), 10, 64)
		end, err3 := strconv.ParseInt(string(f[3]), 10, 64)
		contacts, err4 := strconv.Atoi(string(f[4]))
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return err
		}
		ivs = append(ivs, agent.Interval{Agent: names.of("", f[0]), State: st, Start: time.Unix(start, 0).UTC(),
			End: time.Unix(end, 0).UTC(), Contacts: contacts})
		return nil
	})
	return ivs, err
}

// agentOurs tallies the intervals already in memory by agent with
// agent.TallyBy, which rejects an interval overlapping its agent's
// previous one.
func agentOurs(d *data, reps int) (result, error) {
	ivs, err := readAgentIntervals(d.agentFile(), d.sizes.Contacts)
	if err != nil {
		return result{}, err
	}
	return timeIt("agent", reps, func() (map[string]*agent.Tally, error) {
		return agent.TallyBy(slices.Values(ivs), func(iv agent.Interval) string { return iv.Agent })
	}, agentDigest)
}

// agentDigest is the digest of agentText.
func agentDigest(by map[string]*agent.Tally) string { return shownDigest(agentText(by)) }

// agentText is the text every agent peer prints: the overlaps (0, or
// TallyBy would have failed), then a line per agent in name order: the
// seconds in each state in the order of agent.States, the contacts,
// occupancy, utilization and shrinkage to 9 decimals and AHT in
// nanoseconds, rounded half up ("none" when undefined).
func agentText(by map[string]*agent.Tally) string {
	var b strings.Builder
	b.WriteString("overlaps=0\n")
	share := func(v float64, ok bool) string {
		if !ok {
			return "none"
		}
		return strconv.FormatFloat(v, 'f', 9, 64)
	}
	for _, name := range slices.Sorted(maps.Keys(by)) {
		t := by[name]
		b.WriteString(name)
		for s := agent.Available; s <= agent.Offline; s++ {
			d, _ := t.Time(s)
			fmt.Fprintf(&b, ",%d", d/time.Second)
		}
		c, _ := t.Contacts()
		aht := "none"
		if d, ok := t.AHT(); ok {
			aht = strconv.FormatInt(d.Nanoseconds(), 10)
		}
		fmt.Fprintf(&b, ",%d,%s,%s,%s,%s\n", c, share(t.Occupancy()), share(t.Utilization()), share(t.Shrinkage()), aht)
	}
	return b.String()
}
