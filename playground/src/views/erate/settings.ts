import type { ERateSettings } from "../../state/schema.js";
import { update } from "../../state/store.js";

/** Change the E-Rate view's persisted inputs (kept in this browser and in share links like every view's). */
export function setERate(fn: (s: ERateSettings) => ERateSettings): void {
  update((s) => ({ ...s, erate: fn(s.erate) }));
}

/** Set one optional field, or drop it (undefined: back to the view's default). */
export function setERateField<K extends keyof ERateSettings>(key: K, value: ERateSettings[K] | undefined): void {
  setERate((s) => {
    const next: ERateSettings = { ...s };
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next;
  });
}

/** A YYYY-MM-DD the date input gave, or undefined when it is empty or not a day. */
export function dayOrUndefined(v: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined;
}
