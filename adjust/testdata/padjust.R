# Reference adjusted p-values from R's p.adjust (R 4.2.2, Debian
# r-base-core), written to padjust.tsv, which adjust's tests read.
#
#   Rscript padjust.R > padjust.tsv
#
# One row per p-value of a family and method: the family's name, R's name
# of the method, the 1-based position, the p-value and the adjusted value
# (%.17g, so that each reads back as the same float64; NA for a test that
# could not be run). significant.py reads the p-values back to compute the
# exact decisions of Significant.

families <- list()

# The example of ?p.adjust: 50 z-tests, half of them under the null.
set.seed(123)
x <- rnorm(50, mean = c(rep(0, 25), rep(3, 25)))
families[["r-example"]] <- 2 * pnorm(sort(-abs(x)))

# Ties, zeros and ones, unsorted.
families[["ties-zeros-ones"]] <- c(0.04, 0, 1, 0.01, 0.04, 0.5, 0, 0.01, 1, 0.04, 0.03, 0.2)

# Tests that could not be run are NA: they stay NA and are not counted.
families[["undefined"]] <- c(0.02, NA, 0.001, NA, 0.04, 0.3, NA)
families[["all-undefined"]] <- c(NA_real_, NA_real_)
families[["empty"]] <- numeric(0)
families[["single"]] <- 0.03
families[["pair"]] <- c(0.04, 0.02)

# p-values exported to three decimals. The 17th smallest of 25 is 0.034:
# by BH, 25/17 * 0.034 is exactly 0.05, which R computes as
# 0.05000000000000001.
families[["decimals-bh"]] <- c(0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008,
                               0.009, 0.01, 0.011, 0.012, 0.013, 0.014, 0.015, 0.016,
                               0.034, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# By BY over 4 tests, (1 + 1/2 + 1/3 + 1/4) * 4 * 0.006 = 25/12 * 0.024 is exactly 0.05.
families[["decimals-by"]] <- c(0.3, 0.006, 0.9, 0.5)

# Extremes of the float range.
families[["tiny"]] <- c(1e-300, 5e-324, 2.220446049250313e-16, 1e-10, 0.5, 1)

# A month x channel grid: 72 comparisons, a fifth of them real effects.
set.seed(2026)
z <- rnorm(72, mean = c(rep(0, 58), rep(3, 14)))
families[["grid-72"]] <- 2 * pnorm(-abs(z))

# A thousand p-values rounded to three decimals: many ties.
set.seed(20261201)
families[["rounded-1000"]] <- round(c(runif(800), rbeta(200, 0.3, 30)), 3)

methods <- c("none", "bonferroni", "holm", "hochberg", "BH", "BY")
num <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
cat("family\tmethod\ti\tp\tadjusted\n")
for (name in names(families)) {
  p <- families[[name]]
  for (m in methods) {
    q <- p.adjust(p, m)
    if (length(p) == 0) {
      cat(sprintf("%s\t%s\t0\t\t\n", name, m)) # an empty family still has a row
      next
    }
    cat(sprintf("%s\t%s\t%d\t%s\t%s\n", name, m, seq_along(p), num(p), num(q)), sep = "")
  }
}
