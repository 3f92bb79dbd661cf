/**
 * @internal Amount cells of finance-system exports read straight to whole cents.
 *
 * How it works: one pass over the characters. A leading `(` … `)` pair, a leading `-` or `+`, a
 * trailing `-` (mainframe reports) or a trailing `CR` mark a negative; `$` and `USD` are skipped;
 * digits are accumulated as an integer, commas are accepted only as thousands separators (groups
 * of exactly three digits, none after the point); at most two decimals (a ledger amount is in
 * cents: a third decimal is refused, never rounded away). The result is an exact safe integer of
 * cents. `Money.parse` is the reference implementation (compared by a property test).
 */

/** A cell that is not an amount: why. */
export interface BadAmount {
  readonly reason: string;
}

const quote = (t: string): string => JSON.stringify(t.length > 40 ? `${t.slice(0, 37)}…` : t);

/** Whole cents of an amount cell, or why it is not one. The text must be non-empty and trimmed. */
export function parseCents(text: string): number | BadAmount {
  let s = text;
  let negative = false;
  if (s.length >= 2 && s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41 /* ) */) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // the letter marks only when the cell could hold one: it starts with u (USD) or ends with d or r (USD, CR, DR)
  if ((s.charCodeAt(0) | 32) === 117 /* u */ && /^usd\s*/i.test(s)) s = s.replace(/^usd\s*/i, "");
  const last = s.charCodeAt(s.length - 1) | 32;
  if (last === 100 /* d */ || last === 114 /* r */) {
    if (/\s*usd$/i.test(s)) s = s.replace(/\s*usd$/i, "");
    if (/\s*cr$/i.test(s)) {
      negative = !negative;
      s = s.replace(/\s*cr$/i, "");
    } else if (/\s*dr$/i.test(s)) s = s.replace(/\s*dr$/i, "");
  }
  let c = s.charCodeAt(0);
  if (negative && (c === 45 || c === 43) && text.charCodeAt(0) === 40) return { reason: `${quote(text)} is not an amount (a sign inside parentheses: write (12.00) or -12.00, not both)` };
  if (c === 45 /* - */ || c === 43 /* + */) {
    if (c === 45) negative = !negative;
    s = s.slice(1).trim();
  } else if (s.length > 1 && s.charCodeAt(s.length - 1) === 45) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  if (s.charCodeAt(0) === 36 /* $ */) s = s.slice(1).trim();
  c = s.charCodeAt(0);
  if (c === 45 && !negative) {
    negative = true;
    s = s.slice(1).trim();
  }
  const n = s.length;
  if (n === 0) return { reason: `${quote(text)} is not an amount (no digits)` };
  let whole = 0;
  let digits = 0;
  let group = -1; // digits since the last comma, or -1 before any comma
  let i = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      whole = whole * 10 + d;
      digits++;
      if (group >= 0) group++;
      continue;
    }
    if (d === 44 - 48 /* , */) {
      if (digits === 0 || (group >= 0 && group !== 3) || (group === -1 && digits > 3)) return { reason: `${quote(text)} is not an amount (misplaced thousands separator)` };
      group = 0;
      continue;
    }
    break;
  }
  if (group >= 0 && group !== 3) return { reason: `${quote(text)} is not an amount (misplaced thousands separator)` };
  let frac = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 /* . */) return { reason: `${quote(text)} is not an amount (expected e.g. 1234.56, 1,234.56, (12.00) or 12.00-)` };
    i++;
    for (let k = i; k < n; k++) {
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9)
        return {
          reason: `${quote(text)} is not an amount (expected e.g. 1234.56, 1,234.56, (12.00) or 12.00-${s.includes(",") && s.indexOf(",") > s.indexOf(".") ? "; a comma after the point looks like European notation, which is not read" : ""})`,
        };
    }
    let places = 0;
    for (; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return { reason: `${quote(text)} is not an amount (expected e.g. 1234.56, 1,234.56, (12.00) or 12.00-)` };
      if (places >= 2) {
        if (d !== 0) return { reason: `${quote(text)} has fractions of a cent (a ledger amount has at most two decimals)` };
        continue;
      }
      frac = frac * 10 + d;
      places++;
    }
    if (places === 1) frac *= 10;
    if (digits === 0 && places === 0) return { reason: `${quote(text)} is not an amount (no digits)` };
  } else if (digits === 0) return { reason: `${quote(text)} is not an amount (no digits)` };
  const cents = whole * 100 + frac;
  if (!Number.isSafeInteger(cents) || cents > 1e17) return { reason: `${quote(text)} is too large an amount` };
  return negative ? (cents === 0 ? 0 : -cents) : cents;
}

/** Whether {@link parseCents} refused the cell. */
export function isBadAmount(v: number | BadAmount): v is BadAmount {
  return typeof v !== "number";
}
