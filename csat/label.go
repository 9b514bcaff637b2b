package csat

import (
	"strings"

	"github.com/rapportkit/rapport/internal/counts"
)

// Labels maps the texts of survey answers to the points of a scale, so
// that "Très satisfait", "very  SATISFIED" and "5" all count as a 5. Texts
// are matched after folding: case, accents (é, è, ê, à, ç, œ … and
// combining marks), punctuation and runs of spaces are ignored, as are the
// French inclusive endings "(e)" and "·e" ("Satisfait(e)", "Satisfait·e").
// An answer that is a plain integer is taken as the point itself. A
// Labels is immutable and safe for concurrent use.
type Labels struct{ l *counts.Labels[Scale] }

// Point returns the point an answer names: a label, or a plain integer on
// the scale. It fails with ErrUnknownLabel naming the answer, or
// ErrScoreOutOfRange for an integer off the scale.
func (l *Labels) Point(answer string) (int, error) { return l.l.Point(&kind, answer) }

// NewLabels returns labels for scale s from texts to points. It fails with
// ErrScoreOutOfRange on a point off the scale and ErrLabels on a text that
// folds to nothing or two texts that fold alike but name different points.
func NewLabels(s Scale, labels map[string]int) (*Labels, error) {
	return wrapLabels(counts.NewLabels(&kind, s, labels))
}

// Scale returns the scale the labels point into.
func (l *Labels) Scale() Scale { return l.l.Scale() }

// With returns a copy of l with more labels (aliases for a survey's own
// wording), validated like NewLabels; l is unchanged.
func (l *Labels) With(labels map[string]int) (*Labels, error) {
	return wrapLabels(l.l.With(&kind, labels))
}

func wrapLabels(l *counts.Labels[Scale], err error) (*Labels, error) {
	if err != nil {
		return nil, err
	}
	return &Labels{l}, nil
}

