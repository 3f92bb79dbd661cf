import { describeValue } from "./describe.js";

/**
 * One problem found in an input: where it is, what kind of problem, and what was expected.
 *
 * @category Errors
 */
export interface DistrictKitIssue {
  /** Path from the input's root to the offending value, e.g. `["devices", 12, "purchaseDate"]`. */
  readonly path: readonly (string | number)[];
  /** The path written the way a person reads it: `devices[12].purchaseDate` (`(root)` for the root). */
  readonly pathText: string;
  /** Machine-readable kind of problem (zod's issue code, or one of DistrictKit's own). */
  readonly code: string;
  /** What was expected and, where useful, what was found. */
  readonly message: string;
}

/**
 * What went wrong, in one word a caller can switch on.
 *
 * - `INVALID_INPUT`: the input does not match its schema (see `issues`).
 * - `INVALID_ARGUMENT`: a value passed to a function is out of its domain (a negative weight…).
 * - `INFEASIBLE`: the input is valid but no answer exists (a cap that can never be met…).
 * - `UNSUPPORTED`: the request is valid but outside what the rules cover (a legacy rule for a
 *   year it does not apply to…).
 *
 * @category Errors
 */
export type DistrictKitErrorCode = "INVALID_INPUT" | "INVALID_ARGUMENT" | "INFEASIBLE" | "UNSUPPORTED";

/**
 * Writes a path the way a person reads it: `["devices", 12, "purchaseDate"]` → `devices[12].purchaseDate`.
 *
 * @param path - the path segments
 * @returns the readable path, or `(root)` for an empty path
 * @example
 * ```ts
 * formatPath(["devices", 12, "purchaseDate"]); // => "devices[12].purchaseDate"
 * ```
 * @category Errors
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (!Array.isArray(path)) throw DistrictKitError.argument(["path"], `expected a list of keys and indexes, got ${describeValue(path)}`);
  let text = "";
  try {
    for (const segment of path) {
      if (typeof segment === "number") {
        if (!Number.isFinite(segment)) throw DistrictKitError.argument(["path"], `expected indexes that are finite numbers, got ${segment}`);
        text += `[${segment}]`;
      } else if (typeof segment === "string" || typeof segment === "symbol") {
        const name = String(segment);
        text += /^[A-Za-z_$][\w$]*$/.test(name) ? (text === "" ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
      } else throw DistrictKitError.argument(["path"], `expected keys (text) and indexes (numbers), got ${describeValue(segment)}`);
    }
  } catch (error) {
    throw DistrictKitError.wrap(error, ["path"], "the path");
  }
  return text === "" ? "(root)" : text;
}

/**
 * The one error type of DistrictKit. Every public entry point fails with it, and it lists every
 * problem found, each with its path.
 *
 * @example
 * ```ts
 * try {
 *   Money.parse("12.3.4");
 * } catch (error) {
 *   if (error instanceof DistrictKitError) console.log(error.code, error.issues[0]?.message);
 * }
 * ```
 * @category Errors
 */
export class DistrictKitError extends Error {
  /** What went wrong, in one word. */
  readonly code: DistrictKitErrorCode;
  /** Every problem found, each with its path. Never empty. */
  readonly issues: readonly DistrictKitIssue[];

