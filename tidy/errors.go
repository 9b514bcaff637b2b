package tidy

import "errors"

// Errors of the package; every error it returns wraps one of them.
var (
	// ErrUnit reports a figure whose unit cannot be told from its key: a
	// non-integer number or a null under a key without a unit suffix
	// (that is neither a test statistic nor a parameter), a text under a
	// unit other than _amount, or an amount that is not a bounded decimal.
	ErrUnit = errors.New("tidy: figure without a unit")
	// ErrResult reports a Result that cannot be written as rows: one that
	// does not marshal to a JSON object or array of objects, an interval
	// without its figure or with other keys than lo, hi, level and
	// method, an array mixing objects and numbers, an empty or duplicate key, or
	// nesting deeper than MaxDepth.
	ErrResult = errors.New("tidy: malformed result")
	// ErrKey reports a key type whose columns cannot be written: a field
	// of a type other than a string, an integer, a bool, a time.Time, a
	// period or a type with MarshalText or String; an unexported field;
	// two fields with one column name; or a column name that is not
	// [a-z][a-z0-9_]* or is one of the fixed columns.
	ErrKey = errors.New("tidy: unsupported key")
	// ErrPeriod reports a Result whose period is not the period of its
	// key.
	ErrPeriod = errors.New("tidy: period mismatch")
)
