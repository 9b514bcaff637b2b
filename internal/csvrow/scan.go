// Package csvrow is the CSV core of rapport's readers: a streaming
// scanner with bounded memory, the binding of a header to a record's
// columns, and the loop every reader shares (Read one row at a time,
// ReadAll on every core, rows delivered in file order).
//
// Fields are strings that alias the scanner's buffer: they are valid
// until the next call and must be copied (Intern, strings.Clone) before
// they are kept. No reader keeps a field as it is.
package csvrow

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
	"unsafe"

	"github.com/rapportkit/rapport/row"
)

// Bounds of the scanner.
const (
	// blockSize is the unit of reading and of parallel parsing.
	blockSize = 1 << 20
	// maxDiscard bounds the bytes skipped past MaxRecord to find the end
	// of an overlong line; past it the stream ends.
	maxDiscard = 64 << 20
	// maxEmptyReads bounds consecutive reads that return nothing.
	maxEmptyReads = 100
)

// status is the outcome of parsing one record.
type status uint8

const (
	stDone  status = iota // a record
	stBlank               // an empty line
	stMore                // the record goes on past the data
	stBad                 // a malformed record, skipped to its line's end
	stFatal               // the stream cannot go on
)

// span locates a field in the record's bytes or in the scratch buffer.
type span struct {
	off, n int
	quoted bool
}

// parser splits one record into fields.
type parser struct {
	comma   byte
	spans   []span
	scratch []byte // unescaped quoted fields
	fields  []string
}

// parse parses the record at the start of b. eof says b holds the rest
// of the input. It returns the bytes and newlines consumed.
func (p *parser) parse(b []byte, eof bool) (n, lines int, st status, err error) {
	p.spans = p.spans[:0]
	p.scratch = p.scratch[:0]
	if len(b) == 0 {
		return 0, 0, stMore, nil
	}
	nl := bytes.IndexByte(b, '\n')
	line := b
	if nl >= 0 {
		line, n, lines = b[:nl], nl+1, 1
	} else if !eof {
		return 0, 0, stMore, nil
	} else {
		n = len(b)
	}
	if bytes.IndexByte(line, '"') >= 0 {
		return p.quoted(b, eof)
	}
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	if len(line) == 0 {
		return n, lines, stBlank, nil
	}
	off := 0
	for {
		i := bytes.IndexByte(line[off:], p.comma)
		if i < 0 {
			p.spans = append(p.spans, span{off: off, n: len(line) - off})
			break
		}
		p.spans = append(p.spans, span{off: off, n: i})
		off += i + 1
	}
	return n, lines, stDone, nil
}

// quoted parses a record with quotes: quoted fields may hold separators,
// newlines and doubled quotes; a quote inside an unquoted field is a
// character like any other.
func (p *parser) quoted(b []byte, eof bool) (n, lines int, st status, err error) {
	i := 0
	for {
		if i < len(b) && b[i] == '"' {
			i++
			start := len(p.scratch)
			for {
				j := bytes.IndexByte(b[i:], '"')
				if j < 0 {
					if !eof {
						return 0, 0, stMore, nil
					}
					return 0, 0, stFatal, fmt.Errorf("%w: a quoted field opened on this line never ends", row.ErrSyntax)
				}
				seg := b[i : i+j]
				lines += bytes.Count(seg, []byte{'\n'})
				p.scratch = append(p.scratch, seg...)
				i += j + 1
				if i == len(b) && !eof {
					return 0, 0, stMore, nil
				}
				if i < len(b) && b[i] == '"' {
					p.scratch = append(p.scratch, '"')
					i++
					continue
				}
				break
			}
			p.spans = append(p.spans, span{off: start, n: len(p.scratch) - start, quoted: true})
			switch {
			case i == len(b):
				return i, lines, stDone, nil
			case b[i] == p.comma:
				i++
				continue
			case b[i] == '\n':
				return i + 1, lines + 1, stDone, nil
			case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
				return i + 2, lines + 1, stDone, nil
			case b[i] == '\r' && i+1 == len(b):
				if !eof {
					return 0, 0, stMore, nil
				}
				return i + 1, lines, stDone, nil
			}
			c := b[i]
			k := bytes.IndexByte(b[i:], '\n')
			if k < 0 {
				if !eof {
					return 0, 0, stMore, nil
				}
				return len(b), lines, stBad, fmt.Errorf("%w: %q after a closing quote", row.ErrSyntax, c)
			}
			return i + k + 1, lines + 1, stBad, fmt.Errorf("%w: %q after a closing quote", row.ErrSyntax, c)
		}
		k := i
		for k < len(b) && b[k] != p.comma && b[k] != '\n' {
			k++
		}
		if k == len(b) && !eof {
			return 0, 0, stMore, nil
		}
		end := k
		if end > i && b[end-1] == '\r' && (k == len(b) || b[k] == '\n') {
			end--
		}
		p.spans = append(p.spans, span{off: i, n: end - i})
		switch {
		case k == len(b):
			return k, lines, stDone, nil
		case b[k] == '\n':
			return k + 1, lines + 1, stDone, nil
		}
		i = k + 1
	}
}

