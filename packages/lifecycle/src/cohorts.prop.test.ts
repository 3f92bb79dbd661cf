// The reference of aggregateInput.ts and cohorts.ts: `referenceAggregateCohorts` below is aggregateCohorts as it
// was before the fast path — the whole input validated by zod (`aggregateInputSchema`), devices
// grouped by the cohort key's text. The properties say the fast aggregateCohorts gives the same
// JSON, or fails with the same problems at the same paths (and the same cause for a caller's
// getter or Proxy that throws), on random inventories full of odd and hostile records.
import { DISTRICT_CALENDAR, DistrictKitError, type DistrictKitIssue, Money, parseInput } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JS_WORDS } from "../../core/test/ids.js";
import { throwingProxy } from "../../core/test/thrown.js";
import { aggregateInputSchema, plainDeviceOf } from "./aggregateInput.js";
import { type AggregateCohortsResult, aggregateCohorts, keyOf } from "./cohorts.js";

import { fiscalYearByMonth } from "./internal/fiscalYearByMonth.js";
import { type Cohort, deviceSchema } from "./schema.js";

/** aggregateCohorts before its fast path (the reference): zod over the whole input, groups keyed by text. */
function referenceAggregateCohorts(input: unknown): AggregateCohortsResult {
  const data = parseInput(aggregateInputSchema, input);
  const calendar = data.calendar ?? DISTRICT_CALENDAR;
  const models = new Map(data.models.map((m) => [m.id, m]));
  const issues: Omit<DistrictKitIssue, "pathText">[] = [];
  const groups = new Map<string, { cohort: Cohort; count: number; costs: Money[]; allCosts: boolean }>();
  const excluded: { id: string; reason: string }[] = [];
  let counted = 0;
  const fyOf = fiscalYearByMonth(calendar);
  data.devices.forEach((d, i) => {
    const model = models.get(d.model);
    if (!model) issues.push({ path: ["devices", i, "model"], code: "unknown_model", message: `unknown model "${d.model}"` });
    if (d.purchaseDate > data.asOf) {
      issues.push({ path: ["devices", i, "purchaseDate"], code: "future_date", message: `expected a purchase date on or before the as-of date ${data.asOf}, got "${d.purchaseDate}"` });
    }
    if (!model) return;
    if (d.status === "lost" || d.status === "retired") {
      excluded.push({ id: d.id, reason: `status "${d.status}"` });
      return;
    }
    const c: Cohort = { model: d.model, school: d.school, role: d.role, purchaseFiscalYear: fyOf(d.purchaseDate), count: 0 };
    const key = keyOf(c);
    let g = groups.get(key);
    if (!g) {
      g = { cohort: c, count: 0, costs: [], allCosts: true };
      groups.set(key, g);
    }
    g.count++;
    if (d.purchaseCost) g.costs.push(d.purchaseCost);
    else g.allCosts = false;
    counted++;
  });
  data.cohorts.forEach((c, i) => {
    if (!models.has(c.model)) issues.push({ path: ["cohorts", i, "model"], code: "unknown_model", message: `unknown model "${c.model}"` });
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const out: (Cohort & { id: string })[] = [];
  for (const [key, g] of groups) {
    const unit = g.allCosts && g.costs.length > 0 ? Money.sum(g.costs).divide(g.costs.length).roundToCents() : undefined;
    out.push(unit ? { ...g.cohort, count: g.count, id: key, unitCost: unit } : { ...g.cohort, count: g.count, id: key });
  }
  for (const c of data.cohorts) {
    const key = c.id ?? keyOf(c);
    out.push({ ...c, id: key });
    counted += c.count;
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    cohorts: out,
    devicesCounted: counted,
    excluded,
    explanation: `${counted} devices in ${out.length} cohorts (model × school × role × purchase fiscal year)${excluded.length > 0 ? `; ${excluded.length} lost or retired devices left out` : ""}.`,
  };
}

// ── Inputs ─────────────────────────────────────────────────────────────────────────────────

const HOSTILE = new Error("hostile record (test)");
/** A plain-looking object whose `key` getter throws. */
const throwingGetter = (target: Record<string, unknown>, key: string) =>
  Object.defineProperty({ ...target }, key, {
    get: () => {
      throw HOSTILE;
    },
    enumerable: true,
  });

// ids that are JavaScript words, and names with the key's separator (two groups, one key text)
const MODEL_IDS = ["cb", "cb|HS", "__proto__", "constructor", "toString", "a"] as const;
const SCHOOLS = ["HS", "HS|MS", "MS", "HS|student", "__proto__", "constructor", "hasOwnProperty", "x|y"] as const;

/** Dates at the edges of months (and of fiscal years under any start month), a leap day, and dates that do not exist. */
const monthEdgeDate = fc.tuple(fc.integer({ min: 2017, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom("first", "last", "mid")).map(([y, m, where]) => {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = where === "first" ? 1 : where === "last" ? last : 15;
  return `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
});
const date = fc.oneof(
  { weight: 6, arbitrary: monthEdgeDate },
  { weight: 1, arbitrary: fc.constantFrom("2024-02-29", "2025-02-29", "2026-13-01", "2026-00-10", "2026-7-1", "2026-07-01T00:00:00Z", "", 20260701, null) },
);
const weird = fc.constantFrom<unknown>(undefined, null, "", 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, "__proto__", new Date(0));
const cost = fc.oneof(
  fc.integer({ min: 0, max: 200_000 }).map((c) => (c / 100).toFixed(c % 2 === 0 ? 0 : 2)),
  fc.constantFrom<unknown>("289", "0", "-0", " 12.50 ", "1e3", "0.001", "-1", "12.3.4", "abc", 289, 0.1, 1e16, -5, Number.NaN),
  fc.constantFrom(Money.of("250"), Money.of("333.335"), Money.of(-1)),
  weird,
);

const validDevice = fc.record(
  {
    id: fc.oneof(fc.constantFrom(...JS_WORDS.filter((w) => w !== "")), fc.string({ minLength: 1, maxLength: 6 })),
    model: fc.constantFrom(...MODEL_IDS),
    school: fc.constantFrom(...SCHOOLS),
    role: fc.constantFrom("student", "staff", "lab", "spare", "infrastructure"),
    purchaseDate: monthEdgeDate,
    purchaseCost: fc.integer({ min: 0, max: 90_000 }).map((c) => (c / 100).toString()),
    status: fc.constantFrom("active", "in-repair", "spare", "lost", "retired"),
    serial: fc.string({ maxLength: 4 }),
    warrantyEnd: monthEdgeDate,
  },
  { requiredKeys: ["id", "model", "school", "role", "purchaseDate"] },
);
/** A record with every field drawn from valid and invalid values, some missing, some extra. */
const oddDevice = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 3 }), weird),
    serial: fc.oneof(fc.string({ maxLength: 3 }), weird),
    model: fc.oneof(fc.constantFrom<unknown>(...MODEL_IDS, "unknown", ""), weird),
    school: fc.oneof(fc.constantFrom<unknown>(...SCHOOLS, ""), weird),
    purchaseDate: date,
    inServiceDate: fc.oneof(date, weird),
    purchaseCost: cost,
    role: fc.oneof(fc.constantFrom<unknown>("student", "staff", "Student", "pupil"), weird),
    status: fc.oneof(fc.constantFrom<unknown>("active", "lost", "retired", "stolen"), weird),
    fundingSource: fc.oneof(fc.string({ maxLength: 3 }), weird),
    warrantyEnd: fc.oneof(date, weird),
    osSupportEnd: fc.oneof(date, weird),
    gradeBand: fc.oneof(fc.string({ maxLength: 3 }), weird),
    extra: weird,
    __proto__: fc.constantFrom<unknown>("x", null),
  },
  { requiredKeys: [] },
);
/** A valid record with one field replaced by an odd value (or dropped). */
const nearlyValidDevice = fc
  .tuple(
    validDevice,
    oddDevice,
    fc.constantFrom("id", "serial", "model", "school", "purchaseDate", "inServiceDate", "purchaseCost", "role", "status", "fundingSource", "warrantyEnd", "osSupportEnd", "gradeBand", "extra"),
  )
  .map(([valid, odd, key]) => {
    const out: Record<string, unknown> = { ...valid };
    if (key in odd) out[key] = (odd as Record<string, unknown>)[key];
    else delete out[key];
    return out;
  });

/**
 * A hostile record, made only inside the property (fast-check reads the values it generates, and
 * a throwing Proxy would throw there): see `materialize`.
 */
class Hostile {
  constructor(
    readonly target: Record<string, unknown>,
    readonly key: string | undefined,
    readonly asInstance = false,
  ) {}
  make(): unknown {
    if (this.key === undefined) return throwingProxy(this.target, HOSTILE);
    const made = throwingGetter(this.target, this.key);
    return this.asInstance ? Object.setPrototypeOf(made, class Record {}.prototype) : made; // not a plain object: zod reads it, not the hand check
  }
}
/** The value with every Hostile placeholder (top level, in a list, or a list itself) made real. */
function materialize(value: unknown): unknown {
  if (value instanceof Hostile) return value.make();
  if (Array.isArray(value)) return value.map(materialize);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: materialize(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Valid records in forms that are not plain objects, and hostile ones. */
const unusualDevice = fc.oneof(
  validDevice.map((d) => Object.assign(Object.create(null) as object, d)),
  validDevice.map((d) => Object.assign(new (class Device {})(), d)),
  validDevice.map((d) => ({ ...d, purchaseCost: Money.of(d.purchaseCost ?? "1") })),
  validDevice.map((d) => new Proxy(d, {})),
  validDevice.map((d) => new Hostile(d, undefined)),
  fc.tuple(validDevice, fc.constantFrom("id", "school", "purchaseCost", "gradeBand"), fc.boolean()).map(([d, key, asInstance]) => new Hostile(d, key, asInstance)),
);
const device = fc.oneof(
  { weight: 8, arbitrary: validDevice },
  { weight: 3, arbitrary: nearlyValidDevice },
  { weight: 2, arbitrary: oddDevice },
  { weight: 1, arbitrary: unusualDevice },
  { weight: 1, arbitrary: weird },
);

const validCohort = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 4 }),
    model: fc.constantFrom(...MODEL_IDS),
    school: fc.constantFrom(...SCHOOLS),
    role: fc.constantFrom("student", "staff"),
    purchaseFiscalYear: fc.integer({ min: 2015, max: 2027 }),
    count: fc.nat(50),
    unitCost: fc.constantFrom("300", "12.5"),
  },
  { requiredKeys: ["model", "school", "role", "purchaseFiscalYear", "count"] },
);
const cohort = fc.oneof(
  { weight: 4, arbitrary: validCohort },
  { weight: 1, arbitrary: validCohort.map((c) => ({ ...c, model: "unknown" })) },
  { weight: 1, arbitrary: validCohort.map((c) => ({ ...c, count: -1, role: "pupil" })) },
  { weight: 1, arbitrary: weird },
  { weight: 1, arbitrary: fc.tuple(validCohort, fc.constantFrom(undefined, "count"), fc.boolean()).map(([c, key, asInstance]) => new Hostile(c, key, asInstance)) },
);

const models = fc.subarray([...MODEL_IDS]).map((ids) => ids.map((id) => ({ id, category: "chromebook", unitPrice: "289" })));
const oddModels = fc.constantFrom<unknown>(undefined, null, "cb", [{ id: "cb" }], [{ id: "", category: "chromebook", unitPrice: "1" }], [new Hostile({ id: "cb" }, undefined)]);
const calendar = fc.constantFrom<unknown>(
  undefined,
  { id: "c1", startMonth: 1, label: "end", prefix: "FY" },
  { id: "c10", startMonth: 10, label: "end", prefix: "FFY" },
  { id: "c7", startMonth: 7, label: "start", prefix: "FY" },
  { id: "bad", startMonth: 13, label: "end", prefix: "FY" },
);

/** An aggregateCohorts input: mostly well formed, with odd devices, cohorts and fields mixed in. */
const input = fc.record(
  {
    asOf: fc.oneof({ weight: 5, arbitrary: monthEdgeDate }, { weight: 1, arbitrary: fc.constantFrom<unknown>("2026-02-30", undefined, 20260701) }),
    calendar,
    models: fc.oneof({ weight: 6, arbitrary: models }, { weight: 1, arbitrary: oddModels }),
    devices: fc.oneof({ weight: 12, arbitrary: fc.array(device, { maxLength: 40 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, {}, "devices") }),
    cohorts: fc.oneof({ weight: 4, arbitrary: fc.array(cohort, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, {}) }),
    extra: weird,
  },
  { requiredKeys: ["asOf", "models", "devices"] },
);
/** Devices of two groups with one key text ("cb|HS|MS|student|FY2025"): model "cb|HS" at "MS", and "cb" at "HS|MS". */
const collidingDevice = fc
  .tuple(validDevice, fc.boolean(), fc.constantFrom("2024-07-01", "2024-12-31", "2025-06-30"))
  .map(([d, first, purchaseDate]) => ({ ...d, model: first ? "cb|HS" : "cb", school: first ? "MS" : "HS|MS", role: "student", purchaseDate }));
/** Mostly valid inputs: cohorts are built (every device of a known model, bought by the as-of date). */
const wellFormed = fc
  .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: validDevice }, { weight: 1, arbitrary: collidingDevice }), { maxLength: 60 }), fc.array(validCohort, { maxLength: 3 }), calendar)
  .map(([devices, cohorts, cal]) => ({
    asOf: "2027-12-31",
    models: MODEL_IDS.map((id) => ({ id, category: "chromebook", unitPrice: "289" })),
    devices,
    cohorts,
    ...(cal === undefined || (cal as { id: string }).id === "bad" ? {} : { calendar: cal }),
  }));
const anyInput = fc.oneof(
  { weight: 4, arbitrary: input },
  { weight: 4, arbitrary: wellFormed },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], "x", new Map()) },
  { weight: 1, arbitrary: fc.tuple(input, fc.constantFrom("asOf", "models", "devices", undefined)).map(([v, key]) => new Hostile(v as Record<string, unknown>, key)) },
  { weight: 1, arbitrary: input.map((v) => ({ ...v, devices: new Hostile({ 0: {}, length: 1 }, undefined) })) },
);

// ── Comparison ─────────────────────────────────────────────────────────────────────────────

type Outcome = { ok: true; json: string } | { ok: false; error: unknown };
function outcome(run: () => AggregateCohortsResult): Outcome {
  try {
    return { ok: true, json: JSON.stringify(run()) };
  } catch (error) {
    return { ok: false, error };
  }
}

function expectSame(value: unknown): Outcome {
  const expected = outcome(() => referenceAggregateCohorts(value));
  const got = outcome(() => aggregateCohorts(value));
  if (expected.ok) expect(got).toEqual(expected);
  else {
    expect(got.ok).toBe(false);
    const [e, g] = [expected.error as DistrictKitError, (got as { error: DistrictKitError }).error];
    expect(g).toBeInstanceOf(DistrictKitError);
    expect(g.issues).toEqual(e.issues);
    expect(g.code).toBe(e.code);
    expect(g.cause).toBe(e.cause);
  }
  return expected;
}

describe("aggregateCohorts (fast) against the zod-only reference", () => {
  it("gives the same JSON on well-formed inventories (JavaScript-word ids, '|' in names, dates at month edges, any calendar)", () => {
    fc.assert(
      fc.property(wellFormed, (value) => {
        expect(expectSame(value).ok).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same result, or the same problems at the same paths, on odd and hostile inputs", () => {
    let failures = 0;
    fc.assert(
      fc.property(anyInput, (generated) => {
        if (!expectSame(materialize(generated)).ok) failures++;
      }),
      { numRuns: 1500 },
    );
    expect(failures).toBeGreaterThan(100); // the inputs do reach the error paths
  });

  it("takes a record by hand only when deviceSchema accepts it, with the facts zod gives", () => {
    fc.assert(
      fc.property(device, (generated) => {
        const v = materialize(generated);
        let fast: ReturnType<typeof plainDeviceOf>;
        try {
          fast = plainDeviceOf(v);
        } catch {
          return; // a hostile record: readAggregateInput sends the whole input to zod
        }
        if (fast === undefined) return;
        const zod = deviceSchema.safeParse(v); // a record the hand check takes is one zod reads without throwing
        expect(zod.success).toBe(true);
        const d = zod.data!;
        expect(JSON.stringify(fast)).toBe(JSON.stringify({ id: d.id, model: d.model, school: d.school, role: d.role, purchaseDate: d.purchaseDate, purchaseCost: d.purchaseCost, status: d.status }));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes every plain valid record by hand (the fast path is the usual path)", () => {
    fc.assert(
      fc.property(validDevice, (v) => {
        expect(plainDeviceOf(v)).toBeDefined();
      }),
    );
  });

  it("reports a caller's throwing getter or Proxy as zod's parse does: a DistrictKitError whose cause is what was thrown", () => {
    const base = { id: "A", model: "cb", school: "HS", role: "student", purchaseDate: "2024-08-01" };
    const models = [{ id: "cb", category: "chromebook", unitPrice: "289" }];
    for (const value of [
      { asOf: "2026-07-01", models, devices: [base, throwingProxy({ ...base }, HOSTILE)] },
      { asOf: "2026-07-01", models, devices: [base, throwingGetter(base, "school")] },
      { asOf: "2026-07-01", models, devices: throwingProxy([base], HOSTILE) },
      throwingGetter({ asOf: "2026-07-01", models, devices: [base] }, "devices"),
      throwingProxy({ asOf: "2026-07-01", models, devices: [base] }, HOSTILE),
    ]) {
      expectSame(value);
      let error: unknown;
      try {
        aggregateCohorts(value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DistrictKitError);
      expect((error as DistrictKitError).cause).toBe(HOSTILE);
    }
  });
});
