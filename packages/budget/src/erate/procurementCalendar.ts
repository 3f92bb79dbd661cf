import { addDaysIso, compareIsoDates, DistrictKitError, isoDateSchema, type Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { eRateFilingWindowFor } from "../tables/eRateFilingWindows.js";
import { ERATE_PROCUREMENT_RULES, type ERateProcurementRules, eRateProcurementRulesFor, eRateProcurementRulesSchema } from "../tables/eRateProcurementRules.js";
import { checkERateEligibility } from "./eligibility.js";

const id = z.string().min(1).max(200);

/**
 * Input of {@link eRateProcurementCalendar}: the funding year, its Form 471 window (default: the
 * published one in {@link ERATE_FILING_WINDOWS}; required for a year USAC has not published),
 * the procurement rules (default: the edition in force, {@link ERATE_PROCUREMENT_RULES}), the
 * planned purchases with whatever dates are known, and optionally the day whose eligibility
 * rules to check each purchase's service against.
 *
 * @example
 * ```ts
 * procurementCalendarInputSchema.parse({ fundingYear: 2026 }).purchases; // => []
 * ```
 * @category E-Rate
 */
export const procurementCalendarInputSchema = z.object({
  fundingYear: z.number().int().min(2016).max(9998),
  window: z.object({ form471Opens: isoDateSchema, form471Closes: isoDateSchema, source: z.string().min(1).max(500) }).optional(),
  rules: eRateProcurementRulesSchema.optional(),
  purchases: z
    .array(
      z.object({
        id,
        name: z.string().min(1).max(300),
        category: z.enum(["C1", "C2"]),
        /** Recurring (monthly internet, BMIC) or non-recurring (equipment and its installation). */
        kind: z.enum(["recurring", "non-recurring"]),
        amount: nonNegativeMoneySchema.optional(),
        /** A service of ERATE_SERVICES, to check eligibility. */
        service: id.optional(),
        form470PostedOn: isoDateSchema.optional(),
        contractSignedOn: isoDateSchema.optional(),
        form471FiledOn: isoDateSchema.optional(),
        serviceStartOn: isoDateSchema.optional(),
        /** The last day service is received (recurring) or the installation is complete (non-recurring). */
        serviceEndOn: isoDateSchema.optional(),
        /** The funding commitment decision letter's date. */
        fcdlOn: isoDateSchema.optional(),
        form486FiledOn: isoDateSchema.optional(),
        invoiceFiledOn: isoDateSchema.optional(),
      }),
    )
    .max(10_000)
    .default([]),
  /** Check each purchase's `service` against the eligibility rules adopted by this day. */
  eligibilityAsOf: isoDateSchema.optional(),
});

/**
 * {@link eRateProcurementCalendar}'s input as given.
 *
 * @category E-Rate
 */
export type ProcurementCalendarInput = z.input<typeof procurementCalendarInputSchema>;

/**
 * One dated step of a funding year.
 *
 * @category E-Rate
 */
export interface ProcurementMilestone {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  /** What to do, in words. */
  readonly action: string;
  /** The rule that sets the date and its source. */
  readonly rule: string;
  /** The purchase it belongs to, or null for the funding year's own dates. */
  readonly purchase: string | null;
}

/**
 * A rule a planned purchase's dates break.
 *
 * @category E-Rate
 */
export interface ProcurementWarning {
  readonly purchase: string;
  readonly code:
    | "form470-missing"
    | "form470-too-late"
    | "contract-before-form470"
    | "contract-before-wait"
    | "form471-before-wait"
    | "form471-outside-window"
    | "service-start-early"
    | "service-end-late"
    | "form486-late"
    | "invoice-late"
    | "ineligible";
  readonly message: string;
  readonly rule: string;
}

/**
 * A funding year's procurement calendar.
 *
 * @category E-Rate
 */
export interface ProcurementCalendarResult {
  readonly fundingYear: number;
  readonly window: { readonly form471Opens: string; readonly form471Closes: string; readonly source: string };
  readonly rules: ERateProcurementRules;
  /** The funding year's own dates and each purchase's, in date order. */
  readonly milestones: readonly ProcurementMilestone[];
  readonly purchases: readonly {
    readonly id: string;
    readonly name: string;
    readonly amount: Money | null;
    /** The day a contract may be signed and the Form 471 filed (Form 470 + the wait); null without a Form 470 date. */
    readonly allowableContractDate: string | null;
    /** The last day to post the Form 470 and still file in the window. */
    readonly lastForm470: string;
    readonly serviceStartEarliest: string;
    readonly serviceEndLatest: string;
    /** Form 486 due: the later of the service start and the FCDL, plus the rule's days (the earliest it can be when the FCDL is not known). */
    readonly form486Due: string;
    /** Invoices due: the last day of service plus the rule's days (later when the Form 486 notification letter comes later). */
    readonly invoiceDue: string;
    readonly invoiceDueWithExtension: string;
    readonly warnings: readonly ProcurementWarning[];
    readonly explanation: string;
  }[];
  readonly warnings: readonly ProcurementWarning[];
  readonly explanation: string;
}

const later = (a: string, b: string): string => (compareIsoDates(a, b) >= 0 ? a : b);
const on = (year: number, md: string): string => `${year}-${md}`;

/**
 * A funding year's E-Rate procurement calendar: the Form 471 window, the last day to post a
 * Form 470 (the window's close minus the 28-day wait), the service year, and the Form 486 and
 * invoice deadlines — then, for each planned purchase, its own dates (the allowable contract
 * date is the Form 470's date + 28 days: day 29 counting the posting day as day 1) and a warning
 * for every rule its dates break: no Form 470, a Form 470 too late for the window, a contract or
 * Form 471 before the wait is over, a Form 471 outside the window, service starting before the
 * funding year (C2 equipment may be installed from 1 April), service ending after its deadline
 * (30 June recurring, 30 September non-recurring), a late Form 486 or invoice, and an item not
 * eligible under the rules of `eligibilityAsOf`. Dates are data: the window per funding year
 * ({@link ERATE_FILING_WINDOWS}) and the rules per edition ({@link ERATE_PROCUREMENT_RULES}) —
 * move a rule's figure and every deadline built on it moves.
 *
 * @param input - see {@link procurementCalendarInputSchema}
 * @returns the milestones in date order, each purchase's dates and warnings
 * @throws DistrictKitError for invalid input, or UNSUPPORTED for a funding year whose window is not published and not given
 * @example
 * ```ts
 * const cal = eRateProcurementCalendar({ fundingYear: 2026, purchases: [
 *   { id: "wifi", name: "Wi-Fi refresh", category: "C2", kind: "non-recurring", form470PostedOn: "2026-01-10", contractSignedOn: "2026-02-05" },
 * ] });
 * cal.purchases[0]?.lastForm470; // => "2026-03-04"
 * cal.purchases[0]?.allowableContractDate; // => "2026-02-07"
 * cal.warnings.map((w) => w.code); // => ["contract-before-wait"]
 * cal.purchases[0]?.invoiceDue; // => "2028-01-28"
 * eRateProcurementCalendar({ fundingYear: 2027 }); // throws
 * ```
 * @category E-Rate
 */
export function eRateProcurementCalendar(input: ProcurementCalendarInput): ProcurementCalendarResult {
  const v = parseInput(procurementCalendarInputSchema, input);
  const fy = v.fundingYear;
  const published = eRateFilingWindowFor(fy);
  const window = v.window ?? (published ? { form471Opens: published.form471Opens, form471Closes: published.form471Closes, source: published.source } : undefined);
  if (window === undefined) {
    throw new DistrictKitError("UNSUPPORTED", [
      {
        path: ["window"],
        code: "window_not_published",
        message: `the FY${fy} Form 471 window is not in DistrictKit's table (USAC announces it in December before); pass window: { form471Opens, form471Closes, source }`,
      },
    ]);
  }
  if (compareIsoDates(window.form471Closes, window.form471Opens) < 0) {
    throw new DistrictKitError("INVALID_INPUT", [
      { path: ["window", "form471Closes"], code: "custom", message: `expected a day on or after form471Opens (${window.form471Opens}), got ${window.form471Closes}` },
    ]);
  }
  const rules: ERateProcurementRules = v.rules ?? eRateProcurementRulesFor(fy, ERATE_PROCUREMENT_RULES);
  const src = (i: number): string => rules.sources[Math.min(i, rules.sources.length - 1)]!;
  const serviceStart = on(fy, rules.fundingYearStart);
  const c2From = on(fy, rules.c2InstallFrom);
  const c1NonRecurringFrom = on(fy, "01-01");
  const recurringEnd = on(fy + 1, rules.recurringServiceEnd);
  const nonRecurringEnd = on(fy + 1, rules.nonRecurringServiceEnd);
  const lastForm470 = addDaysIso(window.form471Closes, -rules.form470WaitDays);
  const w = rules.form470WaitDays;

  const milestones: ProcurementMilestone[] = [
    {
      id: "window-opens",
      date: window.form471Opens,
      title: `FY${fy} Form 471 window opens`,
      action: "file the Form 471 for every request whose Form 470 has waited its days",
      rule: `filing window (${window.source})`,
      purchase: null,
    },
    {
      id: "last-form-470",
      date: lastForm470,
      title: `Last day to post a Form 470 for FY${fy}`,
      action: `post and certify the Form 470: it must wait ${w} days before the window closes`,
      rule: `window close − ${w} days (${src(0)})`,
      purchase: null,
    },
    {
      id: "window-closes",
      date: window.form471Closes,
      title: `FY${fy} Form 471 window closes`,
      action: "certify every Form 471 by 11:59 p.m. Eastern",
      rule: `filing window (${window.source})`,
      purchase: null,
    },
    { id: "c2-install-from", date: c2From, title: "C2 installation may begin", action: "install Category Two equipment (invoices wait for 1 July)", rule: src(2), purchase: null },
    { id: "service-start", date: serviceStart, title: `FY${fy} begins: recurring services start`, action: "start recurring services; file Form 486 once service starts", rule: src(1), purchase: null },
    {
      id: "form-486-earliest",
      date: addDaysIso(serviceStart, rules.form486Days),
      title: "Form 486 due (commitments made by 1 July)",
      action: "file the Form 486 (later commitments: 120 days after the FCDL)",
      rule: src(3),
      purchase: null,
    },
    { id: "recurring-service-end", date: recurringEnd, title: "Last day of recurring services", action: "receive recurring services by this day", rule: src(1), purchase: null },
    {
      id: "recurring-invoice-deadline",
      date: addDaysIso(recurringEnd, rules.invoiceDays),
      title: "Invoice deadline, recurring services",
      action: `file BEAR/SPI invoices, or ask for the one-time ${rules.invoiceExtensionDays}-day extension before this day`,
      rule: src(4),
      purchase: null,
    },
    {
      id: "non-recurring-service-end",
      date: nonRecurringEnd,
      title: "Last day to receive non-recurring services",
      action: "finish installation (or ask for a service delivery extension before this day)",
      rule: src(1),
      purchase: null,
    },
    {
      id: "non-recurring-invoice-deadline",
      date: addDaysIso(nonRecurringEnd, rules.invoiceDays),
      title: "Invoice deadline, non-recurring services",
      action: `file BEAR/SPI invoices, or ask for the one-time ${rules.invoiceExtensionDays}-day extension before this day`,
      rule: src(4),
      purchase: null,
    },
  ];

  const eligibility =
    v.eligibilityAsOf === undefined
      ? undefined
      : checkERateEligibility({
          fundingYear: fy,
          rulesAsOf: v.eligibilityAsOf,
          items: v.purchases.filter((p) => p.service !== undefined).map((p) => ({ id: p.id, name: p.name, service: p.service! })),
        });
  const eligibleById = new Map(eligibility?.items.map((i) => [i.id, i]) ?? []);

  const all: ProcurementWarning[] = [];
  const purchases = v.purchases.map((p) => {
    const warn: ProcurementWarning[] = [];
    const add = (code: ProcurementWarning["code"], message: string, rule: string): void => {
      warn.push({ purchase: p.id, code, message, rule });
    };
    const acd = p.form470PostedOn === undefined ? null : addDaysIso(p.form470PostedOn, w);
    if (p.form470PostedOn === undefined && (p.contractSignedOn !== undefined || p.form471FiledOn !== undefined)) {
      add("form470-missing", `${p.name}: a contract or Form 471 is dated but no Form 470 posting is: competitive bidding starts with a Form 470 posted ${w} days before.`, src(0));
    }
    if (p.form470PostedOn !== undefined && compareIsoDates(p.form470PostedOn, lastForm470) > 0) {
      add(
        "form470-too-late",
        `${p.name}: the Form 470 posted ${p.form470PostedOn} is after ${lastForm470}, the last day that leaves ${w} days before the window closes on ${window.form471Closes}.`,
        src(0),
      );
    }
    if (p.contractSignedOn !== undefined && p.form470PostedOn !== undefined && compareIsoDates(p.contractSignedOn, p.form470PostedOn) < 0) {
      add("contract-before-form470", `${p.name}: the contract (${p.contractSignedOn}) is signed before the Form 470 was posted (${p.form470PostedOn}).`, src(0));
    } else if (p.contractSignedOn !== undefined && acd !== null && compareIsoDates(p.contractSignedOn, acd) < 0) {
      add("contract-before-wait", `${p.name}: the contract is signed ${p.contractSignedOn}, before the allowable contract date ${acd} (Form 470 posted ${p.form470PostedOn} + ${w} days).`, src(0));
    }
    if (p.form471FiledOn !== undefined && acd !== null && compareIsoDates(p.form471FiledOn, acd) < 0) {
      add("form471-before-wait", `${p.name}: the Form 471 is filed ${p.form471FiledOn}, before the allowable contract date ${acd}.`, src(0));
    }
    if (p.form471FiledOn !== undefined && (compareIsoDates(p.form471FiledOn, window.form471Opens) < 0 || compareIsoDates(p.form471FiledOn, window.form471Closes) > 0)) {
      add(
        "form471-outside-window",
        `${p.name}: the Form 471 is filed ${p.form471FiledOn}, outside the FY${fy} window (${window.form471Opens} – ${window.form471Closes}).`,
        `filing window (${window.source})`,
      );
    }
    const startEarliest = p.kind === "recurring" ? serviceStart : p.category === "C2" ? c2From : c1NonRecurringFrom;
    const endLatest = p.kind === "recurring" ? recurringEnd : nonRecurringEnd;
    if (p.serviceStartOn !== undefined && compareIsoDates(p.serviceStartOn, startEarliest) < 0) {
      add(
        "service-start-early",
        `${p.name}: service starts ${p.serviceStartOn}, before ${startEarliest}, the earliest day ${p.kind} ${p.category} service counts for FY${fy}.`,
        p.kind === "non-recurring" && p.category === "C2" ? src(2) : src(1),
      );
    }
    if (p.serviceEndOn !== undefined && compareIsoDates(p.serviceEndOn, endLatest) > 0) {
      add("service-end-late", `${p.name}: service ends ${p.serviceEndOn}, after ${endLatest}, the last day to receive ${p.kind} service for FY${fy} (ask for an extension before then).`, src(1));
    }
    const start = p.serviceStartOn !== undefined && compareIsoDates(p.serviceStartOn, serviceStart) > 0 ? p.serviceStartOn : serviceStart;
    const form486Due = addDaysIso(p.fcdlOn === undefined ? start : later(start, p.fcdlOn), rules.form486Days);
    if (p.form486FiledOn !== undefined && compareIsoDates(p.form486FiledOn, form486Due) > 0) {
      add("form486-late", `${p.name}: the Form 486 is filed ${p.form486FiledOn}, after its deadline ${form486Due}.`, src(3));
    }
    const lastService = p.serviceEndOn !== undefined && compareIsoDates(p.serviceEndOn, endLatest) < 0 ? endLatest : (p.serviceEndOn ?? endLatest);
    const invoiceDue = addDaysIso(lastService, rules.invoiceDays);
    const invoiceDueWithExtension = addDaysIso(invoiceDue, rules.invoiceExtensionDays);
    if (p.invoiceFiledOn !== undefined && compareIsoDates(p.invoiceFiledOn, invoiceDue) > 0) {
      const beyond = compareIsoDates(p.invoiceFiledOn, invoiceDueWithExtension) > 0;
      add(
        "invoice-late",
        `${p.name}: the invoice is filed ${p.invoiceFiledOn}, after ${invoiceDue}${beyond ? ` and after ${invoiceDueWithExtension}, even with the one-time extension` : ` (allowed only with the one-time extension to ${invoiceDueWithExtension}, asked for in time)`}.`,
        src(4),
      );
    }
    const el = eligibleById.get(p.id);
    if (el !== undefined && el.eligible !== true) add("ineligible", `${p.name}: ${el.explanation}`, el.decidedBy?.source ?? "eligibility rules");
    if (acd !== null)
      milestones.push({
        id: `${p.id}:allowable-contract-date`,
        date: acd,
        title: `${p.name}: allowable contract date`,
        action: "evaluate bids (price the heaviest factor), sign the contract, file the Form 471",
        rule: `Form 470 + ${w} days (${src(0)})`,
        purchase: p.id,
      });
    milestones.push({ id: `${p.id}:form-486`, date: form486Due, title: `${p.name}: Form 486 due`, action: "file the Form 486 (service started, CIPA)", rule: src(3), purchase: p.id });
    milestones.push({
      id: `${p.id}:invoice`,
      date: invoiceDue,
      title: `${p.name}: invoice deadline`,
      action: `file the invoice (BEAR or SPI), or ask for the ${rules.invoiceExtensionDays}-day extension before`,
      rule: src(4),
      purchase: p.id,
    });
    all.push(...warn);
    return {
      id: p.id,
      name: p.name,
      amount: p.amount ?? null,
      allowableContractDate: acd,
      lastForm470,
      serviceStartEarliest: startEarliest,
      serviceEndLatest: endLatest,
      form486Due,
      invoiceDue,
      invoiceDueWithExtension,
      warnings: warn,
      explanation:
        `${p.name} (${p.category}, ${p.kind}): post the Form 470 by ${lastForm470}` +
        (acd ? ` (posted ${p.form470PostedOn}: contract and Form 471 from ${acd})` : "") +
        `, file the Form 471 in ${window.form471Opens} – ${window.form471Closes}, service from ${startEarliest} to ${endLatest}, Form 486 by ${form486Due}${p.fcdlOn ? "" : " at the earliest"}, invoices by ${invoiceDue}` +
        (warn.length > 0 ? `; ${warn.length} rule${warn.length > 1 ? "s" : ""} broken.` : "; no rule broken."),
    };
  });
  milestones.sort((a, b) => compareIsoDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    fundingYear: fy,
    window,
    rules,
    milestones,
    purchases,
    warnings: all,
    explanation:
      `FY${fy}: post Form 470s by ${lastForm470}, file Form 471s ${window.form471Opens} – ${window.form471Closes}; services run ${serviceStart} – ${recurringEnd} (C2 installation from ${c2From}, non-recurring by ${nonRecurringEnd}); ` +
      `invoices by ${addDaysIso(recurringEnd, rules.invoiceDays)} (recurring) and ${addDaysIso(nonRecurringEnd, rules.invoiceDays)} (non-recurring). ` +
      (v.purchases.length === 0 ? "No purchases given." : `${v.purchases.length} purchases, ${all.length} warnings.`),
  };
}
