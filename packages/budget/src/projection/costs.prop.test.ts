// computeCosts reads the items' fields from columns compiled once per model (itemTable.ts) and
// works out the levers' effects once per kind of item. The reference here is the simple form it
// replaces: every field read from the item objects, every lever matched against every item, every
// year's escalator rate asked for anew. Each property asks for the same cost table to the cent —
// costs, units, prices, schools, scale factors, last rates and warnings — for random budgets and
// scenarios (levers that scale, reprice, remove in some years, delay, add items, change drivers),
// the second time on the same model too (when the columns come from the model's cache); and the
// items each lever touched, which applyLevers reads from the columns too.
import { Dec, Money, parseInput } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetInputArb, CATS } from "../../test/arbitraries.js";
import { mulFraction, mulRound, ONE, toFraction } from "../internal/cents.js";
import { applyLevers, type Effective, rateAdjustOf, scaleOf } from "../scenario/applyLevers.js";
import type { BudgetModelInput } from "../schema/budget.js";
import type { LineItem } from "../schema/lineItem.js";
import { type ScenarioInput, scenarioSchema } from "../schema/scenario.js";
import { computeCosts, rateOf } from "./costs.js";
import { type DriverTable, driverTable } from "./drivers.js";
import { prepareBudget } from "./model.js";
import type { ProjectionWarning } from "./types.js";

/** The simple reference: each item's fields read from the item, each year's rate asked for anew. */
function referenceCosts(eff: Effective, drivers: DriverTable) {
  const { budget, district } = eff.model;
  const n = budget.years;
  const first = budget.firstYear;
  const last = first + n - 1;
  const items = eff.items;
  const cost = new Float64Array(items.length * n);
  const units = new Float64Array(items.length * n).fill(Number.NaN);
  const price = new Float64Array(items.length * n).fill(Number.NaN);
  const school = new Int32Array(items.length);
  const lastRates = new Float64Array(items.length).fill(Number.NaN);
  const scale: Dec[] = [];
  const warnings: ProjectionWarning[] = [];
  const schoolIndex = new Map(district.schools.map((s, i) => [s.id, i]));
  const atEnd = budget.options.escalationRounding === "at-end";
  items.forEach((item, i) => {
    const sc = scaleOf(eff, item);
    scale.push(sc);
    const f = sc.eq(1) ? ONE : toFraction(sc);
    const removed = (year: number): boolean => (eff.removedYears.get(item.id) ?? []).some((w) => year >= w.from && year <= w.to);
    school[i] = item.school === undefined ? -1 : schoolIndex.get(item.school)!;
    let anyInHorizon = false;
    if (item.kind === "series") {
      const amounts = Object.entries(item.amounts);
      for (const [k, v] of amounts) {
        const yi = Number(k) - first;
        if (yi < 0 || yi >= n) continue;
        anyInHorizon = true;
        if (removed(first + yi)) continue;
        price[i * n + yi] = v.toCents("half-up");
        cost[i * n + yi] = mulFraction(v.toCents("half-up"), f);
      }
      if (!anyInHorizon && amounts.length > 0) warnings.push({ code: "item-outside-horizon", message: `${item.name} (${item.id}) has no amount inside FY${first}–FY${last} in this scenario` });
      if (item.escalator !== undefined)
        warnings.push({
          code: "series-escalator-ignored",
          message: `${item.name} (${item.id}) is a series of nominal yearly amounts: its escalator is not applied (the engine that produced the series priced each year)`,
        });
      return;
    }
    const amount = item.kind === "per-unit" ? item.unitCost : item.amount;
    const adj = rateAdjustOf(eff, item);
    const priceYear = item.priceYear ?? first;
    const start = item.kind === "one-time" ? item.year : (item.startYear ?? first);
    const end = item.kind === "one-time" ? item.year : (item.endYear ?? last);
    const every = item.kind === "one-time" ? 1 : item.everyYears;
    let p = amount.toCents("half-up");
    let exact = atEnd ? amount.toDecimal() : null;
    let y = priceYear;
    const firstRateYear = Math.max(first, priceYear + 1);
    let lastRate = firstRateYear <= last ? rateOf(eff, item, firstRateYear, adj) : 0;
    for (let yi = 0; yi < n; yi++) {
      const year = first + yi;
      while (y < year) {
        y++;
        const r = rateOf(eff, item, y, adj);
        lastRate = r;
        if (r === 0) continue;
        if (exact) exact = exact.times(new Dec(r).plus(1));
        else p = mulFraction(p, toFraction(new Dec(r).plus(1)));
      }
      if (year < start || year > end || (year - start) % every !== 0) continue;
      anyInHorizon = true;
      if (removed(year)) continue;
      price[i * n + yi] = exact ? exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP).times(100).toNumber() : p;
      if (item.kind === "per-unit") {
        const raw = drivers.value(item.driver, school[i]!, yi);
        if (raw === undefined) {
          warnings.push({
            code: "missing-driver-value",
            message: `${item.name} (${item.id}): driver "${item.driver}" has no value${school[i]! >= 0 ? ` for ${item.school}` : ""} in FY${year}; counted as 0`,
          });
          units[i * n + yi] = 0;
          continue;
        }
        const x = raw * item.unitsPerDriver;
        const u = item.unitRounding === "nearest" ? Math.floor(x + 0.5) : item.unitRounding === "up" ? Math.ceil(x - 1e-9) : x;
        units[i * n + yi] = u;
        if (exact || item.unitRounding === "none") cost[i * n + yi] = Money.of((exact ?? new Dec(p).div(100)).times(u).times(sc)).toCents("half-up");
        else cost[i * n + yi] = mulFraction(mulRound(p, u, 1), f);
      } else cost[i * n + yi] = exact ? Money.of(exact.times(sc)).toCents("half-up") : mulFraction(p, f);
    }
    lastRates[i] = lastRate === 0 && item.escalator === undefined && adj.override === undefined && adj.delta === undefined ? Number.NaN : lastRate;
    if (!anyInHorizon) warnings.push({ code: "item-outside-horizon", message: `${item.name} (${item.id}) does not run inside FY${first}–FY${last} in this scenario` });
  });
  return { cost, units, price, school, scale, lastRates, warnings };
}

