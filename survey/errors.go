package survey

import "errors"

var (
	// ErrNoAnswer reports a response that answers nothing: no score and
	// no comment.
	ErrNoAnswer = errors.New("survey: no answer")
	// ErrDuplicateID reports two contacts with one id in a Join.
	ErrDuplicateID = errors.New("survey: duplicate contact id")
	// ErrScore reports a score that is not an answer on its question's
	// scale: not an integer, out of range, an unknown label.
	ErrScore = errors.New("survey: bad score")
)
