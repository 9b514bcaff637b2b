package clv

import "errors"

var (
	// ErrID reports a transaction without a customer id.
	ErrID = errors.New("clv: empty customer id")
	// ErrMismatch reports a transaction or a history of another customer
	// added or merged into a customer's history.
	ErrMismatch = errors.New("clv: histories of different customers")
	// ErrTime reports a missing transaction time, one outside the years
	// 1678–2262, a purchase after the as-of date, or dates out of order.
	ErrTime = errors.New("clv: time missing, out of range or out of order")
	// ErrAmount reports a negative amount or one outside the bounds of
	// every rapport amount (at most 64 decimal places, below 10⁶⁴).
	ErrAmount = errors.New("clv: amount out of bounds")
	// ErrSummary reports a customer summary that is not one: a negative
	// frequency, a recency outside [0, T], a non-finite or negative time,
	// a recency without repeat purchases.
	ErrSummary = errors.New("clv: invalid customer summary")
	// ErrParameter reports a model parameter that is not finite and
	// positive, or a model that cannot give the figure asked (a mean spend
	// with q ≤ 1).
	ErrParameter = errors.New("clv: invalid model parameter")
	// ErrArgument reports a horizon, a number of purchases, a time unit,
	// a discount or a number of decimal places out of range.
	ErrArgument = errors.New("clv: argument out of range")
	// ErrEmpty reports a fit on no customers, or on customers who cannot
	// identify the model (no repeat purchase at all).
	ErrEmpty = errors.New("clv: nothing to fit")
	// ErrConverge reports a fit whose likelihood has no finite maximum
	// within the bounds, or an optimiser or a series that did not converge
	// within its bound of iterations.
	ErrConverge = errors.New("clv: no convergence")
	// ErrOverflow reports a count past 2⁶⁴−1.
	ErrOverflow = errors.New("clv: count overflow")
	// ErrEncoding reports a malformed binary or JSON encoding.
	ErrEncoding = errors.New("clv: malformed encoding")
)
