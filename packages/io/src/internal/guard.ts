import { DistrictKitError, isDistrictKitError } from "@districtkit/core";

/** Runs a reader; anything thrown that is not a DistrictKitError becomes one (no raw TypeError escapes). */
export function guard<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asDistrictKitError(what, error);
  }
}

/** The same as {@link guard} for a promise. */
export async function guardAsync<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asDistrictKitError(what, error);
  }
}

export function asDistrictKitError(what: string, error: unknown): DistrictKitError {
  if (isDistrictKitError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new DistrictKitError("INVALID_INPUT", [{ path: [], code: "unreadable", message: `could not read the ${what}: ${detail}` }]);
}
