package csvrow

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// record is one Next result.
type record struct {
	Fields []string
	Line   int
	Err    string // the sentinel's text, "" for a record
	Fatal  bool
}

// scanAll runs a scanner to the end of the stream.
func scanAll(t testing.TB, r io.Reader) []record {
	s := NewScanner(r, ',')
	var out []record
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("endless stream")
		}
		f, line, err := s.Next()
		if err == io.EOF {
			return out
		}
		var re *row.Error
		var fe *row.FileError
		switch {
		case errors.As(err, &re):
			out = append(out, record{Line: line, Err: sentinel(err)})
		case errors.As(err, &fe):
			out = append(out, record{Line: fe.Line, Err: sentinel(err), Fatal: true})
			// A fatal error is returned again.
			_, _, again := s.Next()
			if again != err {
				t.Fatalf("after %v, Next returned %v", err, again)
			}
			return out
		case err != nil:
			t.Fatalf("unexpected error type %T: %v", err, err)
		default:
			out = append(out, record{Fields: clone(f), Line: line})
		}
	}
}

func sentinel(err error) string {
	for _, s := range []error{row.ErrSyntax, row.ErrEncoding, row.ErrLong, row.ErrHeader, io.ErrNoProgress, iotest.ErrTimeout} {
		if errors.Is(err, s) {
			return s.Error()
		}
	}
	if fe := (*row.FileError)(nil); errors.As(err, &fe) {
		return fe.Err.Error()
	}
	return err.Error()
}

func clone(f []string) []string {
	out := make([]string, len(f))
	for i, s := range f {
		out[i] = strings.Clone(s)
	}
	return out
}

func TestScanner(t *testing.T) {
	rec := func(line int, f ...string) record { return record{Fields: f, Line: line} }
	bad := func(line int, err error) record { return record{Line: line, Err: err.Error()} }
	fatal := func(line int, err error) record { return record{Line: line, Err: err.Error(), Fatal: true} }
	for _, c := range []struct {
		name  string
		input string
		want  []record
	}{
		{"plain", "a,b\n1,2\n", []record{rec(1, "a", "b"), rec(2, "1", "2")}},
		{"no final newline", "a,b\n1,2", []record{rec(1, "a", "b"), rec(2, "1", "2")}},
		{"crlf", "a,b\r\n1,2\r\n", []record{rec(1, "a", "b"), rec(2, "1", "2")}},
		{"blank lines", "a\n\n\r\nb\n", []record{rec(1, "a"), rec(4, "b")}},
		{"empty fields", ",,\n", []record{rec(1, "", "", "")}},
		{"quoted", `"a,b","c""d"` + "\n", []record{rec(1, "a,b", `c"d`)}},
		{"quoted newline", "\"a\nb\",c\nd,e\n", []record{rec(1, "a\nb", "c"), rec(3, "d", "e")}},
		{"quoted crlf kept", "\"a\r\nb\"\r\nc\r\n", []record{rec(1, "a\r\nb"), rec(3, "c")}},
		{"quote in unquoted field", "5\" screen,x\n", []record{rec(1, `5" screen`, "x")}},
		{"empty quoted", `"",x` + "\n", []record{rec(1, "", "x")}},
		{"quoted last without newline", `a,"b"`, []record{rec(1, "a", "b")}},
		{"trailing comma after quote", `"a",` + "\n", []record{rec(1, "a", "")}},
		{"utf8 bom", "\ufeffa,b\n", []record{rec(1, "a", "b")}},
		{"garbage after quote", "\"a\"b,c\nd\n", []record{bad(1, row.ErrSyntax), rec(2, "d")}},
		{"unterminated quote", "a\n\"b,c\nd\n", []record{rec(1, "a"), fatal(2, row.ErrSyntax)}},
		{"nul byte", "a\nb\x00c\nd\n", []record{rec(1, "a"), fatal(2, row.ErrEncoding)}},
		{"utf16 le bom", "\xff\xfea\x00,\x00b\x00", []record{fatal(1, row.ErrEncoding)}},
		{"utf16 be bom", "\xfe\xff\x00a\x00,", []record{fatal(1, row.ErrEncoding)}},
		{"utf16 without bom", "a\x00,\x00b\x00\n\x00", []record{fatal(1, row.ErrEncoding)}},
		{"latin-1", "a\ncaf\xe9\n", []record{rec(1, "a"), fatal(2, row.ErrEncoding)}},
		{"semicolons are data", "a;b\n", []record{rec(1, "a;b")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, scanAll(t, strings.NewReader(c.input)))
			// Byte by byte, the same.
			assert.Equal(t, c.want, scanAll(t, iotest.OneByteReader(strings.NewReader(c.input))))
		})
	}
}