/** The random budgets of the other properties, with what they leave out: price years, unit rounding and units per driver, start and end years, escalator indexes, a custom driver, rounding at the end. */
const richInputArb = budgetInputArb.chain((input) => {
  const items = input.budget.lineItems ?? [];
  const years = input.budget.years;
  return fc
    .record({
      tweaks: fc.array(
        fc.record({
          priceYear: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
          rounding: fc.constantFrom("nearest", "up", "none"),
          perDriver: fc.constantFrom(1, 0.5, 2.25, 3),
          index: fc.option(fc.constantFrom("wages", "cpi", "missing-year"), { nil: undefined }),
          span: fc.option(fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: 0, max: 5 })), { nil: undefined }),
          custom: fc.boolean(),
        }),
        { minLength: items.length, maxLength: items.length },
      ),
      atEnd: fc.boolean(),
    })
    .map(({ tweaks, atEnd }): BudgetModelInput => {
      const first = input.budget.firstYear;
      const lineItems = items.map((it, i) => {
        const w = tweaks[i]!;
        const out: Record<string, unknown> = { ...it };
        if (w.priceYear !== undefined) out["priceYear"] = first + w.priceYear;
        if (w.index !== undefined) out["escalator"] = { index: w.index === "missing-year" ? "late" : w.index };
        if (it.kind === "per-unit") {
          out["unitRounding"] = w.rounding;
          out["unitsPerDriver"] = w.perDriver;
          if (w.custom) out["driver"] = "devices";
        }
        if ((it.kind === "recurring" || it.kind === "per-unit") && w.span !== undefined) {
          const start = first + Math.min(w.span[0], years - 1); // a year before the horizon, or one in it
          out["startYear"] = start;
          out["endYear"] = Math.max(first, start + w.span[1]);
        }
        return out;
      });
      return {
        district: input.district,
        budget: {
          ...input.budget,
          lineItems,
          escalators: { wages: 0.031, cpi: { [String(first - 2)]: 0.02, [String(first + 1)]: 0.045 }, late: { [String(first + years)]: 0.1 } },
          drivers: [{ id: "devices", values: { [String(first)]: 120, [String(first + 1)]: 133.5 } }],
          options: { escalationRounding: atEnd ? "at-end" : "each-year" },
        },
      } as unknown as BudgetModelInput;
    });
});

