import { DistrictKitError, parseInput } from "@districtkit/core";
import type { z } from "zod";
import { decodeText, type TextInput } from "../decode.js";
import { guard } from "../internal/guard.js";

/**
 * Options of {@link exportJson}.
 *
 * @category Writing
 */
export interface JsonExportOptions {
  /** Indentation (spaces) for people to read; 0 for the most compact text (default 2). */
  readonly indent?: number;
}

/**
 * Writes any DistrictKit value or result as JSON, losslessly: money (and any decimal) as a decimal
 * string (`"1234.56"`), never a float; a `Map` as an object; a `bigint` as a string. Refuses
 * NaN and ±Infinity rather than writing `null`.
 *
 * @param value - a result, an input, any plain data
 * @param options - indentation
 * @returns the JSON text
 * @throws DistrictKitError for a value JSON cannot hold (NaN, Infinity, a function, a cycle)
 * @example
 * ```ts
 * exportJson({ total: Money.of("86700.10"), devices: 300 }, { indent: 0 }); // => "{\"total\":\"86700.1\",\"devices\":300}"
 * exportJson({ ratio: Number.NaN }); // throws
 * ```
 * @category Writing
 */
export function exportJson(value: unknown, options: JsonExportOptions = {}): string {
  return guard("value", () => {
    const indent = options.indent ?? 2;
    if (!Number.isInteger(indent) || indent < 0 || indent > 10) throw DistrictKitError.argument(["options", "indent"], "expected 0–10 spaces");
    const stack: unknown[] = [];
    const problems: { path: (string | number)[]; message: string }[] = [];
    const walk = (v: unknown, path: (string | number)[]): unknown => {
      if (v === null || typeof v === "string" || typeof v === "boolean") return v;
      if (typeof v === "number") {
        if (!Number.isFinite(v)) problems.push({ path, message: `${v} cannot be written as JSON` });
        return v;
      }
      if (typeof v === "bigint") return v.toString();
      if (v === undefined) return undefined;
      if (typeof v === "function" || typeof v === "symbol") {
        problems.push({ path, message: `a ${typeof v} cannot be written as JSON` });
        return undefined;
      }
      const o = v as object;
      if (typeof (o as { toJSON?: unknown }).toJSON === "function") return walk((o as { toJSON(): unknown }).toJSON(), path);
      if (stack.includes(o)) {
        problems.push({ path, message: "the value contains itself (a cycle)" });
        return undefined;
      }
      stack.push(o);
      try {
        if (Array.isArray(o)) return o.map((x, i) => walk(x, [...path, i]) ?? null);
        const entries: [unknown, unknown][] = o instanceof Map ? [...o.entries()] : o instanceof Set ? [...o].map((x, i) => [i, x]) : Object.entries(o);
        const out = Object.create(null) as Record<string, unknown>; // keys are data (a fund called __proto__ is written)
        for (const [k, x] of entries) {
          const key = String(k);
          const w = walk(x, [...path, key]);
          if (w !== undefined) out[key] = w;
        }
        return o instanceof Set ? Object.values(out) : out;
      } finally {
        stack.pop();
      }
    };
    const plain = walk(value, []);
    if (problems.length > 0) throw new DistrictKitError("INVALID_ARGUMENT", problems.slice(0, 50));
    return JSON.stringify(plain ?? null, null, indent);
  });
}

function position(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return "";
  const at = Number(m[1]);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  return ` at line ${line}, column ${column}`;
}

/**
 * Reads a JSON file (text or bytes, any encoding {@link decodeText} knows) and validates it with a
 * zod schema — a DistrictKit engine's input schema, or one of this package's record schemas.
 *
 * @param schema - the schema the content must match
 * @param input - the JSON text or bytes
 * @returns the validated value (the schema's output: money as `Money` when the schema says so)
 * @throws DistrictKitError for text that is not JSON (with its line and column) or does not match (every issue with its path)
 * @example
 * ```ts
 * parseJsonInput(z.object({ seats: z.number().int() }), '{ "seats": 900 }'); // => { "seats": 900 }
 * parseJsonInput(z.object({ seats: z.number().int() }), '{ "seats": 9.5 }'); // throws
 * parseJsonInput(z.object({ seats: z.number() }), '{ seats: 1 }'); // throws
 * ```
 * @category Reading
 */
export function parseJsonInput<S extends z.ZodType>(schema: S, input: TextInput): z.output<S> {
  return guard("JSON", () => {
    const { text } = decodeText(input);
    if (text.trim() === "") throw new DistrictKitError("INVALID_INPUT", [{ path: ["file"], code: "empty_file", message: "the file is empty (expected JSON)" }]);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new DistrictKitError("INVALID_INPUT", [{ path: ["file"], code: "invalid_json", message: `the file is not valid JSON${position(text, detail)}: ${detail}` }]);
    }
    return parseInput(schema, value);
  });
}