// The built-in labels, in English and French with the wordings of the
// common survey tools (Qualtrics, SurveyMonkey, Typeform, Medallia,
// Zendesk). Each also accepts the points as integers, and each French
// adjective in the feminine too (satisfaite, contente).
var (
	// FivePointLabels, 1 to 5: Very dissatisfied, Dissatisfied, Neither
	// satisfied nor dissatisfied, Satisfied, Very satisfied, and the
	// Extremely / Somewhat wording of Qualtrics, Highly and Completely,
	// Unsatisfied, Neutral; Très insatisfait, Insatisfait, Ni satisfait ni
	// insatisfait, Satisfait, Très satisfait, with Pas du tout, Plutôt,
	// Tout à fait, Neutre and the content / mécontent wording.
	FivePointLabels = builtIn(FivePoint, map[string]int{
		"Very dissatisfied": 1, "Very unsatisfied": 1, "Extremely dissatisfied": 1, "Highly dissatisfied": 1, "Completely dissatisfied": 1,
		"Très insatisfait": 1, "Pas du tout satisfait": 1, "Extrêmement insatisfait": 1, "Très mécontent": 1,
		"Dissatisfied": 2, "Unsatisfied": 2, "Somewhat dissatisfied": 2, "Somewhat unsatisfied": 2,
		"Insatisfait": 2, "Pas satisfait": 2, "Plutôt insatisfait": 2, "Plutôt pas satisfait": 2, "Peu satisfait": 2, "Mécontent": 2,
		"Neither satisfied nor dissatisfied": 3, "Neither satisfied or dissatisfied": 3, "Neutral": 3,
		"Ni satisfait ni insatisfait": 3, "Neutre": 3,
		"Satisfied": 4, "Somewhat satisfied": 4, "Satisfait": 4, "Plutôt satisfait": 4, "Content": 4,
		"Very satisfied": 5, "Extremely satisfied": 5, "Highly satisfied": 5, "Completely satisfied": 5,
		"Très satisfait": 5, "Tout à fait satisfait": 5, "Extrêmement satisfait": 5, "Très content": 5,
	})
	// SevenPointLabels, 1 to 7: Very dissatisfied, Dissatisfied, Somewhat
	// dissatisfied, Neither satisfied nor dissatisfied, Somewhat satisfied,
	// Satisfied, Very satisfied, the Extremely / Moderately / Slightly
	// wording of Qualtrics and the Completely / Mostly / Somewhat wording
	// of SurveyMonkey; Très insatisfait, Insatisfait, Plutôt insatisfait,
	// Ni satisfait ni insatisfait, Plutôt satisfait, Satisfait, Très
	// satisfait, with Extrêmement, Modérément and Légèrement.
	SevenPointLabels = builtIn(SevenPoint, map[string]int{
		"Very dissatisfied": 1, "Extremely dissatisfied": 1, "Completely dissatisfied": 1,
		"Très insatisfait": 1, "Extrêmement insatisfait": 1, "Pas du tout satisfait": 1,
		"Dissatisfied": 2, "Moderately dissatisfied": 2, "Mostly dissatisfied": 2, "Insatisfait": 2, "Modérément insatisfait": 2,
		"Somewhat dissatisfied": 3, "Slightly dissatisfied": 3, "Plutôt insatisfait": 3, "Légèrement insatisfait": 3,
		"Neither satisfied nor dissatisfied": 4, "Neutral": 4, "Ni satisfait ni insatisfait": 4, "Neutre": 4,
		"Somewhat satisfied": 5, "Slightly satisfied": 5, "Plutôt satisfait": 5, "Légèrement satisfait": 5,
		"Satisfied": 6, "Moderately satisfied": 6, "Mostly satisfied": 6, "Satisfait": 6, "Modérément satisfait": 6,
		"Very satisfied": 7, "Extremely satisfied": 7, "Completely satisfied": 7,
		"Très satisfait": 7, "Extrêmement satisfait": 7, "Tout à fait satisfait": 7,
	})
	// TenPointLabels, 1 to 10: the anchors of the ends (Very, Extremely or
	// Completely satisfied at 10, Very or Extremely dissatisfied and Not
	// at all satisfied at 1, and their French) and the points as integers.
	TenPointLabels = builtIn(TenPoint, map[string]int{
		"Very dissatisfied": 1, "Extremely dissatisfied": 1, "Not at all satisfied": 1,
		"Très insatisfait": 1, "Pas du tout satisfait": 1,
		"Very satisfied": 10, "Extremely satisfied": 10, "Completely satisfied": 10,
		"Très satisfait": 10, "Tout à fait satisfait": 10, "Extrêmement satisfait": 10,
	})
	// BinaryLabels: Yes / No, Oui / Non, Y / N, Satisfied / Not satisfied,
	// Satisfait / Pas satisfait, and the Good / Bad and thumbs of chat
	// ratings (Zendesk's "Good, I'm satisfied" and "Bad, I'm unsatisfied").
	BinaryLabels = builtIn(Binary, map[string]int{
		"Yes": 1, "Y": 1, "Oui": 1, "Satisfied": 1, "Satisfait": 1, "Good": 1, "Thumbs up": 1, "Good, I'm satisfied": 1,
		"No": 0, "N": 0, "Non": 0, "Not satisfied": 0, "Unsatisfied": 0, "Dissatisfied": 0,
		"Pas satisfait": 0, "Insatisfait": 0, "Bad": 0, "Thumbs down": 0, "Bad, I'm unsatisfied": 0,
	})
)

// builtIn returns a built-in label set, with the feminine of each French
// label (satisfait → satisfaite, mécontent → mécontente).
func builtIn(s Scale, labels map[string]int) *Labels {
	all := make(map[string]int, 2*len(labels))
	for text, p := range labels {
		all[text] = p
		all[feminine(text)] = p
	}
	return &Labels{counts.MustLabels(&kind, s, all)}
}

// feminine spells the French adjectives of a label in the feminine.
func feminine(text string) string {
	words := strings.Fields(text)
	for i, w := range words {
		if lw := strings.ToLower(w); strings.HasSuffix(lw, "satisfait") || strings.HasSuffix(lw, "content") {
			words[i] = w + "e"
		}
	}
	return strings.Join(words, " ")
}
