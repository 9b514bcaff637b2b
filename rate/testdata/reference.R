# Reference values from R 4.2.2 (Debian r-base-core) for package rate,
# written to the r-*.tsv files its tests read:
#
#   Rscript reference.R
#
# Every number is printed with %.17g, so that it reads back as the same
# float64. The tests say which tolerance they hold each file to.

num <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))

# One rate: x of n at a level.
rates <- list(c(412, 1500), c(85, 100), c(0, 20), c(20, 20), c(3, 7), c(1, 1),
              c(0, 1), c(1, 1000000), c(999999, 1000000), c(5, 5000000000))
levels <- c(0.9, 0.95, 0.99)

# Wilson: prop.test without continuity correction. Clopper-Pearson:
# binom.test's interval, the beta quantiles qbeta(a/2, x, n - x + 1) and
# qbeta(1 - a/2, x + 1, n - x) (binom.test itself sums dbinom over 0:n
# for its p-value, which at n = 5e9 does not fit in memory; below 1e7 the
# script checks that it gives the same bounds). Jeffreys: the Beta(x + 1/2, n - x + 1/2) quantiles, with the
# bounds at 0 and 1 for x = 0 and x = n (Brown, Cai & DasGupta 2001).
out <- file("r-interval.tsv", "w")
cat("x\tn\tlevel\tmethod\tlo\thi\tsource\n", file = out)
for (r in rates) for (level in levels) {
  x <- r[1]; n <- r[2]
  w <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int
  a <- 1 - level
  cp <- c(if (x == 0) 0 else qbeta(a / 2, x, n - x + 1), if (x == n) 1 else qbeta(1 - a / 2, x + 1, n - x))
  if (n < 1e7) stopifnot(all.equal(cp, as.vector(binom.test(x, n, conf.level = level)$conf.int), tolerance = 0))
  jl <- if (x == 0) 0 else qbeta(a / 2, x + 0.5, n - x + 0.5)
  jh <- if (x == n) 1 else qbeta(1 - a / 2, x + 0.5, n - x + 0.5)
  cat(sprintf("%.0f\t%.0f\t%s\twilson\t%s\t%s\tprop.test(correct = FALSE)\n", x, n, level, num(w[1]), num(w[2])), file = out)
  cat(sprintf("%.0f\t%.0f\t%s\tclopper-pearson\t%s\t%s\tbinom.test (qbeta)\n", x, n, level, num(cp[1]), num(cp[2])), file = out)
  cat(sprintf("%.0f\t%.0f\t%s\tjeffreys\t%s\t%s\tqbeta\n", x, n, level, num(jl), num(jh)), file = out)
}
close(out)

# Two rates, base (xb of nb) and variant (xv of nv): prop.test(correct =
# FALSE) gives the Wald interval of pv - pb, the pooled z (the square
# root of X-squared, with the sign of the difference) and its p-value;
# fisher.test the two-sided exact p-value.
pairs <- list(c(200, 1000, 220, 1000), c(5, 40, 12, 38), c(0, 30, 3, 30),
              c(0, 30, 0, 25), c(30, 30, 25, 25), c(412, 1500, 455, 1480),
              c(1, 10, 0, 10), c(12000, 100000, 12300, 100000), c(7, 7, 3, 9),
              c(2, 3, 1, 4), c(10, 20, 10, 20), c(1, 2, 1, 2), c(0, 5, 5, 5),
              c(450000, 1000000, 451500, 1000000))
out <- file("r-compare.tsv", "w")
cat("xb\tnb\txv\tnv\tlevel\twald_lo\twald_hi\tz\tp\tfisher_p\n", file = out)
for (r in pairs) for (level in c(0.95, 0.9)) {
  xb <- r[1]; nb <- r[2]; xv <- r[3]; nv <- r[4]
  t <- suppressWarnings(prop.test(c(xv, xb), c(nv, nb), conf.level = level, correct = FALSE))
  d <- xv / nv - xb / nb
  z <- if (is.na(t$statistic)) NA else sign(d) * sqrt(t$statistic)
  f <- fisher.test(matrix(c(xv, nv - xv, xb, nb - xb), 2))$p.value
  cat(sprintf("%.0f\t%.0f\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\n", xb, nb, xv, nv, level,
              num(t$conf.int[1]), num(t$conf.int[2]), num(z), num(t$p.value), num(f)), file = out)
}
close(out)

# Sample size per arm: power.prop.test (no continuity correction), solved
# to a tolerance of 1e-12 instead of the default 1.2e-4. p2 is base *
# (1 + lift) as the decimal it is.
plans <- list(c("0.2", "0.1", "0.22"), c("0.05", "0.2", "0.06"), c("0.5", "-0.1", "0.45"),
              c("0.3", "0.5", "0.45"), c("0.01", "0.1", "0.011"), c("0.9", "0.05", "0.945"),
              c("0.35", "-0.2", "0.28"), c("0.12", "0.025", "0.123"))
out <- file("r-power.tsv", "w")
cat("base\tlift\tp2\talpha\tpower\tn\n", file = out)
for (pl in plans) for (alpha in c("0.05", "0.01", "0.1")) for (power in c("0.8", "0.9")) {
  n <- power.prop.test(p1 = as.numeric(pl[1]), p2 = as.numeric(pl[3]), sig.level = as.numeric(alpha),
                       power = as.numeric(power), tol = 1e-12)$n
  cat(sprintf("%s\t%s\t%s\t%s\t%s\t%s\n", pl[1], pl[2], pl[3], alpha, power, num(n)), file = out)
}
close(out)
