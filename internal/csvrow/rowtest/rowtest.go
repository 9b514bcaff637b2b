// Package rowtest checks a reader of package row's shape: every row
// accepted or rejected (read = accepted + rejected), rejections that name
// their line and let the next row through, ReadAll on every core equal
// to Read to the end, and bad streams (UTF-16, NUL bytes, an unterminated
// quote, an endless stream, a failing reader, a 2 GB sparse file) ended
// with a clear error in bounded time and memory. It is imported by tests
// only.
package rowtest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Spec describes a reader under test.
type Spec struct {
	// Read reads r to the end with Read, one row at a time, and returns
	// each accepted record formatted with %+v, the errors Read returned
	// for rejected rows, and the error that ended the stream (nil at
	// io.EOF).
	Read func(r io.Reader) (records []string, rejected []*row.Error, err error)
	// ReadAll reads r with ReadAll and returns its records formatted
	// with %+v.
	ReadAll func(r io.Reader) (records []string, sum row.Summary, err error)
	// Header is a header row the reader accepts (without its newline).
	Header string
	// Good are data rows it accepts; Bad, rows it rejects, each with the
	// sentinel its error wraps.
	Good []string
	Bad  []Bad
}

// Bad is a row a reader rejects and the sentinel its error wraps.
type Bad struct {
	Row string
	Err error
}

// Check runs every check on s.
func Check(t *testing.T, s Spec) {
	t.Run("accounting", func(t *testing.T) { accounting(t, s) })
	t.Run("parallel", func(t *testing.T) { parallel(t, s) })
	t.Run("streams", func(t *testing.T) { streams(t, s) })
}

// mixed returns a file of the good and bad rows, interleaved, and the
// line of each bad row.
func mixed(s Spec, copies int) (string, []int) {
	var b strings.Builder
	b.WriteString(s.Header + "\n")
	line := 1
	var bad []int
	for range copies {
		for i := 0; i < len(s.Good) || i < len(s.Bad); i++ {
			if i < len(s.Good) {
				b.WriteString(s.Good[i] + "\n")
				line++
			}
			if i < len(s.Bad) {
				b.WriteString(s.Bad[i].Row + "\n")
				line++
				bad = append(bad, line)
			}
		}
	}
	return b.String(), bad
}

func accounting(t *testing.T, s Spec) {
	file, badLines := mixed(s, 1)
	records, rejected, err := s.Read(strings.NewReader(file))
	require.NoError(t, err)
	assert.Len(t, records, len(s.Good), "accepted rows")
	require.Len(t, rejected, len(s.Bad), "rejected rows")
	for i, e := range rejected {
		assert.Equal(t, badLines[i], e.Line, "line of %q", s.Bad[i].Row)
		assert.ErrorIs(t, e, s.Bad[i].Err, "row %q", s.Bad[i].Row)
		assert.True(t, strings.HasPrefix(e.Error(), fmt.Sprintf("row: line %d", e.Line)), "%q", e.Error())
	}
	all, sum, err := s.ReadAll(strings.NewReader(file))
	require.NoError(t, err)
	assert.Equal(t, records, all)
	assert.Equal(t, len(s.Good)+len(s.Bad), sum.Read, "read")
	assert.Equal(t, sum.Read, sum.Accepted+sum.Rejected, "read = accepted + rejected")
	assert.Equal(t, len(s.Bad), sum.Rejected)
	assert.Len(t, sum.Errors, len(s.Bad))
}

// parallel compares ReadAll on two goroutines with Read over a file of
// many blocks.
func parallel(t *testing.T, s Spec) {
	copies := 1
	if n := len(s.Good) + len(s.Bad); n > 0 {
		copies = max(1, 60_000/n)
	}
	file, _ := mixed(s, copies)
	want, rejected, err := s.Read(strings.NewReader(file))
	require.NoError(t, err)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	got, sum, err := s.ReadAll(strings.NewReader(file))
	require.NoError(t, err)
	require.Equal(t, len(want), len(got))
	assert.Equal(t, want, got)
	assert.Equal(t, len(rejected), sum.Rejected)
	assert.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
	n := min(len(rejected), row.DefaultMaxErrors)
	require.Len(t, sum.Errors, n, "errors kept")
	for i := range n {
		assert.Equal(t, rejected[i].Error(), sum.Errors[i].Error())
	}
}

// zeros reads NUL bytes forever, as /dev/zero does.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// endless reads one letter forever: a line that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

