package csvrow

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/rapportkit/rapport/row"
)

// Parser reads one record from a row's fields, as many as the header's.
// On error, col is the column at fault (an index in Spec.Columns), or −1
// for the row as a whole.
type Parser[T any] interface {
	Parse(fields []string) (rec T, col int, err error)
}

// Spec describes the records a Reader reads.
type Spec[T any] struct {
	Columns []Column
	Strict  bool
	Format  row.Format
	// ID is the index in Columns of the record's id, −1 for none.
	ID int
	// AnyOf lists columns of which the header must have one at least.
	AnyOf []int
	// New returns a parser for the bound header; ReadAll makes one per
	// goroutine.
	New func(*Layout) Parser[T]
	// Check, if set, sees every record a parser accepted, in file order,
	// and may reject it (a duplicate id), naming the column at fault and
	// the record's id.
	Check func(rec *T, line int) (col int, id string, err error)
	// Words maps the sentinels of package row to the record package's
	// own words for the same failure (row.ErrTime → churn.ErrTime): a
	// cell error wrapping one wraps the other too, so that errors.Is
	// finds the package's word whether a cell or the record's validation
	// failed.
	Words map[error]error
}

// Reader reads the records of Spec from CSV, one at a time (Read) or all
// of them on every core (ReadAll).
type Reader[T any] struct {
	src  io.Reader
	spec Spec[T]
	// grow and remaining size ReadAll's estimate of its records.
	grow      func(int)
	remaining int64
	sc        *Scanner
	layout    *Layout
	parser    Parser[T]
	err       error // the error that ended the stream (io.EOF at its end)
	begun     bool
}

// NewReader returns a reader of src; the header is read by the first
// Read or ReadAll.
func NewReader[T any](src io.Reader, spec Spec[T]) *Reader[T] {
	return &Reader[T]{src: src, spec: spec, sc: NewScanner(src, spec.Format.Separator())}
}

// begin checks the format and reads the header and the rows to skip.
func (r *Reader[T]) begin() error {
	if r.begun {
		return r.err
	}
	r.begun = true
	if err := r.spec.Format.Validate(); err != nil {
		r.err = &row.FileError{Err: err}
		return r.err
	}
	header, line, err := r.sc.Next()
	var re *row.Error
	switch {
	case err == io.EOF:
		r.err = &row.FileError{Line: line, Err: fmt.Errorf("%w: no header: the file is empty", row.ErrHeader)}
	case errors.As(err, &re):
		r.err = &row.FileError{Line: line, Err: fmt.Errorf("%w: %w", row.ErrHeader, re.Err)}
	case err != nil:
		r.err = err
	}
	if r.err != nil {
		return r.err
	}
	if r.layout, err = Bind(header, r.spec.Columns, r.spec.Strict); err == nil && len(r.spec.AnyOf) > 0 {
		var names []string
		for _, c := range r.spec.AnyOf {
			if r.layout.Has(c) {
				names = nil
				break
			}
			names = append(names, r.spec.Columns[c].Name)
		}
		if names != nil {
			err = fmt.Errorf("%w: none of the columns %s in the header %s", row.ErrHeader, strings.Join(names, ", "), list(r.layout.header))
			r.layout = nil
		}
	}
	if err != nil {
		r.err = &row.FileError{Line: line, Err: err}
		return r.err
	}
	for range r.spec.Format.Skip {
		if _, _, err := r.sc.Next(); err != nil && !errors.As(err, &re) {
			r.err = err
			return err
		}
	}
	r.parser = r.spec.New(r.layout)
	return nil
}

// Layout returns the bound header, nil before the first Read or if the
// header could not be read.
func (r *Reader[T]) Layout() *Layout {
	return r.layout
}

// Read returns the next record. A rejected row is a *row.Error, and the
// next Read goes on; io.EOF ends the input; any other error ends the
// stream and is returned again by every later Read.
func (r *Reader[T]) Read() (T, error) {
	var zero T
	if err := r.begin(); err != nil {
		return zero, err
	}
	fields, line, err := r.sc.Next()
	if err != nil {
		if re, ok := err.(*row.Error); ok {
			return zero, re
		}
		r.err = err
		return zero, err
	}
	rec, rerr := r.row(r.parser, fields, line)
	if rerr != nil {
		return zero, rerr
	}
	if r.spec.Check != nil {
		checked := rec
		if col, id, err := r.spec.Check(&checked, line); err != nil {
			return zero, &row.Error{Line: line, Column: r.layout.Header(col), ID: id, Err: err}
		}
	}
	return rec, nil
}

