# Reference values for the churn package's Kaplan–Meier code, computed
# independently with R's survival package, written to km.json (read by
# survival_ref_test.go).
#
# Run from the repository root: Rscript churn/testdata/reference.R
# (Debian r-base-core 4.2.2, r-cran-survival 3.5-3 and r-cran-jsonlite
# 1.8.4: apt-get install -y r-base-core r-cran-survival r-cran-jsonlite).
# NA is written null.
suppressMessages({
  library(survival)
  library(jsonlite)
})

# Numbers are written with 17 significant digits, which jsonlite does not
# do by itself (it stops at 15).
vec <- function(x) {
  x <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  structure(paste0("[", paste(x, collapse = ", "), "]"), class = "json")
}

case <- function(name, time, status) {
  fit <- survfit(Surv(time, status) ~ 1, conf.type = "log")
  bands <- list()
  for (ct in c("log", "log-log", "plain")) {
    f <- update(fit, conf.type = ct)
    # The median and its interval as print(fit) shows them
    # (survival:::survmean).
    med <- unname(summary(f)$table[c("median", "0.95LCL", "0.95UCL")])
    bands[[ct]] <- list(lower = vec(f$lower), upper = vec(f$upper), median = vec(med))
  }
  list(
    name = name, time = vec(time), status = vec(status),
    steps = vec(fit$time), risk = vec(fit$n.risk), event = vec(fit$n.event), censor = vec(fit$n.censor),
    surv = vec(fit$surv),
    # fit$std.err is on the log scale (the square root of the Greenwood
    # sum); summary() shows the standard error of S, surv * std.err.
    se = vec(fit$surv * fit$std.err),
    bands = bands,
    # quantile.survfit agrees on the point quantiles except where the
    # curve ends flat exactly on one (it takes the midpoint to the last
    # time).
    quantile = vec(unname(quantile(fit, probs = c(0.25, 0.5, 0.75), conf.int = FALSE)))
  )
}

m <- aml$x == "Maintained"
cases <- list(
  # aml (Miller 1981): weeks to relapse of acute myelogenous leukaemia, in
  # the survival package.
  case("aml, all 23", aml$time, aml$status),
  case("aml, maintained", aml$time[m], aml$status[m]),
  case("aml, nonmaintained", aml$time[!m], aml$status[!m]),
  # Curves sitting exactly on 0.5: print's median is the midpoint of the
  # flat stretch when the curve falls again after it, else its start.
  case("flat 0.5 then falls", c(1, 2, 3, 4), c(1, 1, 1, 1)),
  case("flat 0.5 to the end", c(1, 2, 3, 4), c(1, 1, 0, 0)),
  case("falls past 0.5 at once", c(1, 2, 3, 4, 5), c(1, 0, 0, 1, 0)),
  case("never reaches 0.5", c(1, 2, 3, 4, 5), c(1, 0, 0, 0, 0)),
  case("ties and time 0", c(0, 0, 2, 2, 2, 5, 7, 7, 9, 12), c(1, 0, 1, 1, 0, 1, 0, 1, 1, 0))
)
out <- list(
  source = paste(R.version.string, "survival", as.character(packageVersion("survival"))),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE),
  "churn/testdata/km.json")
