// Fast day arithmetic on ISO dates that a schema has already validated (core's date functions
// parse with date-fns, which costs microseconds per call; these run per device and per ticket).

/** Days since 1970-01-01 of a valid ISO date. */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** `a − b` in days, for valid ISO dates. */
export function daysFrom(a: string, b: string): number {
  return dayNumber(a) - dayNumber(b);
}
