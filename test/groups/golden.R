# Golden numbers of test/groups/golden.test.ts: the comparison-group regression and
# distances for folkeskole 2018 on the real key figures, computed with R's lm().
#
# Input: a CSV with one row per municipality (98): `kommunekode`, the outcome
# udg-til-folkeskolen-pr-6-16-aarig and the 10 candidate variables, named by their
# key-figure ids (see test/groups/README.md for how to write it). Run from the
# repository root:
#
#   npx tsx test/groups/golden-data.ts > test/.tmp/golden-folkeskole-2018.csv
#   Rscript test/groups/golden.R test/.tmp/golden-folkeskole-2018.csv
#
# Every number the test quotes is printed below, labelled as in the test's comments.
# Base R only (stats); checked with R 4.2.2.

args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args)) args[1] else "test/.tmp/golden-folkeskole-2018.csv"
d <- read.csv(path, colClasses = c(kommunekode = "character"), check.names = FALSE)
stopifnot(nrow(d) == 98, !anyNA(d))
rownames(d) <- d$kommunekode

outcome <- "udg-til-folkeskolen-pr-6-16-aarig"
# the candidates in the test's order (VARS); x1..x10 below are these, in this order
vars <- c(
  "andel-6-16-aarige",
  "befolkningstaethed-indb-km2",                          # log
  "befolkningsandel-i-bymaessig-bebyggelse",
  "sociooekonomisk-indeks",
  "udgiftsbehov-landet-pr-indb",
  "beskatningsgrundlag-pr-indb",
  "andel-25-64-aarige-uden-erhvervsuddannelse",
  "andel-25-64-aarige-med-videregaaende-uddannelse",
  "andel-almennyttige-boliger",
  "statsborgere-fra-ikke-vestlige-lande-pr-10-000-indb"   # log
)
logged <- c("befolkningstaethed-indb-km2", "statsborgere-fra-ikke-vestlige-lande-pr-10-000-indb")

X <- d[, vars]
for (v in logged) X[[v]] <- log(X[[v]])
Z <- scale(X)                                  # mean 0, sd 1 (n - 1), as the engine
colnames(Z) <- paste0("x", seq_along(vars))
rownames(Z) <- d$kommunekode
cat("Variables:\n"); for (i in seq_along(vars)) cat(sprintf("  x%d = %s%s\n", i, vars[i], if (vars[i] %in% logged) " (log)" else ""))
df <- data.frame(y = d[[outcome]], Z)
rownames(df) <- d$kommunekode

cat("\n== Full model (alpha = 1) ==\n")
fit <- lm(y ~ ., data = df); s <- summary(fit)
cat("print(summary(fit)$coefficients)\n"); print(s$coefficients, digits = 15)
cat("cat(s$r.squared, s$adj.r.squared, s$fstatistic, s$sigma)\n")
cat(sapply(c(s$r.squared, s$adj.r.squared, s$fstatistic, s$sigma), format, digits = 15), "\n")
cat("pf(F, df1, df2, lower.tail = FALSE):", format(pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE), digits = 15), "\n")
cat("diag(solve(cor(Z))) (VIF)\n"); print(diag(solve(cor(Z))), digits = 15)

cat("\n== Backward elimination (alpha = 0.05) ==\n")
keep <- colnames(Z)
repeat {
  f <- lm(reformulate(keep, "y"), data = df)
  p <- summary(f)$coefficients[-1, 4]
  if (max(p) <= 0.05) break
  cat("drop", names(which.max(p)), format(max(p), digits = 15), "\n")
  keep <- keep[-which.max(p)]
}
cat("summary(f)$coefficients (final model)\n"); print(summary(f)$coefficients, digits = 15)
cat("r2", format(summary(f)$r.squared, digits = 15), "adj", format(summary(f)$adj.r.squared, digits = 15), "\n")
cat("resid(f) and fitted(f) for 101:", format(resid(f)[["101"]], digits = 15), format(fitted(f)[["101"]], digits = 15), "\n")

cat("\n== Distances on the kept variables ==\n")
# ten nearest, ties by kommunekode
nb <- function(D, k) { r <- D[k, ]; r <- r[names(r) != k]; names(r)[order(r, names(r))][1:10] }
Zk <- Z[, keep, drop = FALSE]
b <- coef(f)[-1]
D <- as.matrix(dist(sweep(Zk, 2, b, "*")))                                    # beta
cat('D["101","147"]', format(D["101", "147"], digits = 15), '; D["851","751"]', format(D["851", "751"], digits = 15), "\n")
for (k in c("101", "147", "461", "751", "851", "825")) cat("beta", k, nb(D, k), "\n")
DE <- as.matrix(dist(Zk))                                                     # euclid
for (k in c("101", "461", "851")) cat("euclid", k, nb(DE, k), "\n")
DM <- sapply(seq_len(nrow(Zk)), function(j) sqrt(mahalanobis(Zk, Zk[j, ], cov(Zk))))  # mahalanobis
dimnames(DM) <- list(rownames(Zk), rownames(Zk))
for (k in c("101", "461", "851")) cat("mahalanobis", k, nb(DM, k), "\n")
cat('DM["101","147"]', format(DM["101", "147"], digits = 15), "\n")
fv <- fitted(f)
DN <- abs(outer(fv, fv, "-"))                                                 # need
for (k in c("101", "461", "851")) cat("need", k, nb(DN, k), "\n")
