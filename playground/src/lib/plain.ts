import type { Money } from "@districtkit/core";

/** A result as plain JSON: every Money becomes its decimal string ("1234.56"). */
export type Plain<T> = T extends Money ? string : T extends readonly (infer U)[] ? readonly Plain<U>[] : T extends object ? { readonly [K in keyof T]: Plain<T[K]> } : T;

/** Turn an engine result into plain data (Money → decimal string), as the worker does too. */
export function plain<T>(value: T): Plain<T> {
  return JSON.parse(JSON.stringify(value)) as Plain<T>;
}
