# Reference values for the csat package, computed with R (Debian r-base-core).
# Run: Rscript csat/testdata/reference.R
f <- function(x) sprintf("%.17g", x)

cat("# mean and sd of counts 190/240/110/330/140 on 1..5\n")
x <- rep(1:5, c(190, 240, 110, 330, 140))
cat(f(mean(x)), f(sd(x)), "\n")
cat("# mean and sd of counts 1..7 on 1..7\n")
x <- rep(1:7, 1:7)
cat(f(mean(x)), f(sd(x)), "\n")

cat("# satisfied S of N, level: wilson = prop.test(correct=FALSE), clopper-pearson = binom.test,\n")
cat("# jeffreys = qbeta(a/2, S+.5, N-S+.5), qbeta(1-a/2, ...), with 0 at S=0 and 1 at S=N\n")
for (r in list(c(85, 100, 0.95), c(70, 100, 0.95), c(13, 28, 0.90), c(0, 3, 0.95), c(12, 12, 0.95))) {
  s <- r[1]; n <- r[2]; lvl <- r[3]; a <- 1 - lvl
  w <- prop.test(s, n, conf.level = lvl, correct = FALSE)$conf.int
  cp <- binom.test(s, n, conf.level = lvl)$conf.int
  jl <- if (s == 0) 0 else qbeta(a / 2, s + .5, n - s + .5)
  jh <- if (s == n) 1 else qbeta(1 - a / 2, s + .5, n - s + .5)
  cat(s, n, lvl, "wilson", f(w[1]), f(w[2]), "cp", f(cp[1]), f(cp[2]), "jeffreys", f(jl), f(jh), "\n")
}

cat("# compare: prop.test(c(Sa, Sb), c(Na, Nb), correct = FALSE): z = sign(d)*sqrt(X-squared), p\n")
for (r in list(c(70, 100, 55, 90), c(85, 100, 85, 100), c(0, 10, 3, 10), c(412, 500, 380, 500), c(9, 10, 1, 2))) {
  t <- suppressWarnings(prop.test(c(r[1], r[3]), c(r[2], r[4]), correct = FALSE))
  d <- r[1] / r[2] - r[3] / r[4]
  cat(r, "delta", f(d), "z", f(sign(d) * sqrt(t$statistic)), "p", f(t$p.value), "\n")
}
