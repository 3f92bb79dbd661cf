// Intake: device records and input cohorts gathered into raw cohorts (model × school × role ×
// purchase year; schools merged when nothing depends on them), in input order. Internal.
import type { DistrictKitIssue } from "@districtkit/core";
import { keyOf as cohortKey } from "../cohorts.js";
import type { DeviceRole, ForecastInput } from "../schema.js";
import { indexIn } from "./numbering.js";

export interface Raw {
  id: string;
  model: number;
  school: string;
  role: DeviceRole;
  year: number;
  count: number;
  unitCents: number | null;
}

/** The cohorts gathered from devices and input cohorts, by key (input order). A class, with one empty instance held by the class: see Compiled.kept. */
export class Intake {
  static kept: Intake | undefined;
  constructor(
    readonly raws: Map<string, Raw>,
    readonly collapse: boolean,
    readonly modelIds: readonly string[],
  ) {}
}
Intake.kept = new Intake(new Map(), false, []);

export type Issue = Omit<DistrictKitIssue, "pathText">;

function addRaw(t: Intake, id: string | undefined, model: number, school: string, role: DeviceRole, year: number, count: number, unitCents: number | null): void {
  const { raws, collapse } = t;
  const sch = collapse ? "*" : school;
  const key = id ?? cohortKey({ model: t.modelIds[model]!, school: sch, role, purchaseFiscalYear: year });
  const k = collapse ? `${key}|${unitCents ?? ""}` : key;
  const r = raws.get(k);
  if (r && r.unitCents === unitCents) r.count += count;
  else if (r) raws.set(`${k}#${raws.size}`, { id: `${key}#${raws.size}`, model, school: sch, role, year, count, unitCents });
  else raws.set(k, { id: key, model, school: sch, role, year, count, unitCents });
}

/** Device records into cohorts; returns how many were left out (lost or retired). */
export function intakeDevices(input: ForecastInput, t: Intake, modelIndex: ReadonlyMap<string, number>, fyOf: (iso: string) => number, issues: Issue[]): number {
  let leftOut = 0;
  const devices = input.devices;
  for (let i = 0; i < devices.length; i++) {
    const d = devices[i]!;
    const m = modelIndex.get(d.model);
    if (m === undefined) issues.push({ path: ["devices", i, "model"], code: "unknown_model", message: `unknown model "${d.model}"` });
    if (d.purchaseDate > input.asOf) {
      issues.push({ path: ["devices", i, "purchaseDate"], code: "future_date", message: `expected a purchase date on or before the as-of date ${input.asOf}, got "${d.purchaseDate}"` });
    }
    if (m === undefined) continue;
    if (d.status === "lost" || d.status === "retired") {
      leftOut++;
      continue;
    }
    addRaw(t, undefined, m, d.school, d.role, fyOf(d.purchaseDate), 1, d.purchaseCost ? d.purchaseCost.toCents() : null);
  }
  return leftOut;
}

/** Input cohorts (the bulk of a large inventory). */
export function intakeCohorts(cohorts: ForecastInput["cohorts"], asOf: string, t: Intake, modelIndex: ReadonlyMap<string, number>, firstYear: number, issues: Issue[]): void {
  for (let i = 0; i < cohorts.length; i++) {
    const c = cohorts[i]!;
    const m = modelIndex.get(c.model);
    if (m === undefined) issues.push({ path: ["cohorts", i, "model"], code: "unknown_model", message: `unknown model "${c.model}"` });
    if (c.purchaseFiscalYear > firstYear) {
      issues.push({
        path: ["cohorts", i, "purchaseFiscalYear"],
        code: "future_date",
        message: `expected a purchase year on or before FY${firstYear} (the as-of date ${asOf}), got ${c.purchaseFiscalYear}`,
      });
    }
    if (m === undefined) continue;
    addRaw(t, t.collapse ? undefined : c.id, m, c.school, c.role, c.purchaseFiscalYear, c.count, c.unitCost ? c.unitCost.toCents() : null);
  }
}

export function schoolIndexes(rawList: readonly Raw[], schoolIndex: Map<string, number>): Int32Array {
  const out = new Int32Array(rawList.length);
  for (let i = 0; i < rawList.length; i++) out[i] = indexIn(schoolIndex, rawList[i]!.school);
  return out;
}

export function minYearOf(rawList: readonly Raw[], firstYear: number): number {
  let minYear = firstYear;
  for (let i = 0; i < rawList.length; i++) if (rawList[i]!.year < minYear) minYear = rawList[i]!.year;
  return minYear;
}
