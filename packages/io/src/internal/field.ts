import type { FieldKind, FieldSpec } from "../csvFormat.js";

/** Shorthand to declare a field. */
export function field(key: string, header: string, kind: FieldKind, aliases: readonly string[] = [], flags: { readonly requiredColumn?: boolean; readonly requiredValue?: boolean } = {}): FieldSpec {
  return { key, header, kind, aliases, ...flags };
}

/** Copies the present values of the listed keys (an absent or empty cell leaves the key out). */
export function pick(values: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = values[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
