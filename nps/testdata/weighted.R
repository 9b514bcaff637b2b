# Reference value for the weighted NPS, from R's survey package
# (Debian r-base-core 4.2, r-cran-survey 4.1).
# Run: Rscript nps/testdata/weighted.R > nps/testdata/weighted.json
suppressMessages(library(survey))
scores <- c(10, 9, 9, 8, 7, 6, 3, 0, 10, 5)
w <- c(1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 0.7, 1.1, 0.9, 1.3)
d <- data.frame(c = ifelse(scores >= 9, 1, ifelse(scores >= 7, 0, -1)), w = w)
m <- svymean(~c, svydesign(ids = ~1, weights = ~w, data = d))
cat(sprintf('{"source": "nps/testdata/weighted.R (%s, survey %s)", "mean": %.17g, "se": %.17g}\n',
            R.version.string, packageVersion("survey"), coef(m), SE(m)))
