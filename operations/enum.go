package operations

import (
	"fmt"
	"strings"
)

// normalize folds a label for lookup: trimmed, lower case, with spaces and
// underscores read as hyphens, so "Customer Space", "customer_space" and
// "customer-space" are one name.
func normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' {
			return '-'
		}
		return r
	}, s)
}

// parseLabel looks a label up among names, aliases included; unknown
// labels fail with the sentinel and the label as given.
func parseLabel[E ~uint8](s string, names map[string]E, sentinel error) (E, error) {
	if e, ok := names[normalize(s)]; ok {
		return e, nil
	}
	return 0, fmt.Errorf("%w %q", sentinel, s)
}

// label returns the canonical name of e, or "kind(n)" for a value without one.
func label[E ~uint8](e E, names []string, kind string) string {
	if int(e) < len(names) && names[e] != "" {
		return names[e]
	}
	return fmt.Sprintf("%s(%d)", kind, uint8(e))
}

// marshalLabel returns the canonical name of e as text, or the sentinel
// for a value without one.
func marshalLabel[E ~uint8](e E, names []string, sentinel error) ([]byte, error) {
	if int(e) < len(names) && names[e] != "" {
		return []byte(names[e]), nil
	}
	return nil, fmt.Errorf("%w (%d)", sentinel, uint8(e))
}
