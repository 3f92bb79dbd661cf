import { addMonthsIso, daysBetween, isIsoDate } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateArb } from "../../../core/test/arbitraries.js";
import { answerValueSchemaFor, appSchemaFor } from "../questionnaire.js";
import { K12_RUBRIC } from "../rubrics/k12.js";
import { appSchema } from "../schema/answers.js";
import { checkApp, type RawIssue } from "./checkApp.js";
import { compileRubric } from "./compile.js";
import { addMonthsDay, daysFrom, isIsoDay } from "./dates.js";
import { evaluate, newEvaluation } from "./evaluate.js";
import { HASH_SEED, hashInt, hashText, hex, keyHash } from "./hash.js";

// The scoring loop checks answers by hand for speed; the zod schemas (answerValueSchemaFor,
// appSchema) state the same rules. These properties keep the two in agreement.
const cr = compileRubric(K12_RUBRIC);
const term = fc.constantFrom("Supports", "Partially Supports", "Does Not Support", "Not Applicable", "Not Evaluated", "Nope");
const date = fc.oneof(isoDateArb, fc.constantFrom("2025-02-30", "2024-02-29", "0000-01-01", "2026-13-01", "26-01-01", "2026-1-01"));
const valueArb = fc.oneof(
  fc.constantFrom("does", "doesNot", "yes", "no", "unclear", "notApplicable", "maybe", "", "none", "2.1AA", "us", "typeII", true, false, 0, 1, 2, 3, 4, 5, 2.5, -1),
  date,
  fc.array(fc.constantFrom("Student Name", "Student Work", "Nonsense", 3 as unknown as string), { maxLength: 3 }),
  fc.record(
    {
      present: fc.boolean(),
      kind: fc.constantFrom("ndpa", "typeII", "typeI", "handshake", ""),
      issuedOn: date,
      periodEnd: date,
      expiresOn: date,
      edition: fc.constantFrom("2013", "2022", "1999"),
      url: fc.constantFrom("https://x.example", ""),
      extra: fc.constant(1),
    },
    { requiredKeys: ["present"] },
  ),
  fc.record(
    {
      present: fc.boolean(),
      date,
      wcagVersion: fc.constantFrom("2.0", "2.1", "2.2", "3.0"),
      method: fc.constantFrom("manualAndAssistiveTech", "automatedOnly", "guess"),
      edition: fc.constantFrom("WCAG", "508", "XX"),
      entries: fc.dictionary(fc.constantFrom("1.1.1", "1.4.3", "2.4.11", "9", "1.1"), term),
    },
    { requiredKeys: ["present"] },
  ),
  fc.record(
    {
      present: fc.boolean(),
      design: fc.constantFrom("rct", "quasiExperimental", "correlational", "logicModel", "anecdote"),
      wwcRating: fc.constantFrom("meetsWithoutReservations", "meetsWithReservations", "doesNotMeet", "notReviewed", "great"),
      significantPositive: fc.oneof(fc.boolean(), fc.constant("yes")),
      n: fc.oneof(fc.nat(5000), fc.constant(-3), fc.constant(1.5)),
      sites: fc.nat(30),
      studyDate: date,
    },
    { requiredKeys: ["present"] },
  ),
);

describe("hand checks agree with the zod schemas", () => {
  it("an answer value is accepted by evaluate() exactly when answerValueSchemaFor accepts it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...cr.criteria), valueArb, (cc, value) => {
        const ev = newEvaluation();
        evaluate(cc, value, "2026-07-01", 0, ev);
        const zodOk = answerValueSchemaFor(cc.c).safeParse(value).success;
        expect(ev.issue === null).toBe(zodOk);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it("an app's shape is accepted by checkApp exactly when appSchema accepts it (and appSchemaFor when values fit too)", () => {
    const appArb = fc.record(
      {
        id: fc.constantFrom("a", "", 3),
        name: fc.constantFrom("A", ""),
        vendor: fc.constantFrom("V", ""),
        audience: fc.oneof(fc.record({ min: fc.integer({ min: -1, max: 20 }), max: fc.integer({ min: 0, max: 20 }) }), fc.constant("kids")),
        useMode: fc.constantFrom("studentLogin", "teacherOnly", "sometimes"),
        answers: fc.dictionary(
          fc.constantFrom("sellsData", "dpa", "ghost", "acr"),
          fc.record({ value: valueArb, source: fc.constantFrom("https://x", ""), asOf: date, note: fc.constant("n"), oops: fc.constant(1) }, { requiredKeys: [] }),
        ),
        extra: fc.constant(true),
      },
      { requiredKeys: ["answers"] },
    );
    const exact = appSchemaFor(K12_RUBRIC);
    fc.assert(
      fc.property(appArb, (app) => {
        const issues: RawIssue[] = [];
        checkApp(app, ["app"], cr, issues);
        const shapeOk = issues.filter((i) => i.code !== "unknown_criterion").length === 0;
        expect(shapeOk).toBe(appSchema.safeParse(app).success);
        if (issues.length === 0) {
          let valuesOk = true;
          for (const [id, a] of Object.entries(app.answers)) {
            const ev = newEvaluation();
            evaluate(cr.byId.get(id)!, (a as { value: unknown }).value, "2026-07-01", 0, ev);
            if (ev.issue !== null) valuesOk = false;
          }
          expect(valuesOk).toBe(exact.safeParse(app).success);
        } else if (issues.some((i) => i.code === "unknown_criterion")) {
          expect(exact.safeParse(app).success).toBe(false);
        }
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it("the hash's integer and key shortcuts equal hashing the text", () => {
    fc.assert(
      fc.property(fc.integer(), fc.oneof(fc.integer({ min: -2147483648, max: 2147483647 }), fc.constantFrom(0, -0, 2147483648, -2147483648, 9, 10, 99, 100)), fc.string(), (h, n, k) => {
        expect(hashInt(h, n)).toBe(hashText(h, String(n)));
        expect(keyHash(k)).toBe(hashText(HASH_SEED, k));
        expect(hex(h)).toBe((h >>> 0).toString(16).padStart(8, "0"));
      }),
      { numRuns: 2000 },
    );
  });

  it("fast date helpers equal core's", () => {
    fc.assert(
      fc.property(date, (d) => {
        expect(isIsoDay(d)).toBe(isIsoDate(d));
      }),
    );
    fc.assert(
      fc.property(isoDateArb, isoDateArb, fc.integer({ min: -600, max: 600 }), (a, b, m) => {
        expect(addMonthsDay(a, m)).toBe(addMonthsIso(a, m));
        expect(daysFrom(a, b)).toBe(daysBetween(a, b));
      }),
    );
  });
});

describe("the scoring loop's ESSA tier equals essaTier's", () => {
  it("tierOnly(s) === tierOf(s).tier", async () => {
    const { tierOf, tierOnly } = await import("../evidence.js");
    const studyArb = fc.record({
      present: fc.constant(true as const),
      design: fc.constantFrom("rct", "quasiExperimental", "correlational", "logicModel"),
      wwcRating: fc.constantFrom("meetsWithoutReservations", "meetsWithReservations", "doesNotMeet", "notReviewed"),
      significantPositive: fc.boolean(),
      n: fc.integer({ min: 0, max: 1000 }),
      sites: fc.integer({ min: 0, max: 5 }),
      negativeFindings: fc.boolean(),
      statisticalControls: fc.boolean(),
      evaluationUnderWay: fc.boolean(),
    });
    fc.assert(
      fc.property(studyArb, (s) => {
        expect(tierOnly(s)).toBe(tierOf(s).tier);
      }),
      { numRuns: 2000 },
    );
  });
});
