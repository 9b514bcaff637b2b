package csvrow

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInterner(t *testing.T) {
	var in Interner
	buf := []byte("C0001234")
	a := in.Intern(string(buf))
	b := in.Intern("C0001234")
	assert.Equal(t, "C0001234", a)
	assert.Same(t, unsafeData(a), unsafeData(b), "equal strings share one copy")
	long := strings.Repeat("x", 40)
	assert.Same(t, unsafeData(in.Intern(long)), unsafeData(in.Intern(strings.Clone(long))))
	// Strings of a length or bytes apart never share.
	for i := range 100_000 {
		s := fmt.Sprintf("C%d", i)
		require.Equal(t, s, in.Intern(s))
		require.Equal(t, s+"\x00", in.Intern(s+"\x00"), "zero padding is not the string's end")
	}
	assert.Empty(t, in.Intern(""))
}

func unsafeData(s string) *byte { return unsafe.StringData(s) }
