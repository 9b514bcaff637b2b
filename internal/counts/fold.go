package counts

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns s lower-cased, without accents, with every run of
// characters other than letters and digits turned into one space and no
// space at either end.
func Fold(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// appendFold appends the folded s to b; see Fold. The French inclusive
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
