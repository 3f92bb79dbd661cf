/**
 * Display formatting. Amounts arrive as decimal strings (core's Money serialises that way) and
 * are formatted from the string, so a displayed figure is never the float approximation of it.
 */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Round a decimal string half-up (away from zero) to `places` decimals, as a string. */
export function roundDecimalString(value: string, places: number): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) return value;
  const sign = m[1] ?? "";
  const int = m[2] || "0";
  const frac = m[3] ?? "";
  if (frac.length <= places) return `${sign}${int}${places ? "." + frac.padEnd(places, "0") : ""}`;
  const keep = int + frac.slice(0, places);
  const up = frac.charCodeAt(places) - 48 >= 5;
  let digits = keep;
  if (up) {
    const arr = keep.split("").map(Number);
    let i = arr.length - 1;
    while (i >= 0) {
      if (arr[i]! < 9) {
        arr[i]! += 1;
        break;
      }
      arr[i] = 0;
      i--;
    }
    digits = (i < 0 ? "1" : "") + arr.join("");
  }
  const intPart = digits.slice(0, digits.length - places) || "0";
  const fracPart = places ? digits.slice(digits.length - places) : "";
  const isZero = /^0*$/.test(intPart + fracPart);
  return `${isZero ? "" : sign}${intPart.replace(/^0+(?=\d)/, "")}${places ? "." + fracPart : ""}`;
}

/** "$1,234,567.89" (cents) or "$1,234,568" (whole dollars) from a decimal string or number. */
export function formatMoney(value: string | number | { toString(): string }, opts: { cents?: boolean } = {}): string {
  const places = opts.cents === false ? 0 : 2;
  const s = roundDecimalString(typeof value === "string" ? value : String(value), places);
  const neg = s.startsWith("-");
  const [int, frac] = (neg ? s.slice(1) : s).split(".");
  return `${neg ? "−" : ""}$${groupThousands(int ?? "0")}${frac ? "." + frac : ""}`;
}

/** Signed money for delta columns: "+$1,200.00", "−$300.00", "$0.00". */
export function formatMoneyDelta(value: string): string {
  const f = formatMoney(value);
  if (f === "$0.00" || f === "$0") return f;
  return f.startsWith("−") ? f : `+${f}`;
}

export function formatCount(n: number): string {
  return groupThousands(String(Math.round(n)));
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)} %`;
}

const AXIS_UNITS = [
  { size: 1e9, suffix: "B" },
  { size: 1e6, suffix: "M" },
  { size: 1e3, suffix: "k" },
  { size: 1, suffix: "" },
] as const;

/**
 * A chart axis label for an amount of dollars: "$0", "$500", "$2.5k", "$600k", "$1.25M", "$10M",
 * "$1.2B"; "−$5k" below zero, and with `signed` "+$5k" above it (for changes). The number is
 * what the chart's scale gives (a tick value, geometry only), shown in the largest unit it
 * reaches with at most two decimals, trailing zeros dropped: never "$10000k" or "$10.0M".
 */
export function formatMoneyTick(value: number, opts: { signed?: boolean } = {}): string {
  if (!Number.isFinite(value)) return "";
  const abs = Math.abs(value);
  let i = AXIS_UNITS.findIndex((u) => abs >= u.size);
  if (i < 0) i = AXIS_UNITS.length - 1;
  const at = (k: number) => Number((abs / AXIS_UNITS[k]!.size).toFixed(AXIS_UNITS[k]!.size === 1 ? 0 : 2));
  let n = at(i);
  // rounding can reach 1,000 of a unit (999,999 → "1000k"): say it in the next unit up
  if (n >= 1000 && i > 0) n = at(--i);
  if (n === 0) return "$0";
  const [int, frac] = String(n).split(".");
  return `${value < 0 ? "−" : opts.signed ? "+" : ""}$${groupThousands(int!)}${frac ? "." + frac : ""}${AXIS_UNITS[i]!.suffix}`;
}

/** Money as a number for chart geometry only (never for arithmetic or display). */
export function toChartNumber(value: string): number {
  return Number(value);
}

/** {@link formatMoneyTick} as an axis `tickFormat` (Plot passes the tick's index second). */
export const moneyTick = (d: number): string => formatMoneyTick(d);

/** Signed {@link formatMoneyTick} ("+$5k", "−$5k") as an axis `tickFormat`, for axes of changes. */
export const moneyDeltaTick = (d: number): string => formatMoneyTick(d, { signed: true });
