package counts

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Labels maps the texts of survey answers to the points of a scale S,
// matched after folding (see Fold). An answer that is a plain integer is
// taken as the point itself. A Labels is immutable and safe for
// concurrent use.
type Labels[S Scale] struct {
	scale  S
	points map[string]int // folded text → point
}

// NewLabels returns labels for scale s from texts to points. It fails
// with k.ErrScore on a point off the scale and k.ErrLabels on a text that
// folds to nothing or two texts that fold alike but name different
// points.
func NewLabels[S Scale](k *Kind[S], s S, labels map[string]int) (*Labels[S], error) {
	l := &Labels[S]{scale: s, points: make(map[string]int, len(labels))}
	if err := l.add(k, labels); err != nil {
		return nil, err
	}
	return l, nil
}

// MustLabels is NewLabels for the built-in label sets: it panics on an
// error, which is a bug of the package that defines them.
func MustLabels[S Scale](k *Kind[S], s S, labels map[string]int) *Labels[S] {
	l, err := NewLabels(k, s, labels)
	if err != nil {
		panic(err)
	}
	return l
}

// With returns a copy of l with more labels, validated like NewLabels.
func (l *Labels[S]) With(k *Kind[S], labels map[string]int) (*Labels[S], error) {
	u := &Labels[S]{scale: l.scale, points: maps.Clone(l.points)}
	if err := u.add(k, labels); err != nil {
		return nil, err
	}
	return u, nil
}

func (l *Labels[S]) add(k *Kind[S], labels map[string]int) error {
	// In sorted order, so that the error names the same label every time.
	for _, text := range slices.Sorted(maps.Keys(labels)) {
		point := labels[text]
		if err := CheckScore(k, l.scale, point); err != nil {
			return fmt.Errorf("label %q: %w", text, err)
		}
		key := Fold(text)
		if key == "" {
			return fmt.Errorf("%w: label %q is empty once folded", k.ErrLabels, text)
		}
		if p, ok := l.points[key]; ok && p != point {
			return fmt.Errorf("%w: label %q is both %d and %d", k.ErrLabels, text, p, point)
		}
		l.points[key] = point
	}
	return nil
}

// Scale returns the scale the labels point into.
func (l *Labels[S]) Scale() S { return l.scale }

// Len returns the number of distinct folded labels.
func (l *Labels[S]) Len() int { return len(l.points) }

// Point returns the point an answer names: a label, or a plain integer
// on the scale. It fails with k.ErrUnknownLabel naming the answer, or
// k.ErrScore for an integer off the scale.
func (l *Labels[S]) Point(k *Kind[S], answer string) (int, error) {
	var buf [64]byte
	if p, ok := l.points[string(appendFold(buf[:0], answer))]; ok {
		return p, nil
	}
	if n, err := strconv.Atoi(strings.TrimSpace(answer)); err == nil {
		if err := CheckScore(k, l.scale, n); err != nil {
			return 0, err
		}
		return n, nil
	}
	return 0, fmt.Errorf("%w %q", k.ErrUnknownLabel, answer)
}