  /**
   * @param code - the kind of failure
   * @param issues - every problem found (at least one)
   * @param summary - an optional first line for the message
   * @param options - `cause`: the error this one reports (a caller's getter or Proxy that threw)
   */
  constructor(
    code: DistrictKitErrorCode,
    issues: readonly { readonly path?: readonly (string | number)[]; readonly code?: string; readonly message: string }[],
    summary?: string,
    options?: { readonly cause?: unknown },
  ) {
    const full: DistrictKitIssue[] = issues.map((issue) => {
      const path = issue.path ?? [];
      return { path, pathText: formatPath(path), code: issue.code ?? code.toLowerCase(), message: issue.message };
    });
    if (full.length === 0) full.push({ path: [], pathText: "(root)", code: code.toLowerCase(), message: summary ?? code });
    const lines = full.slice(0, 20).map((issue) => `  ${issue.pathText}: ${issue.message}`);
    if (full.length > 20) lines.push(`  … and ${full.length - 20} more`);
    const head = summary ?? `${full.length} problem${full.length === 1 ? "" : "s"} found`;
    super(`${head}\n${lines.join("\n")}`, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = "DistrictKitError";
    this.code = code;
    this.issues = full;
  }

  /**
   * Builds an `INVALID_ARGUMENT` error for one value.
   *
   * @param path - where the value is
   * @param message - what was expected
   * @returns the error, ready to throw
   * @example
   * ```ts
   * const error = DistrictKitError.argument(["weights", 2], "expected a weight ≥ 0, got -1");
   * error.issues[0]?.pathText; // => "weights[2]"
   * ```
   */
  static argument(path: readonly (string | number)[], message: string): DistrictKitError {
    return new DistrictKitError("INVALID_ARGUMENT", [{ path, code: "invalid_argument", message }]);
  }

  /**
   * The one rule for anything a caller's value throws while DistrictKit reads it (a getter, a
   * Proxy trap, a `toString`, a callback): a DistrictKitError passes through unchanged; anything
   * else becomes an `INVALID_INPUT` error (issue code `unreadable`) at `path` whose `cause` is the
   * original error.
   *
   * @param error - what was thrown
   * @param path - where the value being read is
   * @param what - what was being read, for the message (default "the input")
   * @returns a DistrictKitError
   * @example
   * ```ts
   * const original = new Error("no access");
   * const error = DistrictKitError.wrap(original, ["devices", 3]);
   * [error.code, error.issues[0]?.code, error.cause === original]; // => ["INVALID_INPUT", "unreadable", true]
   * ```
   */
  static wrap(error: unknown, path: readonly (string | number)[] = [], what = "the input"): DistrictKitError {
    if (isDistrictKitError(error)) return error;
    let detail: string;
    try {
      detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === "string" ? error : typeof error;
    } catch {
      detail = "an unreadable error";
    }
    return new DistrictKitError("INVALID_INPUT", [{ path, code: "unreadable", message: `could not read ${what}: ${detail}` }], undefined, { cause: error });
  }
}

/**
 * Tells whether a value is a {@link DistrictKitError} (works across bundles, where `instanceof` may
 * not). Never throws: a value that cannot be read (a hostile Proxy) is not one.
 *
 * @param value - anything
 * @returns true for a DistrictKit error
 * @example
 * ```ts
 * isDistrictKitError(new Error("x")); // => false
 * ```
 * @category Errors
 */
export function isDistrictKitError(value: unknown): value is DistrictKitError {
  try {
    return value instanceof DistrictKitError || (value instanceof Error && value.name === "DistrictKitError" && Array.isArray((value as { issues?: unknown }).issues));
  } catch {
    return false; // a Proxy or a getter that throws is not one (a predicate never throws)
  }
}

/**
 * Runs code that reads a caller's value outside a schema (an option, a callback, an object the
 * caller made) under the one rule of {@link DistrictKitError.wrap}: whatever it throws that is
 * not a DistrictKitError — a getter, a Proxy trap, a callback — comes back as a DistrictKitError
 * (`INVALID_INPUT`, issue code `unreadable`, at `path`) whose `cause` is the original error.
 *
 * @param read - the code that reads the value
 * @param path - where the value is, for the message
 * @param what - what is read, for the message (default "the input")
 * @returns what `read` returns
 * @throws DistrictKitError wrapping what `read` threw
 * @example
 * ```ts
 * const options = { get locale(): string { throw new Error("denied"); } };
 * guardInput(() => options.locale, ["options", "locale"]); // throws DistrictKitError (cause: the Error)
 * ```
 * @category Errors
 */
export function guardInput<T>(read: () => T, path: readonly (string | number)[] = [], what = "the input"): T {
  try {
    return read();
  } catch (error) {
    throw DistrictKitError.wrap(error, path, what);
  }
}