// failing reads its text, then fails on every read.
type failing struct{ r io.Reader }

func (f *failing) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func streams(t *testing.T, s Spec) {
	good := strings.Join(s.Good, "\n")
	sparse := filepath.Join(t.TempDir(), "sparse.csv")
	f, err := os.Create(sparse)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(2<<30)) // 2 GB of zeros, no disk
	require.NoError(t, f.Close())
	for _, c := range []struct {
		name string
		r    func() io.Reader
		err  error
		line int
	}{
		{"empty", func() io.Reader { return strings.NewReader("") }, row.ErrHeader, 1},
		{"utf-16 with bom", func() io.Reader { return strings.NewReader("\xff\xfe" + utf16(s.Header)) }, row.ErrEncoding, 1},
		{"utf-16 without bom", func() io.Reader { return strings.NewReader(utf16(s.Header + "\n")) }, row.ErrEncoding, 1},
		{"nul byte", func() io.Reader { return strings.NewReader(s.Header + "\n" + s.Good[0] + "\n\x00" + good) }, row.ErrEncoding, 3},
		{"latin-1", func() io.Reader { return strings.NewReader(s.Header + "\n" + s.Good[0] + "\ncaf\xe9\n") }, row.ErrEncoding, 3},
		{"unterminated quote", func() io.Reader { return strings.NewReader(s.Header + "\n" + s.Good[0] + "\n\"never closed,1\n2,3\n") }, row.ErrSyntax, 3},
		{"missing column", func() io.Reader { return strings.NewReader("nothing,here\n1,2\n") }, row.ErrHeader, 1},
		{"dev zero", func() io.Reader { return zeros{} }, row.ErrEncoding, 1},
		{"endless line", func() io.Reader { return io.MultiReader(strings.NewReader(s.Header+"\n"), endless{}) }, row.ErrLong, 2},
		{"read error", func() io.Reader { return &failing{strings.NewReader(s.Header + "\n" + good)} }, nil, 0},
		{"sparse 2 GB file", func() io.Reader {
			f, err := os.Open(sparse)
			require.NoError(t, err)
			t.Cleanup(func() { f.Close() })
			return f
		}, row.ErrEncoding, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, all := range []bool{false, true} {
				start := time.Now()
				var err error
				if all {
					_, _, err = s.ReadAll(c.r())
				} else {
					_, _, err = s.Read(c.r())
				}
				var fe *row.FileError
				require.ErrorAs(t, err, &fe, "ReadAll %v: %v", all, err)
				if c.err != nil {
					assert.ErrorIs(t, err, c.err)
					assert.Equal(t, c.line, fe.Line, "%v", err)
				} else {
					assert.ErrorContains(t, err, "disk on fire")
				}
				assert.Less(t, time.Since(start), 20*time.Second)
			}
		})
	}
}

// utf16 encodes ASCII text as UTF-16LE.
func utf16(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		b.WriteByte(0)
	}
	return b.String()
}

// Reader is the shape of every rapport reader of records of type T.
type Reader[T any] interface {
	Read() (T, error)
	ReadAll() ([]T, row.Summary, error)
}

// Readers returns the Read and ReadAll of a Spec for the readers open
// returns (a package's NewReader), each record formatted with %+v.
func Readers[T any, R Reader[T]](open func(io.Reader) R) (
	read func(io.Reader) ([]string, []*row.Error, error),
	readAll func(io.Reader) ([]string, row.Summary, error),
) {
	read = func(r io.Reader) ([]string, []*row.Error, error) { return ReadEach(open(r).Read) }
	readAll = func(r io.Reader) ([]string, row.Summary, error) {
		vs, sum, err := open(r).ReadAll()
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = fmt.Sprintf("%+v", v)
		}
		return out, sum, err
	}
	return read, readAll
}

// ReadEach calls read to the end of the file and returns each accepted
// record formatted with %+v, the errors of the rejected rows, and the
// error that ended the stream (nil at io.EOF).
func ReadEach[T any](read func() (T, error)) ([]string, []*row.Error, error) {
	var out []string
	var rejected []*row.Error
	for {
		v, err := read()
		if err == io.EOF {
			return out, rejected, nil
		}
		var e *row.Error
		if errors.As(err, &e) {
			rejected = append(rejected, e)
			continue
		}
		if err != nil {
			return out, rejected, err
		}
		out = append(out, fmt.Sprintf("%+v", v))
	}
}
