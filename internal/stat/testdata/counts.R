# Reference t intervals for internal/stat/counts.go (MeanInterval).
# Run: Rscript internal/stat/testdata/counts.R   (Debian r-base-core)
f <- function(x) sprintf("%.17g", x)
cat("# t interval: mean ± qt(1-a/2, n-1) sd/sqrt(n)\n")
for (r in list(c(2.99, 1.3, 1010, 0.95), c(5.2, 1.1, 2, 0.9), c(4.0, 0.0, 10, 0.95), c(3.5, 2.0, 30, 0.99))) {
  h <- qt(1 - (1 - r[4]) / 2, r[3] - 1) * r[2] / sqrt(r[3])
  cat(f(r[1]), f(r[2]), f(r[3]), f(r[4]), f(r[1] - h), f(r[1] + h), "\n")
}
cat("# cross-check with t.test on data whose mean and sd are known: 1:7\n")
ci <- t.test(1:7, conf.level = 0.95)$conf.int; cat(f(mean(1:7)), f(sd(1:7)), f(ci[1]), f(ci[2]), "\n")
