import { z } from "zod";
import { describeValue } from "./describe.js";
import { DistrictKitError, type DistrictKitIssue, guardInput } from "./errors.js";
import { keyedRecordTwin, schemaArgument } from "./schemas.js";

function describeInput(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function" || typeof value === "symbol") return `a ${typeof value}`;
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return Array.isArray(value) ? "an array" : `a ${typeof value}`;
  }
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === "symbol" ? String(p) : p));
}

function flatten(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[], out: Omit<DistrictKitIssue, "pathText">[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...toPath(issue.path)];
    if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.errors.every((e) => e.length > 0)) {
      // Report the branch that got furthest (the one whose deepest issue has the longest path).
      const best = [...issue.errors].sort((a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)))[0]!;
      if (Math.max(...best.map((i) => i.path.length)) > 0) {
        flatten(best, path, out);
        continue;
      }
    }
    let message = issue.message;
    const input = (issue as { input?: unknown }).input;
    if (!/\bgot\b/.test(message) && issue.code !== "unrecognized_keys" && issue.code !== "custom") {
      message = `${message.replace(/^Invalid input: /, "")}, got ${describeInput(input)}`;
    }
    out.push({ path, code: issue.code, message });
  }
}

/**
 * Runs a zod schema and returns its output, or throws one {@link DistrictKitError}
 * (`INVALID_INPUT`) that lists every problem with a readable path and what was found.
 *
 * @param schema - any zod schema
 * @param input - untrusted data (parsed JSON, a form, a file's rows)
 * @param root - a path prefix for the messages, e.g. `["inventory"]`
 * @returns the schema's output
 * @throws DistrictKitError listing every issue
 * @example
 * ```ts
 * const schema = z.object({ students: z.number().int().min(0) });
 * parseInput(schema, { students: -3 }); // throws: students: Too small: expected number to be >=0, got -3
 * ```
 * @category Validation
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root: readonly (string | number)[] = []): z.output<S> {
  const result = safeParseInput(schema, input, root);
  if (result.success) return result.data;
  throw result.error;
}

/**
 * Like {@link parseInput}, without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @param schema - any zod schema
 * @param input - untrusted data
 * @param root - a path prefix for the messages
 * @returns the outcome
 * @example
 * ```ts
 * const r = safeParseInput(z.string(), 3);
 * if (!r.success) console.log(r.error.issues[0]?.message); // => "expected string, received number, got 3"
 * ```
 * @category Validation
 */
export function safeParseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root: readonly (string | number)[] = [],
): { success: true; data: z.output<S> } | { success: false; error: DistrictKitError } {
  let path: (string | number)[];
  try {
    schemaArgument(schema, "schema");
    if (!Array.isArray(root)) throw DistrictKitError.argument(["root"], `expected a path (a list of keys and indexes), got ${describeValue(root)}`);
    path = guardInput(() => [...root], ["root"], "the path");
  } catch (error) {
    return { success: false, error: DistrictKitError.wrap(error) };
  }
  try {
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return { success: true, data: result.data as z.output<S> };
    const out: Omit<DistrictKitIssue, "pathText">[] = [];
    flatten(result.error.issues, path, out); // zod builds its issues' messages here, reading the input again
    return { success: false, error: new DistrictKitError("INVALID_INPUT", out) };
  } catch (error) {
    if (error instanceof DistrictKitError) {
      return {
        success: false,
        error: new DistrictKitError(
          "INVALID_INPUT",
          error.issues.map((i) => ({ ...i, path: [...path, ...i.path] })),
          undefined,
          error.cause === undefined ? undefined : { cause: error.cause },
        ),
      };
    }
    // a getter, a Proxy or a toString of the caller's that threw: the one rule (DistrictKitError.wrap)
    return { success: false, error: DistrictKitError.wrap(error, path) };
  }
}

/**
 * The JSON Schema (draft 2020-12) of what a schema accepts as input, so a district tool in any
 * language can validate its files against DistrictKit's.
 *
 * @param schema - a zod schema
 * @returns the JSON Schema object
 * @example
 * ```ts
 * toJsonSchema(z.object({ name: z.string() })).type; // => "object"
 * ```
 * @category Validation
 */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  schemaArgument(schema, "schema");
  return guardInput(() => jsonSchemaOf(schema), ["schema"], "the schema");
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    // a keyedRecordSchema is a transform zod cannot describe: it is written as the z.record it validates like
    override: (ctx) => {
      const twin = keyedRecordTwin(ctx.zodSchema);
      if (!twin) return;
      const { $schema: _, ...json } = jsonSchemaOf(twin);
      const description = ctx.jsonSchema.description;
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[k];
      Object.assign(ctx.jsonSchema, json, description === undefined ? {} : { description });
    },
  }) as Record<string, unknown>;
}
