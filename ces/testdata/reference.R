# Reference values for the ces package, computed with R (Debian r-base-core 4.2).
# Run: Rscript ces/testdata/reference.R > ces/testdata/reference.json
num <- function(x) sprintf("%.17g", x)
str <- function(x) sprintf('"%s"', x)
obj <- function(...) { f <- list(...); paste0("{", paste0('"', names(f), '": ', unlist(f), collapse = ", "), "}") }
arr <- function(x) paste0("[", paste(x, collapse = ", "), "]")
expand <- function(counts, lo = 1) rep(seq(lo, length.out = length(counts)), counts)

# One sample: mean, sd and t.test(x, conf.level = level)$conf.int on the expanded counts.
one <- lapply(list(list("effort 190/240/110/330/140", "effort5", c(190, 240, 110, 330, 140), 0.95),
                   list("ease at 95%", "ease7", c(4, 6, 10, 20, 40, 60, 60), 0.95),
                   list("ease at 90%", "ease7", c(4, 6, 10, 20, 40, 60, 60), 0.90),
                   list("two far apart", "effort5", c(0, 1, 0, 0, 1), 0.99),
                   list("TallyOf sample", "ease7", c(0, 1, 0, 1, 1, 3, 2), 0.95)), function(c) {
  x <- expand(c[[3]]); ci <- t.test(x, conf.level = c[[4]])$conf.int
  obj(name = str(c[[1]]), scale = str(c[[2]]), counts = arr(c[[3]]), level = num(c[[4]]),
      mean = num(mean(x)), sd = num(sd(x)), lo = num(ci[1]), hi = num(ci[2]))
})

# Welch: t.test(a, b, var.equal = FALSE): t, df, p, conf.int.
welch <- lapply(list(list("ease after vs before", "ease7", c(4, 6, 10, 20, 40, 60, 60), c(10, 12, 18, 30, 45, 35, 20), 0.95),
                     list("ease after vs before at 99%", "ease7", c(4, 6, 10, 20, 40, 60, 60), c(10, 12, 18, 30, 45, 35, 20), 0.99),
                     list("effort", "effort5", c(190, 240, 110, 330, 140), c(300, 250, 200, 150, 100), 0.95),
                     list("one sample without variance", "effort5", c(0, 0, 0, 0, 5), c(1, 1, 0, 0, 0), 0.95)), function(c) {
  a <- expand(c[[3]]); b <- expand(c[[4]])
  t <- t.test(a, b, var.equal = FALSE, conf.level = c[[5]])
  obj(name = str(c[[1]]), scale = str(c[[2]]), a = arr(c[[3]]), b = arr(c[[4]]), level = num(c[[5]]),
      delta = num(mean(a) - mean(b)), t = num(t$statistic), df = num(t$parameter), p = num(t$p.value),
      lo = num(t$conf.int[1]), hi = num(t$conf.int[2]))
})

# Rank: each group against the best by t.test(var.equal = FALSE), then p.adjust(method = "holm").
rank <- function(name, scale, groups, lower) {
  means <- sapply(groups, function(g) mean(expand(g)))
  ord <- if (lower) order(means, names(groups)) else order(-means, names(groups))
  best <- names(groups)[ord[1]]
  rows <- list(); tested <- c(); ps <- c()
  for (k in names(groups)[ord]) {
    g <- groups[[k]]
    if (k != best && sum(g) >= 2) {
      t <- t.test(expand(g), expand(groups[[best]]), var.equal = FALSE)
      tested <- c(tested, k); ps <- c(ps, t$p.value)
      rows[[k]] <- list(t = num(t$statistic), df = num(t$parameter), p = num(t$p.value))
    }
  }
  adj <- p.adjust(ps, "holm"); names(adj) <- tested
  out <- sapply(names(groups)[ord], function(k) {
    r <- rows[[k]]
    if (is.null(r)) return(obj(key = str(k), counts = arr(groups[[k]]), mean = num(means[[k]]), tested = "false"))
    obj(key = str(k), counts = arr(groups[[k]]), mean = num(means[[k]]), tested = "true", t = r$t, df = r$df, p = r$p, holm = num(adj[[k]]))
  })
  obj(name = str(name), scale = str(scale), rows = arr(out))
}
ranks <- c(
  rank("channels on 1..7, higher is easier", "ease7", list(
    chat = c(2, 3, 5, 10, 30, 50, 40), apps = c(2, 3, 5, 10, 30, 50, 40), phone = c(10, 15, 20, 30, 40, 25, 10),
    email = c(5, 10, 15, 20, 25, 15, 10), store = c(1, 2, 3, 5, 10, 20, 30), kiosk = c(0, 0, 0, 1, 0, 0, 0),
    web = c(3, 4, 5, 10, 30, 50, 40)), FALSE),
  rank("channels on 1..5 effort, lower is easier", "effort5", list(
    phone = c(20, 30, 25, 15, 10), chat = c(40, 35, 15, 7, 3), email = c(15, 25, 30, 20, 10)), TRUE))

cat(obj(source = str(sprintf("ces/testdata/reference.R (%s)", R.version.string)),
        one_sample = arr(unlist(one)), welch = arr(unlist(welch)), rank = arr(ranks)), "\n")
