// GLPI's depreciation ("amortissement") tables, reproduced for districts that migrate from it
// (DOMAIN-lifecycle §11, compatibility modes; not an accounting standard). The rules are read from
// GLPI's src/Infocom.php (repository glpi-project/glpi, GPL-3.0+; commit 0042059c): linearAmortise
// (linear) and Amort (type 1, declining), and from the published expectations of its tests
// (phpunit/functional/InfocomTest.php, tests/units/Infocom.php). Reference behaviour only: this
// file is written from the rules, not from its code. Internal: not exported.
import { dateParts, type IsoDate, Money } from "@districtkit/core";
import { phpAddMonths, phpDate, phpMonthsAndDays } from "../internal/phpDate.js";
import type { CompatRow } from "./compatRows.js";

export type GlpiMethod = "glpi-linear" | "glpi-declining";

export interface GlpiInput {
  method: GlpiMethod;
  cost: Money;
  /** GLPI's buy date (date_achat). */
  purchaseDate: IsoDate | undefined;
  /** GLPI's use date (date_use): the linear method starts there when given. */
  inServiceDate: IsoDate | undefined;
  lifeYears: number;
  /** GLPI's coefficient (declining). */
  coefficient: number;
  /** Day and month of GLPI's fiscal date (date_tax), "MM-DD": the end of each year of its tables. */
  fiscalYearEnd: string;
}

export interface GlpiTable {
  rows: CompatRow[];
  /** The value GLPI shows on a date (null: GLPI shows none, before the year of use). */
  valueOn: (date: IsoDate) => Money | null;
  rule: string;
}

function fiscalEndParts(d: GlpiInput): { month: number; day: number } {
  const [m, dd] = d.fiscalYearEnd.split("-").map(Number) as [number, number];
  return { month: m, day: dd };
}

/**
 * Linear: start at the use date (else the buy date); annuity = value / years; the first year is
 * prorated to the first fiscal year end on or after the start, `annuity × (months × 30 + days) / 360`
 * with the months and days of PHP's `fiscalEnd->diff(start)`; full annuities follow; year `years`
 * takes what is left. Rows are labelled by the start's year + i, as GLPI labels them, and GLPI
 * shows the row of the current calendar year (its end value) whatever the day.
 */
function linear(d: GlpiInput): GlpiTable {
  const start = d.inServiceDate ?? d.purchaseDate!;
  const { year } = dateParts(start);
  const fe = fiscalEndParts(d);
  let firstEnd = phpDate(year, fe.month, fe.day);
  if (firstEnd < start) firstEnd = phpAddMonths(firstEnd, 12);
  const { months, days } = phpMonthsAndDays(firstEnd, start);
  const annuity = d.cost.divide(d.lifeYears);
  const rows: CompatRow[] = [];
  let value = d.cost;
  for (let i = 0; i <= d.lifeYears; i++) {
    const charge = i === 0 ? annuity.multiply(months * 30 + days).divide(360) : i === d.lifeYears ? value : annuity;
    value = value.subtract(charge);
    const periodEnd = phpAddMonths(firstEnd, 12 * i);
    rows.push({ fiscalYear: dateParts(periodEnd).year, periodEnd, label: String(year + i), value });
  }
  return {
    rows,
    valueOn: (date) => {
      const y = dateParts(date).year;
      if (y < year) return null;
      return y - year <= d.lifeYears ? rows[y - year]!.value : Money.ZERO;
    },
    rule: `GLPI linear depreciation over ${d.lifeYears} year${d.lifeYears === 1 ? "" : "s"} from ${start} (${d.inServiceDate ? "use date" : "buy date"}), the first year prorated ${months * 30 + days}/360 to the fiscal year end of ${firstEnd} (30-day months)`,
  };
}

/**
 * Declining: rate `coefficient / years` on the value at the start of each year, the first year
 * prorated by the months from the buy month to the fiscal year's end month (inclusive); the last
 * `⌊years / coefficient⌋` years (as PHP computes `(int)(100 / (100 / years × coefficient))`) switch
 * to equal charges of what is left; the last year takes the rest. GLPI shows, for the current
 * calendar year, the value at the end of that year's row once its fiscal end has passed, else at
 * its start; for a year outside its table it shows 0 (before the purchase too).
 */
function declining(d: GlpiInput): GlpiTable {
  const buy = dateParts(d.purchaseDate!);
  const fe = fiscalEndParts(d);
  const endMonth = buy.month > fe.month ? fe.month + 12 : fe.month; // GLPI adds 12 when the fiscal month comes earlier in the year
  const prorata = endMonth - buy.month + 1;
  const years = d.lifeYears;
  // the switch to linear, in PHP's floating point (an integer decision, so computed the same way)
  const linearYears = Math.trunc(100 / ((100 / years) * d.coefficient));
  const decliningYears = years - linearYears;
  const rate = (v: Money): Money => v.multiply(d.coefficient).divide(years);
  const start: Money[] = [];
  const end: Money[] = [];
  let mrt = d.cost;
  for (let i = 1; i <= decliningYears; i++) {
    start[i] = mrt;
    end[i] = i === 1 ? d.cost.subtract(rate(d.cost).multiply(prorata).divide(12)) : mrt.subtract(rate(mrt));
    mrt = end[i]!;
  }
  const tail = linearYears > 0 ? end[decliningYears]!.divide(linearYears) : end[decliningYears]!;
  for (let i = decliningYears + 1; i <= years; i++) {
    start[i] = mrt;
    end[i] = mrt.subtract(tail).abs();
    mrt = end[i]!;
  }
  // the last year takes what is left
  end[years] = years > 1 ? end[years - 1]!.subtract(start[years]!) : Money.ZERO;
  const rows: CompatRow[] = [];
  for (let i = 1; i <= years; i++) {
    const periodEnd = phpDate(buy.year + i - 1, endMonth, fe.day);
    rows.push({ fiscalYear: dateParts(periodEnd).year, periodEnd, label: String(buy.year + i - 1), value: end[i]! });
  }
  return {
    rows,
    valueOn: (date) => {
      const y = dateParts(date).year;
      const i = y - buy.year + 1;
      if (i < 1 || i > years) return Money.ZERO;
      return phpDate(y, endMonth, fe.day) < date ? end[i]! : start[i]!;
    },
    rule: `GLPI declining depreciation over ${years} year${years === 1 ? "" : "s"} from ${d.purchaseDate} at ${d.coefficient} / ${years} a year (the first year prorated ${prorata}/12 months), the last ${linearYears} year${linearYears === 1 ? "" : "s"} linear`,
  };
}

/** GLPI's table for one asset. */
export function glpiTable(d: GlpiInput): GlpiTable {
  return d.method === "glpi-linear" ? linear(d) : declining(d);
}
