// The simple reference of compile.ts (its optimized path: interned keys, typed arrays, plans
// shared by index, kept hidden classes): every slot worked out directly from the input, one
// cohort at a time, the obvious way (DOMAIN-lifecycle §3), and compared field by field.
import { addDaysIso, addMonthsIso, compoundFactor, DISTRICT_CALENDAR, fiscalYearOf } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortArb, MODELS } from "../../test/arbitraries.js";
import { keyOf } from "../cohorts.js";
import type { DeviceModel, DeviceRole, ForecastInput, Match } from "../schema.js";
import { annualFailureProbabilities } from "../survival/annual.js";
import { compile } from "./compile.js";
import { ROLES, RULES } from "./compiled.js";
import { parseForecastInput } from "./parseInputFast.js";

interface RefSlot {
  id: string;
  model: string;
  school: string;
  role: DeviceRole;
  year: number;
  count: number;
  planned: number;
  overdue: boolean;
  hard: number;
  hardRule: string | null;
  rule: string | null;
  failureRule: number;
  loss: number;
  repairRate: number;
  unitCents: number;
  replacement: string;
  aueYear: number;
}

const matches = (m: Match, model: DeviceModel, role: DeviceRole, school: string): boolean =>
  (m.model === undefined || m.model === model.id) &&
  (m.category === undefined || m.category === model.category) &&
  (m.role === undefined || m.role === role) &&
  (m.school === undefined || m.school === school);

/** The first fiscal year a device must be out of service, from its last supported day and a lead in months. */
const deadline = (lastDay: string, lead: number): number => fiscalYearOf(addMonthsIso(addDaysIso(lastDay, 1), -lead), DISTRICT_CALENDAR);
const lastDayOfMonth = (yyyyMm: string): string => addDaysIso(addMonthsIso(`${yyyyMm}-01`, 1), -1);

/** One slot, written out from the input. */
function referenceSlot(input: ForecastInput, firstYear: number, id: string, modelId: string, school: string, role: DeviceRole, year: number, count: number, unitCents: number): RefSlot {
  const model = input.models.find((m) => m.id === modelId)!;
  const ruleIndex = input.failure.rules.findIndex((r) => matches(r.match, model, role, school));
  const assumption = ruleIndex < 0 ? input.failure.default : input.failure.rules[ruleIndex]!;
  const override = input.policyRules.find((r) => matches(r.match, model, role, school));
  const pick = <K extends keyof ForecastInput["policy"]>(k: K): ForecastInput["policy"][K] => (override && override[k] !== undefined ? override[k] : input.policy[k]);
  const lead = pick("leadMonths") ?? 0;
  // candidates in the order the rules are considered (an earlier one wins a tie)
  const candidates: { year: number; rule: string; hard: boolean }[] = [];
  if (model.autoUpdateExpiration && (pick("retireAtAue") ?? true)) candidates.push({ year: deadline(lastDayOfMonth(model.autoUpdateExpiration), lead), rule: "aue", hard: true });
  if (model.supportEnd && (pick("retireAtSupportEnd") ?? true)) candidates.push({ year: deadline(model.supportEnd, lead), rule: "support-end", hard: true });
  const maxAge = pick("maxAgeYears");
  if (maxAge !== undefined) candidates.push({ year: year + maxAge, rule: "max-age", hard: true });
  const cycle = pick("cycleYears") ?? model.expectedLifeYears;
  if (cycle !== undefined) candidates.push({ year: year + cycle, rule: "cycle", hard: false });
  if ((pick("retireAtWarrantyEnd") ?? false) && model.warrantyYears !== undefined) candidates.push({ year: year + model.warrantyYears, rule: "warranty", hard: false });
  let planned = Infinity;
  let rule: string | null = null;
  let hard = Infinity;
  let hardRule: string | null = null;
  for (const c of candidates) {
    if (c.year < planned) [planned, rule] = [c.year, c.rule];
    if (c.hard && c.year < hard) [hard, hardRule] = [c.year, c.rule];
  }
  if (year >= firstYear && planned <= year) planned = year + 1; // bought this year: not retired the same year
  return {
    id,
    model: modelId,
    school,
    role,
    year,
    count,
    planned: Math.max(planned, firstYear),
    overdue: planned < firstYear,
    hard,
    hardRule,
    rule,
    failureRule: ruleIndex + 1,
    loss: assumption.lossRate,
    repairRate: assumption.repairRate,
    unitCents,
    replacement: `${school}|${model.replacementModel ?? model.id}|${role}`,
    aueYear: model.autoUpdateExpiration ? deadline(lastDayOfMonth(model.autoUpdateExpiration), 0) : Infinity,
  };
}

