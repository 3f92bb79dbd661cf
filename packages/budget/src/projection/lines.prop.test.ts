// The line table is built on demand (lines.ts) and compareProjections reads it in cents
// (lineDeltasFromCents). The references here are the simple forms they replace: every cell's
// fund split as its own small array and every line's years built at once (as projectBudget did),
// and the comparison read from the lines' Money (lineDeltas, the path any other projection takes).
// Each property asks for the same text to the cent: JSON of the whole result.
import { type Money, parseInput } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetInputArb } from "../../test/arbitraries.js";
import { dollars, money as m } from "../internal/cents.js";
import { removedIn } from "../scenario/applyLevers.js";
import { compareProjections, lineDeltas } from "../scenario/compare.js";
import { type ScenarioInput, scenarioSchema } from "../schema/scenario.js";
import { type Core, runCore } from "./core.js";
import { prepareBudget } from "./model.js";
import { projectBudget } from "./projectBudget.js";
import type { BudgetProjection, LineYear, ProjectionLine } from "./types.js";

/** The eager reference: split per cell in small arrays, every line's years built now. */
function referenceLines(core: Core): { lines: ProjectionLine[]; bySchoolFund: Float64Array } {
  const { eff, n, first, costs, er, asg, fundIds, fundIndex, gfIndex, Sn, F } = core;
  const split: (number[] | undefined)[] = new Array<number[] | undefined>(costs.cost.length);
  const c1 = er.c1FundId === null ? -1 : fundIndex.get(er.c1FundId)!;
  const c2 = er.c2FundId === null ? -1 : fundIndex.get(er.c2FundId)!;
  for (let k = 0; k < costs.cost.length; k++) {
    const e = er.paid[k]!;
    if (e !== 0) split[k] = [costs.items[Math.floor(k / n)]!.eRate === "C1" ? c1 : c2, e];
  }
  const add = (k: number, f: number, v: number): void => {
    const s = split[k] ?? (split[k] = []);
    for (let j = 0; j < s.length; j += 2) {
      if (s[j] === f) {
        s[j + 1] = s[j + 1]! + v;
        return;
      }
    }
    s.push(f, v);
  };
  for (const dm of asg.demands) {
    const pays = [...dm.paid]
      .filter(([, v]) => v > 0)
      .sort((a, b) => asg.tranches[a[0]]!.rank - asg.tranches[b[0]]!.rank)
      .map(([ti, v]) => ({ fund: fundIndex.get(asg.restricted[asg.tranches[ti]!.fund]!.id)!, left: v }));
    let p = 0;
    for (const i of dm.items) {
      const k = i * n + dm.yi;
      let need = costs.cost[k]! - er.paid[k]!;
      while (need > 0 && p < pays.length) {
        const take = Math.min(need, pays[p]!.left);
        add(k, pays[p]!.fund, take);
        pays[p]!.left -= take;
        need -= take;
        if (pays[p]!.left === 0) p++;
      }
      if (need > 0) add(k, gfIndex, need);
    }
  }
  const bySchoolFund = new Float64Array(n * Sn * F);
  const lines: ProjectionLine[] = [];
  for (let i = 0; i < costs.items.length; i++) {
    const it = costs.items[i]!;
    let total = 0;
    const scaled = costs.scale[i]!.eq(1) ? "" : ` × ${costs.scale[i]!.toString()} (levers)`;
    const lr = costs.lastRates[i]!;
    const esc = lr !== lr ? "" : `, ${+(lr * 100).toFixed(4)} %/yr`;
    const eRateNote =
      it.eRate === "C1" && er.c1Percent !== null
        ? ` (E-Rate C1 pays ${er.c1Percent} %)`
        : it.eRate === "C2" && er.c2Percent !== null
          ? ` (E-Rate C2 pays ${er.c2Percent} % of what fits in the five-year C2 budget)`
          : it.eRate !== "ineligible"
            ? ` (E-Rate ${it.eRate}, but the budget has no E-Rate ${it.eRate} fund)`
            : "";
    const what = it.kind === "per-unit" ? ` ${it.driver}${it.unitsPerDriver !== 1 ? ` (× ${it.unitsPerDriver})` : ""} × ` : it.kind === "series" ? "series amount " : "amount ";
    const years: LineYear[] = [];
    for (let yi = 0; yi < n; yi++) {
      const k = i * n + yi;
      const cost = costs.cost[k]!;
      total += cost;
      const u = costs.units[k]!;
      const pr = costs.price[k]!;
      const byFund = Object.create(null) as Record<string, Money>;
      const s = split[k];
      let who = "";
      if (s) {
        const si = costs.school[i]!;
        const row = (yi * Sn + (si < 0 ? Sn - 1 : si)) * F;
        for (let j = 0; j < s.length; j += 2) {
          bySchoolFund[row + s[j]!] = bySchoolFund[row + s[j]!]! + s[j + 1]!;
          const f = fundIds[s[j]!]!;
          byFund[f] = m(s[j + 1]!);
          who += `${j > 0 ? ", " : ""}${f} ${dollars(s[j + 1]!)}`;
        }
      }
      const year = first + yi;
      const removed = cost === 0 && pr !== pr ? removedIn(eff, it.id, year) : undefined;
      const explanation = removed
        ? `FY${year}: removed by “${removed.label}”.`
        : cost === 0 && pr !== pr
          ? `FY${year}: not scheduled.`
          : `FY${year}: ${it.kind === "per-unit" ? u : ""}${what}${dollars(pr)}${it.kind === "series" ? "" : esc}${scaled} = ${dollars(cost)}; paid by ${who || "nobody (zero)"}${cost > 0 ? eRateNote : ""}.`;
      years.push({ fiscalYear: year, cost: m(cost), byFund, units: u !== u ? null : u, unitCost: pr !== pr ? null : m(pr), explanation });
    }
    lines.push({ itemId: it.id, name: it.name, category: it.category, school: it.school ?? null, kind: it.kind, eRate: it.eRate, total: m(total), years });
  }
  return { lines, bySchoolFund };
}

