# Reference values for the churn package's Kaplan–Meier code, computed
# independently with R's survival package.
#
# Run: Rscript churn/testdata/reference.R
# (Debian r-base-core 4.2.2 and r-cran-survival 3.5-3: apt-get install -y
# r-base-core r-cran-survival). It prints the Go literals of kmCases in
# survival_test.go; NA is written nan.
suppressMessages(library(survival))

num <- function(x) {
  x <- ifelse(is.na(x), "nan", format(x, digits = 17, scientific = FALSE, trim = TRUE))
  ifelse(x == "Inf", "inf", x)
}
vec <- function(x) paste0("{", paste(num(x), collapse = ", "), "}")

emit <- function(name, time, status) {
  fit <- survfit(Surv(time, status) ~ 1, conf.type = "log")
  cat(sprintf("{\n\tname: %s,\n\ttime: []float64%s,\n\tstatus: []int%s,\n", dQuote(name, FALSE), vec(time), vec(status)))
  cat(sprintf("\tsteps: []float64%s,\n\trisk: []uint64%s,\n\tevent: []uint64%s,\n\tcensor: []uint64%s,\n",
    vec(fit$time), vec(fit$n.risk), vec(fit$n.event), vec(fit$n.censor)))
  cat(sprintf("\tsurv: []float64%s,\n", vec(fit$surv)))
  # fit$std.err is on the log scale (the square root of the Greenwood
  # sum); summary() shows the standard error of S, surv * std.err.
  cat(sprintf("\tse: []float64%s,\n", vec(fit$surv * fit$std.err)))
  cat("\tbands: map[Method]kmBand{\n")
  for (ct in c("log", "log-log", "plain")) {
    f <- update(fit, conf.type = ct)
    # The median and its interval as print(fit) shows them
    # (survival:::survmean).
    med <- summary(f)$table[c("median", "0.95LCL", "0.95UCL")]
    cat(sprintf("\t\t%s: {lower: []float64%s, upper: []float64%s, median: [3]float64%s},\n",
      dQuote(ct, FALSE), vec(f$lower), vec(f$upper), vec(med)))
  }
  cat("\t},\n")
  # quantile.survfit agrees on the point quantiles except where the curve
  # ends flat exactly on one (it takes the midpoint to the last time).
  cat(sprintf("\tquantile: [3]float64%s,\n},\n", vec(quantile(fit, probs = c(0.25, 0.5, 0.75), conf.int = FALSE))))
}

# aml (Miller 1981): weeks to relapse of acute myelogenous leukaemia, in
# the survival package.
emit("aml, all 23", aml$time, aml$status)
m <- aml$x == "Maintained"
emit("aml, maintained", aml$time[m], aml$status[m])
emit("aml, nonmaintained", aml$time[!m], aml$status[!m])

# Curves sitting exactly on 0.5: print's median is the midpoint of the
# flat stretch when the curve falls again after it, else its start.
emit("flat 0.5 then falls", c(1, 2, 3, 4), c(1, 1, 1, 1))
emit("flat 0.5 to the end", c(1, 2, 3, 4), c(1, 1, 0, 0))
emit("falls past 0.5 at once", c(1, 2, 3, 4, 5), c(1, 0, 0, 1, 0))
emit("never reaches 0.5", c(1, 2, 3, 4, 5), c(1, 0, 0, 0, 0))
emit("ties and time 0", c(0, 0, 2, 2, 2, 5, 7, 7, 9, 12), c(1, 0, 1, 1, 0, 1, 0, 1, 1, 0))
