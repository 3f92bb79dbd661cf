import { isoDateSchema } from "@districtkit/core";
import { z } from "zod";

/**
 * When a criterion applies. Conditions read the district's context (state, the users' ages, the
 * as-of date), the app's use mode, and other answers of the same app; they combine with
 * `all`, `any` and `not`. An answer condition whose answer is missing or unclear is *unknown*,
 * and a criterion whose condition is unknown still applies (the safe reading: ask rather than
 * skip).
 *
 * - `usersYoungerThan`: some intended user is younger than `age` (COPPA: 13).
 * - `state`: the district is in one of `in` (two-letter codes).
 * - `answer`: the answer to `criterion` is one of `in`.
 * - `useMode`: the app is used in one of these modes.
 * - `onOrAfter`: the as-of date is on or after `date` (a rule in force from a date).
 *
 * @category Rubric
 */
export type Condition =
  | { readonly type: "usersYoungerThan"; readonly age: number }
  | { readonly type: "state"; readonly in: readonly string[] }
  | { readonly type: "answer"; readonly criterion: string; readonly in: readonly (string | number | boolean)[] }
  | { readonly type: "useMode"; readonly in: readonly UseMode[] }
  | { readonly type: "onOrAfter"; readonly date: string }
  | { readonly type: "all"; readonly of: readonly Condition[] }
  | { readonly type: "any"; readonly of: readonly Condition[] }
  | { readonly type: "not"; readonly of: Condition };

/**
 * The zod schema of a two-letter US state or territory code (`"NY"`).
 *
 * @example
 * ```ts
 * stateCodeSchema.safeParse("NY").success; // => true
 * stateCodeSchema.safeParse("New York").success; // => false
 * ```
 * @category Schemas
 */
export const stateCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'expected a two-letter state code in capitals, e.g. "NY"' })
  .describe("Two-letter US state code, e.g. NY");

/**
 * How students meet the app, which decides how deep the review goes (Laurel, MT practice):
 * `teacherOnly` (teacher account, shown to the class), `noLogin` (students use it without an
 * account), `studentLogin` (students sign in), `installed` (an app installed on student devices).
 *
 * @example
 * ```ts
 * useModeSchema.parse("studentLogin"); // => "studentLogin"
 * ```
 * @category Schemas
 */
export const useModeSchema = z.enum(["teacherOnly", "noLogin", "studentLogin", "installed"]);

/**
 * How students meet the app (see {@link useModeSchema}).
 *
 * @category Rubric
 */
export type UseMode = z.infer<typeof useModeSchema>;

/**
 * The zod schema of an applicability {@link Condition} (recursive through `all`, `any`, `not`).
 *
 * @example
 * ```ts
 * conditionSchema.parse({ type: "usersYoungerThan", age: 13 }); // => { "type": "usersYoungerThan", "age": 13 }
 * conditionSchema.safeParse({ type: "state", in: ["New York"] }).success; // => false
 * ```
 * @category Schemas
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("usersYoungerThan"), age: z.number().int().min(1).max(120) }),
    z.strictObject({ type: z.literal("state"), in: z.array(stateCodeSchema).min(1) }),
    z.strictObject({
      type: z.literal("answer"),
      criterion: z.string().min(1),
      in: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
    }),
    z.strictObject({ type: z.literal("useMode"), in: z.array(useModeSchema).min(1) }),
    z.strictObject({ type: z.literal("onOrAfter"), date: isoDateSchema }),
    z.strictObject({ type: z.literal("all"), of: z.array(conditionSchema).min(1) }),
    z.strictObject({ type: z.literal("any"), of: z.array(conditionSchema).min(1) }),
    z.strictObject({ type: z.literal("not"), of: conditionSchema }),
  ]),
);