// row parses one row with p.
func (r *Reader[T]) row(p Parser[T], fields []string, line int) (T, *row.Error) {
	if w := r.layout.Width(); len(fields) != w {
		var zero T
		return zero, r.rowError(line, -1, fields, fmt.Errorf("%w: %d, the header has %d", row.ErrFields, len(fields), w))
	}
	rec, col, err := p.Parse(fields)
	if err != nil {
		var zero T
		return zero, r.rowError(line, col, fields, err)
	}
	return rec, nil
}

// worded is a cell error that also wraps the record package's word for
// its failure, without repeating it in the message.
type worded struct{ word, err error }

func (w worded) Error() string   { return w.err.Error() }
func (w worded) Unwrap() []error { return []error{w.err, w.word} }

func (r *Reader[T]) rowError(line, col int, fields []string, err error) *row.Error {
	for from, to := range r.spec.Words {
		if errors.Is(err, from) && !errors.Is(err, to) {
			err = worded{to, err}
			break
		}
	}
	e := &row.Error{Line: line, Err: err}
	if col >= 0 {
		e.Column = r.layout.Header(col)
	}
	if r.spec.ID >= 0 {
		if i := r.layout.Index(r.spec.ID); i >= 0 && i < len(fields) {
			e.ID = strings.Clone(row.Trim(fields[i]))
		}
	}
	return e
}

// Records reads the rest of the input with ReadAll and returns its
// records in one slice, grown in chunks from the input's size: the
// ReadAll of every package's reader.
func (r *Reader[T]) Records(maxErrors int) ([]T, row.Summary, error) {
	var out Chunks[T]
	sum, err := r.ReadAll(maxErrors, out.Append, out.Grow)
	return out.Flatten(), sum, err
}

// ReadAll reads the rest of the input, calling keep with every accepted
// record in file order, and returns the count of every row read and the
// first maxErrors row errors. The error is nil at the end of the input,
// or the error that ended the stream. With more than one core, rows are
// parsed in blocks on every core and delivered in order: the records,
// the counts and the errors are those of calling Read to the end.
//
// If grow is not nil and the input's size is known (an *os.File, a
// bytes.Reader, a strings.Reader), grow is called once, after the first
// block, with an estimate of the records to come (a little above the
// rows of the rest of the input at the first block's bytes per row), so
// that the caller can make room for them at once.
func (r *Reader[T]) ReadAll(maxErrors int, keep func(T), grow func(int)) (row.Summary, error) {
	var sum row.Summary
	if err := r.begin(); err != nil {
		return sum, err
	}
	if grow != nil {
		r.grow = grow
		if n := remaining(r.src); n > 0 {
			r.remaining = n + int64(r.sc.end-r.sc.pos)
		}
	}
	from := r.sc.consumed()
	if workers := runtime.GOMAXPROCS(0); workers > 1 {
		err := r.readParallel(workers, maxErrors, keep, &sum)
		return sum, err
	}
	for {
		if r.grow != nil && sum.Read == 4096 {
			r.estimate(r.sc.consumed()-from, sum.Read)
		}
		rec, err := r.Read()
		re, isRow := err.(*row.Error)
		switch {
		case err == nil:
			sum.Accept()
			keep(rec)
		case isRow:
			sum.Reject(re, maxErrors)
		case err == io.EOF:
			return sum, nil
		default:
			return sum, err
		}
	}
}

// parsed is one block's outcome.
type parsed[T any] struct {
	seq   int
	recs  []T
	lines []int // of recs, when Check needs them
	errs  []*row.Error
	fatal error // after recs and errs: io.EOF or a *row.FileError
	data  []byte
}

