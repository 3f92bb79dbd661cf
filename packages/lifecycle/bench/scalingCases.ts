// The scaling cases of the lifecycle package (issue 18; packages/core/bench/scaling.ts): every
// entry point that takes a list that can be long, with a seeded generator of its input (the same
// size and seed give the same input). Devices, cohorts and repair records of a large district;
// survival data; the Monte Carlo trials of a chunk; a long series of payments; a district's device
// models; the repair-cost history and trials of a damage-coverage comparison.
import { addDaysIso, createRng, type Rng } from "@districtkit/core";
import { scalingCase } from "../../core/bench/scaling.js";
import {
  aggregateCohorts,
  annualFailureProbabilities,
  aueCliff,
  compareDamageCoverage,
  failureModelFromKaplanMeier,
  fitFailureModelFromRepairs,
  fitWeibull,
  forecastMonteCarlo,
  forecastRepairs,
  forecastReplacements,
  forecastToBudgetLines,
  generateInventory,
  generateRepairHistory,
  kaplanMeier,
  kaplanMeierAt,
  mergeMonteCarloChunks,
  npv,
  planCappedRefresh,
  repairStatistics,
  simulateDamageCoverageChunk,
  simulateForecastChunk,
  summarizeDamageCoverage,
  summarizeMonteCarlo,
  supportEnds,
  survivalAt,
  survivalDataFromRepairs,
} from "../src/index.js";

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));
const MODELS = Array.from({ length: 30 }, (_, i) => ({
  id: `M${i + 1}`,
  category: i % 3 === 0 ? "windows-laptop" : "chromebook",
  unitPrice: String(250 + 20 * i),
  ...(i % 3 === 0 ? {} : { autoUpdateExpiration: `${2026 + (i % 8)}-06` }),
}));

/** n devices of 30 models over n/500 schools, bought over eight years, a few lost or retired. */
function devices(n: number, seed: number) {
  const rng = createRng(seed);
  const schools = Math.max(1, Math.round(n / 500));
  return Array.from({ length: n }, (_, i) => ({
    id: `D${i}`,
    model: `M${int(rng, 1, 30)}`,
    school: `S${int(rng, 1, schools)}`,
    role: rng.next() < 0.85 ? "student" : "staff",
    purchaseDate: addDaysIso("2018-07-01", int(rng, 0, 2900)),
    ...(rng.next() < 0.3 ? { purchaseCost: String(int(rng, 200, 900)) } : {}),
    ...(rng.next() < 0.03 ? { status: rng.next() < 0.5 ? "lost" : "retired" } : {}),
  }));
}

/** An inventory of about n cohorts (generateInventory: 3–6 models a school, 2–4 purchase years each; about 13 cohorts a school). */
const inventory = (n: number, seed: number) => generateInventory({ devices: n * 40, schools: Math.max(1, Math.round(n / 13)), models: 30, years: 8, seed });

/** n survival observations (ages in years, a third failed, some entering late). */
function observations(n: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const time = Math.round(rng.next() * 8e6) / 1e6;
    return { time, failed: rng.next() < 0.33, entry: rng.next() < 0.3 ? Math.round(time * rng.next() * 1e6) / 1e6 : 0 };
  });
}

/** A Kaplan–Meier curve with n steps (falling survival at rising times). */
function steps(n: number) {
  return Array.from({ length: n }, (_, i) => ({ time: ((i + 1) * 10) / n, survival: 1 - (i + 1) / (n + 1) }));
}

/** n cohorts for planCappedRefresh: bought FY2019–FY2026, some with a hard deadline (AUE) inside their window. */
function cappedCohorts(n: number, rng: Rng) {
  return Array.from({ length: n }, (_, i) => {
    const purchaseFiscalYear = int(rng, 2019, 2026);
    return { id: `c${i}`, count: int(rng, 1, 60), purchaseFiscalYear, unitPrice: String(int(rng, 250, 900)), ...(rng.next() < 0.3 ? { deadlineFiscalYear: purchaseFiscalYear + int(rng, 3, 6) } : {}) };
  });
}