// materialize turns the spans into strings aliasing rec and the scratch.
func (p *parser) materialize(rec []byte) []string {
	p.fields = p.fields[:0]
	for _, s := range p.spans {
		switch {
		case s.n == 0:
			p.fields = append(p.fields, "")
		case s.quoted:
			p.fields = append(p.fields, unsafe.String(&p.scratch[s.off], s.n))
		default:
			p.fields = append(p.fields, unsafe.String(&rec[s.off], s.n))
		}
	}
	return p.fields
}

// Scanner reads CSV records from a stream with bounded memory: its buffer
// grows to hold one record of at most row.MaxRecord bytes, never the
// file.
type Scanner struct {
	r     io.Reader
	buf   []byte
	pos   int // the next record starts at buf[pos]
	end   int // buf[pos:end] is unread data
	eof   bool
	stop  int   // data ends at stop for stopErr (a NUL byte); −1 if none
	rdErr error // the reader's error, once the data before it is used
	err   error // sticky: the stream is over
	line  int   // the line of buf[pos]
	start bool  // past the byte-order mark
	// read counts the bytes read from r.
	read int64
	// chunk is the size of the next read.
	chunk int
	// pending is an overlong line, skipped, for the next call to reject.
	pending *row.Error
	p       parser
}

// NewScanner returns a scanner of r with field separator comma.
func NewScanner(r io.Reader, comma byte) *Scanner {
	return &Scanner{r: r, line: 1, stop: -1, p: parser{comma: comma}}
}

// consumed returns the bytes of the input scanned so far.
func (s *Scanner) consumed() int64 { return s.read - int64(s.end-s.pos) }

// Line returns the line the next record starts on.
func (s *Scanner) Line() int { return s.line }

// Next returns the next record's fields and the line it starts on. A
// malformed record is a *row.Error (the next call goes on); io.EOF ends
// the input; any other error is a *row.FileError, returned again by every
// later call.
func (s *Scanner) Next() ([]string, int, error) {
	for {
		if e := s.pending; e != nil {
			s.pending = nil
			return nil, e.Line, e
		}
		if s.err != nil {
			return nil, s.line, s.err
		}
		b, final := s.view()
		if !s.start {
			s.more()
			continue
		}
		fields, n, lines, st, err := s.p.record(b, final, s.line)
		if st == stMore {
			s.more()
			continue
		}
		line := s.line
		s.pos += n
		s.line += lines
		switch st {
		case stFatal:
			s.err = err
			continue
		case stBlank:
			continue
		case stBad:
			return nil, line, err
		}
		return fields, line, nil
	}
}

// view returns the unread data and whether it is the rest of the input,
// whole: read to its end, without a read error or a NUL byte.
func (s *Scanner) view() ([]byte, bool) {
	if s.stop >= 0 {
		return s.buf[s.pos:s.stop], false
	}
	return s.buf[s.pos:s.end], s.eof && s.rdErr == nil
}

// more reads more data, or sets the error that ends the stream (io.EOF
// at the end of the input).
func (s *Scanner) more() {
	if err := s.fill(); err != nil {
		s.err = err
	}
}

// record parses the record at the start of b, on line line, into fields.
// A malformed record is a *row.Error, a fatal problem a *row.FileError.
func (p *parser) record(b []byte, eof bool, line int) (fields []string, n, lines int, st status, err error) {
	n, lines, st, err = p.parse(b, eof)
	switch st {
	case stMore, stBlank:
		return nil, n, lines, st, nil
	case stFatal:
		return nil, n, lines, st, &row.FileError{Line: line, Err: err}
	case stBad:
		return nil, n, lines, st, &row.Error{Line: line, Err: err}
	}
	rec := b[:n]
	if n > row.MaxRecord {
		return nil, n, lines, stBad, &row.Error{Line: line, Err: fmt.Errorf("%w: %d bytes, more than %d", row.ErrLong, n, row.MaxRecord)}
	}
	if !utf8.Valid(rec) {
		return nil, n, lines, stFatal, &row.FileError{Line: line, Err: invalidUTF8(rec)}
	}
	return p.materialize(rec), n, lines, stDone, nil
}

