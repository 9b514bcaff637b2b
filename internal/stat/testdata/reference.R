# Reference values for internal/stat, computed with R (Debian r-base-core).
# Run: Rscript internal/stat/testdata/reference.R
f <- function(x) sprintf("%.17g", x)
cat("# qnorm\n")
for (p in c(1e-300, 1e-20, 1e-10, 1e-3, 0.025, 0.3, 0.5, 0.7, 0.975, 1 - 1e-10)) cat(f(p), f(qnorm(p)), "\n")
cat("# pnorm\n")
for (x in c(-38, -10, -1.959963984540054, -0.5, 0, 0.5, 3, 8)) cat(f(x), f(pnorm(x)), "\n")
cat("# 2*pnorm(-|z|)\n")
for (z in c(0, 1, 1.959963984540054, 5, 30)) cat(f(z), f(2 * pnorm(-abs(z))), "\n")
cat("# pbeta x a b\n")
for (r in list(c(0.3, 2, 5), c(0.9, 0.5, 0.5), c(1e-4, 0.5, 30), c(0.5, 200, 300), c(0.001, 3, 1000000), c(0.999, 50, 2))) cat(f(r[1]), f(r[2]), f(r[3]), f(pbeta(r[1], r[2], r[3])), "\n")
cat("# qbeta p a b\n")
for (r in list(c(0.025, 85, 16), c(0.975, 86, 15), c(0.5, 0.5, 0.5), c(1e-8, 2, 3), c(0.975, 1, 1000000), c(0.3, 1000.5, 9000.5))) cat(f(r[1]), f(r[2]), f(r[3]), f(qbeta(r[1], r[2], r[3])), "\n")
cat("# qt p df\n")
for (r in list(c(0.975, 1), c(0.975, 2.5), c(0.975, 9), c(0.6, 30), c(0.999999, 4), c(0.025, 1000), c(0.5000001, 7))) cat(f(r[1]), f(r[2]), f(qt(r[1], r[2])), "\n")
cat("# pt t df\n")
for (r in list(c(2.262157, 9), c(-1.5, 3.5), c(0, 5), c(40, 2))) cat(f(r[1]), f(r[2]), f(pt(r[1], r[2])), "\n")
cat("# wilson x n level: prop.test(correct = FALSE)\n")
for (r in list(c(85, 100, 0.95), c(0, 20, 0.95), c(20, 20, 0.9), c(3, 7, 0.99))) { ci <- prop.test(r[1], r[2], conf.level = r[3], correct = FALSE)$conf.int; cat(f(r[1]), f(r[2]), f(r[3]), f(ci[1]), f(ci[2]), "\n") }
cat("# clopper-pearson x n level: binom.test\n")
for (r in list(c(85, 100, 0.95), c(0, 20, 0.95), c(20, 20, 0.9), c(3, 7, 0.99), c(1, 1000000, 0.95))) { ci <- binom.test(r[1], r[2], conf.level = r[3])$conf.int; cat(f(r[1]), f(r[2]), f(r[3]), f(ci[1]), f(ci[2]), "\n") }
cat("# jeffreys x n level: qbeta(a/2, x+.5, n-x+.5), qbeta(1-a/2, ...), 0 at x=0, 1 at x=n\n")
for (r in list(c(85, 100, 0.95), c(0, 20, 0.95), c(20, 20, 0.9), c(3, 7, 0.99))) { a <- 1 - r[3]; lo <- if (r[1] == 0) 0 else qbeta(a/2, r[1]+.5, r[2]-r[1]+.5); hi <- if (r[1] == r[2]) 1 else qbeta(1-a/2, r[1]+.5, r[2]-r[1]+.5); cat(f(r[1]), f(r[2]), f(r[3]), f(lo), f(hi), "\n") }
