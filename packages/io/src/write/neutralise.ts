import { DistrictKitError } from "@districtkit/core";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RISKY = /^'*[=+\-@\t\r|]/;
const ESCAPED = /^'+[=+\-@\t\r|]/;

/**
 * Makes a cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, `|`, a tab or a carriage return — `=cmd|' /C calc'!A0`) gets
 * a leading `'`, so it shows as text. Plain numbers (`-12.50`) and white space alone are left alone. DistrictKit's
 * readers remove that one `'` again, so export then import gives back the same text.
 *
 * @param text - a cell's text
 * @returns the text, made inert
 * @example
 * ```ts
 * neutraliseFormula("=cmd|' /C calc'!A0"); // => "'=cmd|' /C calc'!A0"
 * neutraliseFormula("-12.50"); // => "-12.50"
 * neutraliseFormula("Maple Valley High"); // => "Maple Valley High"
 * ```
 * @category Writing
 */
export function neutraliseFormula(text: string): string {
  if (typeof text !== "string") throw DistrictKitError.argument(["text"], `expected a cell's text, got ${typeof text === "number" ? String(text) : text === null ? "null" : typeof text}`);
  // a cell of white space alone (a tab, a line break) cannot hold a formula
  return RISKY.test(text) && !NUMBER.test(text) && text.trim() !== "" ? `'${text}` : text;
}

/** @internal The reader's inverse of {@link neutraliseFormula}. */
export function restoreFormula(text: string): string {
  return text.charCodeAt(0) === 39 && ESCAPED.test(text) ? text.slice(1) : text;
}
