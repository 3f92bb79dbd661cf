import { appState, update } from "../state/store.js";
import { datasets } from "./sample.js";

/** The district file's own "as of" date (what the data was drawn up for). */
export function fileAsOf(): string | undefined {
  const d = datasets.value.district?.data as { asOf?: unknown } | undefined;
  return typeof d?.asOf === "string" ? d.asOf : undefined;
}

/**
 * The one "as of" date of the whole district state: what the analyst set in the header, else the
 * district file's. Every view uses it (renewal notices, support ends and AUE, vetting expiries
 * and re-reviews, the device forecast's start, imports).
 */
export function currentAsOf(): string | undefined {
  return appState.value.asOf ?? fileAsOf();
}

/** Sets the district's as-of date (a valid YYYY-MM-DD), or goes back to the file's date (undefined). */
export function setAsOf(date: string | undefined): void {
  update(({ asOf: _, ...rest }) => (date === undefined || date === fileAsOf() ? rest : { ...rest, asOf: date }));
}
