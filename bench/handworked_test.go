package main

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/agent"
	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/ticket"
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

// TestTicketHandworked tallies testdata/handworked/tickets.csv by hand:
// t1 (urgent) replied at exactly 1 h (within it, no breach) and solved
// after 19000 s by one reply; t2 (urgent) replied 1 s past 1 h (a breach,
// not within 1 h), unsolved; t3 (normal) replied at exactly 8 h, solved
// after 80 h (a breach of 72 h) by one reply, reopened; t4 (normal)
// solved after 100 s unreplied, reopens unknown; t5 (low, no target)
// replied and solved after 89500 s (past 24 h), replies unknown; t6
// (high) open. Replies known of the solved: t1, t3, t4, one-touch t1, t3;
// reopens known: t1, t3, t5, reopened t3. The DuckDB peer prints the same
// text on the directory (BENCH_SHOW=1).
func TestTicketHandworked(t *testing.T) {
	tickets, err := readTickets("testdata/handworked/tickets.csv", 6)
	noError(t, err)
	tally, err := ticket.TallyOf(slices.Values(tickets), ticketTargets, nil)
	noError(t, err)
	r, err := tally.Result()
	noError(t, err)
	if got, want := ticketText(tally, r), "n=6 replied=4 solved=4\n"+
		"first_reply n=4 sum_s=125501 within_1h=1 within_24h=3\n"+
		"resolution n=4 sum_s=396600 within_1h=1 within_24h=2\n"+
		"one_touch=0.666666667 reopened=0.333333333\n"+
		"normal tickets=2 replied=1 reply_breached=0 solved=2 resolution_breached=1\n"+
		"urgent tickets=2 replied=2 reply_breached=1 solved=1 resolution_breached=0\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
