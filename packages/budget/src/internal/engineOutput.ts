import { DistrictKitError, isDistrictKitError } from "@districtkit/core";

/**
 * @internal Runs code that reads a projection (or another result of this package) passed back
 * in by a caller. Such a value is not validated field by field; a corrupted one (a field dropped,
 * a wrong type, a Proxy) makes the code throw, and that becomes a DistrictKitError naming the
 * argument, whose `cause` is what was thrown.
 */
export function readEngineOutput<T>(name: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isDistrictKitError(error)) throw error;
    throw new DistrictKitError(
      "INVALID_ARGUMENT",
      [{ path: [name], code: "invalid_argument", message: `expected ${what} (unchanged), but it could not be read: ${error instanceof Error ? error.message : typeof error}` }],
      undefined,
      { cause: error },
    );
  }
}

/** @internal Checks the horizon fields of a projection passed back in (whole fiscal years, one entry per year). */
export function checkHorizon(p: { readonly firstYear: unknown; readonly lastYear: unknown; readonly years: unknown }, name: string): void {
  const { firstYear, lastYear, years } = p;
  const ok =
    Number.isInteger(firstYear) &&
    Number.isInteger(lastYear) &&
    (lastYear as number) >= (firstYear as number) &&
    (lastYear as number) - (firstYear as number) < 200 &&
    Array.isArray(years) &&
    years.length === (lastYear as number) - (firstYear as number) + 1 &&
    years.every((y: unknown, i) => typeof y === "object" && y !== null && (y as { fiscalYear?: unknown }).fiscalYear === (firstYear as number) + i);
  if (!ok) throw DistrictKitError.argument([name], "expected a projection from projectBudget (its firstYear, lastYear and years do not agree)");
}