// The scanner agrees with encoding/csv wherever encoding/csv reads the
// input (and the input is UTF-8 without carriage returns, which
// encoding/csv drops inside quoted fields).
func FuzzScanner(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", `"a,b","c""d"` + "\n", "\"a\nb\",c\n", "a\n\n\nb", `"a"b`, "x,\"\"\n", "\"\"\"\"\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		got := scanAll(t, strings.NewReader(input))
		// The same byte by byte and block by block.
		require.Equal(t, got, scanAll(t, iotest.HalfReader(strings.NewReader(input))))
		if strings.ContainsAny(input, "\r\x00") || !utf8Valid(input) || strings.HasPrefix(input, "\ufeff") {
			return
		}
		cr := csv.NewReader(strings.NewReader(input))
		cr.FieldsPerRecord = -1
		want, err := cr.ReadAll()
		if err != nil {
			return
		}
		var fields [][]string
		for _, r := range got {
			if r.Err != "" {
				t.Fatalf("encoding/csv reads %q, the scanner fails: %+v", input, r)
			}
			fields = append(fields, r.Fields)
		}
		if len(want) == 0 {
			want = nil
		}
		require.Equal(t, want, fields, "input %q", input)
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// zeros reads NUL bytes forever, like /dev/zero or a sparse file.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// letters reads 'a' forever: a line that never ends.
type letters struct{}

func (letters) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// failing reads one row, then fails on every read.
type failing struct{ done bool }

func (f *failing) Read(p []byte) (int, error) {
	if !f.done {
		f.done = true
		return copy(p, "a,b\n1,"), nil
	}
	return 0, errors.New("disk on fire")
}

// silent never returns data nor an error.
type silent struct{}

func (silent) Read(p []byte) (int, error) { return 0, nil }

func TestScannerEndsBadStreams(t *testing.T) {
	for _, c := range []struct {
		name string
		r    io.Reader
		want []record
	}{
		{"endless zeros", zeros{}, []record{{Line: 1, Err: row.ErrEncoding.Error(), Fatal: true}}},
		{"endless line", letters{}, []record{{Line: 1, Err: row.ErrLong.Error(), Fatal: true}}},
		{"read error", &failing{}, []record{{Fields: []string{"a", "b"}, Line: 1}, {Line: 2, Err: "disk on fire", Fatal: true}}},
		{"no progress", silent{}, []record{{Line: 1, Err: io.ErrNoProgress.Error(), Fatal: true}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			assert.Equal(t, c.want, scanAll(t, c.r))
			assert.Less(t, time.Since(start), 10*time.Second)
		})
	}
}

func TestScannerLongRows(t *testing.T) {
	long := strings.Repeat("9", row.MaxRecord+10)
	input := "a,b\n1," + long + "\n2,3\n"
	got := scanAll(t, strings.NewReader(input))
	require.Len(t, got, 3)
	assert.Equal(t, record{Line: 2, Err: row.ErrLong.Error()}, got[1])
	assert.Equal(t, record{Fields: []string{"2", "3"}, Line: 3}, got[2])
	// A quoted field that runs on over lines past the bound ends the stream.
	input = "a\n\"" + strings.Repeat("x\n", row.MaxRecord) + "\"\nb\n"
	got = scanAll(t, strings.NewReader(input))
	assert.Equal(t, []record{{Fields: []string{"a"}, Line: 1}, {Line: 2, Err: row.ErrSyntax.Error(), Fatal: true}}, got)
	// Three million digits fit a row: the cell's reader rejects them.
	input = "a\n" + strings.Repeat("1", 3_000_000) + "\nb\n"
	got = scanAll(t, strings.NewReader(input))
	require.Len(t, got, 3)
	assert.Len(t, got[1].Fields[0], 3_000_000)
}

func TestBlocksMatchNext(t *testing.T) {
	var b bytes.Buffer
	for i := range 200_000 {
		switch i % 1000 {
		case 7:
			b.WriteString("\"multi\nline\",\"q\"\"\"\n")
		case 13:
			b.WriteString("\"bad\"x,1\n")
		case 17:
			b.WriteString("\n")
		default:
			b.WriteString("C0001234,2025-03-14T09:30:00Z,12.50\n")
		}
	}
	input := b.Bytes()
	want := scanAll(t, bytes.NewReader(input))
	s := NewScanner(bytes.NewReader(input), ',')
	var got []record
	var p parser
	p.comma = ','
	for {
		blk := s.nextBlock(nil)
		err := p.parseBlock(&blk, func(fields []string, line int, err *row.Error) {
			if err != nil {
				got = append(got, record{Line: line, Err: sentinel(err)})
				return
			}
			got = append(got, record{Fields: clone(fields), Line: line})
		})
		if err == nil {
			err = blk.err
		}
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
	}
	require.Equal(t, len(want), len(got))
	assert.Equal(t, want, got)
}
