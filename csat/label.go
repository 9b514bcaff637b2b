package csat

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Labels maps the texts of survey answers to the points of a scale, so
// that "Très satisfait", "very  SATISFIED" and "5" all count as a 5. Texts
// are matched after folding: case, accents (é, è, ê, à, ç, œ … and
// combining marks), punctuation and runs of spaces are ignored, as are the
// French inclusive endings "(e)" and "·e" ("Satisfait(e)", "Satisfait·e"). An answer that
// is a plain integer is taken as the point itself. A Labels is immutable
// and safe for concurrent use.
type Labels struct {
	scale  Scale
	points map[string]int // folded text → point
}

// NewLabels returns labels for scale s from texts to points. It fails with
// ErrScoreOutOfRange on a point off the scale and ErrLabels on a text that
// folds to nothing or two texts that fold alike but name different points.
func NewLabels(s Scale, labels map[string]int) (*Labels, error) {
	l := &Labels{scale: s, points: make(map[string]int, len(labels))}
	return l, l.add(labels)
}

// With returns a copy of l with more labels (aliases for a survey's own
// wording), validated like NewLabels.
func (l *Labels) With(labels map[string]int) (*Labels, error) {
	u := &Labels{scale: l.scale, points: make(map[string]int, len(l.points)+len(labels))}
	for k, v := range l.points {
		u.points[k] = v
	}
	if err := u.add(labels); err != nil {
		return nil, err
	}
	return u, nil
}

func (l *Labels) add(labels map[string]int) error {
	// In sorted order, so that the error names the same label every time.
	for _, text := range slices.Sorted(maps.Keys(labels)) {
		point := labels[text]
		if _, err := l.scale.Classify(point); err != nil {
			return fmt.Errorf("label %q: %w", text, err)
		}
		key := fold(text)
		if key == "" {
			return fmt.Errorf("%w: label %q is empty once folded", ErrLabels, text)
		}
		if p, ok := l.points[key]; ok && p != point {
			return fmt.Errorf("%w: label %q is both %d and %d", ErrLabels, text, p, point)
		}
		l.points[key] = point
	}
	return nil
}

// Scale returns the scale the labels point into.
func (l *Labels) Scale() Scale { return l.scale }

// Point returns the point an answer names: a label, or a plain integer on
// the scale. It fails with ErrUnknownLabel naming the answer, or
// ErrScoreOutOfRange for an integer off the scale.
func (l *Labels) Point(answer string) (int, error) {
	var buf [64]byte
	if p, ok := l.points[string(appendFold(buf[:0], answer))]; ok {
		return p, nil
	}
	if n, err := strconv.Atoi(strings.TrimSpace(answer)); err == nil {
		if _, err := l.scale.Classify(n); err != nil {
			return 0, err
		}
		return n, nil
	}
	return 0, fmt.Errorf("%w %q", ErrUnknownLabel, answer)
}

// fold returns s lower-cased, without accents, with every run of
// characters other than letters and digits turned into one space and no
// space at either end.
func fold(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// appendFold appends the folded s to b; see fold. The French inclusive
// endings "(e)" and "·e" (before a non-letter or the end) are dropped.
func appendFold(b []byte, s string) []byte {
	gap := false
	put := func(r rune) {
		if gap && len(b) > 0 {
			b = append(b, ' ')
		}
		gap = false
		b = utf8.AppendRune(b, r)
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			put(rune(c))
			i++
			continue
		case 'A' <= c && c <= 'Z':
			put(rune(c + 'a' - 'A'))
			i++
			continue
		case c == '(' && len(s) >= i+3 && (s[i+1] == 'e' || s[i+1] == 'E') && s[i+2] == ')':
			i += 3
			continue
		case c < utf8.RuneSelf:
			gap = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '·' && i < len(s) && (s[i] == 'e' || s[i] == 'E') && !letterAt(s, i+1):
			i++
		case unicode.Is(unicode.Mn, r): // a combining accent
		default:
			r = unicode.ToLower(r)
			if f := latin(r); f != "" {
				for _, l := range f {
					put(l)
				}
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				put(r)
			} else {
				gap = true
			}
		}
	}
	return b
}

