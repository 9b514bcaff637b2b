package tidy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of objects and arrays in a Result.
const MaxDepth = 32

type kind uint8

const (
	null kind = iota
	boolean
	number
	text
	object
	array
)

// node is a decoded JSON value that keeps the order of object members,
// which encoding/json's maps lose: rows come out in the order of the
// Result's fields.
type node struct {
	kind    kind
	text    string   // a number's literal, a string's content, "true" or "false"
	members []member // of an object
	elems   []node   // of an array
}

type member struct {
	key string
	val node
}

// get returns the member of an object with the given key.
func (n *node) get(key string) (*node, bool) {
	for i := range n.members {
		if n.members[i].key == key {
			return &n.members[i].val, true
		}
	}
	return nil, false
}

// decode parses one JSON document, as json.Marshal writes them (a
// scanner of its own: encoding/json's token stream costs ten times as
// much).
func decode(data []byte) (node, error) {
	s := scanner{data: data}
	n, err := s.value(0)
	if err != nil {
		return node{}, err
	}
	if s.skip(); s.pos != len(s.data) {
		return node{}, s.fail("trailing data after the JSON value")
	}
	return n, nil
}

type scanner struct {
	data []byte
	pos  int
}

func (s *scanner) fail(what string) error {
	return fmt.Errorf("%w: %s at offset %d", ErrResult, what, s.pos)
}

func (s *scanner) skip() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) value(depth int) (node, error) {
	s.skip()
	if s.pos == len(s.data) {
		return node{}, s.fail("unexpected end")
	}
	switch c := s.data[s.pos]; {
	case c == '"':
		t, err := s.string()
		return node{kind: text, text: t}, err
	case c == '-' || c >= '0' && c <= '9':
		start := s.pos
		for s.pos < len(s.data) && strings.IndexByte("+-.eE0123456789", s.data[s.pos]) >= 0 {
			s.pos++
		}
		lit := string(s.data[start:s.pos])
		if !json.Valid([]byte(lit)) {
			return node{}, s.fail("malformed number " + strconv.Quote(lit))
		}
		return node{kind: number, text: lit}, nil
	case c == 't':
		return node{kind: boolean, text: "true"}, s.literal("true")
	case c == 'f':
		return node{kind: boolean, text: "false"}, s.literal("false")
	case c == 'n':
		return node{kind: null}, s.literal("null")
	case c != '{' && c != '[':
		return node{}, s.fail("unexpected character")
	}
	if depth >= MaxDepth {
		return node{}, fmt.Errorf("%w: nested deeper than %d levels", ErrResult, MaxDepth)
	}
	open := s.data[s.pos]
	s.pos++
	n := node{kind: object}
	closing := byte('}')
	if open == '[' {
		n.kind, closing = array, ']'
	}
	for first := true; ; first = false {
		s.skip()
		if s.pos < len(s.data) && s.data[s.pos] == closing {
			s.pos++
			return n, nil
		}
		if !first {
			if s.pos == len(s.data) || s.data[s.pos] != ',' {
				return node{}, s.fail("expected , or " + string(closing))
			}
			s.pos++
			s.skip()
		}
		if n.kind == array {
			v, err := s.value(depth + 1)
			if err != nil {
				return node{}, err
			}
			n.elems = append(n.elems, v)
			continue
		}
		if s.pos == len(s.data) || s.data[s.pos] != '"' {
			return node{}, s.fail("expected a key")
		}
		key, err := s.string()
		if err != nil {
			return node{}, err
		}
		if key == "" {
			return node{}, fmt.Errorf("%w: an empty key", ErrResult)
		}
		if _, dup := n.get(key); dup {
			return node{}, fmt.Errorf("%w: key %q twice in one object", ErrResult, key)
		}
		if s.skip(); s.pos == len(s.data) || s.data[s.pos] != ':' {
			return node{}, s.fail("expected :")
		}
		s.pos++
		v, err := s.value(depth + 1)
		if err != nil {
			return node{}, err
		}
		n.members = append(n.members, member{key, v})
	}
}

func (s *scanner) literal(word string) error {
	if !bytes.HasPrefix(s.data[s.pos:], []byte(word)) {
		return s.fail("unexpected character")
	}
	s.pos += len(word)
	return nil
}

// string reads a string at s.pos, unescaping it through encoding/json
// when it has escapes.
func (s *scanner) string() (string, error) {
	start := s.pos
	escaped := false
	for s.pos++; s.pos < len(s.data); s.pos++ {
		switch s.data[s.pos] {
		case '\\':
			escaped = true
			s.pos++
		case '"':
			s.pos++
			raw := s.data[start:s.pos]
			if !escaped {
				if !utf8.Valid(raw) {
					return "", s.fail("invalid UTF-8")
				}
				return string(raw[1 : len(raw)-1]), nil
			}
			var t string
			if err := json.Unmarshal(raw, &t); err != nil {
				return "", s.fail("malformed string")
			}
			return t, nil
		}
	}
	return "", s.fail("unterminated string")
}

// isInteger reports whether a JSON number literal is an integer: no
// fraction and no exponent.
func isInteger(lit string) bool { return !strings.ContainsAny(lit, ".eE") }
