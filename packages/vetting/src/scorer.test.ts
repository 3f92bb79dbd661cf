import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { prepareRubric } from "./derive.js";
import { generateApps } from "./generate.js";
import type { ScoreResult } from "./result.js";
import { K12_RUBRIC } from "./rubrics/k12.js";
import { prepare, scoreApp, scoreApps, scorePrepared } from "./score.js";
import { compileScorer } from "./scorer.js";

// compileScorer and the fast pre-check must give exactly what the full path gives: the same
// values, the same JSON (key order included), the same errors. `scorePrepared(p, apps, false)`
// is the full path (checkApp + evaluate for every app), the reference.

const sample = JSON.parse(readFileSync(new URL("../../../examples/data/sample-district/apps.json", import.meta.url), "utf8")) as { asOf: string; apps: unknown[] };

function expectSame(a: readonly ScoreResult[], b: readonly ScoreResult[]): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) expect(JSON.parse(x)).toEqual(JSON.parse(y)); // a readable diff
  }
}

function issuesOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    if (error instanceof DistrictKitError) return error.issues.map((i) => [i.pathText, i.code, i.message]);
    throw error;
  }
  return null;
}

describe("results stay what they were before the V1 performance work", () => {
  // The JSON of 8,000 results (four generated workloads, each on two dates and districts), hashed
  // with the engine as it was at commit 2dbcd13, before the fast path and lazy explanations: the
  // decision, every number, every sentence and every per-criterion row, in the same key order.
  // (Re-record from that engine only if generateApps or core's random streams change.)
  // `inputsHash` is left out: its recipe changed when answer sheets came (each app's answers
  // are hashed on their own, in any order, then combined with the rubric's and options' hash);
  // the value was re-recorded from 2dbcd13 with inputsHash left out.
  // Re-recorded once more when the score came to divide Σ w·s once instead of adding each
  // criterion's 100·w·s/Σw: 6,256 results moved in the last bits only (at most 1.2e-13) and two
  // changed meaning, both sitting exactly on a bound the old sum missed by one rounding — result
  // 2630 scores 75 against "approve at 75" (now approved, was approved with conditions) and
  // result 4389 scores 70 on the "adequate ≥ 70" tier bound (now adequate, was weak).
  it("the JSON of 8,000 results, explanations included, hashes as it did at commit 2dbcd13", () => {
    const hash = createHash("sha256");
    let count = 0;
    for (const [seed, apps, criteria, state] of [
      ["V1", 3000, 80, "NY"],
      [7, 500, 30, "IL"],
      ["x", 300, 200, "CA"],
      [3, 200, 12, "NY"],
    ] as const) {
      const w = generateApps({ apps, criteria, seed });
      for (const options of [
        { asOf: w.asOf, district: { state } },
        { asOf: "2027-03-15", district: { state, userAges: { min: 14, max: 18 } } },
      ]) {
        for (const r of compileScorer(w.rubric, options).scoreApps(w.apps)) {
          const { inputsHash: _, ...rest } = r;
          hash.update(JSON.stringify(rest));
          hash.update("\n");
          count++;
        }
      }
    }
    expect(count).toBe(8000);
    expect(hash.digest("hex")).toBe("8d189735226c42d8b88857288e023fdbfd0a31e043771802cc9a0d1339fed9cb");
  }, 120_000);
});

