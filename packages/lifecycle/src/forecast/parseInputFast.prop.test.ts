import { DistrictKitError, parseInput } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastInputArb } from "../../test/arbitraries.js";
import { parseCohorts, plainCohortOf } from "../cohortList.js";
import { cohortSchema, forecastInputSchema } from "../schema.js";
import { parseForecastInput } from "./parseInputFast.js";

// values near every boundary of cohortSchema, and values of the wrong type
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    "",
    "x",
    "student",
    "staff",
    "lab",
    "spare",
    "infrastructure",
    "Student",
    0,
    -0,
    1,
    -1,
    999,
    1000,
    9998,
    9999,
    2024,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    true,
    "12.50",
    "-1",
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
);
const cohortLike = fc.record(
  { id: anyValue, model: anyValue, school: anyValue, role: anyValue, purchaseFiscalYear: anyValue, count: anyValue, unitCost: anyValue, extra: anyValue },
  { requiredKeys: [] },
);
const nearlyValid = fc.record(
  {
    id: fc.oneof(fc.string(), anyValue),
    model: fc.oneof(fc.string({ minLength: 1 }), anyValue),
    school: fc.oneof(fc.string({ minLength: 1 }), anyValue),
    role: fc.oneof(fc.constantFrom("student", "staff", "lab", "spare", "infrastructure"), anyValue),
    purchaseFiscalYear: fc.oneof(fc.integer({ min: 990, max: 10_010 }), anyValue),
    count: fc.oneof(fc.nat(), fc.integer({ min: -3, max: 3 }), anyValue),
    unitCost: fc.oneof(fc.constantFrom("0", "300", "-1"), anyValue),
  },
  { requiredKeys: ["model", "school", "role", "purchaseFiscalYear", "count"] },
);
const anyCohort = fc.oneof(cohortLike, nearlyValid, anyValue);

describe("the fast cohort check agrees with cohortSchema (the source of truth)", () => {
  it("accepts only what zod accepts, and returns exactly zod's output", () => {
    fc.assert(
      fc.property(anyCohort, (v) => {
        const fast = plainCohortOf(v);
        const zod = cohortSchema.safeParse(v);
        if (fast !== undefined) {
          expect(zod.success).toBe(true);
          expect(fast).toStrictEqual(zod.data);
          expect(Object.keys(fast)).toEqual(Object.keys(zod.data!));
        }
        // every zod-valid cohort without a unit cost is taken by the fast path
        if (zod.success && typeof v === "object" && v !== null && !("unitCost" in v) && (!("id" in v) || typeof (v as { id: unknown }).id === "string")) expect(fast).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("parses whole forecast inputs to the same data, or fails with the same issues", () => {
    const many = fc.tuple(forecastInputArb, fc.array(anyCohort, { minLength: 0, maxLength: 5 }), fc.integer({ min: 0, max: 80 })).map(([input, odd, copies]) => {
      const cohorts = [...(input.cohorts ?? [])];
      while (cohorts.length < copies) cohorts.push(...(input.cohorts ?? [{ model: "x", school: "s", role: "student", purchaseFiscalYear: 2020, count: 1 }]));
      return { ...input, cohorts: [...cohorts, ...(odd as never[])] };
    });
    fc.assert(
      fc.property(many, fc.constantFrom<(string | number)[]>([], ["input"]), (input, root) => {
        let expected: unknown;
        let expectedError: DistrictKitError | undefined;
        try {
          expected = parseInput(forecastInputSchema, input, root);
        } catch (e) {
          expectedError = e as DistrictKitError;
        }
        if (expectedError) {
          expect(() => parseForecastInput(input, root)).toThrow(DistrictKitError);
          try {
            parseForecastInput(input, root);
          } catch (e) {
            expect((e as DistrictKitError).issues).toEqual(expectedError.issues);
          }
        } else {
          const got = parseForecastInput(input, root);
          expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
          expect(got).toStrictEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseCohorts (the fast list check) against zod cohort by cohort", () => {
  it("gives zod's cohorts when every one is valid, else every zod problem with its index in front", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(nearlyValid, anyCohort), { maxLength: 12 }), (list) => {
        const each = list.map((v) => cohortSchema.safeParse(v));
        const expected = each.flatMap((r, i) => (r.success ? [] : r.error.issues.map((is) => [i, ...is.path].join("."))));
        let got: ReturnType<typeof parseCohorts> | DistrictKitError;
        try {
          got = parseCohorts(list);
        } catch (e) {
          got = e as DistrictKitError;
        }
        if (expected.length === 0) expect(got).toStrictEqual(each.map((r) => r.data));
        else {
          expect(got).toBeInstanceOf(DistrictKitError);
          expect((got as DistrictKitError).issues.map((i) => i.path.join("."))).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
