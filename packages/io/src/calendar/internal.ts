import { DistrictKitError } from "@districtkit/core";
import type { CalendarItem } from "./item.js";

/** @internal Runs an engine call, prefixing the paths of a DistrictKitError with the calendar section. */
export function inSection<T>(prefix: readonly (string | number)[], call: () => T): T {
  try {
    return call();
  } catch (e) {
    // the one rule (core's DistrictKitError.wrap): the section's path is put in front, and the
    // original error of a caller's getter or Proxy stays the `cause`
    const error = DistrictKitError.wrap(e, []);
    throw new DistrictKitError(
      error.code,
      error.issues.map((i) => ({ path: [...prefix, ...i.path], code: i.code, message: i.message })),
      undefined,
      error.cause === undefined ? undefined : { cause: error.cause },
    );
  }
}

/** @internal An item with the calendar's defaults filled in. */
export function item(x: Omit<CalendarItem, "status" | "facts" | "refs" | "budgetLines" | "atStake"> & Partial<Pick<CalendarItem, "facts" | "refs" | "atStake">>): CalendarItem {
  return {
    ...x,
    atStake: x.atStake ?? { amount: null, amountLabel: null, units: null, unit: null },
    facts: x.facts ?? [],
    refs: x.refs ?? [],
    budgetLines: [],
    status: "upcoming",
  };
}

/** @internal "1 device" / "2 devices". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
