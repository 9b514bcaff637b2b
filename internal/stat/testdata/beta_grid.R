# The regularized incomplete beta function and its inverse on a grid of
# shapes from 0.5 to 5e9, from R 4.2.2 (Debian r-base-core; pbeta and
# qbeta are TOMS 708 and its inverse), written to beta_grid.tsv, which
# beta_grid_test.go reads:
#
#   Rscript beta_grid.R > beta_grid.tsv
#
# For each shape pair and probability p, x = qbeta(p, a, b) and
# pbeta(x, a, b), printed with %.17g.
shapes <- c(0.5, 1, 2.5, 6, 30, 85.5, 1000.5, 1e5, 1e7 + 0.5, 5e9)
ps <- c(1e-10, 0.025, 0.5, 0.975, 1 - 1e-10)
cat("a\tb\tp\tx\tpbeta\n")
for (a in shapes) for (b in shapes) for (p in ps) {
  x <- qbeta(p, a, b)
  if (x <= 0 || x >= 1) next # no digits to compare in a bound
  cat(sprintf("%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", a, b, p, x, pbeta(x, a, b)))
}
