import fc from "fast-check";
import type { LicensePlanInputData } from "../src/schema.js";

const cents = (lo: number, hi: number): fc.Arbitrary<string> => fc.integer({ min: lo, max: hi }).map((c) => (c / 100).toFixed(2));

const scheduleArb = fc.oneof(
  cents(100, 2000).map((p) => ({ type: "unit" as const, unitPrice: p })),
  fc.tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 5, max: 40 }), cents(500, 2000), cents(300, 1500), cents(100, 1200)).map(([a, b, p1, p2, p3]) => ({
    type: "allUnits" as const,
    tiers: [
      { from: 1, to: a, unitPrice: p1 },
      { from: a + 1, to: a + b, unitPrice: p2 },
      { from: a + b + 1, unitPrice: p3 },
    ],
  })),
  fc.tuple(fc.integer({ min: 1, max: 20 }), cents(500, 3000), cents(100, 1500)).map(([a, p1, p2]) => ({
    type: "incremental" as const,
    tiers: [
      { from: 1, to: a, unitPrice: p1 },
      { from: a + 1, unitPrice: p2 },
    ],
  })),
  fc.tuple(fc.integer({ min: 2, max: 25 }), cents(1000, 30000)).map(([size, price]) => ({ type: "packs" as const, packSize: size, packPrice: price })),
);

