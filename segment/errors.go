package segment

import "errors"

var (
	// ErrEmptyID reports a transaction without a customer id.
	ErrEmptyID = errors.New("segment: empty customer id")
	// ErrTime reports a transaction time that is zero or outside the years
	// 1678–2262 (the range of int64 nanoseconds since 1970).
	ErrTime = errors.New("segment: transaction time missing or out of range")
	// ErrNegativeAmount reports a negative amount while refunds are not
	// allowed (see Options.Refunds), or a refund that is not negative.
	ErrNegativeAmount = errors.New("segment: negative amount")
	// ErrFuture reports a purchase dated after the as-of date.
	ErrFuture = errors.New("segment: purchase after the as-of date")
	// ErrNoPurchase reports a statistic that needs a purchase asked of a
	// customer who has only refunds, or of nothing at all.
	ErrNoPurchase = errors.New("segment: no purchase")
	// ErrEmpty reports a computation over no customers.
	ErrEmpty = errors.New("segment: no customers")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1.
	ErrOverflow = errors.New("segment: count overflow")
	// ErrColumns reports a batch of columns of unequal lengths or with an
	// exponent out of range (see Columns).
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
