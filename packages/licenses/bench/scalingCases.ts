// The scaling cases of the licences package (issue 18; packages/core/bench/scaling.ts): every
// entry point that takes a list that can be long, with a seeded generator of its input (the same
// size and seed give the same input). Shapes follow a large district: tens of products, thousands
// of schools, users spread over products and schools, sessions over school days.
import { addDaysIso, createRng, type Rng } from "@districtkit/core";
import { scalingCase } from "../../core/bench/scaling.js";
import {
  buildLicensePlanInput,
  demandFromRosters,
  demandFromUsage,
  findOverlaps,
  generateLicenseMarket,
  optimizeLicenses,
  peakConcurrency,
  priceCliffs,
  reclaimableSeats,
  renewalCalendar,
  scheduleCost,
} from "../src/index.js";

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));
const ROLES = ["student", "teacher", "staff"] as const;

/** n usage records over 30 products and n/400 schools; a tenth never active, the rest active in the last 200 days. */
function usageRecords(n: number, seed: number) {
  const rng = createRng(seed);
  const schools = Math.max(1, Math.round(n / 400));
  return Array.from({ length: n }, (_, i) => ({
    userId: `u${i}`,
    productId: `p${int(rng, 1, 30)}`,
    schoolId: `s${int(rng, 1, schools)}`,
    role: rng.next() < 0.9 ? "student" : ROLES[int(rng, 1, 2)]!,
    lastActive: rng.next() < 0.1 ? null : addDaysIso("2026-06-15", -int(rng, 0, 200)),
    source: rng.next() < 0.5 ? "sso" : "vendor",
  }));
}

/** n sessions of 5–90 minutes over school days of 7:00–16:00 (about 500 sessions a day). */
function sessions(n: number, seed: number) {
  const rng = createRng(seed);
  const days = Math.max(1, Math.round(n / 500));
  return Array.from({ length: n }, () => {
    const start = int(rng, 420, 960);
    return { start, end: start + int(rng, 5, 90), day: `d${String(int(rng, 1, days)).padStart(5, "0")}` };
  });
}

/** n/2 products in 40 categories and n/2 spend rows (one per product). */
function overlapInput(n: number, seed: number) {
  const rng = createRng(seed);
  const m = Math.round(n / 2);
  return {
    products: Array.from({ length: m }, (_, i) => ({ id: `p${i}`, name: `Product ${i}`, category: `c${int(rng, 1, 40)}` })),
    spend: Array.from({ length: m }, (_, i) => ({ productId: `p${i}`, annualCost: int(rng, 0, 20_000), seats: int(rng, 10, 900), activeUsers: int(rng, 0, 900) })),
  };
}

/** n enrollment rows (13 grades a school, so n/13 schools) and n/13 × 2 staff rows. */
function enrollmentRows(n: number, seed: number) {
  const rng = createRng(seed);
  const schools = Math.max(1, Math.round(n / 13));
  const enrollment: { schoolId: string; grade: number; students: number }[] = [];
  const staff: { schoolId: string; role: "teacher" | "staff"; count: number }[] = [];
  for (let s = 0; s < schools; s++) {
    for (let g = 0; g <= 12 && enrollment.length < n; g++) enrollment.push({ schoolId: `s${s}`, grade: g, students: int(rng, 20, 140) });
    staff.push({ schoolId: `s${s}`, role: "teacher", count: int(rng, 10, 80) }, { schoolId: `s${s}`, role: "staff", count: int(rng, 2, 20) });
  }
  return { enrollment, staff };
}

/** n current contracts, auto-renewing or not, renewing over the next three years. */
function contracts(n: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `k${i}`,
    productId: `p${i % 500}`,
    annualCost: int(rng, 100, 50_000),
    startDate: "2024-07-01",
    renewalDate: addDaysIso("2025-07-01", int(rng, 0, 1095)),
    noticeDays: int(rng, 0, 120),
    autoRenew: rng.next() < 0.7,
  }));
}

