# Reference values for the ces package, computed with R (Debian r-base-core).
# Run: Rscript ces/testdata/reference.R
f <- function(x) sprintf("%.17g", x)
expand <- function(counts, lo = 1) rep(seq(lo, length.out = length(counts)), counts)

cat("# one sample: mean, sd, t.test conf.int at level\n")
for (case in list(list(c(190, 240, 110, 330, 140), 0.95), list(c(4, 6, 10, 20, 40, 60, 60), 0.95),
                  list(c(4, 6, 10, 20, 40, 60, 60), 0.90), list(c(0, 1, 0, 0, 1), 0.99))) {
  x <- expand(case[[1]]); ci <- t.test(x, conf.level = case[[2]])$conf.int
  cat(case[[1]], "level", case[[2]], "mean", f(mean(x)), "sd", f(sd(x)), "ci", f(ci[1]), f(ci[2]), "\n")
}

cat("# welch: t.test(a, b, var.equal = FALSE): t, df, p, conf.int\n")
welch <- function(a, b, level = 0.95) {
  t <- t.test(expand(a), expand(b), var.equal = FALSE, conf.level = level)
  cat("a", a, "b", b, "level", level, "delta", f(mean(expand(a)) - mean(expand(b))), "t", f(t$statistic), "df", f(t$parameter),
      "p", f(t$p.value), "ci", f(t$conf.int[1]), f(t$conf.int[2]), "\n")
}
welch(c(4, 6, 10, 20, 40, 60, 60), c(10, 12, 18, 30, 45, 35, 20))
welch(c(4, 6, 10, 20, 40, 60, 60), c(10, 12, 18, 30, 45, 35, 20), 0.99)
welch(c(190, 240, 110, 330, 140), c(300, 250, 200, 150, 100))
welch(c(0, 0, 0, 0, 5), c(1, 1, 0, 0, 0))  # one sample without variance

cat("# rank on 1..7, higher is easier: each vs the best by Welch, then p.adjust(holm)\n")
groups <- list(chat = c(2, 3, 5, 10, 30, 50, 40), apps = c(2, 3, 5, 10, 30, 50, 40),
               phone = c(10, 15, 20, 30, 40, 25, 10), email = c(5, 10, 15, 20, 25, 15, 10),
               store = c(1, 2, 3, 5, 10, 20, 30), kiosk = c(0, 0, 0, 1, 0, 0, 0),
               web = c(3, 4, 5, 10, 30, 50, 40))
means <- sapply(groups, function(g) mean(expand(g)))
ord <- order(-means, names(groups))
best <- names(groups)[ord[1]]
cat("order", names(groups)[ord], "\n")
tested <- c(); ps <- c()
for (k in names(groups)[ord][-1]) {
  g <- groups[[k]]
  if (sum(g) < 2) { cat(k, "mean", f(means[[k]]), "untested\n"); next }
  t <- t.test(expand(g), expand(groups[[best]]), var.equal = FALSE)
  tested <- c(tested, k); ps <- c(ps, t$p.value)
  cat(k, "mean", f(means[[k]]), "delta", f(means[[k]] - means[[best]]), "t", f(t$statistic), "df", f(t$parameter), "p", f(t$p.value), "\n")
}
adj <- p.adjust(ps, "holm")
for (i in seq_along(tested)) cat("holm", tested[i], f(adj[i]), "\n")
cat("best", best, "mean", f(means[[best]]), "\n")

cat("# rank on 1..5 effort, lower is easier\n")
groups <- list(phone = c(20, 30, 25, 15, 10), chat = c(40, 35, 15, 7, 3), email = c(15, 25, 30, 20, 10))
means <- sapply(groups, function(g) mean(expand(g)))
ord <- order(means, names(groups))
best <- names(groups)[ord[1]]
ps <- c()
for (k in names(groups)[ord][-1]) {
  t <- t.test(expand(groups[[k]]), expand(groups[[best]]), var.equal = FALSE)
  ps <- c(ps, t$p.value)
  cat(k, "mean", f(means[[k]]), "t", f(t$statistic), "df", f(t$parameter), "p", f(t$p.value), "\n")
}
cat("order", names(groups)[ord], "holm", f(p.adjust(ps, "holm")), "\n")

cat("# Of: t.test(c(7, 6, 6, 5, 4, 2, 7, 6))\n")
x <- c(7, 6, 6, 5, 4, 2, 7, 6); ci <- t.test(x)$conf.int; cat("mean", f(mean(x)), "ci", f(ci[1]), f(ci[2]), "\n")
