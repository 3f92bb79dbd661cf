import { DistrictKitError } from "@districtkit/core";

/** Runs a reader; anything thrown that is not a DistrictKitError becomes one with it as `cause` (core's one rule: DistrictKitError.wrap). */
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
  return DistrictKitError.wrap(error, [], `the ${what}`);
}
