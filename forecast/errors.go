package forecast

import (
	"errors"

	"github.com/rapportkit/rapport/internal/stat"
)

var (
	// ErrInterval reports an interval length that is not a whole number
	// of minutes dividing a day (15 min, 30 min, 1 h…).
	ErrInterval = errors.New("forecast: interval must be a whole number of minutes dividing a day")
	// ErrLocation reports a missing time zone, or one that cannot be
	// named in an encoding (time.Local, a fixed zone).
	ErrLocation = errors.New("forecast: invalid location")
	// ErrSeries reports a series whose shape is wrong: a start that is
	// not the start of a day, an end inside a day, columns of different
	// lengths, a day whose length is not a whole number of intervals.
	ErrSeries = errors.New("forecast: invalid series")
	// ErrValue reports a negative, NaN or infinite volume or handle time.
	ErrValue = errors.New("forecast: invalid value")
	// ErrGap reports a missing interval in a history given as counts.
	ErrGap = errors.New("forecast: missing interval")
	// ErrDuplicate reports two counts for one interval, or a date given
	// twice.
	ErrDuplicate = errors.New("forecast: duplicate")
	// ErrAlign reports a time that is not the start of an interval of
	// the local clock (08:10 for 30-minute intervals).
	ErrAlign = errors.New("forecast: time not on an interval boundary")
	// ErrShort reports too little history for the model asked.
	ErrShort = errors.New("forecast: too little history")
	// ErrHorizon reports a forecast horizon or backtest holdout outside
	// its bounds.
	ErrHorizon = errors.New("forecast: horizon out of range")
	// ErrParams reports smoothing parameters outside their ranges.
	ErrParams = errors.New("forecast: invalid smoothing parameters")
	// ErrHoliday reports an invalid holiday: a negative or non-finite
	// factor, or a profile of the wrong length, negative or summing to 0.
	ErrHoliday = errors.New("forecast: invalid holiday")
	// ErrModel reports data the model cannot describe: multiplicative
	// seasonality on a level that reaches 0.
	ErrModel = errors.New("forecast: model does not fit the data")
	// ErrMethod reports a model, trend or seasonality this package does
	// not offer.
	ErrMethod = errors.New("forecast: unknown method")
	// ErrConverge reports a fit that did not converge within its bound
	// of evaluations.
	ErrConverge = errors.New("forecast: fit did not converge")
	// ErrLevel reports a prediction-interval level outside (0, 1).
	ErrLevel = stat.ErrLevel
	// ErrMismatch reports histories with different intervals or
	// locations merged.
	ErrMismatch = errors.New("forecast: histories with different parameters")
	// ErrOverflow reports a count past 2⁶⁴−1 contacts.
	ErrOverflow = errors.New("forecast: count overflow")
	// ErrEncoding reports a malformed binary or JSON history.
	ErrEncoding = errors.New("forecast: malformed encoding")
	// ErrEmpty reports a history with nothing to fit.
	ErrEmpty = errors.New("forecast: no history")
)