// fill reads more data, or sets the error that ends the stream.
func (s *Scanner) fill() error {
	if s.stop >= 0 {
		return s.stopError()
	}
	if s.eof {
		if s.rdErr != nil {
			return &row.FileError{Line: s.line, Err: s.rdErr}
		}
		return io.EOF
	}
	if s.end-s.pos > row.MaxRecord {
		return s.discard()
	}
	// Keep the unread data, at the start of a buffer big enough for it
	// and one more read: 64 KiB at first, doubling to a block, so that a
	// small input costs a small buffer.
	pending := s.end - s.pos
	s.chunk = min(blockSize, max(64<<10, 2*s.chunk))
	if need := pending + s.chunk; cap(s.buf) < need {
		nb := make([]byte, max(need, 2*cap(s.buf)))
		copy(nb, s.buf[s.pos:s.end])
		s.buf = nb
	} else {
		copy(s.buf, s.buf[s.pos:s.end])
		s.buf = s.buf[:cap(s.buf)]
	}
	s.pos, s.end = 0, pending
	for empty := 0; ; empty++ {
		if empty == maxEmptyReads {
			s.eof, s.rdErr = true, io.ErrNoProgress
			break
		}
		n, err := s.r.Read(s.buf[s.end:])
		if n < 0 || n > len(s.buf)-s.end {
			s.eof, s.rdErr = true, errors.New("reader returned an invalid count")
			break
		}
		s.check(s.end, s.end+n)
		s.end += n
		s.read += int64(n)
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rdErr = err
			}
			break
		}
		if n > 0 {
			break
		}
	}
	if !s.start {
		return s.bom()
	}
	return nil
}

// check looks for a NUL byte in newly read bytes buf[from:to].
func (s *Scanner) check(from, to int) {
	if s.stop < 0 {
		if i := bytes.IndexByte(s.buf[from:to], 0); i >= 0 {
			s.stop = from + i
		}
	}
}

// bom reads the byte-order mark, if any, once three bytes are in or the
// input has ended: UTF-8's is skipped, UTF-16's ends the stream.
func (s *Scanner) bom() error {
	head := s.buf[s.pos:s.end]
	if len(head) < 3 && !s.eof && s.stop < 0 {
		return nil
	}
	s.start = true
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		s.pos += 3
		if s.stop >= 0 && s.stop < s.pos {
			s.stop = s.pos // unreachable: the mark has no NUL
		}
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		return &row.FileError{Line: 1, Err: fmt.Errorf("%w: UTF-16 text (little-endian byte-order mark); save the file as UTF-8", row.ErrEncoding)}
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		return &row.FileError{Line: 1, Err: fmt.Errorf("%w: UTF-16 text (big-endian byte-order mark); save the file as UTF-8", row.ErrEncoding)}
	}
	return nil
}

// stopError is the error of the NUL byte at s.stop, on its line.
func (s *Scanner) stopError() error {
	line := s.line + bytes.Count(s.buf[s.pos:s.stop], []byte{'\n'})
	return &row.FileError{Line: line, Err: nulError(s.buf[s.pos:s.end], s.stop-s.pos)}
}

func nulError(b []byte, at int) error {
	// UTF-16 text of ASCII characters has a NUL next to every character.
	if len(b) >= 4 && (b[0] == 0) != (b[1] == 0) && (b[2] == 0) != (b[3] == 0) {
		return fmt.Errorf("%w: a NUL byte: UTF-16 text without a byte-order mark?; save the file as UTF-8", row.ErrEncoding)
	}
	return fmt.Errorf("%w: a NUL byte (binary data, or UTF-16 text)", row.ErrEncoding)
}

func invalidUTF8(rec []byte) error {
	i := 0
	for i < len(rec) {
		r, n := utf8.DecodeRune(rec[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	return fmt.Errorf("%w: byte 0x%02X at offset %d of the row is not UTF-8 (a Latin-1 or Windows-1252 file?); save the file as UTF-8", row.ErrEncoding, rec[i], i)
}

// discard skips an overlong record: a quoted field spanning lines past
// the bound ends the stream; a single overlong line is skipped to its end
// and rejected.
func (s *Scanner) discard() error {
	pending := s.buf[s.pos:s.end]
	if bytes.IndexByte(pending, '\n') >= 0 {
		return &row.FileError{Line: s.line, Err: fmt.Errorf("%w: a quoted field opened on this line runs past %d bytes (an unterminated quote?)", row.ErrSyntax, row.MaxRecord)}
	}
	skipped := len(pending)
	s.pos, s.end = 0, 0
	empty := 0
	for skipped <= maxDiscard && !s.eof {
		n, err := s.r.Read(s.buf[:cap(s.buf)])
		if n < 0 || n > cap(s.buf) {
			n, err = 0, errors.New("reader returned an invalid count")
		}
		s.check(0, n)
		if s.stop >= 0 {
			s.end = n
			return s.stopError()
		}
		if i := bytes.IndexByte(s.buf[:n], '\n'); i >= 0 {
			s.pos, s.end = i+1, n
			skipped += i + 1
			break
		}
		skipped += n
		if n == 0 && err == nil {
			if empty++; empty == maxEmptyReads {
				err = io.ErrNoProgress
			}
		}
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rdErr = err
			}
		}
	}
	if skipped > maxDiscard {
		return &row.FileError{Line: s.line, Err: fmt.Errorf("%w: a line of more than %d bytes", row.ErrLong, maxDiscard)}
	}
	line := s.line
	s.line++
	s.pending = &row.Error{Line: line, Err: fmt.Errorf("%w: %d bytes, more than %d", row.ErrLong, skipped, row.MaxRecord)}
	return nil
}
