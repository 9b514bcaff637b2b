package csvrow

import (
	"bytes"
	"io"

	"github.com/rapportkit/rapport/row"
)

// A block is a run of whole records copied out of the scanner's buffer,
// for a worker to parse while the scanner reads on.
type block struct {
	seq  int
	data []byte
	line int  // the line of data's first byte
	eof  bool // data runs to the end of the input
	// pre is an overlong line the scanner skipped before data.
	pre *row.Error
	// err ends the stream after data: io.EOF or a *row.FileError.
	err error
}

// nextBlock returns the next block of at least blockSize bytes of whole
// records (less at the end of the input), in a buffer from free if it
// has one. Cutting the input at record ends, it parses the records the
// way Next does, so that the blocks' records are Next's.
func (s *Scanner) nextBlock(free []byte) block {
	for {
		if e := s.pending; e != nil {
			s.pending = nil
			return block{line: e.Line, pre: e}
		}
		if s.err != nil {
			return block{line: s.line, err: s.err}
		}
		if !s.start {
			s.more()
			continue
		}
		b, final := s.view()
		if len(b) < blockSize && !s.eof && s.stop < 0 {
			s.more()
			if s.err == nil {
				continue
			}
			b, final = s.view() // what was read before the error
		}
		cut := s.cut(b, final)
		if cut == 0 {
			if s.err == nil {
				s.more() // a record longer than a block, or the end
			}
			continue
		}
		blk := block{line: s.line, eof: final && cut == len(b), data: append(free[:0], b[:cut]...)}
		s.pos += cut
		s.line += bytes.Count(blk.data, []byte{'\n'})
		return blk
	}
}

// cut returns the length of the whole records at the start of b.
func (s *Scanner) cut(b []byte, eof bool) int {
	if eof {
		return len(b)
	}
	if bytes.IndexByte(b, '"') < 0 {
		return bytes.LastIndexByte(b, '\n') + 1
	}
	// Quotes: records may span lines; find their ends by parsing them.
	p := parser{comma: s.p.comma}
	at := 0
	for at < len(b) {
		n, _, st, _ := p.parse(b[at:], false)
		if st == stMore || n == 0 {
			break
		}
		at += n
	}
	return at
}

// parseBlock parses a block's records with p, calling each for every
// record or row error in order. It returns the fatal error that ends the
// block, if any.
func (p *parser) parseBlock(b *block, each func(fields []string, line int, err *row.Error)) error {
	if b.pre != nil {
		each(nil, b.pre.Line, b.pre)
	}
	data, line := b.data, b.line
	for len(data) > 0 {
		fields, n, lines, st, err := p.record(data, b.eof, line)
		switch st {
		case stMore:
			// Unreachable: a block holds whole records.
			return &row.FileError{Line: line, Err: io.ErrUnexpectedEOF}
		case stFatal:
			return err
		case stBad:
			each(nil, line, err.(*row.Error))
		case stDone:
			each(fields, line, nil)
		}
		data, line = data[n:], line+lines
	}
	return nil
}
