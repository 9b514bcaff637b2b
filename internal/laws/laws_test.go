package laws

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// counter is a small accumulator that keeps the contract: counts of the
// digits 0–9 on a base (its parameter), encoded as the base and ten
// uvarints, or {"base":b,"counts":[…]}. The flaws, set by the environment
// of a child test process, each break one law.
type counter struct {
	base  uint8
	c     [10]uint64
	n     uint64
	bloat []byte // grows with each Add when the flaw "alloc" is on
}

var (
	errMismatch = errors.New("counter: mismatch")
	errEncoding = errors.New("counter: bad encoding")
	errDigit    = errors.New("counter: not a digit")
)

var flaw = os.Getenv("LAWS_FLAW")

func (k *counter) Add(d int) error { return k.AddN(d, 1) }

func (k *counter) AddN(d int, n uint64) error {
	if d < 0 || d > 9 {
		if flaw == "reject" {
			k.n++
		}
		return errDigit
	}
	if flaw == "addn" && n > 1 {
		n--
	}
	if flaw == "alloc" {
		k.bloat = make([]byte, 8)
	}
	k.c[d] += n
	k.n += n
	return nil
}

func (k *counter) Merge(o *counter) error {
	if o == nil && flaw != "nil" {
		return nil
	}
	if k.base != o.base && flaw != "mismatch" {
		return errMismatch
	}
	if flaw == "merge" && o.n > 3 {
		k.c[0]++ // a merge that loses track
	}
	c := o.c
	for i := range c {
		k.c[i] += c[i]
	}
	k.n += o.n
	return nil
}

func (k *counter) N() uint64 { return k.n }

func (k *counter) Clone() *counter {
	if flaw == "clone" {
		return k
	}
	u := *k
	return &u
}

func (k *counter) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, k.base)
	for _, c := range k.c {
		b = binary.AppendUvarint(b, c)
	}
	return b, nil
}

func (k *counter) MarshalBinary() ([]byte, error) { return k.AppendBinary(nil) }

func (k *counter) UnmarshalBinary(data []byte) error {
	if len(data) < 1 {
		return errEncoding
	}
	u := counter{base: data[0]}
	if flaw == "claim" && len(data) > 1 {
		u.bloat = make([]byte, 0, min(int(data[1])<<20, 1<<28))
	}
	data = data[1:]
	for i := range u.c {
		c, n := binary.Uvarint(data)
		if n <= 0 || (flaw != "overlong" && n != len(binary.AppendUvarint(nil, c))) {
			return errEncoding
		}
		if u.n+c < u.n {
			return errEncoding
		}
		u.c[i], u.n, data = c, u.n+c, data[n:]
	}
	if len(data) > 0 {
		return errEncoding
	}
	*k = u
	return nil
}

type counterJSON struct {
	Base   uint8    `json:"base"`
	Counts []uint64 `json:"counts"`
}

func (k *counter) MarshalJSON() ([]byte, error) {
	return json.Marshal(counterJSON{k.base, k.c[:]})
}

func (k *counter) UnmarshalJSON(b []byte) error {
	var j counterJSON
	if err := json.Unmarshal(b, &j); err != nil || len(j.Counts) != 10 {
		return errEncoding
	}
	u := counter{base: j.Base}
	for i, c := range j.Counts {
		if u.n+c < u.n {
			return errEncoding
		}
		u.c[i], u.n = c, u.n+c
	}
	if flaw != "json" {
		if canon, _ := u.MarshalJSON(); !sameJSON(canon, b) {
			return errEncoding
		}
	}
	*k = u
	return nil
}

// sameJSON reports whether b is canon up to white space outside strings.
func sameJSON(canon, b []byte) bool {
	var s strings.Builder
	in := false
	for _, ch := range string(b) {
		if ch == '"' {
			in = !in
		}
		if !in && strings.ContainsRune(" \t\r\n", ch) {
			continue
		}
		s.WriteRune(ch)
	}
	return s.String() == string(canon)
}

type counterResult struct {
	N        uint64   `json:"n"`
	ShareOf7 *float64 `json:"share_of_7_pct"`
	Mean     *float64 `json:"mean"`
}

func (k *counter) Result() (counterResult, error) {
	r := counterResult{N: k.n}
	if k.n > 0 {
		s := 100 * float64(k.c[7]) / float64(k.n)
		r.ShareOf7 = &s
		if flaw == "unit" {
			m := 4.5
			r.Mean = &m
		}
	}
	return r, nil
}

func spec() Spec[counter, int] {
	return Spec[counter, int]{
		New:         func() *counter { return &counter{base: 10} },
		Item:        func(r *rand.Rand) int { return r.IntN(10) },
		Bad:         []int{-1, 10},
		AddN:        (*counter).AddN,
		Result:      func(k *counter) (any, error) { return k.Result() },
		Other:       func() *counter { return &counter{base: 2} },
		ErrMismatch: errMismatch,
		AllocFree:   true,
	}
}

func TestCounterLaws(t *testing.T) {
	Check(t, spec())
}

// TestFlawsCaught runs the checker on each flawed counter in a child
// process and expects the law it breaks to fail.
func TestFlawsCaught(t *testing.T) {
	if flaw != "" {
		t.Skip("child process")
	}
	if testing.Short() {
		t.Skip("runs the test binary once per flaw")
	}
	for flaw, law := range map[string]string{
		"reject":   "reject",
		"addn":     "addn",
		"alloc":    "alloc-free",
		"nil":      "merge-nil-self",
		"mismatch": "mismatch",
		"merge":    "merge",
		"clone":    "clone",
		"overlong": "canonical-binary",
		"json":     "canonical-json",
		"claim":    "decode-alloc",
		"unit":     "result",
	} {
		t.Run(flaw, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestCounterLaws$", "-test.v")
			cmd.Env = append(os.Environ(), "LAWS_FLAW="+flaw)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the checker passed a counter with flaw %q", flaw)
			}
			if want := fmt.Sprintf("--- FAIL: TestCounterLaws/%s", law); !strings.Contains(string(out), want) {
				t.Fatalf("flaw %q: want %q in\n%s", flaw, want, out)
			}
		})
	}
}

func FuzzCounterBinary(f *testing.F) { FuzzBinary(f, spec()) }
func FuzzCounterJSON(f *testing.F)   { FuzzJSON(f, spec()) }
func FuzzCounterAdd(f *testing.F) {
	FuzzAdd(f, spec(), func(b []byte) (int, bool) {
		if len(b) == 0 {
			return 0, false
		}
		return int(int8(b[0])), true
	}, []byte{3}, []byte{200})
}
