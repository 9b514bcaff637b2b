# Reference values for the csat package, computed with R (Debian r-base-core 4.2).
# Run: Rscript csat/testdata/reference.R > csat/testdata/reference_r.json
num <- function(x) sprintf("%.17g", x)
obj <- function(...) { f <- list(...); paste0("{", paste0('"', names(f), '": ', unlist(f), collapse = ", "), "}") }
arr <- function(x) paste0("[", paste(x, collapse = ", "), "]")

# mean(rep(1:5, c(190, 240, 110, 330, 140))) and sd(): the issue's reference sample.
moments <- lapply(list(list("reference sample", c(190, 240, 110, 330, 140)), list("1..7 seven times", 1:7)), function(c) {
  x <- rep(seq_along(c[[2]]), c[[2]])
  obj(name = paste0('"', c[[1]], '"'), counts = arr(c[[2]]), mean = num(mean(x)), sd = num(sd(x)))
})

# S satisfied of N: wilson = prop.test(correct = FALSE), clopper-pearson = binom.test,
# jeffreys = qbeta(a/2, S+.5, N-S+.5), qbeta(1-a/2, ...), with 0 at S = 0 and 1 at S = N.
intervals <- lapply(list(c(85, 100, 0.95), c(70, 100, 0.95), c(13, 28, 0.90), c(0, 3, 0.95), c(12, 12, 0.95)), function(r) {
  s <- r[1]; n <- r[2]; lvl <- r[3]; a <- 1 - lvl
  w <- prop.test(s, n, conf.level = lvl, correct = FALSE)$conf.int
  cp <- binom.test(s, n, conf.level = lvl)$conf.int
  jl <- if (s == 0) 0 else qbeta(a / 2, s + .5, n - s + .5)
  jh <- if (s == n) 1 else qbeta(1 - a / 2, s + .5, n - s + .5)
  obj(name = sprintf('"%d of %d at %g"', s, n, lvl), satisfied = s, n = n, level = num(lvl),
      wilson = arr(num(w)), clopper_pearson = arr(num(cp)), jeffreys = arr(num(c(jl, jh))))
})

# compare: prop.test(c(Sa, Sb), c(Na, Nb), correct = FALSE): z = sign(d)·√X-squared, and p.
compare <- lapply(list(c(70, 100, 55, 90), c(85, 100, 85, 100), c(0, 10, 3, 10), c(412, 500, 380, 500), c(9, 10, 1, 2)), function(r) {
  t <- suppressWarnings(prop.test(c(r[1], r[3]), c(r[2], r[4]), correct = FALSE))
  d <- r[1] / r[2] - r[3] / r[4]
  obj(name = sprintf('"%d/%d vs %d/%d"', r[1], r[2], r[3], r[4]), a = arr(r[1:2]), b = arr(r[3:4]),
      delta = num(d), z = num(sign(d) * sqrt(t$statistic)), p = num(t$p.value))
})

cat(obj(source = sprintf('"csat/testdata/reference.R (%s)"', R.version.string),
        moments = arr(unlist(moments)), intervals = arr(unlist(intervals)), compare = arr(unlist(compare))), "\n")
