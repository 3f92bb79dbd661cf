import { isoDateSchema, parseInput, toJsonSchema } from "@districtkit/core";
import { z } from "zod";
import { compileRubric } from "./internal/compile.js";
import { ageRangeSchema } from "./schema/answers.js";
import { useModeSchema } from "./schema/condition.js";
import { type Criterion, criterionSchema } from "./schema/criterion.js";
import { acrAnswerSchema, studyAnswerSchema } from "./schema/evidence.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";

const RESERVED = ["unclear", "notApplicable"] as const;
const reserved = z.enum(RESERVED);

function documentSchemaFor(c: Extract<Criterion, { kind: "document" }>) {
  const kind = c.kinds ? z.enum(c.kinds.map((k) => k.value) as [string, ...string[]]) : z.string().min(1).optional();
  const edition = c.editions ? z.enum(c.editions.map((e) => e.value) as [string, ...string[]]).optional() : z.string().min(1).optional();
  return z.discriminatedUnion("present", [
    z.strictObject({ present: z.literal(false) }),
    z.strictObject({
      present: z.literal(true),
      kind,
      issuedOn: isoDateSchema.optional(),
      periodEnd: isoDateSchema.optional(),
      expiresOn: isoDateSchema.optional(),
      edition,
      url: z.string().min(1).optional(),
    }),
  ]);
}

/**
 * The exact zod schema of the value one criterion accepts (its kind's values, `"unclear"` or
 * `"notApplicable"`) — the rule the scoring engine applies, as a schema for forms, importers
 * and the vendors' questionnaire.
 *
 * @param criterion - a validated criterion (from a rubric)
 * @returns the zod schema of its answer value
 * @example
 * ```ts
 * const dpa = K12_RUBRIC.criteria.find((c) => c.id === "dpa")!;
 * answerValueSchemaFor(dpa).safeParse({ present: true, kind: "ndpa", expiresOn: "2029-06-30" }).success; // => true
 * answerValueSchemaFor(dpa).safeParse({ present: true, kind: "handshake" }).success; // => false
 * ```
 * @category Questionnaire
 */
export function answerValueSchemaFor(criterion: Criterion): z.ZodType {
  const c = parseInput(criterionSchema, criterion, ["criterion"]);
  switch (c.kind) {
    case "practice":
      return z.enum(["does", "doesNot", ...RESERVED]);
    case "yesNo":
      return z.union([z.enum(["yes", "no", ...RESERVED]), z.boolean()]);
    case "level":
      return z.union([z.number().int().min(c.min).max(c.max), reserved]);
    case "choice":
      return z.enum([...c.options.map((o) => o.value), ...RESERVED] as unknown as [string, ...string[]]);
    case "date":
      return z.union([reserved, isoDateSchema]);
    case "document":
      return z.union([documentSchemaFor(c), reserved]);
    case "acr":
      return z.union([acrAnswerSchema, reserved]);
    case "study":
      return z.union([studyAnswerSchema, reserved]);
    case "list":
      return z.union([z.array(c.vocabulary ? z.enum(c.vocabulary as [string, ...string[]]) : z.string()), reserved]);
    case "text":
      return z.string();
  }
}

/**
 * The exact zod schema of an app's answers for one rubric: only the rubric's criteria, each
 * with the value its kind accepts, a source link and an as-of date. The io package and the
 * playground's forms validate against it; {@link questionnaireJsonSchema} is its JSON Schema.
 *
 * @param rubric - the rubric
 * @returns the zod schema of an app (`{ id, name, vendor?, audience?, useMode?, answers }`)
 * @throws DistrictKitError when the rubric is not valid
 * @example
 * ```ts
 * const schema = appSchemaFor(K12_RUBRIC);
 * schema.safeParse({ id: "a", name: "A", answers: { sellsData: { value: "doesNot", source: "https://a.example/privacy" } } }).success; // => true
 * schema.safeParse({ id: "a", name: "A", answers: { sellsData: { value: "maybe" } } }).success; // => false
 * ```
 * @category Questionnaire
 */
export function appSchemaFor(rubric: Rubric | RubricInput) {
  const r = compileRubric(rubric).rubric;
  const shape = Object.create(null) as Record<string, z.ZodType>; // criterion ids are data (zod itself cannot hold a "__proto__" key)
  for (const c of r.criteria) {
    const description = [c.question ?? c.title, c.reference ? `(question ${c.reference})` : null, c.weight === 0 ? "Recorded, not scored." : null].filter(Boolean).join(" ");
    shape[c.id] = z
      .strictObject({
        value: answerValueSchemaFor(c),
        source: z.string().min(1).optional().describe("Where the answer comes from: a link to the policy, the agreement, the report"),
        asOf: isoDateSchema.optional(),
        note: z.string().optional(),
      })
      .meta({ title: c.title, description })
      .optional();
  }
  return z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    vendor: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    description: z.string().optional(),
    audience: ageRangeSchema.optional(),
    useMode: useModeSchema.default("studentLogin"),
    answers: z.strictObject(shape),
  });
}

/**
 * The JSON Schema (draft 2020-12) of the questionnaire a vendor fills in for a rubric: one
 * property per criterion with its title, question, question-bank reference and accepted values.
 * Send it with the questionnaire so a vendor's file can be validated before it is sent back.
 *
 * @param rubric - the rubric
 * @returns the JSON Schema object
 * @throws DistrictKitError when the rubric is not valid
 * @example
 * ```ts
 * const schema = questionnaireJsonSchema(K12_RUBRIC);
 * schema.title; // => "DistrictKit K-12 app vetting rubric — vendor questionnaire (method 2026.1)"
 * Object.keys((schema.properties as any).answers.properties).includes("dpa"); // => true
 * ```
 * @category Questionnaire
 */
export function questionnaireJsonSchema(rubric: Rubric | RubricInput): Record<string, unknown> {
  const r = compileRubric(rubric).rubric;
  const schema = toJsonSchema(appSchemaFor(r));
  return { ...schema, title: `${r.title} — vendor questionnaire (method ${r.methodVersion})`, description: r.description ?? `Answers to rubric ${r.id} ${r.methodVersion}.` };
}