/** n device models (Chromebooks with an Auto Update Expiration, Windows desktops and laptops, iPads named as the built-in table names them), a tenth of them assigned a table row (at most 10,000). */
function supportModels(n: number, seed: number) {
  const rng = createRng(seed);
  const IPADS = ["iPad (7th generation)", "iPad (9th generation)", "iPad Air (3rd generation)"];
  const models = Array.from({ length: n }, (_, i) => {
    const k = i % 4;
    return k === 0 || k === 1
      ? { id: `cb${i}`, category: "chromebook" as const, unitPrice: String(int(rng, 200, 500)), autoUpdateExpiration: `${int(rng, 2024, 2034)}-${String(int(rng, 1, 12)).padStart(2, "0")}` }
      : k === 2
        ? { id: `win${i}`, category: rng.next() < 0.5 ? ("desktop" as const) : ("windows-laptop" as const), unitPrice: String(int(rng, 500, 1200)) }
        : { id: `ipad${i}`, name: IPADS[int(rng, 0, IPADS.length - 1)]!, category: "ipad" as const, unitPrice: String(int(rng, 300, 600)) };
  });
  const assignments = models
    .filter((m) => m.id.startsWith("win"))
    .slice(0, Math.min(10_000, Math.round(n / 10)))
    .map((m) => ({ model: m.id, entry: "windows-10" }));
  return { asOf: "2026-07-01", models, assignments };
}

/** A damage-coverage comparison for 5,000 devices: 4 incident kinds whose repair costs (n of them, from a district's ticket history) are drawn from, and 3 plans. */
function damageInput(n: number, seed: number) {
  const rng = createRng(seed);
  const kinds = ["screen", "keyboard", "liquid", "charger"];
  return {
    devices: 5000,
    nslpDevices: 2000,
    incidents: kinds.map((kind, k) => ({ kind, perDeviceYear: 0.02 + 0.03 * k, costs: Array.from({ length: Math.ceil(n / kinds.length) }, () => String(int(rng, 20, 400))) })),
    options: [
      { kind: "selfInsurance" as const, id: "self", name: "Self-insurance" },
      { kind: "familyFee" as const, id: "fee", name: "Family fee", annualFee: { standard: "25", nslp: "0" } },
      { kind: "protectionPlan" as const, id: "plan", name: "Protection plan", premiumPerDevice: "18", copay: "25" },
    ],
  };
}

