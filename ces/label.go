package ces

import "github.com/rapportkit/rapport/internal/counts"

// Labels maps the texts of survey answers to the points of a scale, so
// that "Strongly agree", "TOUT À FAIT D’ACCORD" and "7" all count as a 7
// on SevenPointEase. Texts are matched after folding: case, accents,
// apostrophes, punctuation and runs of spaces are ignored. An answer that
// is a plain integer is taken as the point itself. A Labels is immutable
// and safe for concurrent use.
type Labels struct{ set *counts.Labels[Scale] }

// Scale returns the scale the labels point into.
func (l *Labels) Scale() Scale { return l.set.Scale() }

// Point returns the point an answer names: a label, or a plain integer on
// the scale. It fails with ErrUnknownLabel naming the answer, or
// ErrScoreOutOfRange for an integer off the scale.
func (l *Labels) Point(answer string) (int, error) { return l.set.Point(&kind, answer) }

// With returns a copy of l with more labels (a survey's own wording),
// validated like NewLabels; l is unchanged.
func (l *Labels) With(labels map[string]int) (*Labels, error) {
	set, err := l.set.With(&kind, labels)
	return labelsOf(set, err)
}

// NewLabels returns labels for scale s from texts to points. It fails with
// ErrScoreOutOfRange on a point off the scale and ErrLabels on a text that
// folds to nothing or two texts that fold alike but name different points.
func NewLabels(s Scale, labels map[string]int) (*Labels, error) {
	set, err := counts.NewLabels(&kind, s, labels)
	return labelsOf(set, err)
}

// labelsOf wraps a label set of the core, or returns err.
func labelsOf(set *counts.Labels[Scale], err error) (*Labels, error) {
	if err != nil {
		return nil, err
	}
	return &Labels{set: set}, nil
}

// The built-in labels, in English and French. Each also accepts the
// points as integers.
var (
	// SevenPointEaseLabels, for SevenPointEase: the CES 2.0 agreement with
	// "the company made it easy for me to handle my issue", Strongly
	// disagree (1), Disagree, Somewhat disagree, Neither agree nor
	// disagree, Somewhat agree, Agree, Strongly agree (7), and Pas du tout
	// d'accord, Pas d'accord, Plutôt pas d'accord, Ni d'accord ni pas
	// d'accord, Plutôt d'accord, D'accord, Tout à fait d'accord; and the
	// ease wording Very difficult (1) … Very easy (7), Très difficile …
	// Très facile.
	SevenPointEaseLabels = builtIn(SevenPointEase, map[string]int{
		"Strongly disagree": 1, "Completely disagree": 1, "Pas du tout d'accord": 1, "Tout à fait en désaccord": 1, "Fortement en désaccord": 1,
		"Disagree": 2, "Pas d'accord": 2, "En désaccord": 2,
		"Somewhat disagree": 3, "Slightly disagree": 3, "Plutôt pas d'accord": 3, "Plutôt en désaccord": 3,
		"Neither agree nor disagree": 4, "Neutral": 4, "Ni d'accord ni pas d'accord": 4, "Ni en accord ni en désaccord": 4, "Neutre": 4,
		"Somewhat agree": 5, "Slightly agree": 5, "Plutôt d'accord": 5,
		"Agree": 6, "D'accord": 6,
		"Strongly agree": 7, "Completely agree": 7, "Tout à fait d'accord": 7, "Fortement d'accord": 7, "Totalement d'accord": 7,
		"Very difficult": 1, "Extremely difficult": 1, "Très difficile": 1,
		"Difficult": 2, "Difficile": 2,
		"Somewhat difficult": 3, "Plutôt difficile": 3,
		"Neither easy nor difficult": 4, "Ni facile ni difficile": 4,
		"Somewhat easy": 5, "Plutôt facile": 5,
		"Easy": 6, "Facile": 6,
		"Very easy": 7, "Extremely easy": 7, "Très facile": 7,
	})
	// FivePointEffortLabels, for FivePointEffort (1 the least effort): the
	// CES 1.0 effort wording Very low effort (1), Low effort, Neither low
	// nor high effort, High effort, Very high effort (5), Très faible
	// effort … Effort très élevé; and Very easy (1), Easy, Neither easy nor
	// difficult, Difficult, Very difficult (5), Très facile … Très
	// difficile.
	FivePointEffortLabels = builtIn(FivePointEffort, map[string]int{
		"Very low effort": 1, "Très faible effort": 1, "Effort très faible": 1, "Très peu d'effort": 1,
		"Low effort": 2, "Faible effort": 2, "Effort faible": 2, "Peu d'effort": 2,
		"Neither low nor high effort": 3, "Moderate effort": 3, "Neutral": 3, "Effort modéré": 3, "Effort moyen": 3, "Neutre": 3,
		"High effort": 4, "Effort élevé": 4, "Effort important": 4, "Beaucoup d'effort": 4,
		"Very high effort": 5, "Effort très élevé": 5, "Effort très important": 5, "Énormément d'effort": 5,
		"Very easy": 1, "Extremely easy": 1, "Très facile": 1,
		"Easy": 2, "Somewhat easy": 2, "Facile": 2, "Plutôt facile": 2,
		"Neither easy nor difficult": 3, "Ni facile ni difficile": 3,
		"Difficult": 4, "Somewhat difficult": 4, "Difficile": 4, "Plutôt difficile": 4,
		"Very difficult": 5, "Extremely difficult": 5, "Très difficile": 5,
	})
)

func builtIn(s Scale, labels map[string]int) *Labels {
	return &Labels{set: counts.MustLabels(&kind, s, labels)}
}
