# RFM in R, with data.table or collapse: group by customer, then rank-based
# quantile scores with rapport's tie rule, score = 1 + floor(5 * L / n),
# L the number of customers strictly worse (see rfm_pandas.py).
# Usage: Rscript rfm.R ENGINE DATA_DIR REPS   (ENGINE: data.table or collapse);
# repetitions stop after BENCH_BUDGET_S seconds, as in timing.py.
suppressMessages({ library(data.table); library(collapse) })
args <- commandArgs(trailingOnly = TRUE)
engine <- args[1]; dir <- args[2]; reps <- as.integer(args[3])
as_of_day <- 1767225600 %/% 86400
tx <- fread(file.path(dir, "transactions.csv"), colClasses = c("character", "numeric", "numeric"))

score <- function(id, last, f, m) {
  n <- length(id)
  days <- as_of_day - last %/% 86400
  worse_r <- n - frank(days, ties.method = "max")
  worse_f <- frank(f, ties.method = "min") - 1
  worse_m <- frank(m, ties.method = "min") - 1
  list(id = id, r = 1 + (5 * worse_r) %/% n, f = 1 + (5 * worse_f) %/% n, m = 1 + (5 * worse_m) %/% n)
}

rfm_datatable <- function() {
  g <- tx[, .(last = max(at), f = .N, m = sum(amount_cents)), keyby = customer_id]
  score(g$customer_id, g$last, g$f, g$m)
}

rfm_collapse <- function() {
  grp <- GRP(tx$customer_id, sort = TRUE)
  score(grp$groups[[1]], fmax(tx$at, grp, use.g.names = FALSE), GRPN(grp, expand = FALSE),
        fsum(tx$amount_cents, grp, use.g.names = FALSE))
}

run <- if (engine == "collapse") rfm_collapse else rfm_datatable
out <- run()
budget <- as.numeric(Sys.getenv("BENCH_BUDGET_S", "20")) * 1e9
times <- numeric(0); cpus <- numeric(0)
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
for (i in seq_len(reps)) {
  if (i > 1 && sum(times) >= budget) break
  t0 <- Sys.time(); c0 <- cpu(); run()
  times <- c(times, as.numeric(Sys.time() - t0, units = "secs") * 1e9); cpus <- c(cpus, (cpu() - c0) * 1e9)
}
text <- paste0(out$id, ",", out$r, ",", out$f, ",", out$m, "\n", collapse = "")
f <- tempfile(); writeBin(charToRaw(text), f)
digest <- sub(" .*", "", system2("sha256sum", f, stdout = TRUE)); unlink(f)
cat(sprintf('{"task": "rfm", "ns": [%s], "cpu_ns": [%s], "digest": "%s"}\n', paste(sprintf("%.0f", times), collapse = ", "),
            paste(sprintf("%.0f", cpus), collapse = ", "), digest))
