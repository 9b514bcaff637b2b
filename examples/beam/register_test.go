package rapportbeam

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// counter keeps the contract's methods a combiner needs, and is never
// registered.
type counter struct{ n byte }

func (c *counter) Add(int) error                  { c.n++; return nil }
func (c *counter) Merge(d *counter) error         { c.n += d.n; return nil }
func (c *counter) Clone() *counter                { d := *c; return &d }
func (c *counter) MarshalBinary() ([]byte, error) { return []byte{c.n}, nil }
func (c *counter) UnmarshalBinary(b []byte) error {
	if len(b) != 1 {
		return errors.New("counter: not one byte")
	}
	c.n = b[0]
	return nil
}

// A combiner over an unregistered accumulator fails when the pipeline is
// built, saying what to register, rather than when it runs.
func TestCombineUnregistered(t *testing.T) {
	require.PanicsWithValue(t,
		"rapportbeam: *rapportbeam.counter is not registered: call rapportbeam.Register[rapportbeam.counter, int] in an init function",
		func() { encodeEmpty[counter, int](&counter{}) })
}