/** Scenarios that change lines: scaled, removed in some years, added, or repriced by inflation. */
const scenarioArb = (items: readonly string[], years: number): fc.Arbitrary<ScenarioInput> =>
  fc
    .record({
      scale: fc.integer({ min: -50, max: 50 }),
      inflation: fc.integer({ min: -2, max: 3 }),
      remove: items.length > 0 ? fc.option(fc.constantFrom(...items), { nil: undefined }) : fc.constant(undefined),
      fromOffset: fc.integer({ min: 0, max: 3 }),
      add: fc.boolean(),
      enrollment: fc.integer({ min: -10, max: 10 }),
    })
    .map(({ scale, inflation, remove, fromOffset, add, enrollment }) => ({
      id: "s",
      name: "S",
      levers: [
        ...(scale !== 0 ? [{ type: "scale" as const, percent: scale / 100, category: "hardware" }] : []),
        ...(inflation !== 0 ? [{ type: "inflation" as const, rate: inflation / 100, mode: "add" as const }] : []),
        ...(remove !== undefined ? [{ type: "remove" as const, item: remove, fromYear: 2027 + (fromOffset % years) }] : []),
        ...(add ? [{ type: "add-item" as const, item: { id: "new", name: "New", category: "software", kind: "recurring" as const, amount: "1234.56" } }] : []),
        ...(enrollment !== 0 ? [{ type: "enrollment-change" as const, rate: enrollment / 100 }] : []),
      ],
    }));

const caseArb = budgetInputArb.chain((input) => {
  const model = prepareBudget(input);
  return scenarioArb(
    model.budget.lineItems.map((it) => it.id),
    model.budget.years,
  ).map((scenario) => ({ model, scenario }));
});