/** The cases (scaling.bench.ts registers them). */
export const scalingCases = [
  scalingCase("aggregateCohorts (devices)", (n) => ({ asOf: "2026-07-01", models: MODELS, devices: devices(n, 1) }), aggregateCohorts),
  scalingCase("aueCliff (devices)", (n) => ({ asOf: "2026-07-01", models: MODELS, devices: devices(n, 2) }), aueCliff),
  scalingCase("forecastReplacements (cohorts)", (n) => inventory(n, 3), forecastReplacements),
  scalingCase(
    "forecastMonteCarlo (cohorts; 20 trials)",
    (n) => inventory(n, 4),
    (input) => forecastMonteCarlo(input, { seed: 1, trials: 20 }),
    { iterations: 3 },
  ),
  scalingCase(
    "simulateForecastChunk (cohorts; 20 trials)",
    (n) => inventory(n, 5),
    (input) => simulateForecastChunk(input, { seed: 1, trialStart: 0, trialEnd: 20 }),
    { iterations: 3 },
  ),
  scalingCase(
    "summarizeMonteCarlo (trials of a chunk)",
    (n) => simulateForecastChunk(generateInventory({ devices: 2000, schools: 3, models: 5, years: 6, seed: 6 }), { seed: 6, trialStart: 0, trialEnd: n }),
    (chunk) => summarizeMonteCarlo(chunk),
  ),
  scalingCase(
    "mergeMonteCarloChunks (chunks of 10 trials)",
    (n) => {
      const one = simulateForecastChunk(generateInventory({ devices: 200, schools: 1, models: 3, years: 4, seed: 7 }), { seed: 7, trialStart: 0, trialEnd: 10 });
      return Array.from({ length: n / 10 }, (_, i) => ({ ...one, trialStart: i * 10, trialEnd: i * 10 + 10 }));
    },
    mergeMonteCarloChunks,
  ),
  scalingCase("kaplanMeier (observations)", (n) => ({ observations: observations(n, 8) }), kaplanMeier),
  scalingCase("fitWeibull (observations)", (n) => ({ observations: observations(n, 9) }), fitWeibull),
  scalingCase(
    "survivalDataFromRepairs (devices and their tickets)",
    (n) => generateRepairHistory({ devices: n, seed: 10 }),
    (h) => survivalDataFromRepairs(h),
  ),
  scalingCase(
    "repairStatistics (devices and their tickets)",
    (n) => generateRepairHistory({ devices: n, seed: 11 }),
    (h) => repairStatistics(h),
  ),
  scalingCase(
    "fitFailureModelFromRepairs (devices and their tickets)",
    (n) => generateRepairHistory({ devices: n, seed: 12 }),
    (h) => fitFailureModelFromRepairs(h),
  ),
  // repairs by model, age and month (added with issue 20): the history of n devices and their tickets
  scalingCase(
    "forecastRepairs (devices and their tickets)",
    (n) => generateRepairHistory({ devices: n, seed: 14 }),
    (h) => forecastRepairs(h, { from: "2027-07-01", months: 12 }),
    { iterations: 3 },
  ),
  scalingCase("generateRepairHistory (devices)", (n) => ({ devices: n, seed: 13 }), generateRepairHistory),
  scalingCase("generateInventory (cohorts)", (n) => ({ devices: n * 40, schools: Math.max(1, Math.round(n / 13)), models: 30, years: 8, seed: 14 }), generateInventory),
  scalingCase("failureModelFromKaplanMeier (curve steps)", (n) => ({ steps: steps(n), lastTime: 10 }), failureModelFromKaplanMeier),
  scalingCase(
    "annualFailureProbabilities (Kaplan–Meier times)",
    (n) => ({ kind: "kaplan-meier", times: steps(n).map((s) => s.time), survival: steps(n).map((s) => s.survival) }),
    (m) => annualFailureProbabilities(m, 10),
  ),
  scalingCase(
    "survivalAt (curve steps)",
    (n) => kaplanMeier({ observations: observations(n, 17) }),
    (curve) => survivalAt(curve, 5),
  ),
  scalingCase(
    "planCappedRefresh (cohorts, flatten)",
    (n) => {
      const rng = createRng(15);
      return { firstFiscalYear: 2027, horizonYears: 10, cohorts: cappedCohorts(n, rng) };
    },
    planCappedRefresh,
  ),
  scalingCase(
    "planCappedRefresh (cohorts, yearly cap)",
    (n) => {
      const rng = createRng(16);
      const cap = Object.fromEntries(Array.from({ length: 10 }, (_, t) => [String(2027 + t), String(n * 2500)]));
      return { firstFiscalYear: 2027, horizonYears: 10, cap, cohorts: cappedCohorts(n, rng) };
    },
    planCappedRefresh,
  ),
  scalingCase(
    "npv (yearly values)",
    (n) => Array.from({ length: n }, (_, i) => String(1000 + (i % 97))),
    (values) => npv(0.03, values),
  ),
  // forecastToBudgetLines reads only the forecast's spend by device category and kind (≤ 9 × 6 rows
  // of a few years): flat in the cohorts; the second case grows the rows' years instead (10 rows;
  // a year is four digits, so at most 10,000 a row)
  scalingCase(
    "forecastToBudgetLines (spend rows × years)",
    (n) => {
      const rng = createRng(23);
      const years = n / 10;
      return {
        spendByCategory: Array.from({ length: 10 }, (_, r) => ({
          category: (["chromebook", "ipad", "windows-laptop", "desktop", "network"] as const)[r % 5]!,
          kind: (["refresh", "repair"] as const)[Math.floor(r / 5)]!,
          amounts: Object.fromEntries(Array.from({ length: years }, (_, y) => [String(9999 - y).padStart(4, "0"), String(int(rng, 0, 900_000))])),
        })),
      };
    },
    forecastToBudgetLines,
  ),
  scalingCase("forecastToBudgetLines (cohorts of a forecast)", (n) => forecastReplacements(inventory(n, 18)), forecastToBudgetLines),
  scalingCase(
    "kaplanMeierAt (curve of n observations)",
    (n) => kaplanMeier({ observations: observations(n, 19) }),
    (curve) => kaplanMeierAt(curve, 5),
  ),
  scalingCase("supportEnds (models)", (n) => supportModels(n, 20), supportEnds),
  scalingCase(
    "compareDamageCoverage (repair costs; 200 trials)",
    (n) => damageInput(n, 21),
    (input) => compareDamageCoverage(input, { seed: 1, trials: 200 }),
  ),
  scalingCase(
    "summarizeDamageCoverage (trials of a chunk)",
    (n) => {
      const input = { ...damageInput(400, 22), devices: 500, nslpDevices: 200 };
      return { input, chunk: simulateDamageCoverageChunk(input, { seed: 2, trialStart: 0, trialEnd: n }) };
    },
    ({ input, chunk }) => summarizeDamageCoverage(input, chunk),
  ),
];
