import { createRng, DistrictKitError, guardInput } from "@districtkit/core";
import type { BudgetModelInput } from "../schema/budget.js";
import type { FundInput } from "../schema/fund.js";
import type { LineItemInput } from "../schema/lineItem.js";

/**
 * Options of {@link generateDistrict}.
 *
 * @category Generators
 */
export interface GenerateDistrictOptions {
  /** Total students (default 912). */
  readonly students?: number;
  /** Number of schools (default 3). */
  readonly schools?: number;
  /** Number of line items (default 60). */
  readonly lineItems?: number;
  /** Number of funds, 3–40: general fund, E-Rate C1 and C2, then grants/bonds/levies (default 5). */
  readonly funds?: number;
  /** Horizon in fiscal years (default 10). */
  readonly years?: number;
  /** First fiscal year (default 2027). */
  readonly firstYear?: number;
  /** Add five years of enrollment history by grade to every school (default false). */
  readonly history?: boolean;
  /** The seed: the same seed gives the same district (default 1). */
  readonly seed?: number | string;
}

const CATEGORIES = ["hardware", "software", "network", "professional-development", "support-staff", "services", "other"] as const;

/**
 * Generates a realistic synthetic district and budget from a seed, for benchmarks, tests and
 * demos (the package's benchmarks B1–B3: the sample district's size by default; NYC scale with
 * `{ students: 900_000, schools: 1800, lineItems: 20_000, funds: 12 }`). The output is plain
 * input data for {@link prepareBudget} / {@link projectBudget}; the same options give the same data.
 *
 * @param options - sizes and seed
 * @returns `{ district, budget }`
 * @throws DistrictKitError for sizes out of range
 * @example
 * ```ts
 * const input = generateDistrict({ students: 5000, schools: 8, lineItems: 100, funds: 6, seed: 42 });
 * input.district.schools.length; // => 8
 * input.budget.lineItems.length; // => 100
 * projectBudget(input).years.length; // => 10
 * ```
 * @category Generators
 */
