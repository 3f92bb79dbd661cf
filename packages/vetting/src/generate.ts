import { createRng, isoDateSchema, parseInput, type Rng } from "@districtkit/core";
import { z } from "zod";
import type { AppInput } from "./schema/answers.js";
import type { CriterionInput } from "./schema/criterion.js";
import type { RubricInput } from "./schema/rubric.js";
import { wcagCriteria } from "./tables/wcag.js";

/**
 * The zod schema of {@link generateApps}'s options.
 *
 * @example
 * ```ts
 * generateAppsOptionsSchema.safeParse({ apps: 0, criteria: 80, seed: 1 }).success; // => false
 * ```
 * @category Schemas
 */
export const generateAppsOptionsSchema = z.strictObject({
  apps: z.number().int().min(1).max(1_000_000),
  criteria: z.number().int().min(1).max(2_000),
  seed: z.union([z.number().int(), z.string()]),
  unansweredShare: z.number().min(0).max(1).default(0.08),
  asOf: isoDateSchema.default("2026-07-01"),
});

/**
 * Options of {@link generateApps}.
 *
 * @category Generators
 */
export type GenerateAppsOptions = z.input<typeof generateAppsOptionsSchema>;

/**
 * A generated workload: a rubric and apps answering it.
 *
 * @category Generators
 */
export interface GeneratedApps {
  /** A rubric with the requested number of criteria, of every kind, with conditions and gates. */
  readonly rubric: RubricInput;
  /** The apps, with answers of every state (better, worse, unclear, N/A, unanswered, expired evidence). */
  readonly apps: readonly AppInput[];
  /** The as-of date the answers were generated around. */
  readonly asOf: string;
}

const DOMAINS = ["privacy", "security", "accessibility", "interoperability", "evidence", "other"] as const;
const TERMS = ["Supports", "Supports", "Supports", "Supports", "Partially Supports", "Does Not Support", "Not Applicable"] as const;

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng.next() * xs.length)]!;
}

