import { createRng, parseInput, type Rng } from "@districtkit/core";
import { z } from "zod";
import type { LicensePlanInputData } from "./schema.js";

/**
 * The zod schema of {@link generateLicenseMarket}'s options.
 *
 * @example
 * ```ts
 * generateLicenseMarketOptionsSchema.parse({ products: 3, options: 6, schools: 4, years: 3, seed: 1 }).bundleEvery; // => 10
 * ```
 * @category Generators
 */
export const generateLicenseMarketOptionsSchema = z.object({
  products: z.number().int().min(1).max(10_000),
  /** Pricing options per product, 1–6 (unit, all-units, incremental, packs/term, site, district). */
  options: z.number().int().min(1).max(6),
  schools: z.number().int().min(1).max(5_000),
  years: z.number().int().min(1).max(10),
  seed: z.union([z.number().int(), z.string()]),
  /** One bundle of 2–3 products for every `bundleEvery` products (0: none). */
  bundleEvery: z.number().int().min(0).default(10),
  /** Share of products whose fourth option is a multi-year term (0–1). */
  multiYearShare: z.number().min(0).max(1).default(0.3),
  firstYear: z.number().int().min(1000).max(9000).default(2027),
});

/**
 * Options of {@link generateLicenseMarket} (input of its schema).
 *
 * @category Generators
 */
export type GenerateLicenseMarketOptions = z.input<typeof generateLicenseMarketOptionsSchema>;

const money = (rng: Rng, lo: number, hi: number): string => (lo + Math.floor(rng.next() * (hi - lo) * 100) / 100).toFixed(2);
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));

/**
 * Builds a seeded, realistic licence market — schools with enrollments, products with up to six
 * pricing options each (unit price, all-units tiers with cliffs, incremental tiers, packs or a
 * multi-year term with an escalator and a prepay discount, an enrollment-banded site licence, a
 * district-wide per-student licence), bundles over a few products, and demand by school, role
 * and year — as plain optimizer input. The same options give the same market everywhere
 * (benchmark P1 is `{ products: 300, options: 6, schools: 200, years: 3 }`).
 *
 * @param options - sizes and the seed
 * @returns an input for {@link optimizeLicenses}
 * @throws DistrictKitError for bad sizes
 * @example
 * ```ts
 * const market = generateLicenseMarket({ products: 4, options: 6, schools: 5, years: 3, seed: 3 });
 * market.products.length; // => 4
 * optimizeLicenses(market).status; // => "optimal"
 * ```
 * @category Generators
 */
