import { projectDistrictEnrollmentParsed } from "../enrollment/projectDistrictEnrollment.js";
import type { Effective } from "../scenario/applyLevers.js";
import type { BudgetModel } from "../schema/budget.js";

/** @internal Baseline students per school per horizon year (floats), and how they were obtained. */
export interface BaseStudents {
  /** [schoolIndex][yearIndex] */
  readonly values: readonly Float64Array[];
  readonly methods: readonly string[];
}

const cache = new WeakMap<BudgetModel, BaseStudents>();

/** @internal Students by school and year before levers: the cohort projection where history exists, else the current count. */
export function baseStudents(model: BudgetModel): BaseStudents {
  const hit = cache.get(model);
  if (hit) return hit;
  const { budget, district } = model;
  const n = budget.years;
  const e = projectDistrictEnrollmentParsed(district, budget.firstYear, n, { ...budget.enrollment, rounding: "none" });
  const values = e.schools.map((s) => Float64Array.from({ length: n }, (_, yi) => s.byYear[String(budget.firstYear + yi)] ?? 0));
  const methods = [e.explanation];
  const result = { values, methods };
  cache.set(model, result);
  return result;
}

/** @internal Driver values for a scenario: `value(driver, schoolIndex | -1, yearIndex)`. */
export interface DriverTable {
  value(driver: string, school: number, yearIndex: number): number | undefined;
  /** District students per year after levers (unrounded). */
  readonly students: Float64Array;
  /** Students per school per year after levers (unrounded). */
  readonly studentsBySchool: readonly Float64Array[];
}

/** @internal Builds the driver table of a scenario. */
export function driverTable(eff: Effective): DriverTable {
  const { model } = eff;
  const { budget, district } = model;
  const n = budget.years;
  const base = baseStudents(model);
  const series = new Map<string, Readonly<Record<string, number>>>();
  for (const d of budget.drivers) series.set(`${d.id}|${d.school ?? ""}`, d.values);
  for (const [k, v] of eff.drivers) series.set(k, v);
  const schoolIds = district.schools.map((s) => s.id);

  const enrollmentFactor = (school: string | undefined, yi: number): number => {
    let f = 1;
    for (const l of eff.enrollment) {
      if (l.school !== undefined && l.school !== school) continue;
      f *= l.mode === "annual" ? (1 + l.rate) ** (yi + 1) : 1 + l.rate;
    }
    return f;
  };
  const studentsBySchool = district.schools.map((s, si) => {
    const own = series.get(`students|${s.id}`);
    const out = new Float64Array(n);
    for (let yi = 0; yi < n; yi++) {
      const given = own?.[String(budget.firstYear + yi)];
      out[yi] = (given ?? base.values[si]![yi]!) * enrollmentFactor(s.id, yi);
    }
    return out;
  });
  const districtStudentsSeries = series.get("students|");
  const students = new Float64Array(n);
  for (let yi = 0; yi < n; yi++) {
    const given = districtStudentsSeries?.[String(budget.firstYear + yi)];
    if (given !== undefined) students[yi] = given * enrollmentFactor(undefined, yi);
    else for (const s of studentsBySchool) students[yi] = students[yi]! + s[yi]!;
  }

  const teachers = district.schools.reduce((a, s) => a + s.teachers, 0);
  const staff = district.schools.reduce((a, s) => a + s.staff, 0) + district.centralStaff;
  const schoolCount = district.schools.filter((s) => s.kind === "school").length;
  // district-wide value of a driver given only per school: the sum of the per-school series (memoised)
  const sums = new Map<string, number | null>();
  const sumOf = (driver: string, year: string): number | null => {
    const key = `${driver}|${year}`;
    const hit = sums.get(key);
    if (hit !== undefined) return hit;
    let sum = 0;
    let found = false;
    for (const id of schoolIds) {
      const v = series.get(`${driver}|${id}`)?.[year];
      if (v !== undefined) {
        sum += v;
        found = true;
      }
    }
    sums.set(key, found ? sum : null);
    return found ? sum : null;
  };
  const hasSeries = new Set([...series.keys()].map((k) => k.slice(0, k.indexOf("|"))));
  const value = (driver: string, school: number, yi: number): number | undefined => {
    if (driver === "students") return school < 0 ? students[yi] : studentsBySchool[school]![yi];
    if (hasSeries.has(driver)) {
      const year = String(budget.firstYear + yi);
      const own = series.get(`${driver}|${school < 0 ? "" : schoolIds[school]}`)?.[year];
      if (own !== undefined) return own;
      if (school < 0) {
        const sum = sumOf(driver, year);
        if (sum !== null) return sum;
      }
    }
    if (driver === "teachers") return school < 0 ? teachers : district.schools[school]!.teachers;
    if (driver === "staff") return school < 0 ? staff : district.schools[school]!.staff;
    if (driver === "schools") return school < 0 ? schoolCount : 1;
    return undefined;
  };
  return { value, students, studentsBySchool };
}
