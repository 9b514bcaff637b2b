package tidy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
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

// decode parses one JSON document.
func decode(data []byte) (node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := parse(dec, 0)
	if err != nil {
		return node{}, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return node{}, fmt.Errorf("%w: trailing data after the JSON value", ErrResult)
	}
	return n, nil
}

func parse(dec *json.Decoder, depth int) (node, error) {
	tok, err := dec.Token()
	if err != nil {
		return node{}, fmt.Errorf("%w: %v", ErrResult, err)
	}
	switch t := tok.(type) {
	case nil:
		return node{kind: null}, nil
	case bool:
		if t {
			return node{kind: boolean, text: "true"}, nil
		}
		return node{kind: boolean, text: "false"}, nil
	case json.Number:
		return node{kind: number, text: t.String()}, nil
	case string:
		return node{kind: text, text: t}, nil
	}
	if depth >= MaxDepth {
		return node{}, fmt.Errorf("%w: nested deeper than %d levels", ErrResult, MaxDepth)
	}
	var n node
	switch tok {
	case json.Delim('{'):
		n.kind = object
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return node{}, fmt.Errorf("%w: %v", ErrResult, err)
			}
			key := k.(string) // the decoder yields only strings as object keys
			if _, dup := n.get(key); dup {
				return node{}, fmt.Errorf("%w: key %q twice in one object", ErrResult, key)
			}
			v, err := parse(dec, depth+1)
			if err != nil {
				return node{}, err
			}
			n.members = append(n.members, member{key, v})
		}
	case json.Delim('['):
		n.kind = array
		for dec.More() {
			v, err := parse(dec, depth+1)
			if err != nil {
				return node{}, err
			}
			n.elems = append(n.elems, v)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing delimiter
		return node{}, fmt.Errorf("%w: %v", ErrResult, err)
	}
	return n, nil
}

// isInteger reports whether a JSON number literal is an integer: no
// fraction and no exponent.
func isInteger(lit string) bool { return !strings.ContainsAny(lit, ".eE") }
