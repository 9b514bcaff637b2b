// Command ces is a quickstart for the ces package: tally CES 2.0 answers per
// channel, read the net index and the ease, rank the channels with
// significance flags, and put a legacy 1–5 effort survey on the same footing.
//
//	go run ./examples/ces
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/rapportkit/rapport/ces"
)

// Answers to "The company made it easy for me to handle my issue", counted per
// point: 1 = strongly disagree (very difficult) … 7 = strongly agree (very easy).
var answers = map[string][7]uint64{
	"app":   {1, 2, 4, 8, 18, 30, 37},
	"chat":  {3, 4, 6, 12, 28, 45, 42},
	"email": {6, 9, 14, 20, 30, 24, 15},
	"phone": {14, 18, 22, 31, 38, 27, 12},
}

// The chatbot still runs the older CES 1.0 question, "How much effort did you
// personally have to put forth?": 1 = very low effort … 5 = very high effort.
var chatbot = [5]uint64{38, 41, 22, 17, 12}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	byChannel := map[string]*ces.Tally{}
	for channel, counts := range answers {
		t := ces.NewTally(ces.SevenPointEase) // also the zero value's scale
		for i, n := range counts {
			if err := t.AddN(i+1, n); err != nil {
				return fmt.Errorf("%s: %w", channel, err)
			}
		}
		byChannel[channel] = t
	}

	// Easiest first; each channel is tested against the easiest (Welch's t,
	// Holm-adjusted p-values), "harder" when significantly so at 5 %.
	ranked, err := ces.Rank(byChannel, 0.05)
	if err != nil {
		return fmt.Errorf("rank: %w", err)
	}
	fmt.Fprintln(w, "channel    n  mean/7  net index   ease  vs best")
	for _, r := range ranked {
		net, _ := byChannel[r.Key].Net() // easy share − difficult share
		verdict := "best"
		if r.Tested {
			// Reporting structs give p-values in percent, like every probability.
			verdict = fmt.Sprintf("%+.2f, Holm p = %.2g", *r.DeltaScore, *r.AdjustedPValue)
			if r.Significant {
				verdict += ", harder"
			}
		}
		fmt.Fprintf(w, "%-7s %4d  %6.2f  %+9.1f  %4.1f%%  %s\n", r.Key, r.N, *r.MeanScore, 100*net, *r.EasePct, verdict)
	}

	// A 1–5 effort mean (lower is better) cannot be compared with a 1–7 ease
	// mean directly; Ease maps both onto 0 % (hardest point) … 100 % (easiest).
	// It compares positions on each scale, not answers to the same question.
	bot := ces.NewTally(ces.FivePointEffort)
	for i, n := range chatbot {
		if err := bot.AddN(i+1, n); err != nil {
			return fmt.Errorf("chatbot: %w", err)
		}
	}
	mean, _ := bot.Mean()
	net, _ := bot.Net()
	ease, ok := bot.Ease()
	if !ok {
		return fmt.Errorf("chatbot: no answers")
	}
	fmt.Fprintf(w, "chatbot (1–5 effort, lower is easier): n=%d, mean %.2f, net index %+.1f, ease %.1f%%\n",
		bot.N(), mean, 100*net, 100*ease)
	return nil
}