// letterAt reports whether s has a letter at byte offset i.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// latin returns the unaccented spelling of a lower-case accented Latin
// letter, or "" for any other rune.
func latin(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return "a"
	case 'æ':
		return "ae"
	case 'ç':
		return "c"
	case 'è', 'é', 'ê', 'ë':
		return "e"
	case 'ì', 'í', 'î', 'ï':
		return "i"
	case 'ñ':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø':
		return "o"
	case 'œ':
		return "oe"
	case 'ù', 'ú', 'û', 'ü':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ß':
		return "ss"
	}
	return ""
}

// English and French labels for the built-in scales. Each also accepts
// the points as integers.
var (
	// FivePointLabels: Very dissatisfied / Dissatisfied / Neither satisfied
	// nor dissatisfied / Satisfied / Very satisfied, and Très insatisfait /
	// Insatisfait / Ni satisfait ni insatisfait / Satisfait / Très
	// satisfait, with a few common variants (Unsatisfied, Neutral, Neutre,
	// Pas du tout satisfait, Tout à fait satisfait …).
	FivePointLabels = mustLabels(FivePoint, map[string]int{
		"Very dissatisfied": 1, "Very unsatisfied": 1, "Très insatisfait": 1, "Pas du tout satisfait": 1,
		"Dissatisfied": 2, "Unsatisfied": 2, "Insatisfait": 2, "Pas satisfait": 2,
		"Neither satisfied nor dissatisfied": 3, "Neutral": 3, "Ni satisfait ni insatisfait": 3, "Neutre": 3,
		"Satisfied": 4, "Satisfait": 4,
		"Very satisfied": 5, "Très satisfait": 5, "Tout à fait satisfait": 5,
	})
	// SevenPointLabels: Very dissatisfied / Dissatisfied / Somewhat
	// dissatisfied / Neither satisfied nor dissatisfied / Somewhat
	// satisfied / Satisfied / Very satisfied, the Extremely / Moderately /
	// Slightly wording, and Très insatisfait / Insatisfait / Plutôt
	// insatisfait / Ni satisfait ni insatisfait / Plutôt satisfait /
	// Satisfait / Très satisfait.
	SevenPointLabels = mustLabels(SevenPoint, map[string]int{
		"Very dissatisfied": 1, "Extremely dissatisfied": 1, "Très insatisfait": 1, "Extrêmement insatisfait": 1,
		"Dissatisfied": 2, "Moderately dissatisfied": 2, "Insatisfait": 2, "Modérément insatisfait": 2,
		"Somewhat dissatisfied": 3, "Slightly dissatisfied": 3, "Plutôt insatisfait": 3, "Légèrement insatisfait": 3,
		"Neither satisfied nor dissatisfied": 4, "Neutral": 4, "Ni satisfait ni insatisfait": 4, "Neutre": 4,
		"Somewhat satisfied": 5, "Slightly satisfied": 5, "Plutôt satisfait": 5, "Légèrement satisfait": 5,
		"Satisfied": 6, "Moderately satisfied": 6, "Satisfait": 6, "Modérément satisfait": 6,
		"Very satisfied": 7, "Extremely satisfied": 7, "Très satisfait": 7, "Extrêmement satisfait": 7,
	})
	// BinaryLabels: Yes / No, Oui / Non, Y / N, Satisfied / Not satisfied,
	// Satisfait / Pas satisfait.
	BinaryLabels = mustLabels(Binary, map[string]int{
		"Yes": 1, "Y": 1, "Oui": 1, "Satisfied": 1, "Satisfait": 1,
		"No": 0, "N": 0, "Non": 0, "Not satisfied": 0, "Pas satisfait": 0,
	})
)

// mustLabels builds a built-in label set, adding the feminine of each
// French label (satisfait → satisfaite).
func mustLabels(s Scale, labels map[string]int) *Labels {
	all := make(map[string]int, 2*len(labels))
	for text, p := range labels {
		all[text] = p
		if f := feminine(text); f != text {
			all[f] = p
		}
	}
	l, err := NewLabels(s, all)
	if err != nil {
		panic(err)
	}
	return l
}

// feminine spells the French adjectives of a label in the feminine.
func feminine(text string) string {
	words := strings.Fields(text)
	for i, w := range words {
		if strings.HasSuffix(w, "satisfait") {
			words[i] = w + "e"
		}
	}
	return strings.Join(words, " ")
}
