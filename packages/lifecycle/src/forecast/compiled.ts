// The compiled forecast model: the flat typed arrays ("slots", one per cohort) that the expected
// and Monte Carlo forecasts run on, and the names they index. Built by compile.ts. Internal: not
// exported from the package.
import { DISTRICT_CALENDAR, type FiscalCalendar } from "@districtkit/core";
import { keyOf as cohortKey } from "../cohorts.js";
import type { DeviceCategory, DeviceModel, DeviceRole, ForecastInput } from "../schema.js";

/** Why a cohort is retired in its planned year. */
export type RetirementRule = "cycle" | "aue" | "support-end" | "max-age" | "warranty";

export const ROLES: readonly DeviceRole[] = ["student", "staff", "lab", "spare", "infrastructure"];
export const CATEGORIES: readonly DeviceCategory[] = ["chromebook", "ipad", "windows-laptop", "mac-laptop", "desktop", "interactive-display", "network", "server", "other"];

export interface ResolvedPolicy {
  cycleYears: number | undefined;
  maxAgeYears: number | undefined;
  minAgeYears: number;
  retireAtAue: boolean;
  leadMonths: number;
  retireAtWarrantyEnd: boolean;
  retireAtSupportEnd: boolean;
  onFailure: "replace" | "retire";
  replacePlanned: boolean;
}

export interface CompiledFields {
  calendar: FiscalCalendar;
  firstYear: number;
  horizon: number;
  years: number[];
  models: DeviceModel[];
  /** model ids, categories and residual curves by model index (hot loops read these, not the parsed model objects, whose hidden classes change from one call to the next) */
  modelIds: string[];
  modelCategory: DeviceCategory[];
  residualCurve: (readonly number[] | null)[];
  schools: string[];
  /** price in cents of model m in year index ti: priceCents[m * horizon + ti] */
  priceCents: Float64Array;
  /** the fiscal year each model's price is quoted for */
  priceBaseYear: Int32Array;
  /** slots */
  n: number;
  slotModel: Int32Array;
  slotSchool: Int32Array;
  slotRole: Int8Array;
  slotYear: Int32Array;
  slotInitial: Float64Array;
  slotPlanned: Float64Array; // fiscal year, Infinity for never
  slotHard: Float64Array;
  slotHardRule: Int8Array; // index in RULES of the hard deadline, -1 none
  slotRule: Int8Array; // index in RULES, -1 none
  slotOverdue: Uint8Array;
  slotQ: Int32Array; // offset into qTable
  slotLoss: Float64Array;
  slotRepairRate: Float64Array;
  slotRepairClass: Int32Array;
  slotUnitCents: Float64Array;
  slotReplGroup: Int32Array; // purchase group for its replacements
  slotReplaceFailures: Uint8Array;
  slotReplacePlanned: Uint8Array;
  slotAueYear: Float64Array; // first fiscal year past AUE (Infinity when none)
  /** ids of the initial cohorts (new cohorts: see slotIdOf) */
  slotId: string[];
  initialCount: number;
  qTable: Float64Array;
  maxAge: number;
  qExplanations: string[];
  repairClassCents: Float64Array;
  repairClassModel: Int32Array;
  /** purchase groups: school, model, role */
  groupSchool: Int32Array;
  groupModel: Int32Array;
  groupRole: Int8Array;
  groupCount: number;
  /** slot of group g in year index ti (−1 if none): groupSlot[g * horizon + ti] */
  groupSlot: Int32Array;
  /** growth rules */
  growth: { group: number; school: number; role: number; ratio: number; enrollment: Float64Array }[];
  spares: { group: number; level: number; factor: number; roles: Uint8Array } | null;
  capCents: Float64Array | null; // by year index, Infinity when none
  warnings: string[];
  collapsedSchools: boolean;
}

/**
 * A compiled forecast model. A class, not an object literal: V8 keeps the hidden class of a
 * class's instances alive from one forecast to the next, so the optimized simulation code that
 * checks it stays valid (with a literal made once per call, the hidden class dies with the last
 * model, and every forecast re-optimized the simulation).
 */
