// The input of aggregateCohorts, read fast at the size of a district's export (100,000 devices),
// with the same result and the same errors as validating it all with aggregateInputSchema.
//
// How: the fields around the lists (asOf, calendar, models: a few hundred records at most) go
// through zod, with core's safeParseInput. A device of the usual shape — a plain object whose
// every field has the type deviceSchema wants: a non-empty id, model and school, real ISO dates
// (each distinct text checked once), a role and a status of their lists, a purchase cost that is
// a non-negative amount — is checked by hand, and only the seven facts the grouping reads are
// kept. Any other device goes through deviceSchema with safeParseInput, so its problems are
// listed with their paths, in zod's order (asOf, calendar, models, then each device, then each
// cohort). Cohorts are checked as parseCohorts checks them (cohortList.ts). Whatever is odd about
// the input itself — not a plain object, lists that are not arrays, a getter or Proxy that throws
// while it is read — sends the whole input through aggregateInputSchema, so the answer is zod's
// own (a throwing getter or Proxy becomes a DistrictKitError whose cause is what it threw).
//
// Reference: cohorts.prop.test.ts keeps the zod-only aggregateCohorts this replaced and checks
// that the two give the same JSON, or the same problems at the same paths, on random, odd and
// hostile inputs, and that a record taken by hand is one zod takes, with the same facts.
import { DISTRICT_CALENDAR, DistrictKitError, type DistrictKitIssue, type FiscalCalendar, fiscalCalendarSchema, isIsoDate, isoDateSchema, Money, parseInput, safeParseInput } from "@districtkit/core";
import { z } from "zod";
import { plainCohortOf } from "./cohortList.js";
import { type Cohort, cohortSchema, type Device, deviceModelSchema, deviceRoleSchema, deviceSchema } from "./schema.js";

/**
 * Input of {@link aggregateCohorts}: models, device records, optional cohorts to merge with,
 * and the as-of date (devices bought after it are an error).
 *
 * @example
 * ```ts
 * aggregateInputSchema.safeParse({ asOf: "2026-07-01", models: [], devices: [] }).success; // => true
 * ```
 * @category Schemas
 */
export const aggregateInputSchema = z.object({
  asOf: isoDateSchema,
  calendar: fiscalCalendarSchema.optional(),
  models: z.array(deviceModelSchema),
  devices: z.array(deviceSchema),
  cohorts: z.array(cohortSchema).default([]),
});

/** @internal What the grouping reads of a device that deviceSchema accepts. */
export interface DeviceFacts {
  readonly id: string;
  readonly model: string;
  readonly school: string;
  readonly role: Device["role"];
  readonly purchaseDate: string;
  readonly purchaseCost: Money | undefined;
  readonly status: Device["status"];
}

/** @internal The input of aggregateCohorts once validated, as the grouping reads it. */
export interface AggregateData {
  readonly asOf: string;
  readonly calendar: FiscalCalendar;
  readonly modelIds: ReadonlySet<string>;
  readonly devices: readonly DeviceFacts[];
  readonly cohorts: readonly Cohort[];
}

type Issue = Omit<DistrictKitIssue, "pathText">;

const ROLES = new Set<unknown>(deviceRoleSchema.options);
const STATUSES = new Set<unknown>(deviceSchema.shape.status.unwrap().options);
const headSchema = aggregateInputSchema.pick({ asOf: true, calendar: true, models: true });

const optionalText = (v: unknown): boolean => v === undefined || typeof v === "string";

/** isIsoDate, remembered by text (a district's devices share a few thousand dates). */
function isDate(v: unknown, known: Map<string, boolean> | undefined): v is string {
  if (typeof v !== "string") return false;
  if (known === undefined) return isIsoDate(v);
  let ok = known.get(v);
  if (ok === undefined) known.set(v, (ok = isIsoDate(v)));
  return ok;
}

/** The Money nonNegativeMoneySchema outputs for `v`, or undefined when it would not accept it (or might not). */
function amountOf(v: unknown): Money | undefined {
  let m: Money;
  if (typeof v === "string" || typeof v === "number") {
    try {
      m = Money.of(v);
    } catch {
      return undefined; // zod says why
    }
  } else if (Money.isMoney(v) && v instanceof Money) m = v;
  else return undefined;
  return m.isNegative() ? undefined : m;
}

/**
 * @internal The facts of `v` when it is a plain device record that deviceSchema accepts, as zod
 * would output them (status "active" when absent); undefined otherwise (then ask zod).
 */