// the shared catalogue, and a model whose updates end in the first forecast year (a purchase of it
// that year is due the same year: it waits a year)
const CATALOGUE = [...MODELS, { id: "old", category: "chromebook" as const, unitPrice: "199", expectedLifeYears: 4, autoUpdateExpiration: "2027-03", replacementModel: "cb" }];
const matchArb = fc.record(
  {
    model: fc.constantFrom("cb", "cb2", "ipad", "lap", "old"),
    category: fc.constantFrom("chromebook" as const, "ipad" as const),
    role: fc.constantFrom("student" as const, "staff" as const),
    school: fc.constantFrom("A", "B"),
  },
  { requiredKeys: [] },
);
const policyArb = fc.record(
  {
    cycleYears: fc.integer({ min: 1, max: 8 }),
    maxAgeYears: fc.integer({ min: 1, max: 9 }),
    retireAtAue: fc.boolean(),
    leadMonths: fc.integer({ min: 0, max: 18 }),
    retireAtWarrantyEnd: fc.boolean(),
    retireAtSupportEnd: fc.boolean(),
  },
  { requiredKeys: [] },
);
const inputArb = fc
  .record({
    cohorts: fc.array(
      fc.oneof(
        cohortArb,
        cohortArb.map((c) => ({ ...c, model: "old" })),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    devices: fc.array(
      fc.record({
        model: fc.constantFrom("cb", "ipad", "lap", "old"),
        school: fc.constantFrom("A", "B", "C"),
        role: fc.constantFrom("student" as const, "staff" as const),
        day: fc.integer({ min: 0, max: 3000 }),
        status: fc.constantFrom("active" as const, "spare" as const, "lost" as const, "retired" as const),
      }),
      { maxLength: 5 },
    ),
    rules: fc.array(fc.record({ match: matchArb, loss: fc.integer({ min: 0, max: 10 }), malfunction: fc.integer({ min: 0, max: 30 }) }), { maxLength: 3 }),
    policy: policyArb,
    policyRules: fc.array(fc.tuple(matchArb, policyArb), { maxLength: 3 }),
    horizonYears: fc.integer({ min: 1, max: 8 }),
  })
  .map((r) =>
    parseForecastInput({
      asOf: "2026-07-01",
      horizonYears: r.horizonYears,
      models: CATALOGUE,
      devices: r.devices.map((d, i) => ({ id: `T${i}`, model: d.model, school: d.school, role: d.role, status: d.status, purchaseDate: addDaysIso("2018-01-01", d.day) })),
      cohorts: r.cohorts,
      failure: {
        default: { failure: { kind: "annual", malfunction: 0.05 }, lossRate: 0.02, repairRate: 0.1 },
        rules: r.rules.map((x) => ({ match: x.match, failure: { kind: "annual", malfunction: x.malfunction / 100 }, lossRate: x.loss / 100, repairRate: 0.2 })),
      },
      policy: r.policy,
      policyRules: r.policyRules.map(([match, p]) => ({ match, ...p })),
    }),
  );

describe("compile agrees with a plain reference, slot by slot", () => {
  it("initial cohorts and every purchase group's yearly slots: plan, rule, deadline, failure table, rates, price, replacement", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const c = compile(input, { collapseSchools: false });
        const firstYear = fiscalYearOf(input.asOf, DISTRICT_CALENDAR);
        const priceOf = (m: DeviceModel, year: number): number => {
          const k = year - (m.priceFiscalYear ?? firstYear);
          const f = compoundFactor(m.priceGrowth, Math.abs(k));
          return (k >= 0 ? m.unitPrice.multiply(f) : m.unitPrice.divide(f)).toCents();
        };
        // initial cohorts: devices in service, then input cohorts, merged by key in order of first appearance
        const raws = new Map<string, { model: string; school: string; role: DeviceRole; year: number; count: number }>();
        const add = (key: string, model: string, school: string, role: DeviceRole, year: number, count: number): void => {
          const r = raws.get(key);
          if (r) r.count += count;
          else raws.set(key, { model, school, role, year, count });
        };
        for (const d of input.devices) {
          if (d.status === "lost" || d.status === "retired") continue; // not in service
          const year = fiscalYearOf(d.purchaseDate, DISTRICT_CALENDAR);
          add(keyOf({ model: d.model, school: d.school, role: d.role, purchaseFiscalYear: year }), d.model, d.school, d.role, year, 1);
        }
        for (const k of input.cohorts) add(k.id ?? keyOf(k), k.model, k.school, k.role, k.purchaseFiscalYear, k.count);
        const expected = [...raws].map(([id, r]) => referenceSlot(input, firstYear, id, r.model, r.school, r.role, r.year, r.count, input.models.find((m) => m.id === r.model)!.unitPrice.toCents()));
        const groupName = (g: number): string => `${c.schools[c.groupSchool[g]!]}|${c.modelIds[c.groupModel[g]!]}|${ROLES[c.groupRole[g]!]}`;
        const actual = (s: number, id: string): RefSlot => ({
          id,
          model: c.modelIds[c.slotModel[s]!]!,
          school: c.schools[c.slotSchool[s]!]!,
          role: ROLES[c.slotRole[s]!]!,
          year: c.slotYear[s]!,
          count: c.slotInitial[s]!,
          planned: c.slotPlanned[s]!,
          overdue: c.slotOverdue[s] === 1,
          hard: c.slotHard[s]!,
          hardRule: c.slotHardRule[s]! < 0 ? null : RULES[c.slotHardRule[s]!]!,
          rule: c.slotRule[s]! < 0 ? null : RULES[c.slotRule[s]!]!,
          failureRule: c.slotQ[s]! / c.maxAge,
          loss: c.slotLoss[s]!,
          repairRate: c.slotRepairRate[s]!,
          unitCents: c.slotUnitCents[s]!,
          replacement: groupName(c.slotReplGroup[s]!),
          aueYear: c.slotAueYear[s]!,
        });
        expect(c.initialCount).toBe(expected.length);
        for (let s = 0; s < expected.length; s++) expect(actual(s, c.slotId[s]!)).toEqual(expected[s]);
        // purchase groups: the replacements of the initial cohorts, closed under replacement models
        const groups = new Set(expected.map((e) => e.replacement));
        for (const g of [...groups]) {
          const [school, model, role] = g.split("|") as [string, string, DeviceRole];
          const next = `${school}|${input.models.find((m) => m.id === model)!.replacementModel ?? model}|${role}`;
          if (!groups.has(next)) groups.add(next);
        }
        const compiledGroups = Array.from({ length: c.groupCount }, (_, g) => groupName(g));
        expect(new Set(compiledGroups)).toEqual(groups);
        // each group's slot in each year: a purchase of that year at that year's price
        for (let g = 0; g < c.groupCount; g++) {
          const [school, modelId, role] = compiledGroups[g]!.split("|") as [string, string, DeviceRole];
          const model = input.models.find((m) => m.id === modelId)!;
          c.years.forEach((year, ti) => {
            const s = c.groupSlot[g * c.horizon + ti]!;
            const ref = referenceSlot(input, firstYear, "", modelId, school, role, year, 0, priceOf(model, year));
            expect({ ...actual(s, ""), id: "" }).toEqual(ref);
          });
        }
        // the failure tables: q(age) of each assumption, for every age the forecast reaches
        [input.failure.default, ...input.failure.rules].forEach((a, r) => {
          expect(Array.from(c.qTable.subarray(r * c.maxAge, (r + 1) * c.maxAge))).toEqual(annualFailureProbabilities(a.failure, c.maxAge).probabilities);
        });
      }),
      { numRuns: 100 },
    );
  });
});
