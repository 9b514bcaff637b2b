package churn

import "github.com/rapportkit/rapport/internal/stat"

// Interval is a confidence interval on the scale of its statistic (a
// survival probability in [0, 1] here) and clamped to it.
type Interval = stat.Interval

// Method names an interval construction.
type Method = stat.Method

// Pointwise confidence intervals for a Kaplan–Meier S(t), with σ² the
// Greenwood sum Σ dⱼ/(nⱼ(nⱼ − dⱼ)), the variance of log S.
const (
	// Log is exp(log S ± z·σ), R's default (conf.type = "log").
	Log Method = "log"
	// LogLog is exp(−exp(log(−log S) ∓ z·σ/log S)), the "exponential
	// Greenwood" interval of lifelines and R's conf.type = "log-log".
	LogLog Method = "log-log"
	// Plain is S ± z·S·σ, clamped to [0, 1] (R's conf.type = "plain").
	Plain Method = "plain"
)