/** A district licence file with n/2 enrollment rows, 20 products (half sized by usage) and n/2 usage records. */
function districtFile(n: number, seed: number) {
  const rng = createRng(seed);
  const { enrollment, staff } = enrollmentRows(Math.round(n / 2), seed);
  const schoolIds = [...new Set(enrollment.map((e) => e.schoolId))];
  const products = Array.from({ length: 20 }, (_, i) => ({ id: `p${i + 1}`, name: `Product ${i + 1}` }));
  const usage = usageRecords(Math.round(n / 2), seed + 1).map((u) => ({ ...u, productId: `p${int(rng, 1, 20)}`, schoolId: schoolIds[int(rng, 0, schoolIds.length - 1)]! }));
  return {
    data: {
      firstYear: 2027,
      years: 3,
      usageAsOf: "2026-06-15",
      schools: schoolIds.map((id) => ({ id, name: id, enrollment: int(rng, 200, 1500) })),
      products,
      options: products.map((p) => ({ kind: "seat", id: `${p.id}-seat`, productId: p.id, schedule: { type: "unit", unitPrice: 5 } })),
      enrollment,
      staff,
      adoption: products.filter((_, i) => i % 2 === 0).map((p) => ({ productId: p.id, students: 0.7, teachers: 1 })),
      usageDemand: products.filter((_, i) => i % 2 === 1).map((p) => ({ productId: p.id, activeWithinDays: 60 })),
    },
    usage,
  };
}

/** A schedule of n tiers of 10 seats each, prices falling by a cent a tier from $200. */
function tiers(n: number, type: "allUnits" | "incremental") {
  return {
    type,
    tiers: Array.from({ length: n }, (_, i) => ({ from: i * 10 + 1, ...(i === n - 1 ? {} : { to: i * 10 + 10 }), unitPrice: (200 - (i % 15000) / 100).toFixed(2) })),
  };
}

/** The cases (scaling.bench.ts registers them). */
export const scalingCases = [
  scalingCase("reclaimableSeats (usage records)", (n) => ({ asOf: "2026-06-15", users: usageRecords(n, 1) }), reclaimableSeats),
  scalingCase("peakConcurrency (sessions)", (n) => ({ sessions: sessions(n, 2) }), peakConcurrency),
  scalingCase("findOverlaps (products and spend rows)", (n) => overlapInput(n, 3), findOverlaps),
  scalingCase("demandFromUsage (usage records)", (n) => ({ fiscalYear: 2027, asOf: "2026-06-15", users: usageRecords(n, 4) }), demandFromUsage),
  scalingCase(
    "demandFromRosters (enrollment rows)",
    (n) => ({ productId: "read", fiscalYears: [2027, 2028, 2029], ...enrollmentRows(n, 5), adoption: { grades: { low: 0, high: 8 }, students: 0.8, teachers: 1 } }),
    demandFromRosters,
  ),
  scalingCase("renewalCalendar (contracts)", (n) => ({ asOf: "2026-03-01", contracts: contracts(n, 6) }), renewalCalendar),
  scalingCase(
    "buildLicensePlanInput (enrollment rows and usage records)",
    (n) => districtFile(n, 7),
    ({ data, usage }) => buildLicensePlanInput(data, usage),
  ),
  // the optimizer grows with the district: schools × products × 3 years demand cells
  scalingCase("optimizeLicenses (demand cells: schools grow)", (n) => generateLicenseMarket({ products: 10, options: 6, schools: Math.round(n / 30), years: 3, seed: 8 }), optimizeLicenses, {
    iterations: 3,
  }),
  scalingCase("optimizeLicenses (demand cells: products grow)", (n) => generateLicenseMarket({ products: Math.round(n / 150), options: 6, schools: 50, years: 3, seed: 9 }), optimizeLicenses, {
    iterations: 3,
  }),
  scalingCase("generateLicenseMarket (demand cells: products grow)", (n) => ({ products: Math.round(n / 150), options: 6, schools: 50, years: 3, seed: 10 }), generateLicenseMarket),
  scalingCase(
    "scheduleCost (incremental tiers)",
    (n) => tiers(n, "incremental"),
    (s) => scheduleCost(s, s.tiers.length * 10 - 5),
  ),
  scalingCase("priceCliffs (all-units tiers)", (n) => tiers(n, "allUnits"), priceCliffs),
];
