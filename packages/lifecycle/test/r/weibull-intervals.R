# Reference values for src/survival/weibull.test.ts ("fitWeibull covariance and delta-method
# intervals"): R's survival::survreg fit, its vcov in (log scale, log sigma) turned into
# (scale, shape), R's own delta-method quantile (predict type = "uquantile", se.fit = TRUE), and the
# mean life and S(t) by the delta method written out here with R's digamma. Run with
#   Rscript packages/lifecycle/test/r/weibull-intervals.R
# (R 4.2.2, survival 3.5-3: Debian bookworm packages r-base-core and r-cran-survival).
library(survival)
options(digits=15)
wb1 <- c(58, 75, 36, 52, 63, 65, 22, 17, 28, 64, 23, 40, 73, 45, 52, 36, 52, 60, 13, 55, 82, 55, 34, 57, 23, 42, 66, 35, 34, 25)
f <- c(5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900)
cz <- c(3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400)
report <- function(name, time, status) {
  fit <- survreg(Surv(time, status) ~ 1, dist="weibull", control=survreg.control(rel.tolerance=1e-13, iter.max=200))
  mu <- unname(coef(fit)[1]); ls <- log(fit$scale); V <- fit$var
  eta <- exp(mu); beta <- 1/fit$scale
  J <- diag(c(eta, -beta))
  C <- J %*% V %*% t(J)
  cat(name, "\n")
  cat("eta", format(eta, digits=15), "beta", format(beta, digits=15), "loglik", format(fit$loglik[1], digits=15), "\n")
  cat("vcov(mu, log sigma):", format(c(V), digits=15), "\n")
  cat("cov(eta, beta):", format(c(C), digits=15), "\n")
  z <- qnorm(0.975)
  p <- predict(fit, newdata=data.frame(x=1), type="uquantile", p=c(0.1, 0.5), se.fit=TRUE)
  cat("ln B10, ln B50:", format(p$fit, digits=15), "se:", format(p$se.fit, digits=15), "\n")
  cat("B10 CI:", format(exp(p$fit[1] + c(-1,1)*z*p$se.fit[1]), digits=15), "\n")
  # mean life delta method, gradient in (mu, log sigma): ln m = mu + lgamma(1 + sigma)
  sig <- fit$scale
  g <- c(1, digamma(1 + sig) * sig)
  lm <- mu + lgamma(1 + sig); se <- sqrt(t(g) %*% V %*% g)
  cat("mean", format(exp(lm), digits=15), "se(ln mean)", format(se, digits=15), "CI", format(exp(lm + c(-1,1)*z*c(se)), digits=15), "\n")
  for (t in c(median(time), max(time)/2)) {
    # u = ln(-ln S) = (ln t - mu)/sigma ; gradient wrt (mu, log sigma): (-1/sigma, -(ln t - mu)/sigma)
    u <- (log(t) - mu)/sig; gu <- c(-1/sig, -u)
    su <- sqrt(t(gu) %*% V %*% gu)
    cat("t", t, "S", format(exp(-exp(u)), digits=15), "se(u)", format(su, digits=15), "CI", format(exp(-exp(u + c(1,-1)*z*c(su))), digits=15), "\n")
  }
}
report("WB-1", wb1, rep(1, length(wb1)))
report("KM-1 censored", c(f, cz), c(rep(1, length(f)), rep(0, length(cz))))
