# Reference values for src/survival/kaplanMeierAt.test.ts: R's summary(survfit(...), times = t,
# extend = TRUE) with conf.type "plain", "log" and "log-log", on KM-1 (DOMAIN-lifecycle §14) and on
# a small late-entry set (Surv(entry, exit, status)). Run with
#   Rscript packages/lifecycle/test/r/kaplan-meier-at.R
# (R 4.2.2, survival 3.5-3: Debian bookworm packages r-base-core and r-cran-survival).
library(survival)
options(digits=15)
f <- c(5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900)
cz <- c(3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400)
time <- c(f, cz); status <- c(rep(1, length(f)), rep(0, length(cz)))
ts <- c(0, 3961, 4000, 5248, 6000, 7454, 30000, 131900, 140000, 150400, 2e5)
for (ct in c("plain", "log", "log-log")) {
  s <- summary(survfit(Surv(time, status) ~ 1, conf.type=ct), times=ts, extend=TRUE)
  cat("KM-1", ct, "\n"); print(data.frame(t=s$time, n=s$n.risk, S=s$surv, se=s$std.err, lo=s$lower, hi=s$upper), digits=12)
}
# late entry (left truncation)
entry <- c(0, 2, 0, 1, 3, 0, 0.5, 2, 1.5, 0)
exit  <- c(1.2, 3.1, 2.5, 4.8, 5, 3.9, 6.1, 4.2, 2.2, 2.5)
st    <- c(1, 1, 1, 1, 0, 0, 1, 1, 0, 1)
ts2 <- c(0, 0.5, 1, 1.2, 1.6, 2, 2.2, 2.5, 3, 3.1, 4.5, 6.1, 7)
for (ct in c("plain", "log", "log-log")) {
  s <- summary(survfit(Surv(entry, exit, st) ~ 1, conf.type=ct), times=ts2, extend=TRUE)
  cat("late", ct, "\n"); print(data.frame(t=s$time, n=s$n.risk, S=s$surv, se=s$std.err, lo=s$lower, hi=s$upper), digits=12)
}
