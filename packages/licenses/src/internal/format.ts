import type { Money } from "@districtkit/core";

/** `$1,234.56` quickly (Money#format goes through Intl, which is slow in bulk). */
export function usd(m: Money): string {
  const text = m.toFixed(2);
  const negative = text.startsWith("-");
  const [int, frac] = (negative ? text.slice(1) : text).split(".") as [string, string];
  return `${negative ? "-" : ""}$${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}
