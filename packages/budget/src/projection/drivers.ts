import { projectEnrollmentParsed } from "../enrollment/projectEnrollment.js";
import type { BudgetModel } from "../schema/budget.js";
import type { Effective } from "../scenario/applyLevers.js";

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
  const methods: string[] = [];
  const values = district.schools.map((s) => {
    const out = new Float64Array(n);
    const h = s.enrollmentHistory ?? [];
    if (h.length >= 2) {
      const opts = budget.enrollment;
      const entry = opts.entry.type === "births" && opts.entry.births === undefined ? { ...opts.entry, births: district.births ?? [] } : opts.entry;
      const weights = opts.averaging.type === "weighted" ? opts.averaging.weights.slice(-Math.min(opts.ratioYears, h.length - 1)) : null;
      const p = projectEnrollmentParsed({
        ...opts,
        averaging: weights ? { type: "weighted", weights } : opts.averaging,
        entry,
        rounding: "none",
        history: h,
        years: n,
        firstYear: budget.firstYear,
      });
      for (const y of p.years) {
        const i = y.fiscalYear - budget.firstYear;
        if (i >= 0 && i < n) out[i] = y.total;
      }
      methods.push(`${s.name}: cohort survival (${p.method}, ${p.ratioYears} years; entry grade ${p.entry.method})`);
    } else {
      out.fill(s.students);
      methods.push(`${s.name}: held at ${s.students} students (no enrollment history)`);
    }
    return out;
  });
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

  const value = (driver: string, school: number, yi: number): number | undefined => {
    const year = String(budget.firstYear + yi);
    if (driver === "students") return school < 0 ? students[yi] : studentsBySchool[school]![yi];
    const own = series.get(`${driver}|${school < 0 ? "" : schoolIds[school]}`)?.[year];
    if (own !== undefined) return own;
    if (school < 0) {
      // a district-wide item: the sum of per-school series, if any
      let sum = 0;
      let found = false;
      for (const id of schoolIds) {
        const v = series.get(`${driver}|${id}`)?.[year];
        if (v !== undefined) {
          sum += v;
          found = true;
        }
      }
      if (found) return sum;
    }
    if (driver === "teachers") return school < 0 ? district.schools.reduce((a, s) => a + s.teachers, 0) : district.schools[school]!.teachers;
    if (driver === "staff") return school < 0 ? district.schools.reduce((a, s) => a + s.staff, 0) + district.centralStaff : district.schools[school]!.staff;
    if (driver === "schools") return school < 0 ? district.schools.filter((s) => s.kind === "school").length : 1;
    return undefined;
  };
  return { value, students, studentsBySchool };
}