export function generateLicenseMarket(options: GenerateLicenseMarketOptions): LicensePlanInputData {
  const o = parseInput(generateLicenseMarketOptionsSchema, options);
  const root = createRng(o.seed);
  const sr = root.stream("schools");
  const schools = Array.from({ length: o.schools }, (_, i) => {
    const enrollment = int(sr, 120, 1400);
    return { id: `s${i + 1}`, name: `School ${i + 1}`, enrollment };
  });
  const categories = ["reading", "math", "assessment", "lms", "video", "science", "security", "productivity"];
  const products: { id: string; name: string; vendor: string; category: string }[] = [];
  const optionList: NonNullable<LicensePlanInputData["options"]> = [];
  const demand: LicensePlanInputData["demand"] = [];
  for (let p = 0; p < o.products; p++) {
    const rng = root.stream(`product-${p}`);
    const id = `p${p + 1}`;
    products.push({ id, name: `Product ${p + 1}`, vendor: `Vendor ${1 + (p % 37)}`, category: categories[p % categories.length]! });
    const teacherProduct = rng.next() < 0.15;
    const role = teacherProduct ? "teacher" : "student";
    const price = teacherProduct ? 20 + rng.next() * 60 : 2 + rng.next() * 14;
    const adoption = 0.15 + rng.next() * 0.85;
    // demand
    let total = 0;
    let demandTotal = 0; // this product's seats in the first year
    const growth = (rng.next() - 0.5) * 0.08;
    schools.forEach((s) => {
      const schoolAdoption = Math.min(1, adoption * (0.5 + rng.next()));
      const base = teacherProduct ? Math.round(s.enrollment / 15) : Math.round(s.enrollment * schoolAdoption);
      for (let t = 0; t < o.years; t++) {
        const seats = Math.max(0, Math.round(base * (1 + growth) ** t));
        total = Math.max(total, seats);
        if (t === 0) demandTotal += seats;
        demand.push({ productId: id, schoolId: s.id, role, fiscalYear: o.firstYear + t, seats });
      }
    });
    const kinds = ["unit", "allUnits", "incremental", "packs", "site", "district"].slice(0, o.options);
    const multiYear = rng.next() < o.multiYearShare;
    for (const kind of kinds) {
      const oid = `${id}-${kind}`;
      const b1 = Math.max(2, Math.round(demandTotal * (0.2 + rng.next() * 0.4)));
      const b2 = Math.max(b1 + 2, Math.round(demandTotal * (0.7 + rng.next() * 0.6)));
      const tiers = (d1: number, d2: number) => [
        { from: 1, to: b1 - 1, unitPrice: (price * 1.1).toFixed(2) },
        { from: b1, to: b2 - 1, unitPrice: (price * d1).toFixed(2) },
        { from: b2, unitPrice: (price * d2).toFixed(2) },
      ];
      switch (kind) {
        case "unit":
          optionList.push({ kind: "seat", id: oid, productId: id, role, schedule: { type: "unit", unitPrice: price.toFixed(2) }, escalator: 0.03 });
          break;
        case "allUnits":
          optionList.push({
            kind: "seat",
            id: oid,
            productId: id,
            role,
            schedule: { type: "allUnits", tiers: tiers(0.9 + rng.next() * 0.05, 0.78 + rng.next() * 0.08) },
            minimumSeats: int(rng, 10, 100),
            escalator: 0.03,
          });
          break;
        case "incremental":
          optionList.push({ kind: "seat", id: oid, productId: id, role, schedule: { type: "incremental", tiers: tiers(0.85, 0.7) }, fixedFee: money(rng, 200, 2000) });
          break;
        case "packs":
          if (multiYear) {
            optionList.push({
              kind: "seat",
              id: oid,
              productId: id,
              role,
              schedule: { type: "unit", unitPrice: (price * (0.85 + rng.next() * 0.1)).toFixed(2) },
              termYears: o.years,
              escalator: 0.02,
              prepayDiscount: 0.04,
            });
          } else {
            const size = [10, 25, 50, 100][int(rng, 0, 3)]!;
            optionList.push({ kind: "seat", id: oid, productId: id, role, schedule: { type: "packs", packSize: size, packPrice: (price * size * (0.88 + rng.next() * 0.1)).toFixed(2) } });
          }
          break;
        case "site": {
          const per = price * (0.35 + rng.next() * 0.5);
          optionList.push({
            kind: "site",
            id: oid,
            productId: id,
            bands: [
              { minEnrollment: 0, maxEnrollment: 399, price: (per * 300).toFixed(2) },
              { minEnrollment: 400, maxEnrollment: 799, price: (per * 600).toFixed(2) },
              { minEnrollment: 800, price: (per * 1100).toFixed(2) },
            ],
            escalator: 0.03,
          });
          break;
        }
        default:
          optionList.push({
            kind: "district",
            id: oid,
            productId: id,
            pricing: { type: "perStudent", unitPrice: (price * (0.55 + rng.next() * 0.5)).toFixed(2), minimumStudents: 50 },
            escalator: 0.03,
          });
      }
    }
  }
  if (o.bundleEvery > 0) {
    const br = root.stream("bundles");
    for (let start = 0; start + 1 < o.products; start += o.bundleEvery) {
      const size = Math.min(o.products - start, int(br, 2, 3));
      const ids = products.slice(start, start + size).map((p) => p.id);
      const students = schools.reduce((a, s) => a + s.enrollment, 0);
      optionList.push({
        kind: "bundle",
        id: `bundle-${start / o.bundleEvery + 1}`,
        productIds: ids,
        pricing: { type: "perStudent", unitPrice: (size * (3 + br.next() * 6)).toFixed(2), minimumStudents: Math.round(students * 0.5) },
        escalator: 0.03,
      });
    }
  }
  return { firstYear: o.firstYear, years: o.years, schools, products, options: optionList, demand };
}
