// The scaling cases of the vetting package (issue 18; packages/core/bench/scaling.ts): every entry
// point that takes a list that can be long, with a seeded generator of its input (the same size
// and seed give the same input). Apps of a large review (generateApps: 10 criteria each, so the
// answers are ten times the apps), a rubric of many criteria (its 2,000-criterion cap: the
// elements are then answers, 50 apps × the criteria), decision matrices, a privacy register's
// agreements, a roster's students, a questionnaire's items. ahpWeights (at most 30 criteria) and
// projectUnicornPledge (exactly its 10 metrics) are bounded by their validation: not listed.
import { createRng } from "@districtkit/core";
import { scalingCase } from "../../core/bench/scaling.js";
import {
  buildApprovedAppList,
  checkRosterSharing,
  compareApps,
  compileScorer,
  decisionRobustness,
  deriveRubric,
  findUnvettedApps,
  generateApps,
  listAgreementExpiries,
  prepareRubric,
  readAnswers,
  reviewRegister,
  riskScore,
  scoreApps,
  topsis,
  weightedSum,
  whatIfWeights,
} from "../src/index.js";

/** n apps answering a rubric of 10 criteria. */
const review = (n: number, seed: string) => generateApps({ apps: n, criteria: 10, seed });
/** 50 apps answering a rubric of n / 50 criteria (n answers). */
const wideReview = (n: number, seed: string) => generateApps({ apps: 50, criteria: Math.round(n / 50), seed });
const options = (asOf: string) => ({ asOf, district: { state: "NY" } });

/** n alternatives × 10 criteria. */
function matrix(n: number, seed: number) {
  const rng = createRng(seed);
  const weights = Array.from({ length: 10 }, () => 0.1 + rng.next());
  return {
    weights,
    benefit: weights.map((_, j) => j % 3 !== 0),
    normalize: "max" as const,
    alternatives: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, values: weights.map(() => Math.round(1 + rng.next() * 999)) })),
  };
}

const int = (rng: { next(): number }, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));

/** A privacy register of n agreements (two a product, signed FY2021–26 for three years; one in seven denied). */
function register(n: number, seed: number) {
  const rng = createRng(seed);
  return {
    district: { name: "Large SD", state: "OR" },
    agreements: Array.from({ length: n }, (_, i) => {
      const y = int(rng, 2021, 2026);
      return {
        id: `g${i}`,
        appId: `app${Math.floor(i / 2)}`,
        appName: `App ${Math.floor(i / 2)}`,
        status: "signed",
        signedOn: `${y}-07-01`,
        expiresOn: `${y + 3}-06-30`,
        decision: i % 7 === 0 ? "denied" : "approved",
        dataElements: ["Student Name"],
      };
    }),
  };
}

/** n usage lines over n/50 products and n users (85 % students). */
function usage(n: number, seed: number) {
  const rng = createRng(seed);
  const products = Math.max(2, Math.round(n / 50));
  return Array.from({ length: n }, () => ({ product: `App ${int(rng, 0, products)}`, user: `u${int(rng, 0, n)}`, role: rng.next() < 0.85 ? "student" : "teacher" }));
}

/** A roster sync to WriteMate of n students (grades 3–12, one in four with a birth day) and its 8 columns, with the register of its one agreement (grades 6–8, consent on file for a tenth). */
function rosterSync(n: number, seed: number) {
  const rng = createRng(seed);
  const students = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    grade: String(int(rng, 3, 12)),
    ...(rng.next() < 0.25 ? { birthDate: `${int(rng, 2008, 2017)}-${String(int(rng, 1, 12)).padStart(2, "0")}-${String(int(rng, 1, 28)).padStart(2, "0")}` } : {}),
    line: i + 2,
  }));
  return {
    register: {
      district: { name: "Large SD", state: "OR" },
      agreements: [
        {
          id: "wm",
          appId: "writemate",
          appName: "WriteMate AI",
          status: "signed",
          signedOn: "2026-06-15",
          expiresOn: "2027-06-30",
          dataElements: ["Student Name", "Student Identifiers", "Enrollment"],
          decision: "approvedWithConditions",
          conditions: { grades: ["6", "7", "8"], under13: "withParentalConsent", consentOnFile: students.filter((_, i) => i % 10 === 0).map((s) => s.id) },
        },
      ],
    },
    shared: {
      appId: "writemate",
      fields: ["sourcedId", "givenName", "familyName", "email", "grades", "birthDate", "orgSourcedIds", "username"].map((column) => ({ file: "users.csv", column, count: n })),
      students,
    },
  };
}

