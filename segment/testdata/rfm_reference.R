# RFM reference scores from R data.table and R collapse, independent of the
# Go code and of pandas (see rfm_reference.py, which writes the input).
#
# Run: Rscript segment/testdata/rfm_reference.R   (Debian r-base-core,
#      r-cran-data.table, r-cran-collapse)
#
# Reads rfm_transactions.csv and writes rfm_datatable.csv and
# rfm_collapse.csv in the layout of rfm_pandas.csv: per scored customer (id
# order) the whole UTC days since the last purchase, the purchases, the net
# amount in cents and the R, F, M scores for 3, 5 and 9 bins, score =
# 1 + floor(k * L / n) with L the customers strictly worse (frank, ties
# "max" for recency, "min" for the others). Refunds (negative amounts) lower
# the net amount but are neither purchases nor recent.
suppressMessages({ library(data.table); library(collapse) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
as_of_day <- 1735689600 %/% 86400
bins <- c(3, 5, 9)

tx <- fread(file.path(here, "rfm_transactions.csv"), colClasses = c("character", "numeric", "character"))
tx[, cents := as.numeric(sub(".", "", amount, fixed = TRUE))]

score <- function(id, last, f, m) {
  n <- length(id)
  days <- as_of_day - last %/% 86400
  worse_r <- n - frank(days, ties.method = "max")
  worse_f <- frank(f, ties.method = "min") - 1
  worse_m <- frank(m, ties.method = "min") - 1
  out <- data.table(id = id, recency_days = days, frequency = f, monetary_cents = m)
  for (k in bins) {
    out[[paste0("r", k)]] <- 1 + (k * worse_r) %/% n
    out[[paste0("f", k)]] <- 1 + (k * worse_f) %/% n
    out[[paste0("m", k)]] <- 1 + (k * worse_m) %/% n
  }
  out
}

# data.table: purchases per customer, the net amount over all rows.
net <- tx[, .(m = sum(cents)), keyby = customer_id]
buys <- tx[cents >= 0, .(last = max(at), f = .N), keyby = customer_id]
dt <- net[buys, on = "customer_id"]
fwrite(score(dt$customer_id, dt$last, dt$f, dt$m), file.path(here, "rfm_datatable.csv"))

# collapse: GRP, fmax, GRPN and fsum.
p <- tx[cents >= 0]
gp <- GRP(p$customer_id, sort = TRUE)
ga <- GRP(tx$customer_id, sort = TRUE)
m <- fsum(tx$cents, ga, use.g.names = TRUE)
ids <- gp$groups[[1]]
fwrite(score(ids, fmax(p$at, gp, use.g.names = FALSE), GRPN(gp, expand = FALSE), unname(m[ids])),
       file.path(here, "rfm_collapse.csv"))
