// Maple Valley's device forecast: failure models fitted from two years of repair tickets (with
// the chance a Chromebook still works at age 4, and the replacement age that costs least), the
// expected ten-year plan, Monte Carlo P10/P50/P90 of spend, and the plan under a refresh budget cap.
// Run: node --conditions=@districtkit/source --import tsx examples/lifecycle-forecast.ts
import { readFileSync } from "node:fs";
import type { Money } from "@districtkit/core";
import { fitFailureModelFromRepairs, forecastMonteCarlo, forecastReplacements, forecastToBudgetLines, kaplanMeierAt, optimalReplacementAge, weibullFitSurvival } from "@districtkit/lifecycle";

const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`data/sample-district/${name}`, import.meta.url), "utf8"));
const devices = read("devices.json");
const repairs = read("repairs.json");

const usd = (m: Money): string => m.format("en-US", { maximumFractionDigits: 0 });
const n = (x: number): string => Math.round(x).toLocaleString("en-US");

// 1. Failure model from the repair history (right-censored, late entry)
const cb = fitFailureModelFromRepairs(repairs, { models: ["acme-cb311-g2", "acme-cb300"] });
console.log("Chromebook failure model fitted from repairs.json");
console.log(`  ${cb.explanation}`);
console.log(`  95 % interval of the shape: ${cb.weibull.intervals.shape.lower.toFixed(2)}–${cb.weibull.intervals.shape.upper.toFixed(2)}`);
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const weibull4 = weibullFitSurvival(cb.weibull, 4);
const km4 = kaplanMeierAt(cb.kaplanMeier, 4, { confType: "log-log" });
console.log(
  `  Still working at age 4: ${pct(weibull4.estimate)} by the Weibull fit (95 % interval ${pct(weibull4.interval!.lower)}–${pct(weibull4.interval!.upper)}), ` +
    `${pct(km4.survival)} by Kaplan–Meier (${pct(km4.interval.lower)}–${pct(km4.interval.upper)}, ${km4.atRisk} devices observed at that age)`,
);
// the same Weibull in months: a planned swap costs a $309 Chromebook, a failure also a loaner and a lost day
const age = optimalReplacementAge({ weibull: { shape: cb.failure.shape, scale: cb.failure.scale * 12 }, unit: "months", maxAge: 96, preventiveCost: "309", failureCost: "420" });
console.log(`  ${age.explanation}\n`);

// 2. Expected forecast
const expected = forecastReplacements(devices);
console.log("Expected plan (devices and spend by fiscal year)");
console.log("  year     in service  retired  failed+lost  bought    capital      repairs   resale");
for (const y of expected.summary) {
  console.log(
    `  ${y.label}  ${n(y.inServiceStart).padStart(10)}  ${n(y.plannedRetirements).padStart(7)}  ${n(y.failures + y.losses).padStart(11)}  ${n(y.purchases.total).padStart(6)}  ${usd(y.capital).padStart(10)}  ${usd(y.repair).padStart(9)}  ${usd(y.resaleCredit).padStart(7)}`,
  );
}
console.log("  Why FY2027 retires so many:");
for (const c of expected.cohorts.filter((x) => x.plannedFiscalYear === 2027).slice(0, 6)) console.log(`   - ${c.explanation}`);
console.log("");

// 3. Monte Carlo: how sure are we?
const mc = forecastMonteCarlo(devices, { seed: 2027, trials: 1000 });
console.log(`Monte Carlo (${mc.trials} trials, seed 2027; failures, losses, repairs and the price growth of new Chromebooks and iPads drawn per trial): capital spend P10 / P50 / P90`);
for (const y of mc.years) {
  const [p10, p50, p90] = y.spend.capital.quantiles;
  console.log(`  ${y.label}  ${usd(p10!).padStart(10)}  ${usd(p50!).padStart(10)}  ${usd(p90!).padStart(10)}   failures P50 ${n(y.counts.failures.quantiles[1]!)}`);
}

// 4. The same plan under a $150,000 refresh cap
const cap = Object.fromEntries(expected.years.map((y) => [String(y), "150000"]));
const capped = forecastReplacements({ ...devices, refreshBudgetCap: cap });
console.log("\nUnder a $150,000 yearly cap on planned refresh (failure replacements and growth come on top)");
for (const y of capped.summary) console.log(`  ${y.label}  capital ${usd(y.capital).padStart(10)}  deferred ${n(y.deferred).padStart(4)}`);
for (const s of capped.capShortfalls) console.log(`  ${s.explanation}`);

// 5. Budget line items for the budget engine
const lines = forecastToBudgetLines(expected);
console.log(`\n${lines.length} budget line items, e.g. ${lines[0]!.name}: ${usd(lines[0]!.total)} over ten years`);
