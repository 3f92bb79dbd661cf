// PERFORMANCE.md workloads B1–B3. Inputs: the sample district (examples/data/sample-district) and
// the seeded generator that ships with the package (generateDistrict). `pnpm bench` writes medians
// and ratios to .bench/medians.json. One file, run in order (B1, B3, then B2), and the NYC-scale
// model is built lazily before B2 so its heap does not slow the small workloads.
import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { generateDistrict } from "../src/generate/generateDistrict.js";
import { prepareBudget } from "../src/projection/model.js";
import { projectBudget } from "../src/projection/projectBudget.js";
import { standardTornadoLevers, tornado } from "../src/scenario/tornado.js";
import type { BudgetModel } from "../src/schema/budget.js";
import { projectPlainNumbers } from "./plainPeer.js";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../examples/data/sample-district/${name}`, import.meta.url), "utf8"));
const sample = prepareBudget({ district: read("district.json") as never, budget: read("budget.json") as never });
// small workloads: a real warm-up first, so the JIT (not the first cold calls) is measured
const small = { time: 1500, warmupTime: 500, warmupIterations: 50 };
const scenario = {
  id: "what-if",
  name: "Enrollment −1 %/yr, inflation +1 point",
  levers: [
    { type: "enrollment-change" as const, rate: -0.01 },
    { type: "inflation" as const, rate: 0.01, mode: "add" as const },
  ],
};

describe("B1 sample district projection (62 items, 5 funds, 10 years; target ≤ 2 ms)", () => {
  bench(
    "projectBudget, summary tables (what the playground redraws)",
    () => {
      projectBudget(sample, scenario, { detail: "summary" });
    },
    small,
  );
  bench(
    "projectBudget, with every line item explained",
    () => {
      projectBudget(sample, scenario);
    },
    small,
  );
});

const levers = standardTornadoLevers(sample);

describe("B3 tornado over 12 levers, sample district (target ≤ 30 ms)", () => {
  bench(
    "tornado (25 projections)",
    () => {
      tornado(sample, { levers });
    },
    small,
  );
});

// validated once, as the playground or an embedding tool would (prepareBudget), then projected
let nyc: BudgetModel | undefined;
const setup = (): void => {
  nyc ??= prepareBudget(generateDistrict({ students: 900_000, schools: 1800, lineItems: 20_000, funds: 12, years: 10, seed: "B2" }));
};

describe("B2 NYC scale (1,800 schools, 20,000 items, 12 funds, 10 years; target ≤ 150 ms, ratio ≤ 3×)", () => {
  bench(
    "projectBudget, summary tables (exact integer cents → Money)",
    () => {
      projectBudget(nyc!, scenario, { detail: "summary" });
    },
    { iterations: 10, time: 2000, setup },
  );
  bench(
    "plain JS numbers (peer; inexact floats, greedy funds)",
    () => {
      projectPlainNumbers(nyc!);
    },
    { iterations: 10, time: 2000, setup },
  );
});
