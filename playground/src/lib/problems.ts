import { isDistrictKitError } from "@districtkit/core";

/**
 * The problems an engine call failed with, one line each, for a view or a worker's reply: every
 * issue of a DistrictKitError with its path, or the message of anything else thrown.
 */
export function problemsOf(e: unknown): string[] {
  if (isDistrictKitError(e)) return e.issues.map((i) => `${i.pathText}: ${i.message}`);
  return [e instanceof Error ? e.message : String(e)];
}
