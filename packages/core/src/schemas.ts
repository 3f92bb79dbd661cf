import { z } from "zod";
import { describeValue } from "./describe.js";
import { DistrictKitError, guardInput, isDistrictKitError } from "./errors.js";
import { Money } from "./money.js";
import { Rate } from "./rate.js";

/**
 * The zod schema of an amount of money: a decimal string (`"1234.56"`) or a finite number in
 * the input, a {@link Money} in the output. Use it in every engine schema for amounts.
 *
 * @example
 * ```ts
 * moneySchema.parse("289.00").toString(); // => "289"
 * ```
 * @category Validation
 */
export const moneySchema = z
  .union([z.string(), z.number(), z.custom<Money>((v) => v instanceof Money)])
  .transform((value, ctx) => {
    try {
      return Money.of(value);
    } catch (error) {
      if (!isDistrictKitError(error)) throw error; // a caller's getter or Proxy: safeParseInput wraps it with its cause
      ctx.addIssue({ code: "custom", message: error.issues[0]!.message, input: value });
      return z.NEVER;
    }
  })
  .describe('An amount of money as a decimal string, e.g. "1234.56"');

/**
 * The zod schema of an amount that must not be negative.
 *
 * @example
 * ```ts
 * nonNegativeMoneySchema.safeParse("-1").success; // => false
 * ```
 * @category Validation
 */
export const nonNegativeMoneySchema = moneySchema.refine((m) => !m.isNegative(), { error: "expected an amount ≥ 0" });

/**
 * The zod schema of a rate as a fraction (`0.03` or `"0.03"` is 3 %), above −100 %.
 *
 * @example
 * ```ts
 * rateSchema.parse(0.03).toPercentString(); // => "3%"
 * ```
 * @category Validation
 */
export const rateSchema = z
  .union([z.string(), z.number(), z.custom<Rate>((v) => v instanceof Rate)])
  .transform((value, ctx) => {
    try {
      return Rate.of(value);
    } catch (error) {
      if (!isDistrictKitError(error)) throw error; // a caller's getter or Proxy: safeParseInput wraps it with its cause
      ctx.addIssue({ code: "custom", message: error.issues[0]!.message, input: value });
      return z.NEVER;
    }
  })
  .describe("A rate as a fraction, e.g. 0.03 for 3%");

/**
 * The zod schema of a fiscal year number (a whole number 1000–9998).
 *
 * @example
 * ```ts
 * fiscalYearSchema.parse(2027); // => 2027
 * ```
 * @category Validation
 */
export const fiscalYearSchema = z.number().int().min(1000).max(9998).describe("A fiscal year, named by its calendar's convention");

/**
 * The zod schema of a probability or share in [0, 1].
 *
 * @example
 * ```ts
 * probabilitySchema.safeParse(1.2).success; // => false
 * ```
 * @category Validation
 */
export const probabilitySchema = z.number().min(0).max(1);

/** Each keyed record schema → the `z.record` it validates like, for its JSON Schema (see toJsonSchema). */
const KEYED_RECORDS = new WeakMap<object, z.ZodType>();

/** @internal The `z.record` a {@link keyedRecordSchema} stands for in JSON Schema, if `schema` is one. */
export function keyedRecordTwin(schema: object): z.ZodType | undefined {
  return KEYED_RECORDS.get(schema);
}

/**
 * The zod schema of a record keyed by the caller's data — ids, names, column headers. zod's own
 * `z.record` drops a `__proto__` key, and a plain object answers `record["constructor"]` with a
 * JavaScript built-in; this one keeps every own key as ordinary data (`__proto__`, `constructor`,
 * `""`) in an object with no prototype, so `record[key]` reads only the caller's values and
 * `JSON.stringify` writes every key. Its JSON Schema is the same as `z.record(key, value)`'s.
 *
 * @param value - the schema of each value
 * @param key - the schema of each key (default: any text)
 * @returns the schema; its output is a null-prototype record
 * @example
 * ```ts
 * const prices = keyedRecordSchema(z.number().min(0)).parse(JSON.parse('{"__proto__": 12, "constructor": 3}'));
 * [Object.keys(prices), prices["toString"]]; // => [["__proto__", "constructor"], undefined]
 * ```
 * @category Validation
 */
export function keyedRecordSchema<V extends z.ZodType, K extends z.ZodType<string, string> = z.ZodString>(value: V, key?: K): z.ZodType<Record<string, z.output<V>>, Record<z.input<K>, z.input<V>>> {
  schemaArgument(value, "value");
  if (key !== undefined) schemaArgument(key, "key");
  const keySchema: z.ZodType<string, string> = key ?? z.string();
  // the input side (what JSON Schema describes) is this z.custom: it, not the transform, is
  // registered, since .describe() or .optional() copy the outer schema but keep it
  const base = z.custom<Record<z.input<K>, z.input<V>>>(() => true);
  const schema = base.transform((input, ctx) => {
    if (typeof input !== "object" || input === null || Array.isArray(input) || !isRecordLike(input)) {
      ctx.addIssue({ code: "invalid_type", expected: "record", input, message: "expected a record (an object of keys and values)" });
      return z.NEVER;
    }
    const out = Object.create(null) as Record<string, z.output<V>>;
    for (const k of Object.keys(input)) {
      const kr = keySchema.safeParse(k, { reportInput: true });
      if (!kr.success) {
        for (const iss of kr.error.issues) ctx.addIssue({ ...iss, code: "custom", path: [k], message: `invalid key: ${iss.message}`, input: k } as never);
        continue;
      }
      const r = value.safeParse((input as Record<string, unknown>)[k], { reportInput: true });
      if (!r.success) for (const iss of r.error.issues) ctx.addIssue({ ...iss, path: [k, ...iss.path] } as never);
      else out[kr.data] = r.data as z.output<V>; // no prototype: "__proto__" is an own key like any other
    }
    return out;
  });
  KEYED_RECORDS.set(base, z.record(keySchema, value));
  return schema as unknown as z.ZodType<Record<string, z.output<V>>, Record<z.input<K>, z.input<V>>>;
}

function isRecordLike(input: object): boolean {
  const proto = Object.getPrototypeOf(input) as unknown;
  return proto === Object.prototype || proto === null;
}

/** @internal Checks that an argument is a zod schema (a DistrictKitError naming it otherwise). */
export function schemaArgument(schema: unknown, name: string): z.ZodType {
  const ok = guardInput(
    () => schema instanceof z.ZodType || (typeof schema === "object" && schema !== null && "_zod" in schema && typeof (schema as { safeParse?: unknown }).safeParse === "function"),
    [name],
    "the schema",
  );
  if (!ok) throw DistrictKitError.argument([name], `expected a zod schema, got ${describeValue(schema)}`);
  return schema as z.ZodType;
}
