// Package row is the vocabulary of rapport's readers: how a file writes
// its cells (Format), what a rejected row says (Error), what ends a
// stream (FileError), and the count of a file's rows (Summary).
//
// Every record type of rapport has a reader of one shape, in the manner
// of encoding/csv: operations.NewReader for contacts, survey.NewReader
// for survey responses, churn.NewCustomerReader and
// churn.NewRevenueReader, segment.NewReader for transactions. Each has
// the same option fields, set before the first Read:
//
//	Columns    the file's header for each field (its zero value reads the
//	           library's names and aliases, in any case, with spaces,
//	           underscores and hyphens alike; "-" leaves a field out)
//	Format     the cell rules below
//	Strict     reject a header with columns that are not fields
//	MaxErrors  the row errors ReadAll keeps (it counts them all)
//
// and the same methods: Read returns one record at a time, ReadAll the
// rest of the file with its Summary. A loop over Read:
//
//	for {
//		c, err := r.Read()
//		if errors.Is(err, io.EOF) {
//			break
//		}
//		var rowErr *row.Error
//		if errors.As(err, &rowErr) {
//			log.Println(rowErr) // rowErr.Line, rowErr.Column, rowErr.ID
//			continue            // the row is rejected; the next goes on
//		}
//		if err != nil {
//			return err // a *row.FileError: the header, the encoding, the file
//		}
//		use(c)
//	}
//
// # Rows
//
// Every data row is either accepted or rejected with its reason, never
// dropped: Summary.Read = Accepted + Rejected. A row is rejected (an
// *Error, which wraps the sentinel of the failure: ErrTime, ErrAmount,
// ErrDuration, ErrBool, ErrID, ErrFields, ErrSyntax, ErrLong, or the
// record package's own word such as operations.ErrChannel) when a cell
// does not read, when it has more or fewer fields than the header, or
// when the record it makes is not valid. The stream ends (a *FileError,
// returned again by every later Read) when the header cannot be read
// (ErrHeader: a required column missing, named with the columns found),
// when the text is not UTF-8 (ErrEncoding: UTF-16 with or without its
// byte-order mark, a NUL byte, Latin-1), when a quoted field never ends
// (ErrSyntax), and when the underlying reader fails.
//
// # Cells
//
// Nothing is guessed; the Format says:
//
//   - Times: the layouts of Format.Times (ISO 8601 by default; Unix
//     seconds or milliseconds; any layout of package time), in
//     Format.Location when the cell has no offset; times outside the
//     plausible window, 1980 to 2099 by default, are rejected, so that a
//     0001-01-01 placeholder or a year 2205 typo rejects its row instead
//     of stretching a report.
//   - Amounts: Format.Decimal and Format.Thousands ("1,234.50",
//     "1 234,50" with no-break and narrow spaces, "1.234,50"), grouping
//     checked by threes; a currency code or symbol only of
//     Format.Currency ("€1,234.50", "1234.50 EUR"). With the zero Format,
//     "1,234" is an error, never 1.234 nor 1234. Amounts are bounded: at
//     most 64 decimal places and below 10⁶⁴ ("1e400", "1e-10000" and a
//     3-million-digit number are rejected with the reason).
//   - Durations: seconds ("185", "12.5"), "h:mm:ss" or "mm:ss", or
//     package time's "3m5s"; never negative.
//   - Booleans: true/false, t/f, yes/no, y/n, 1/0, oui/non, o/n,
//     vrai/faux, in any case.
//   - Enums: each reader's names, its export names (Zendesk's "web",
//     Aircall's "no_available_agent"…) and the caller's own.
//
// Every cell is trimmed of spaces first.
//
// # Bounds
//
// Memory is bounded by the longest row, not the file: a row has at most
// MaxRecord bytes (a longer one is rejected; a quoted field still open
// past it ends the stream), a line without an end is given up after 64
// MiB, and a stream of nothing ends after 100 empty reads. /dev/zero and
// a 2 GB sparse file end at their first byte (a NUL). ReadAll parses on
// every core, with a few blocks of 1 MiB in flight, and delivers in file
// order: its records, counts and errors are those of Read.
package row