// readParallel is ReadAll on workers goroutines: one scanner cuts the
// input into blocks of whole rows, the workers parse them, this goroutine
// delivers them in order. At most 2·workers+2 blocks are in flight.
func (r *Reader[T]) readParallel(workers, maxErrors int, keep func(T), sum *row.Summary) error {
	inFlight := 2*workers + 2
	jobs := make(chan block, inFlight)
	results := make(chan *parsed[T], inFlight)
	tokens := make(chan struct{}, inFlight)
	free := make(chan []byte, inFlight)
	recycled := make(chan *parsed[T], inFlight)
	stop := make(chan struct{})
	var wg sync.WaitGroup

	// The scanner.
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case <-stop:
				return
			default:
			}
			select {
			case tokens <- struct{}{}:
			case <-stop:
				return
			}
			var buf []byte
			select {
			case buf = <-free:
			default:
			}
			b := r.sc.nextBlock(buf)
			b.seq = seq
			jobs <- b
			if b.err != nil {
				return
			}
		}
	}()
	// The workers.
	for w := range workers {
		p := r.parser
		if w > 0 {
			p = r.spec.New(r.layout)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var bp parser
			bp.comma = r.sc.p.comma
			for b := range jobs {
				var out *parsed[T]
				select {
				case out = <-recycled:
				default:
					out = new(parsed[T])
				}
				out.seq, out.recs, out.lines, out.errs, out.fatal, out.data = b.seq, out.recs[:0], out.lines[:0], out.errs[:0], nil, b.data
				fatal := bp.parseBlock(&b, func(fields []string, line int, err *row.Error) {
					if err != nil {
						out.errs = append(out.errs, err)
						return
					}
					rec, rerr := r.row(p, fields, line)
					if rerr != nil {
						out.errs = append(out.errs, rerr)
						return
					}
					out.recs = append(out.recs, rec)
					if r.spec.Check != nil {
						out.lines = append(out.lines, line)
					}
				})
				if fatal == nil {
					fatal = b.err
				}
				out.fatal = fatal
				select {
				case results <- out:
				case <-stop:
					return
				}
			}
		}()
	}

	pending := map[int]*parsed[T]{}
	next := 0
	var err error
	for err == nil {
		res := pending[next]
		if res == nil {
			res = <-results
			pending[res.seq] = res
			continue
		}
		delete(pending, next)
		next++
		if r.grow != nil {
			r.estimate(int64(len(res.data)), len(res.recs)+len(res.errs))
		}
		r.deliver(res, maxErrors, keep, sum)
		if res.fatal != nil {
			err = res.fatal
		}
		if res.data != nil {
			select {
			case free <- res.data:
			default:
			}
		}
		res.data = nil
		clear(res.recs)
		select {
		case recycled <- res:
		default:
		}
		<-tokens
	}
	// Every goroutine ends before ReadAll returns: the scanner and the
	// workers give up their sends on stop.
	close(stop)
	wg.Wait()
	r.err = err
	if err == io.EOF {
		return nil
	}
	return err
}

// estimate calls grow once with the records expected in the rest of the
// input, given that bytes held rows.
func (r *Reader[T]) estimate(bytes int64, rows int) {
	grow := r.grow
	r.grow = nil
	if r.remaining <= 0 || bytes <= 0 || rows <= 0 {
		return
	}
	n := float64(r.remaining) / float64(bytes) * float64(rows) * 1.02
	if n > 0 && n < 1<<40 {
		grow(int(n) + 64)
	}
}

// remaining returns the bytes left in src, or 0 if unknown.
func remaining(src io.Reader) int64 {
	switch s := src.(type) {
	case interface{ Len() int }:
		return int64(s.Len())
	case *os.File:
		fi, err := s.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return 0
		}
		at, err := s.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0
		}
		return fi.Size() - at
	}
	return 0
}

// deliver hands a block's records and errors over in file order.
func (r *Reader[T]) deliver(res *parsed[T], maxErrors int, keep func(T), sum *row.Summary) {
	errs := res.errs
	for i := range res.recs {
		rec := &res.recs[i]
		if r.spec.Check != nil {
			line := res.lines[i]
			for len(errs) > 0 && errs[0].Line < line {
				sum.Reject(errs[0], maxErrors)
				errs = errs[1:]
			}
			if col, id, err := r.spec.Check(rec, line); err != nil {
				sum.Reject(&row.Error{Line: line, Column: r.layout.Header(col), ID: id, Err: err}, maxErrors)
				continue
			}
		}
		sum.Accept()
		keep(*rec)
	}
	for _, e := range errs {
		sum.Reject(e, maxErrors)
	}
}