describe("projection lines built on demand", () => {
  it("are the lines (and school × fund table) the eager reference builds, to the cent and to the word", () => {
    fc.assert(
      fc.property(caseArb, ({ model, scenario }) => {
        const p = projectBudget(model, scenario);
        const ref = referenceLines(runCore(model, parseInput(scenarioSchema, scenario), true));
        expect(JSON.stringify(p.lines)).toBe(JSON.stringify(ref.lines));
        const { schoolIds, fundIds, Sn, F } = runCore(model, parseInput(scenarioSchema, scenario), true);
        p.years.forEach((y, yi) => {
          schoolIds.forEach((s, si) => {
            fundIds.forEach((f, fi) => {
              const v = ref.bySchoolFund[(yi * Sn + si) * F + fi]!;
              expect(y.bySchoolFund[s]?.[f]?.toCents() ?? 0).toBe(v);
            });
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it("read in any order, cloned or copied, are the same plain values", () => {
    fc.assert(
      fc.property(caseArb, ({ model, scenario }) => {
        const p = projectBudget(model, scenario);
        const q = projectBudget(model, scenario);
        // p's lines read last to first, q's first to last
        const reversed = [...p.lines].reverse().map((l) => JSON.stringify(l.years));
        expect(reversed.reverse()).toEqual(q.lines.map((l) => JSON.stringify(l.years)));
        const cloned = structuredClone(p.lines.map((l) => ({ ...l, years: l.years.map((y) => ({ ...y, cost: y.cost.toString() })) })));
        expect(cloned.map((l) => l.years.map((y) => y.cost))).toEqual(p.lines.map((l) => l.years.map((y) => y.cost.toString())));
        expect(Object.keys(p.lines[0] ?? {})).toEqual(p.lines.length > 0 ? ["itemId", "name", "category", "school", "kind", "eRate", "total", "years"] : []);
        for (const l of p.lines) expect(l.years).toBe(l.years); // built once, then kept
      }),
      { numRuns: 60 },
    );
  });
});

describe("compareProjections from the cents of two projections", () => {
  it("is the comparison read from the lines' Money (lineDeltas), line by line and in its sentence", () => {
    fc.assert(
      fc.property(caseArb, ({ model, scenario }) => {
        const a = projectBudget(model);
        const b = projectBudget(model, scenario);
        const fast = compareProjections(a, b);
        // copies of the line lists are not the engine's own lists: the comparison reads their Money
        const copy = (p: BudgetProjection): BudgetProjection => ({ ...p, lines: [...p.lines] });
        const slow = compareProjections(copy(a), copy(b));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
        const ref = lineDeltas(a, b);
        expect(JSON.stringify(fast.lines)).toBe(JSON.stringify(ref.lines));
        expect(fast.lines.map((l) => l.status)).toEqual(ref.lines.map((l) => l.status));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the first listed of equal changes among the three largest, as the stable sort does", () => {
    const input = {
      district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" as const }] },
      budget: {
        name: "B",
        firstYear: 2027,
        years: 2,
        funds: [{ id: "gf", name: "GF", kind: "general" as const }],
        lineItems: ["p", "q", "r", "s", "t"].map((id, i) => ({ id, name: id.toUpperCase(), category: "software", kind: "recurring" as const, amount: i === 4 ? "500" : "100" })),
      },
    };
    const base = projectBudget(input);
    const cut = projectBudget(input, { id: "cut", name: "Cut", levers: [{ type: "scale", percent: -0.5 }] });
    const c = compareProjections(base, cut);
    expect(c.explanation).toBe("Cut vs Baseline, FY2027–FY2028: total -$900.00, general-fund draw -$900.00; largest changes: T -$500.00, P -$100.00, Q -$100.00.");
    expect(c.explanation).toBe(compareProjections({ ...base, lines: [...base.lines] }, { ...cut, lines: [...cut.lines] }).explanation);
  });
});
