package segment

import "errors"

var (
	// ErrID reports a transaction without a customer id, a transaction
	// added to a Customer of another id, or an id repeated where ids are
	// distinct.
	ErrID = errors.New("segment: invalid customer id")
	// ErrTime reports a transaction time that is zero or outside the
	// years 1678–2262 (the range of int64 nanoseconds since 1970), or a
	// purchase dated after the as-of date of a read-out.
	ErrTime = errors.New("segment: invalid time")
	// ErrAmount reports an amount outside the bounds every amount keeps
	// (at most 64 decimal places, magnitude below 10⁶⁴), a negative
	// amount while refunds are not allowed (see Options.Refunds), a
	// negative revenue where revenues are non-negative, or a column
	// exponent out of range.
	ErrAmount = errors.New("segment: invalid amount")
	// ErrEmpty reports a computation over no customers (no scored
	// customer, no customer with revenue).
	ErrEmpty = errors.New("segment: no customers")
	// ErrOverflow reports a count past its bound: 2⁶⁴−1 transactions in a
	// Customer or a Collection, 2³²−1 customers in a Collection.
	ErrOverflow = errors.New("segment: count overflow")
	// ErrMismatch reports the merge of collections with different Options
	// or of customers with different ids.
	ErrMismatch = errors.New("segment: mismatched accumulators")
	// ErrColumns reports a batch of columns of unequal lengths.
	ErrColumns = errors.New("segment: malformed columns")
	// ErrEncoding reports a malformed binary or JSON encoding.
	ErrEncoding = errors.New("segment: malformed encoding")
	// ErrConfig reports an invalid scoring configuration: bins out of
	// 2..9 or cut points out of order.
	ErrConfig = errors.New("segment: invalid configuration")
	// ErrRule reports an invalid segment rule or rule set.
	ErrRule = errors.New("segment: invalid segment rule")
	// ErrTier reports invalid tiers or a label not among the levels.
	ErrTier = errors.New("segment: invalid tier")
	// ErrShare reports a share outside [0, 1] or ABC limits out of order.
	ErrShare = errors.New("segment: share out of range")
)