export interface Compiled extends CompiledFields {}
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: deliberate — the interface declares the fields the constructor assigns one by one
export class Compiled {
  /** One empty model held for the life of the class (assigned below the class, which says why). */
  static kept: Compiled | undefined;
  constructor(fields: CompiledFields) {
    // field by field, so that V8 gives instances every field in-object (Object.assign would leave
    // them in dictionary mode)
    this.calendar = fields.calendar;
    this.firstYear = fields.firstYear;
    this.horizon = fields.horizon;
    this.years = fields.years;
    this.models = fields.models;
    this.modelIds = fields.modelIds;
    this.modelCategory = fields.modelCategory;
    this.residualCurve = fields.residualCurve;
    this.schools = fields.schools;
    this.priceCents = fields.priceCents;
    this.priceBaseYear = fields.priceBaseYear;
    this.n = fields.n;
    this.slotModel = fields.slotModel;
    this.slotSchool = fields.slotSchool;
    this.slotRole = fields.slotRole;
    this.slotYear = fields.slotYear;
    this.slotInitial = fields.slotInitial;
    this.slotPlanned = fields.slotPlanned;
    this.slotHard = fields.slotHard;
    this.slotHardRule = fields.slotHardRule;
    this.slotRule = fields.slotRule;
    this.slotOverdue = fields.slotOverdue;
    this.slotQ = fields.slotQ;
    this.slotLoss = fields.slotLoss;
    this.slotRepairRate = fields.slotRepairRate;
    this.slotRepairClass = fields.slotRepairClass;
    this.slotUnitCents = fields.slotUnitCents;
    this.slotReplGroup = fields.slotReplGroup;
    this.slotReplaceFailures = fields.slotReplaceFailures;
    this.slotReplacePlanned = fields.slotReplacePlanned;
    this.slotAueYear = fields.slotAueYear;
    this.slotId = fields.slotId;
    this.initialCount = fields.initialCount;
    this.qTable = fields.qTable;
    this.maxAge = fields.maxAge;
    this.qExplanations = fields.qExplanations;
    this.repairClassCents = fields.repairClassCents;
    this.repairClassModel = fields.repairClassModel;
    this.groupSchool = fields.groupSchool;
    this.groupModel = fields.groupModel;
    this.groupRole = fields.groupRole;
    this.groupCount = fields.groupCount;
    this.groupSlot = fields.groupSlot;
    this.growth = fields.growth;
    this.spares = fields.spares;
    this.capCents = fields.capCents;
    this.warnings = fields.warnings;
    this.collapsedSchools = fields.collapsedSchools;
  }
}

/**
 * An empty compiled model held by the class for the life of the module: V8 forgets a hidden class
 * once the last object that has it is collected, and throws away the optimized code that checks it.
 * Without it, every forecast after a garbage collection re-optimized the whole simulation. It is a
 * property of the class (which the forecast's code uses), not a module constant: bundlers drop a
 * constant nobody reads (tsup made it a dead local, rollup and Vite remove it), and the published
 * package then re-optimized the simulation on every forecast. Intake, Groups, Resolver and the
 * simulation's sink and scratch hold theirs the same way.
 */
Compiled.kept = new Compiled({
  calendar: DISTRICT_CALENDAR,
  firstYear: 0,
  horizon: 0,
  years: [],
  models: [],
  modelIds: [],
  modelCategory: [],
  residualCurve: [],
  schools: [],
  priceCents: new Float64Array(0),
  priceBaseYear: new Int32Array(0),
  n: 0,
  slotModel: new Int32Array(0),
  slotSchool: new Int32Array(0),
  slotRole: new Int8Array(0),
  slotYear: new Int32Array(0),
  slotInitial: new Float64Array(0),
  slotPlanned: new Float64Array(0),
  slotHard: new Float64Array(0),
  slotHardRule: new Int8Array(0),
  slotRule: new Int8Array(0),
  slotOverdue: new Uint8Array(0),
  slotQ: new Int32Array(0),
  slotLoss: new Float64Array(0),
  slotRepairRate: new Float64Array(0),
  slotRepairClass: new Int32Array(0),
  slotUnitCents: new Float64Array(0),
  slotReplGroup: new Int32Array(0),
  slotReplaceFailures: new Uint8Array(0),
  slotReplacePlanned: new Uint8Array(0),
  slotAueYear: new Float64Array(0),
  slotId: [],
  initialCount: 0,
  qTable: new Float64Array(0),
  maxAge: 0,
  qExplanations: [],
  repairClassCents: new Float64Array(0),
  repairClassModel: new Int32Array(0),
  groupSchool: new Int32Array(0),
  groupModel: new Int32Array(0),
  groupRole: new Int8Array(0),
  groupCount: 0,
  groupSlot: new Int32Array(0),
  growth: [],
  spares: null,
  capCents: null,
  warnings: [],
  collapsedSchools: false,
});

export const RULES: readonly RetirementRule[] = ["aue", "support-end", "max-age", "cycle", "warranty"];

/** The id of any slot (initial cohorts keep theirs; new cohorts get model|school|role|FYyyyy). */
export function slotIdOf(c: Compiled, s: number): string {
  if (s < c.initialCount) return c.slotId[s]!;
  return cohortKey({ model: c.modelIds[c.slotModel[s]!]!, school: c.schools[c.slotSchool[s]!]!, role: ROLES[c.slotRole[s]!]!, purchaseFiscalYear: c.slotYear[s]! });
}

/** Whether the forecast can run with schools merged (nothing depends on the school). */
export function canCollapseSchools(input: ForecastInput): boolean {
  return input.growth.length === 0 && !input.failure.rules.some((r) => r.match.school !== undefined) && !input.policyRules.some((r) => r.match.school !== undefined);
}