function dateNear(rng: Rng, asOf: string, spanDays: number): string {
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) + Math.round((rng.next() * 2 - 1) * spanDays) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Generates a reproducible vetting workload (the package's benchmark V1: 10,000 apps × 80 criteria): a
 * rubric of `criteria` criteria of every kind — practices, yes/no, levels, choices, dates,
 * documents, an ACR, a study — with applicability conditions and hard gates, and `apps` apps
 * answering it, each answer better, worse, unclear, N/A or missing, with evidence that is
 * current or expired. The same options give the same data in Node and in a browser.
 *
 * @param options - `{ apps, criteria, seed, unansweredShare? = 0.08, asOf? = "2026-07-01" }`
 * @returns the rubric, the apps and the as-of date
 * @throws DistrictKitError for counts out of range or a bad seed
 * @example
 * ```ts
 * const w = generateApps({ apps: 3, criteria: 12, seed: 7 });
 * w.rubric.criteria.length; // => 12
 * w.apps.length; // => 3
 * scoreApps(w.rubric, w.apps, { asOf: w.asOf, district: { state: "NY" } }).length; // => 3
 * ```
 * @category Generators
 */
export function generateApps(options: GenerateAppsOptions): GeneratedApps {
  const o = parseInput(generateAppsOptionsSchema, options, ["options"]);
  const rng = createRng(o.seed);
  const rubricRng = rng.stream("rubric");
  const criteria: CriterionInput[] = [];
  const special = ["acr", "study", "document", "document", "date", "date"] as const;
  for (let i = 0; i < o.criteria; i++) {
    const id = `c${i}`;
    const domain = DOMAINS[i % DOMAINS.length]!;
    const weight = Math.round((0.5 + rubricRng.next() * 4.5) * 10) / 10;
    const title = `Criterion ${i}`;
    const gate = i % 23 === 5;
    const base = { id, title, domain, weight, ...(gate ? { gate: true } : {}) };
    // every 10th criterion (after the first few) applies only when c0's answer is "does", or only in NY
    const cond =
      i > 3 && i % 10 === 7 ? { appliesWhen: { type: "answer" as const, criterion: "c0", in: ["does"] } } : i > 3 && i % 10 === 3 ? { appliesWhen: { type: "state" as const, in: ["NY"] } } : {};
    const k = i < special.length && o.criteria >= 20 ? special[i]! : pick(rubricRng, ["practice", "practice", "practice", "yesNo", "yesNo", "level", "choice"] as const);
    const kind = i === 0 ? "practice" : k;
    switch (kind) {
      case "practice":
        criteria.push({ ...base, ...cond, kind, better: rubricRng.next() < 0.6 ? "doesNot" : "does" });
        break;
      case "yesNo":
        criteria.push({ ...base, ...cond, kind });
        break;
      case "level":
        criteria.push({ ...base, ...cond, kind, min: 1, max: 4 });
        break;
      case "choice":
        criteria.push({
          ...base,
          ...cond,
          kind,
          options: [
            { value: "good", score: 1 },
            { value: "fair", score: 0.5 },
            { value: "poor", score: 0 },
          ],
        });
        break;
      case "date":
        criteria.push({ ...base, kind, freshForMonths: 12 });
        break;
      case "document":
        criteria.push({
          ...base,
          kind,
          kinds: [
            { value: "full", score: 1 },
            { value: "partial", score: 0.5 },
          ],
          validForMonths: 36,
        });
        break;
      case "acr":
        criteria.push({ ...base, kind, wcagVersion: "2.1" });
        break;
      case "study":
        criteria.push({ ...base, kind });
        break;
    }
  }
  const rubric: RubricInput = { id: `generated-${String(o.seed)}`, title: `Generated rubric (${o.criteria} criteria, seed ${String(o.seed)})`, methodVersion: "generated.1", criteria };
  const sc = wcagCriteria("2.1", "AA").map((c) => c.id);
  const apps: AppInput[] = [];
  for (let a = 0; a < o.apps; a++) {
    const r = rng.stream(a);
    const answers: Record<string, { value: unknown; source?: string; asOf?: string }> = {};
    for (const c of criteria) {
      const u = r.next();
      if (u < o.unansweredShare) continue;
      const state = r.next();
      let value: unknown;
      if (state < 0.05) value = "unclear";
      else if (state < 0.08 && c.id !== "c0") value = "notApplicable";
      else {
        const good = r.next() < 0.8;
        switch (c.kind) {
          case "practice":
            value = good ? c.better : c.better === "does" ? "doesNot" : "does";
            break;
          case "yesNo":
            value = good ? "yes" : "no";
            break;
          case "level":
            value = good ? 2 + Math.floor(r.next() * 3) : 1;
            break;
          case "choice":
            value = good ? pick(r, ["good", "fair"]) : "poor";
            break;
          case "date":
            value = dateNear(r, o.asOf, 500);
            break;
          case "document":
            value = good ? { present: true, kind: pick(r, ["full", "partial"]), issuedOn: dateNear(r, o.asOf, 900), expiresOn: dateNear(r, o.asOf, 400) } : { present: false };
            break;
          case "acr": {
            const entries: Record<string, string> = {};
            for (const id of sc) entries[id] = pick(r, TERMS);
            value = good ? { present: true, date: dateNear(r, o.asOf, 800), wcagVersion: "2.1", method: "manualAndAssistiveTech", entries } : { present: false };
            break;
          }
          case "study":
            value = good
              ? {
                  present: true,
                  design: pick(r, ["rct", "quasiExperimental", "correlational", "logicModel"]),
                  wwcRating: pick(r, ["meetsWithoutReservations", "meetsWithReservations", "notReviewed"]),
                  significantPositive: r.next() < 0.7,
                  n: Math.floor(r.next() * 3000),
                  sites: Math.floor(r.next() * 20),
                  evaluationUnderWay: true,
                }
              : { present: false };
            break;
          default:
            value = "unclear";
        }
      }
      answers[c.id] = r.next() < 0.5 ? { value, source: `https://vendor${a}.example/policy#${c.id}`, asOf: o.asOf } : { value };
    }
    apps.push({ id: `app-${a}`, name: `App ${a}`, useMode: "studentLogin", answers } as AppInput);
  }
  // as data arrives from a file or a form: plain JSON objects (what io and the playground pass in)
  return { rubric, apps: JSON.parse(JSON.stringify(apps)) as AppInput[], asOf: o.asOf };
}
