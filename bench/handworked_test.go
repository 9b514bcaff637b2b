package main

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/agent"
	"github.com/rapportkit/rapport/journey"
)

func noError(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestJourneyHandworked links testdata/handworked/journey.csv, seven
// steps worked by hand: journey 1 is steps 0–1 (a bot hands customer 1 to
// an agent who answers and resolves), journey 2 steps 2 and 6 (more than
// 48 h later: an e-mail, then a chat abandoned 10 s after it), journey 3
// case 9, steps 3–5, whatever their reasons and gaps (self-service on the
// FAQ, a phone agent at tier 1 transferring to a chat agent at tier 2 who
// resolves). The same file gives the same text in the pandas and DuckDB
// peers (run them on the directory with BENCH_SHOW=1).
func TestJourneyHandworked(t *testing.T) {
	steps, err := readJourneySteps("testdata/handworked/journey.csv", 7)
	noError(t, err)
	tally, err := journey.Linker{Window: journeyWindow, ByReason: true}.Tally(steps)
	noError(t, err)
	r, err := tally.Result()
	noError(t, err)
	if got, want := journeyText(r), "journeys=3 steps=7 resolved=2 transfers=2 agent_to_agent=1 bot_to_agent=1 taken_over=1 transferred=2 "+
		"tier_pairs=1 tier_up=1 automated=2 contained=0 escalated=2 stranded=0 switched=3 digital=5 self_service=2\n"+
		"phone ended=1\nfaq ended=1 phone=1\nchat ended=2\nemail ended=1 chat=1\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestAgentHandworked tallies testdata/handworked/agents.csv by hand: a1
// is 50 s on contact (2 contacts), 20 s ACW, a 10 s gap, 20 s break and 30
// s absence (occupancy 70/70, utilization 70/90, shrinkage 50/120, AHT
// 35 s); a2 100 s available then 60 s on one contact (occupancy and
// utilization 60/160, no shrinkage, AHT 60 s). An interval of a1 that
// starts before its previous one ends is refused.
func TestAgentHandworked(t *testing.T) {
	ivs, err := readAgentIntervals("testdata/handworked/agents.csv", 6)
	noError(t, err)
	by, err := agent.TallyBy(slices.Values(ivs), func(iv agent.Interval) string { return iv.Agent })
	noError(t, err)
	if got, want := agentText(by), "overlaps=0\n"+
		"a1,0,50,20,20,0,0,30,0,2,1.000000000,0.777777778,0.416666667,35000000000\n"+
		"a2,100,60,0,0,0,0,0,0,1,0.375000000,0.375000000,0.000000000,60000000000\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	// a1's break again, from 65 s, listed last: it starts before a1's
	// previous interval (the absence) ends at 130 s.
	late := ivs[4]
	late.Start, late.End = late.Start.Add(-15*time.Second), late.End.Add(-15*time.Second)
	_, err = agent.TallyBy(slices.Values(append(slices.Clone(ivs), late)), func(iv agent.Interval) string { return iv.Agent })
	if !errors.Is(err, agent.ErrOverlap) {
		t.Errorf("an overlapping interval: got %v, want ErrOverlap", err)
	}
}