/** The cases (scaling.bench.ts registers them). */
export const scalingCases = [
  scalingCase(
    "scoreApps (apps × 10 criteria)",
    (n) => review(n, "score"),
    ({ rubric, apps, asOf }) => scoreApps(rubric, apps, options(asOf)),
    { iterations: 3 },
  ),
  scalingCase(
    "scoreApps (answers: 50 apps × criteria grow)",
    (n) => wideReview(n, "wide"),
    ({ rubric, apps, asOf }) => scoreApps(rubric, apps, options(asOf)),
  ),
  scalingCase(
    "compileScorer + scoreApps (apps × 10 criteria)",
    (n) => review(n, "scorer"),
    ({ rubric, apps, asOf }) => compileScorer(rubric, options(asOf)).scoreApps(apps),
    { iterations: 3 },
  ),
  scalingCase(
    "readAnswers (apps × 10 criteria)",
    (n) => review(n, "sheet"),
    ({ rubric, apps }) => readAnswers(rubric, apps),
  ),
  scalingCase(
    "compareApps (apps × 10 criteria)",
    (n) => review(n, "compare"),
    ({ rubric, apps, asOf }) => compareApps(rubric, apps, options(asOf)),
    { iterations: 3 },
  ),
  scalingCase(
    "whatIfWeights (apps × 10 criteria)",
    (n) => review(n, "what-if"),
    ({ rubric, apps, asOf }) => whatIfWeights(rubric, apps, { c1: 5, c2: 0.5 }, options(asOf)),
    { iterations: 3 },
  ),
  scalingCase(
    "decisionRobustness (answers: one app, criteria grow to 2,000)",
    (n) => generateApps({ apps: 1, criteria: Math.round(n / 50), seed: "robust" }),
    ({ rubric, apps, asOf }) => decisionRobustness(rubric, apps[0], options(asOf)),
    { iterations: 3 },
  ),
  scalingCase("prepareRubric (criteria grow to 2,000; × 50 elements)", (n) => wideReview(n, "prepare").rubric, prepareRubric),
  scalingCase(
    "deriveRubric (criteria grow to 2,000, every weight changed)",
    (n) => {
      const { rubric } = wideReview(n, "derive");
      return { rubric, weights: Object.fromEntries(rubric.criteria.map((c, i) => [c.id, 1 + (i % 5)])) };
    },
    ({ rubric, weights }) => deriveRubric(rubric, { id: "w", methodVersion: "w.1", weights }),
  ),
  scalingCase("weightedSum (alternatives × 10 criteria)", (n) => matrix(n / 10, 1), weightedSum),
  scalingCase("topsis (alternatives × 10 criteria)", (n) => matrix(n / 10, 2), topsis),
  // the privacy register (added with issue 20): usage lines against a register of n/100 agreements, and registers of n agreements
  scalingCase(
    "findUnvettedApps (usage lines; register of n/100 agreements)",
    (n) => ({ register: register(Math.round(n / 100), 3), usage: usage(n, 4) }),
    ({ register, usage }) => findUnvettedApps(register, usage, { asOf: "2026-07-01" }),
  ),
  scalingCase(
    "reviewRegister (agreements)",
    (n) => register(n, 5),
    (r) => reviewRegister(r, { asOf: "2026-07-01" }),
    { iterations: 3 },
  ),
  scalingCase("listAgreementExpiries (agreements)", (n) => register(n, 6), listAgreementExpiries, { iterations: 3 }),
  scalingCase("generateApps (apps × 10 criteria)", (n) => ({ apps: n / 10, criteria: 10, seed: "generate" }), generateApps),
  scalingCase(
    "buildApprovedAppList (agreements)",
    (n) => register(n, 41),
    (r) => buildApprovedAppList(r, { asOf: "2026-07-01" }),
  ),
  scalingCase(
    "checkRosterSharing (roster students)",
    (n) => rosterSync(n, 42),
    ({ register: r, shared }) => checkRosterSharing(r, shared, { asOf: "2026-07-01" }),
  ),
  scalingCase(
    "riskScore (questionnaire items)",
    (n) => {
      const rng = createRng(43);
      return {
        items: Array.from({ length: n }, (_, i) => {
          const r = rng.next();
          return {
            id: `q${i}`,
            weight: int(rng, 0, 5),
            answer: r < 0.8 ? Math.round(rng.next() * 100) / 100 : r < 0.9 ? ("unanswered" as const) : r < 0.95 ? ("notApplicable" as const) : ("text" as const),
          };
        }),
      };
    },
    riskScore,
  ),
];