/** Scenarios whose levers the cost table sees. */
const scenarioArb = (items: readonly string[], years: number): fc.Arbitrary<ScenarioInput> =>
  fc
    .record({
      scale: fc.integer({ min: -50, max: 50 }),
      scaleOn: fc.constantFrom("category", "school", "item", "all"),
      inflation: fc.integer({ min: -2, max: 3 }),
      inflationOn: fc.constantFrom("all", "category", "index", "item", "set"),
      item: items.length > 0 ? fc.option(fc.constantFrom(...items), { nil: undefined }) : fc.constant(undefined),
      fromOffset: fc.integer({ min: 0, max: 3 }),
      remove: fc.boolean(),
      delay: fc.boolean(),
      add: fc.boolean(),
      enrollment: fc.integer({ min: -10, max: 10 }),
      driver: fc.boolean(),
    })
    .map((x) => {
      const first = 2027;
      const levers: ScenarioInput["levers"] & unknown[] = [];
      if (x.add) levers.push({ type: "add-item", item: { id: "new", name: "New", category: "software", kind: "per-unit", driver: "students", unitCost: "2.5", escalator: 0.02 } });
      if (x.scale !== 0)
        levers.push({
          type: "scale",
          percent: x.scale / 100,
          ...(x.scaleOn === "category" ? { category: CATS[0] } : x.scaleOn === "school" ? { school: "s0" } : x.scaleOn === "item" && x.item !== undefined ? { item: x.item } : {}),
        });
      if (x.inflation !== 0)
        levers.push({
          type: "inflation",
          rate: x.inflation / 100,
          mode: x.inflationOn === "set" ? "set" : "add",
          ...(x.inflationOn === "category" ? { category: CATS[1] } : x.inflationOn === "index" ? { index: "wages" } : x.inflationOn === "item" && x.item !== undefined ? { item: x.item } : {}),
        });
      if (x.item !== undefined && x.remove) levers.push({ type: "remove", item: x.item, fromYear: first + (x.fromOffset % years) });
      if (x.item !== undefined && x.delay) levers.push({ type: "delay", item: x.item, years: 1 });
      if (x.enrollment !== 0) levers.push({ type: "enrollment-change", rate: x.enrollment / 100, ...(x.scaleOn === "school" ? { school: "s0" } : {}) });
      if (x.driver) levers.push({ type: "driver", driver: "devices", values: { [String(first + 1)]: 90 } });
      return { id: "s", name: "S", levers };
    });

const caseArb = richInputArb.chain((input) => {
  const model = prepareBudget(input);
  return fc
    .tuple(
      scenarioArb(
        model.budget.lineItems.map((it) => it.id),
        model.budget.years,
      ),
      scenarioArb(
        model.budget.lineItems.map((it) => it.id),
        model.budget.years,
      ),
    )
    .map(([a, b]) => ({ model, scenarios: [a, b] }));
});

describe("computeCosts (columns compiled once per model)", () => {
  it("gives the reference's cost table to the cent, scenario after scenario on one model", () => {
    fc.assert(
      fc.property(caseArb, ({ model, scenarios }) => {
        for (const scenario of scenarios) {
          const eff = applyLevers(model, parseInput(scenarioSchema, scenario));
          const drivers = driverTable(eff);
          const got = computeCosts(eff, drivers, true);
          const ref = referenceCosts(eff, drivers);
          expect(Array.from(got.cost)).toEqual(Array.from(ref.cost));
          expect(Array.from(got.units)).toEqual(Array.from(ref.units));
          expect(Array.from(got.price)).toEqual(Array.from(ref.price));
          expect(Array.from(got.school)).toEqual(Array.from(ref.school));
          expect(Array.from(got.lastRates)).toEqual(Array.from(ref.lastRates));
          expect(got.scale.map(String)).toEqual(ref.scale.map(String));
          expect(got.warnings).toEqual(ref.warnings);
          // the items each lever touched, as the simple loop over the item objects finds them (the
          // columns answer while the list is the model's: levers before them here change no item's fields)
          const parsed = parseInput(scenarioSchema, scenario);
          const list: LineItem[] = [...model.budget.lineItems, ...parsed.levers.flatMap((l) => (l.type === "add-item" ? [l.item] : []))];
          eff.effects.forEach((e, k) => {
            const l = parsed.levers[k]!;
            const expected =
              l.type === "enrollment-change"
                ? list.filter((it) => it.kind === "per-unit" && it.driver === "students" && (l.school === undefined || it.school === undefined || it.school === l.school))
                : l.type === "inflation"
                  ? list.filter(
                      (it) =>
                        it.kind !== "series" &&
                        (l.item === undefined || it.id === l.item) &&
                        (l.category === undefined || it.category === l.category) &&
                        (l.index === undefined || (typeof it.escalator === "object" && it.escalator.index === l.index)),
                    )
                  : l.type === "scale"
                    ? list.filter((it) => (l.item === undefined || it.id === l.item) && (l.category === undefined || it.category === l.category) && (l.school === undefined || it.school === l.school))
                    : undefined;
            if (expected !== undefined) expect(e.touched).toEqual(expected.map((it) => it.id));
          });
          // the summary form computes the same costs
          expect(Array.from(computeCosts(eff, drivers, false).cost)).toEqual(Array.from(ref.cost));
        }
      }),
      { numRuns: 200 },
    );
  });
});