describe("compileScorer", () => {
  it("gives exactly scoreApps' results, and the full path's, on the V1 workload (10,000 generated apps × 80 criteria)", () => {
    const { rubric, apps, asOf } = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
    const options = { asOf, district: { state: "NY" } };
    const scorer = compileScorer(prepareRubric(rubric), options);
    const fast = scorer.scoreApps(apps);
    expectSame(fast, scoreApps(rubric, apps, options));
    expectSame(fast, scorePrepared(prepare(rubric, options), apps, false));
  }, 120_000);

  it("gives exactly the full path's results on other generated workloads, dates and districts", () => {
    for (const [seed, criteria, state, asOf, ages] of [
      [7, 30, "IL", "2026-07-01", undefined],
      ["x", 200, "CA", "2027-03-15", { min: 14, max: 18 }],
      [3, 12, "NY", "2025-01-31", { min: 5, max: 12 }],
    ] as const) {
      const w = generateApps({ apps: 300, criteria, seed });
      const options = { asOf, district: { state, ...(ages ? { userAges: ages } : {}) } };
      const scorer = compileScorer(w.rubric, options);
      expectSame(scorer.scoreApps(w.apps), scorePrepared(prepare(w.rubric, options), w.apps, false));
    }
  });

  it("gives exactly scoreApps' and scoreApp's results on the sample district's apps (examples/data/sample-district/apps.json)", () => {
    for (const asOf of ["2026-07-01", "2024-01-01", "2028-12-31"]) {
      for (const state of ["OR", "NY", "IL", "CA", "CT"]) {
        const options = { asOf, district: { state } };
        const scorer = compileScorer(K12_RUBRIC, options);
        const all = scorer.scoreApps(sample.apps);
        expectSame(all, scoreApps(K12_RUBRIC, sample.apps, options));
        expectSame(all, scorePrepared(prepare(K12_RUBRIC, options), sample.apps, false));
        expectSame(
          sample.apps.map((a) => scorer.scoreApp(a)),
          sample.apps.map((a) => scoreApp(K12_RUBRIC, a, options)),
        );
      }
    }
  });

  it("results read like scoreApps' results: explanation fields are own enumerable data to JSON, spreads and structured clones", () => {
    const options = { asOf: sample.asOf, district: { state: "OR" } };
    const [a] = compileScorer(K12_RUBRIC, options).scoreApps(sample.apps);
    const [b] = scoreApps(K12_RUBRIC, sample.apps, options);
    expect(Object.keys(a!)).toEqual(Object.keys(b!));
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(a).toStrictEqual(JSON.parse(JSON.stringify(b)));
    expect(structuredClone(a)).toEqual(JSON.parse(JSON.stringify(b)));
    expect({ ...a }).toEqual(b);
    expect(a!.reasons).toBe(a!.reasons); // built once, then the same data
  });

  it("reports exactly scoreApps' errors, every problem with its path", () => {
    const options = { asOf: "2026-07-01", district: { state: "IL" } };
    const bad = [
      { id: "a", name: "A", answers: { sellsData: { value: "sometimes" }, ghost: { value: "yes" } } },
      { id: "", name: "B", answers: { dpa: { value: { present: true, expiresOn: "2026-02-30" } } }, oops: 1 },
      { id: "c", name: "C", answers: { sellsData: { value: "doesNot", asOf: "yesterday" } } },
    ];
    const scorer = compileScorer(K12_RUBRIC, options);
    const expected = issuesOf(() => scoreApps(K12_RUBRIC, bad, options));
    expect(expected).not.toBeNull();
    expect(issuesOf(() => scorer.scoreApps(bad))).toEqual(expected);
    expect(issuesOf(() => scorer.scoreApp(bad[0]))).toEqual(issuesOf(() => scoreApp(K12_RUBRIC, bad[0], options)));
    expect(issuesOf(() => scorer.scoreApps("apps" as never))).toEqual(issuesOf(() => scoreApps(K12_RUBRIC, "apps" as never, options)));
    expect(issuesOf(() => compileScorer(K12_RUBRIC, { asOf: "2026-02-30", district: { state: "IL" } }))).toEqual(
      issuesOf(() => scoreApps(K12_RUBRIC, [], { asOf: "2026-02-30", district: { state: "IL" } })),
    );
  });

  it("with an enumerable key added to Object.prototype, takes the full path (which reads inherited answers as before)", () => {
    const options = { asOf: "2026-07-01", district: { state: "IL" } };
    // (zod's strict objects reject the polluted key, so the rubric and options are compiled first)
    const scorer = compileScorer(K12_RUBRIC, options);
    const p = prepare(K12_RUBRIC, options);
    const proto = Object.prototype as Record<string, unknown>;
    proto.sellsData = { value: "does" };
    try {
      const apps = [...sample.apps, { id: "z", name: "Z", answers: {} }];
      const r = scorer.scoreApps(apps);
      expect(r[3]!.contributions.find((c) => c.criterion === "sellsData")!.status).toBe("notMet");
      expectSame(r, scorePrepared(p, apps, false));
    } finally {
      delete proto.sellsData;
    }
  });
});