const termArb = fc.record({
  termYears: fc.constantFrom(1, 1, 2),
  escalator: fc.constantFrom(0, 0.03),
  prepayDiscount: fc.constantFrom(undefined, undefined, 0.05),
});

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A tiny licence market: 1–2 products, 1–3 schools, 1–2 years, a few options (and maybe a bundle). */
export const tinyMarketArb: fc.Arbitrary<LicensePlanInputData> = fc
  .record({
    years: fc.integer({ min: 1, max: 2 }),
    schools: fc.array(fc.integer({ min: 20, max: 900 }), { minLength: 1, maxLength: 3 }),
    products: fc.array(
      fc.record({
        roles: fc.constantFrom(["student"], ["student", "teacher"]),
        demand: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 12, maxLength: 12 }),
        seatRole: fc.constantFrom("any", "student"),
        seat: fc.tuple(scheduleArb, termArb, fc.option(fc.integer({ min: 5, max: 40 }), { nil: undefined })),
        extra: fc.array(
          fc.oneof(
            fc.tuple(fc.constant("seat" as const), scheduleArb, termArb, fc.constantFrom("any", "student", "teacher")),
            fc.tuple(fc.constant("site" as const), cents(5000, 60000), termArb, fc.constant("")),
            fc.tuple(fc.constant("district" as const), cents(20000, 200000), termArb, fc.constant("")),
          ),
          { maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    bundle: fc.option(cents(10000, 150000), { nil: undefined }),
  })
  .map((r) => {
    const schools = r.schools.map((e, i) => ({ id: `s${i}`, name: `School ${i}`, enrollment: e }));
    const products = r.products.map((_, i) => ({ id: `p${i}`, name: `Product ${i}`, category: "c" }));
    const options: NonNullable<LicensePlanInputData["options"]> = [];
    const demand: LicensePlanInputData["demand"] = [];
    r.products.forEach((p, i) => {
      const pid = `p${i}`;
      let k = 0;
      schools.forEach((s, si) => {
        for (let t = 0; t < r.years; t++) {
          for (const role of p.roles as readonly string[]) {
            demand.push({ productId: pid, schoolId: s.id, role: role as "student", fiscalYear: 2027 + t, seats: p.demand[k++ % 12]! });
          }
        }
        void si;
      });
      // always one "any" seat option so that every instance is feasible
      options.push(clean({ kind: "seat", id: `${pid}-a`, productId: pid, role: "any", schedule: p.seat[0], ...clean(p.seat[1]), minimumSeats: p.seat[2] }));
      p.extra.forEach(([kind, x, term, role], j) => {
        const id = `${pid}-${kind}${j}`;
        if (kind === "seat") options.push(clean({ kind, id, productId: pid, role: role as "any", schedule: x as never, ...clean(term) }));
        else if (kind === "site") options.push(clean({ kind, id, productId: pid, price: x as string, ...clean(term) }));
        else options.push(clean({ kind, id, productId: pid, pricing: { type: "flat", price: x as string }, ...clean(term) }));
      });
    });
    if (r.bundle !== undefined && products.length > 1) {
      options.push({ kind: "bundle", id: "bundle", productIds: products.map((p) => p.id), pricing: { type: "flat", price: r.bundle } });
    }
    return { firstYear: 2027, years: r.years, schools, products, options, demand };
  });

const smallScheduleArb = fc.oneof(
  cents(100, 900).map((p) => ({ type: "unit" as const, unitPrice: p })),
  fc.tuple(fc.integer({ min: 2, max: 6 }), cents(500, 900), cents(200, 600)).map(([a, p1, p2]) => ({
    type: "allUnits" as const,
    tiers: [
      { from: 1, to: a, unitPrice: p1 },
      { from: a + 1, unitPrice: p2 },
    ],
  })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), cents(500, 900), cents(100, 600)).map(([a, p1, p2]) => ({
    type: "incremental" as const,
    tiers: [
      { from: 1, to: a, unitPrice: p1 },
      { from: a + 1, unitPrice: p2 },
    ],
  })),
  fc.tuple(fc.integer({ min: 2, max: 6 }), cents(600, 4000)).map(([size, price]) => ({ type: "packs" as const, packSize: size, packPrice: price })),
);

/**
 * A tiny one-product market whose roles each have 2–4 seat options (role-keyed or `any`, some
 * multi-year, with minimums, fees and ratio entitlements), maybe a site licence: the full covering
 * model, small enough to enumerate every quantity vector.
 */
export const mixMarketArb: fc.Arbitrary<LicensePlanInputData> = fc
  .record({
    years: fc.integer({ min: 1, max: 2 }),
    schools: fc.integer({ min: 1, max: 2 }),
    roles: fc.constantFrom(["student"], ["student", "teacher"]),
    demand: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 8, maxLength: 8 }),
    seats: fc.array(
      fc.record({
        schedule: smallScheduleArb,
        role: fc.constantFrom("any", "student", "teacher"),
        termYears: fc.constantFrom(1, 1, 1, 2),
        prepayDiscount: fc.constantFrom(undefined, undefined, 0.1),
        minimumSeats: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 4 }),
        fixedFee: fc.option(cents(100, 2000), { nil: undefined, freq: 4 }),
        entitlement: fc.option(fc.record({ role: fc.constantFrom("student", "teacher"), freeSeats: fc.integer({ min: 1, max: 4 }), perPaidSeats: fc.integer({ min: 1, max: 3 }) }), {
          nil: undefined,
          freq: 4,
        }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    site: fc.option(cents(1000, 6000), { nil: undefined }),
  })
  .map((r) => {
    const schools = Array.from({ length: r.schools }, (_, i) => ({ id: `s${i}`, name: `School ${i}`, enrollment: 100 }));
    const demand: LicensePlanInputData["demand"] = [];
    let k = 0;
    for (const s of schools)
      for (let t = 0; t < r.years; t++)
        for (const role of r.roles as readonly string[]) demand.push({ productId: "p", schoolId: s.id, role: role as "student", fiscalYear: 2027 + t, seats: r.demand[k++ % 8]! });
    const options: NonNullable<LicensePlanInputData["options"]> = [
      // an `any` option so every instance is feasible
      { kind: "seat", id: "base", productId: "p", role: "any", schedule: { type: "unit", unitPrice: "9.50" } },
    ];
    r.seats.forEach((x, j) => {
      const ent = x.entitlement && x.entitlement.role !== x.role ? x.entitlement : undefined;
      options.push(
        clean({
          kind: "seat" as const,
          id: `o${j}`,
          productId: "p",
          role: x.role as "any",
          schedule: x.schedule,
          termYears: x.termYears,
          prepayDiscount: x.prepayDiscount,
          minimumSeats: x.minimumSeats,
          fixedFee: x.fixedFee,
          entitlement: ent,
        }),
      );
    });
    if (r.site !== undefined) options.push({ kind: "site", id: "site", productId: "p", price: r.site });
    return { firstYear: 2027, years: r.years, schools, products: [{ id: "p", name: "P", category: "c" }], options, demand };
  });

/**
 * A tiny one-product, one-role market with a multi-year seat commitment beside yearly seat options
 * (role-keyed or `any`, the commitment often at a constant price a seat), maybe a one-year site
 * licence: the shape the commitment search (src/internal/commit.ts) takes, small enough to
 * enumerate every quantity vector.
 */
export const commitMarketArb: fc.Arbitrary<LicensePlanInputData> = fc
  .record({
    years: fc.constantFrom(2, 2, 3),
    schools: fc.integer({ min: 1, max: 3 }),
    demand: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 9, maxLength: 9 }),
    commit: fc.record({
      schedule: fc.oneof(
        cents(100, 900).map((p) => ({ type: "unit" as const, unitPrice: p })),
        smallScheduleArb,
      ),
      role: fc.constantFrom("any", "student"),
      escalator: fc.constantFrom(0, 0.03),
      prepayDiscount: fc.constantFrom(undefined, 0.1),
    }),
    yearly: fc.array(fc.record({ schedule: smallScheduleArb, role: fc.constantFrom("any", "student") }), { minLength: 0, maxLength: 1 }),
    site: fc.option(cents(1000, 6000), { nil: undefined }),
  })
  .map((r) => {
    const schools = Array.from({ length: r.schools }, (_, i) => ({ id: `s${i}`, name: `School ${i}`, enrollment: 100 }));
    const demand: LicensePlanInputData["demand"] = [];
    let k = 0;
    for (const s of schools) for (let t = 0; t < r.years; t++) demand.push({ productId: "p", schoolId: s.id, role: "student", fiscalYear: 2027 + t, seats: r.demand[k++ % 9]! });
    const options: NonNullable<LicensePlanInputData["options"]> = [
      { kind: "seat", id: "base", productId: "p", role: "any", schedule: { type: "unit", unitPrice: "9.50" } },
      clean({
        kind: "seat" as const,
        id: "commit",
        productId: "p",
        role: r.commit.role as "any",
        schedule: r.commit.schedule,
        termYears: r.years,
        escalator: r.commit.escalator,
        prepayDiscount: r.commit.prepayDiscount,
      }),
    ];
    r.yearly.forEach((x, j) => options.push({ kind: "seat", id: `y${j}`, productId: "p", role: x.role as "any", schedule: x.schedule }));
    if (r.site !== undefined) options.push({ kind: "site", id: "site", productId: "p", price: r.site });
    return { firstYear: 2027, years: r.years, schools, products: [{ id: "p", name: "P", category: "c" }], options, demand };
  });
