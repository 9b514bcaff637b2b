package row

// Summary accounts for every data row of a file: Read = Accepted +
// Rejected, always. The rows skipped after the header (Format.Skip) and
// blank lines are not data rows.
type Summary struct {
	Read     int `json:"read"`
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"`
	// Errors are the first rejections in file order, at most the
	// reader's MaxErrors; Rejected counts them all.
	Errors []*Error `json:"-"`
}

// DefaultMaxErrors is the number of row errors a ReadAll keeps when the
// reader's MaxErrors is 0.
const DefaultMaxErrors = 100

// Reject counts a rejected row and keeps its error if fewer than max are
// kept (max 0 meaning DefaultMaxErrors, a negative max keeping none).
func (s *Summary) Reject(e *Error, max int) {
	s.Read++
	s.Rejected++
	if max == 0 {
		max = DefaultMaxErrors
	}
	if len(s.Errors) < max {
		s.Errors = append(s.Errors, e)
	}
}

// Accept counts an accepted row.
func (s *Summary) Accept() {
	s.Read++
	s.Accepted++
}
