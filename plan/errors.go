package plan

import "errors"

var (
	// ErrForecast reports a forecast a plan cannot be made from: no time
	// zone, an interval that is not a whole number of minutes of at most
	// a day, starts out of order or off the interval grid, negative or
	// non-finite contacts.
	ErrForecast = errors.New("plan: invalid forecast")
	// ErrEmpty reports a forecast without intervals.
	ErrEmpty = errors.New("plan: no interval to plan")
	// ErrAHT reports an interval with contacts and no AHT (neither the
	// forecast's nor Staffing.AHT).
	ErrAHT = errors.New("plan: no AHT")
	// ErrTargets reports staffing targets that are invalid or absent.
	ErrTargets = errors.New("plan: invalid targets")
	// ErrQueue reports a queue operations cannot staff (traffic past its
	// bound, targets unreachable), naming the interval.
	ErrQueue = errors.New("plan: cannot staff")
	// ErrContract reports contract hours that are negative or over a week,
	// or days per week outside 1..7.
	ErrContract = errors.New("plan: invalid contract")
	// ErrAmount reports a negative cost, or one past the bounds of every
	// amount in rapport (64 decimal places, 10⁶⁴).
	ErrAmount = errors.New("plan: invalid amount")
	// ErrRange reports a table or a span outside the plan.
	ErrRange = errors.New("plan: out of range")
	// ErrShift reports an invalid shift pattern.
	ErrShift = errors.New("plan: invalid shift")
	// ErrConverge reports a schedule search stopped at its bound of nodes
	// without a feasible schedule.
	ErrConverge = errors.New("plan: schedule search did not converge")
)
