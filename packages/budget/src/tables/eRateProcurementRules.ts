import { parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * The E-Rate procurement and invoicing rules that set the dates of a funding year, as data
 * (each figure with its rule), so a calendar built on them moves when a rule's figure moves.
 *
 * @category E-Rate
 */
export interface ERateProcurementRules {
  /** First funding year these rules apply to. */
  readonly fromFundingYear: number;
  /** A Form 470 must be posted this many days before the applicant selects a vendor, signs a contract or files the Form 471: the contract is allowed from the day after (day 29 counting the posting day as day 1). */
  readonly form470WaitDays: number;
  /** Month and day (MM-DD) of the funding year's first day; recurring services start on it. */
  readonly fundingYearStart: string;
  /** Month and day of the last day to receive recurring services (in the calendar year after the funding year's). */
  readonly recurringServiceEnd: string;
  /** Month and day before the funding year from which Category Two non-recurring services may be installed (same calendar year as the funding year). */
  readonly c2InstallFrom: string;
  /** Month and day of the last day to receive non-recurring services (in the calendar year after the funding year's). */
  readonly nonRecurringServiceEnd: string;
  /** The Form 486 is due this many days after the service start date or the funding commitment decision letter, whichever is later. */
  readonly form486Days: number;
  /** Invoices are due this many days after the last day to receive service or the Form 486 notification letter, whichever is later. */
  readonly invoiceDays: number;
  /** A one-time invoice deadline extension of this many days, when asked for before the deadline. */
  readonly invoiceExtensionDays: number;
  readonly sources: readonly string[];
}

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: "expected a month and day MM-DD" });
const days = z.number().int().min(0).max(3650);

/** @internal One edition of the rules as a caller may pass it (checked before it is used). */
export const eRateProcurementRulesSchema = z.object({
  fromFundingYear: z.number().int().min(2000).max(9998),
  form470WaitDays: days,
  fundingYearStart: monthDay,
  recurringServiceEnd: monthDay,
  c2InstallFrom: monthDay,
  nonRecurringServiceEnd: monthDay,
  form486Days: days,
  invoiceDays: days,
  invoiceExtensionDays: days,
  sources: z.array(z.string().min(1)).min(1),
});

// Sources:
// - 28 days: 47 CFR 54.503(c)(4) — the applicant waits at least 28 days after the Form 470 is
//   posted before selecting a provider and signing; USAC's "last day to certify a Form 470" is
//   the window's close minus 28 days (News Brief, 20 February 2025).
// - Recurring services run 1 July – 30 June; non-recurring services must be received by
//   30 September after the funding year (47 CFR 54.507(d); USAC News Brief, 30 August 2013).
// - Category Two non-recurring installation may begin on 1 April before the funding year (FCC
//   14-99, Seventh Report and Order, from FY2015; USAC "Advance Installation",
//   https://usac.org/e-rate/the-process/starting-services/advance-installation).
// - Form 486: due 120 days after the service start date or the FCDL date, whichever is later
//   (USAC's rule as E-Rate Central restates it, News for the Week, 12 January 2026).
// - Invoices: 120 days after the last day to receive service or after the Form 486 notification
//   letter (or a revised FCDL), whichever is latest; one 120-day extension if asked for in time
//   (47 CFR 54.514(a)–(b), as amended 11 February 2021): 28 October for recurring services,
//   28 January for non-recurring (E-Rate Central, 20 October 2014).
/**
 * The procurement and invoicing rules by the first funding year they apply to (one edition
 * since FY2016, when the 2014 modernization orders' dates all applied). A calendar looks up
 * the edition in force for its funding year; pass your own `rules` to model a change.
 *
 * @example
 * ```ts
 * eRateProcurementRulesFor(2026).form470WaitDays; // => 28
 * eRateProcurementRulesFor(2026).invoiceDays; // => 120
 * ```
 * @category E-Rate
 */
export const ERATE_PROCUREMENT_RULES: readonly ERateProcurementRules[] = Object.freeze([
  {
    fromFundingYear: 2016,
    form470WaitDays: 28,
    fundingYearStart: "07-01",
    recurringServiceEnd: "06-30",
    c2InstallFrom: "04-01",
    nonRecurringServiceEnd: "09-30",
    form486Days: 120,
    invoiceDays: 120,
    invoiceExtensionDays: 120,
    sources: [
      "47 CFR 54.503(c)(4) (28-day Form 470 posting)",
      "47 CFR 54.507(d) (service delivery: recurring by 30 June, non-recurring by 30 September)",
      "FCC 14-99 and USAC 'Advance Installation' (C2 installation from 1 April)",
      "USAC Form 486 deadline (120 days after the service start or the FCDL, whichever is later)",
      "47 CFR 54.514(a)-(b) (invoices 120 days; one 120-day extension)",
    ],
  },
]);

/**
 * The procurement rules in force for a funding year (the latest edition starting on or before
 * it; the first edition for earlier years).
 *
 * @param fundingYear - the E-Rate funding year
 * @param rules - the editions to look in (default {@link ERATE_PROCUREMENT_RULES})
 * @returns the edition
 * @example
 * ```ts
 * eRateProcurementRulesFor(2027).c2InstallFrom; // => "04-01"
 * ```
 * @category E-Rate
 */
export function eRateProcurementRulesFor(fundingYear: number, rules: readonly ERateProcurementRules[] = ERATE_PROCUREMENT_RULES): ERateProcurementRules {
  const year = parseInput(z.number().int().min(1000).max(9998), fundingYear, ["fundingYear"]);
  // the editions are the caller's data: read through the schema (a getter or a Proxy is wrapped with its cause)
  const editions = rules === ERATE_PROCUREMENT_RULES ? rules : parseInput(z.array(eRateProcurementRulesSchema).min(1).max(1000), rules, ["rules"]);
  let best = editions[0]!;
  for (const r of editions) if (r.fromFundingYear <= year && r.fromFundingYear >= best.fromFundingYear) best = r;
  return best;
}
