import type { Money } from "@districtkit/core";

function grouped(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** `$1,234.56` from a whole number of cents. */
export function usdCents(c: number): string {
  const abs = c < 0 ? -c : c;
  const sub = abs % 100;
  return `${c < 0 ? "-" : ""}$${grouped(String((abs - sub) / 100))}.${sub < 10 ? "0" : ""}${sub}`;
}

/** `$1,234.56` quickly (Money#format goes through Intl, which is slow in bulk); same text. */
export function usd(m: Money): string {
  // toFixed(2) and toCents() round the same way (half-up): print the whole cents directly
  const c = m.toCents();
  if (Number.isSafeInteger(c) && Math.abs(c) < 1e15) return usdCents(c);
  const text = m.toFixed(2);
  const negative = text.startsWith("-");
  const [int, frac] = (negative ? text.slice(1) : text).split(".") as [string, string];
  return `${negative ? "-" : ""}$${grouped(int)}.${frac}`;
}