export function plainDeviceOf(v: unknown, dates?: Map<string, boolean>): DeviceFacts | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const d = v as Record<string, unknown>;
  const { id, model, school, purchaseDate, role, status, purchaseCost, serial, fundingSource, gradeBand, inServiceDate, warrantyEnd, osSupportEnd } = d;
  if (typeof id !== "string" || id.length === 0) return undefined;
  if (typeof model !== "string" || model.length === 0) return undefined;
  if (typeof school !== "string" || school.length === 0) return undefined;
  if (!isDate(purchaseDate, dates) || !ROLES.has(role)) return undefined;
  if (status !== undefined && !STATUSES.has(status)) return undefined;
  if (!optionalText(serial) || !optionalText(fundingSource) || !optionalText(gradeBand)) return undefined;
  if (inServiceDate !== undefined && !isDate(inServiceDate, dates)) return undefined;
  if (warrantyEnd !== undefined && !isDate(warrantyEnd, dates)) return undefined;
  if (osSupportEnd !== undefined && !isDate(osSupportEnd, dates)) return undefined;
  let cost: Money | undefined;
  if (purchaseCost !== undefined) {
    cost = amountOf(purchaseCost);
    if (cost === undefined) return undefined;
  }
  return { id, model, school, role: role as Device["role"], purchaseDate, purchaseCost: cost, status: (status ?? "active") as Device["status"] };
}

const factsOf = (d: Device): DeviceFacts => ({ id: d.id, model: d.model, school: d.school, role: d.role, purchaseDate: d.purchaseDate, purchaseCost: d.purchaseCost, status: d.status });

/** A failed safeParseInput that did not come from zod's issues (a value that threw while read): the whole parse reports it. */
function thrownWhileRead(error: DistrictKitError): boolean {
  return error.cause !== undefined || error.issues.some((i) => i.code === "unreadable");
}

/**
 * @internal `parseInput(aggregateInputSchema, input)`, read as aggregateCohorts needs it: the
 * same problems with the same paths on failure.
 */
export function readAggregateInput(input: unknown): AggregateData {
  let fast: AggregateData | readonly Issue[] | undefined;
  try {
    fast = readFast(input);
  } catch {
    fast = undefined; // a getter or Proxy of the caller's that threw: zod reads it again and reports it
  }
  if (Array.isArray(fast)) throw new DistrictKitError("INVALID_INPUT", fast);
  if (fast !== undefined) return fast as AggregateData;
  const data = parseInput(aggregateInputSchema, input);
  return { asOf: data.asOf, calendar: data.calendar ?? DISTRICT_CALENDAR, modelIds: new Set(data.models.map((m) => m.id)), devices: data.devices.map(factsOf), cohorts: data.cohorts };
}

/** The input read fast, or its problems (zod's, in zod's order), or undefined when the whole input must go through zod. */
function readFast(input: unknown): AggregateData | Issue[] | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return undefined;
  // read once each, in the schema's order (zod's)
  const { asOf, calendar, models, devices, cohorts } = input as Record<string, unknown>;
  if (!Array.isArray(devices) || (cohorts !== undefined && !Array.isArray(cohorts))) return undefined;

  const issues: Issue[] = [];
  const head = safeParseInput(headSchema, calendar === undefined ? { asOf, models } : { asOf, calendar, models });
  if (!head.success) {
    if (thrownWhileRead(head.error)) return undefined;
    issues.push(...head.error.issues);
  }

  const facts = new Array<DeviceFacts>(devices.length);
  const dates = new Map<string, boolean>();
  for (let i = 0; i < devices.length; i++) {
    const v: unknown = devices[i];
    const plain = plainDeviceOf(v, dates);
    if (plain !== undefined) {
      facts[i] = plain;
      continue;
    }
    const slow = safeParseInput(deviceSchema, v);
    if (slow.success) facts[i] = factsOf(slow.data);
    else {
      if (thrownWhileRead(slow.error)) return undefined;
      for (const issue of slow.error.issues) issues.push({ path: ["devices", i, ...issue.path], code: issue.code, message: issue.message });
    }
  }

  const list: readonly unknown[] = cohorts ?? [];
  const out = new Array<Cohort>(list.length);
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    const plain = plainCohortOf(v);
    if (plain !== undefined) {
      out[i] = plain;
      continue;
    }
    const slow = safeParseInput(cohortSchema, v);
    if (slow.success) out[i] = slow.data;
    else {
      if (thrownWhileRead(slow.error)) return undefined;
      for (const issue of slow.error.issues) issues.push({ path: ["cohorts", i, ...issue.path], code: issue.code, message: issue.message });
    }
  }

  if (!head.success || issues.length > 0) return issues;
  const { data } = head;
  return { asOf: data.asOf, calendar: data.calendar ?? DISTRICT_CALENDAR, modelIds: new Set(data.models.map((m) => m.id)), devices: facts, cohorts: out };
}