export function generateDistrict(options: GenerateDistrictOptions = {}): BudgetModelInput {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw DistrictKitError.argument(["options"], "expected an options object");
  options = guardInput(() => ({ ...options }), ["options"], "the options"); // read once: a getter or Proxy that throws is wrapped
  const students = options.students ?? 912;
  const nSchools = options.schools ?? 3;
  const nItems = options.lineItems ?? 60;
  const nFunds = options.funds ?? 5;
  const years = options.years ?? 10;
  const first = options.firstYear ?? 2027;
  const check = (ok: boolean, path: string, message: string): void => {
    if (!ok) throw DistrictKitError.argument(["options", path], message);
  };
  check(Number.isInteger(students) && students >= 1 && students <= 5_000_000, "students", "expected 1–5,000,000 students");
  check(Number.isInteger(nSchools) && nSchools >= 1 && nSchools <= 10_000 && nSchools <= students, "schools", "expected 1–10,000 schools, at most one per student");
  check(Number.isInteger(nItems) && nItems >= 0 && nItems <= 1_000_000, "lineItems", "expected 0–1,000,000 line items");
  check(Number.isInteger(nFunds) && nFunds >= 3 && nFunds <= 40, "funds", "expected 3–40 funds");
  check(Number.isInteger(years) && years >= 1 && years <= 30, "years", "expected 1–30 years");
  check(Number.isInteger(first) && first >= 2016 && first <= 2090, "firstYear", "expected a fiscal year 2016–2090");
  const seed = options.seed ?? 1;
  check(typeof seed === "string" || Number.isSafeInteger(seed), "seed", "expected a safe integer or a text");
  const rng = createRng(seed);
  const rs = rng.stream("schools");
  const ri = rng.stream("items");
  const rf = rng.stream("funds");
  const pick = <T>(r: typeof rng, xs: readonly T[]): T => xs[Math.floor(r.next() * xs.length)]!;

  // schools: sizes around the mean, elementary/middle/high spans
  const weights = Array.from({ length: nSchools }, () => 0.5 + rs.next());
  const wsum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((students * w) / wsum)));
  counts[0] = Math.max(1, counts[0]! + students - counts.reduce((a, b) => a + b, 0));
  const spans = [
    { low: "K", high: "5", grades: ["K", "1", "2", "3", "4", "5"] },
    { low: "6", high: "8", grades: ["6", "7", "8"] },
    { low: "9", high: "12", grades: ["9", "10", "11", "12"] },
  ] as const;
  const schools = counts.map((c, i) => {
    const span = spans[i % 3]!;
    const nslp = Math.floor(c * (0.1 + 0.7 * rs.next()));
    const school: Record<string, unknown> = {
      id: `s${i + 1}`,
      name: `School ${i + 1}`,
      grades: { low: span.low, high: span.high },
      students: c,
      nslpEligible: nslp,
      locale: rs.next() < 0.4 ? "rural" : "urban",
      teachers: Math.max(1, Math.round(c / (14 + 6 * rs.next()))),
      staff: Math.max(1, Math.round(c / (20 + 10 * rs.next()))),
    };
    if (options.history) {
      const per = c / span.grades.length;
      school.enrollmentHistory = Array.from({ length: 5 }, (_, h) => ({
        fiscalYear: first - 4 + h,
        grades: Object.fromEntries(span.grades.map((g) => [g, Math.max(0, Math.round(per * (1 + 0.01 * (4 - h)) * (0.95 + 0.1 * rs.next())))])),
      }));
      const last = school.enrollmentHistory as { grades: Record<string, number> }[];
      school.students = Object.values(last[4]!.grades).reduce((a, b) => a + b, 0);
      school.nslpEligible = Math.min(nslp, school.students as number);
    }
    return school;
  });

  // funds
  const funds: FundInput[] = [
    { id: "general-fund", name: "General fund", kind: "general" },
    { id: "erate-c1", name: "E-Rate Category One", kind: "erate", eRateCategory: "C1" },
    { id: "erate-c2", name: "E-Rate Category Two", kind: "erate", eRateCategory: "C2" },
  ];
  const scale = students / 912;
  for (let f = 3; f < nFunds; f++) {
    const cats = CATEGORIES.filter(() => rf.next() < 0.45);
    const eligible = cats.length > 0 ? cats : [pick(rf, CATEGORIES)];
    const kind = pick(rf, ["grant", "grant", "bond", "levy"] as const);
    if (rf.next() < 0.5) {
      funds.push({
        id: `fund-${f}`,
        name: `${kind === "grant" ? "Formula grant" : kind === "bond" ? "Technology bond" : "Levy"} ${f}`,
        kind,
        eligibleCategories: eligible,
        preference: Math.floor(rf.next() * 100),
        annual: { amount: ((5000 + Math.floor(rf.next() * 20000)) * scale).toFixed(2), firstYear: first, windowMonths: 15 + Math.floor(rf.next() * 24) },
      });
    } else {
      const start = first + Math.floor(rf.next() * Math.max(1, years - 2));
      funds.push({
        id: `fund-${f}`,
        name: `One-time ${kind} ${f}`,
        kind,
        eligibleCategories: eligible,
        preference: Math.floor(rf.next() * 100),
        tranches: [{ amount: ((20000 + Math.floor(rf.next() * 80000)) * scale).toFixed(2), availableFrom: `${start - 1}-07-01`, obligateBy: `${start + 1}-09-30` }],
      });
    }
  }

  // line items
  const lineItems: LineItemInput[] = [];
  const last = first + years - 1;
  for (let i = 0; i < nItems; i++) {
    const category = pick(ri, CATEGORIES);
    const school = nSchools > 1 && ri.next() < 0.7 ? `s${1 + Math.floor(ri.next() * nSchools)}` : undefined;
    const escalator = ri.next() < 0.7 ? Math.round((0.01 + ri.next() * 0.04) * 1000) / 1000 : undefined;
    const eRate = category === "network" ? pick(ri, ["C1", "C2", "ineligible"] as const) : "ineligible";
    const base = { id: `item-${i + 1}`, name: `${category} item ${i + 1}`, category, ...(school ? { school } : {}), ...(escalator !== undefined ? { escalator } : {}), eRate };
    const r = ri.next();
    if (r < 0.4) {
      lineItems.push({
        ...base,
        kind: "per-unit",
        driver: pick(ri, ["students", "students", "teachers", "staff"] as const),
        unitCost: (1 + ri.next() * (category === "hardware" ? 400 : 40)).toFixed(2),
        ...(category === "hardware" ? { everyYears: 3 + Math.floor(ri.next() * 3), startYear: first + Math.floor(ri.next() * Math.min(3, years)) } : {}),
      });
    } else if (r < 0.8) {
      lineItems.push({ ...base, kind: "recurring", amount: ((500 + ri.next() * 20000) * (school ? 1 : Math.min(50, scale))).toFixed(2) });
    } else if (r < 0.95) {
      lineItems.push({ ...base, kind: "one-time", amount: ((2000 + ri.next() * 60000) * (school ? 1 : Math.min(50, scale))).toFixed(2), year: first + Math.floor(ri.next() * years) });
    } else {
      const amounts: Record<string, string> = {};
      for (let y = first; y <= last; y++) if (ri.next() < 0.6) amounts[String(y)] = (1000 + ri.next() * 30000).toFixed(2);
      if (Object.keys(amounts).length === 0) amounts[String(first)] = "1000.00";
      lineItems.push({ ...base, kind: "series", amounts, source: "device refresh forecast" });
    }
  }
  return {
    district: { name: `Generated district (seed ${String(seed)})`, asOf: `${first - 1}-07-01`, schools: schools as never, centralStaff: Math.round(students / 200) },
    budget: {
      name: `Generated budget FY${first}–FY${last}`,
      firstYear: first,
      years,
      escalators: {},
      lineItems,
      funds,
    },
  };
}
