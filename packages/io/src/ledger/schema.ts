import { fiscalCalendarSchema, fiscalYearSchema, moneySchema } from "@districtkit/core";
import { z } from "zod";

const header = z.string().min(1);

/**
 * The zod schema of the column names of a ledger or actuals file, when they are not ones the
 * reader knows (it knows `Account`, `Account Number`, `GL Account`, `Fiscal Year`, `FY`, `Period`,
 * `Month`, `Posting Date`, `Amount`, `Budget`, `Revised Budget`, `Actual`, `Expended`,
 * `Encumbered`, `Debit`, `Credit`, `Description`… ignoring case, spaces, `_`, `-` and `.`).
 * `segments` names the columns of the layout's segments when the file has one column per segment
 * instead of an account string.
 *
 * @example
 * ```ts
 * ledgerColumnsSchema.parse({ account: "Acct String", amount: "FY27 Adopted" }).account; // => "Acct String"
 * ```
 * @category Ledger
 */
export const ledgerColumnsSchema = z
  .object({
    account: header.optional(),
    fiscalYear: header.optional(),
    period: header.optional(),
    date: header.optional(),
    amount: header.optional(),
    posted: header.optional(),
    encumbered: header.optional(),
    debit: header.optional(),
    credit: header.optional(),
    description: header.optional(),
    segments: z.record(z.string(), header).optional(),
  })
  .strict();

/**
 * The zod schema of the options of the ledger and actuals readers ({@link readLedger},
 * {@link readActuals}, {@link parseLedger}).
 *
 * - `columns` — column names the reader does not know (see {@link ledgerColumnsSchema});
 * - `fiscalYear` — the fiscal year of every row, for a file without a year column;
 * - `calendar` — the district's fiscal calendar (July–June, named by the year it ends, by default),
 *   to place dates and months in fiscal years and periods;
 * - `controlTotal` — the file's total when the export prints it elsewhere (a report footer): the
 *   summary ties out to it (a `Total` row in the file is found by itself);
 * - `delimiter`, `dateOrder` — as for every CSV reader; `file` — the file's name for messages.
 *
 * @example
 * ```ts
 * ledgerOptionsSchema.parse({ fiscalYear: 2027 }).calendar.startMonth; // => 7
 * ```
 * @category Ledger
 */
export const ledgerOptionsSchema = z
  .object({
    columns: ledgerColumnsSchema.optional(),
    fiscalYear: fiscalYearSchema.optional(),
    calendar: fiscalCalendarSchema.default({ id: "district", startMonth: 7, label: "end", prefix: "FY" }),
    controlTotal: moneySchema.optional(),
    delimiter: z.enum([",", ";", "\t", "|"]).optional(),
    dateOrder: z.enum(["mdy", "dmy"]).default("mdy"),
    file: z.string().min(1).optional(),
  })
  .strict();

/**
 * Options of the ledger and actuals readers as given (see {@link ledgerOptionsSchema}).
 *
 * @category Ledger
 */
export type LedgerOptions = z.input<typeof ledgerOptionsSchema>;

/**
 * The zod schema of the options of {@link mapLedger}: the general fund's id (line items paid by it
 * list no `funds`, the budget's general fund pays what restricted funds do not), and how line
 * items are named.
 *
 * @example
 * ```ts
 * mapLedgerOptionsSchema.parse({}).generalFund; // => "general-fund"
 * ```
 * @category Ledger
 */
export const mapLedgerOptionsSchema = z
  .object({
    generalFund: z.string().min(1).default("general-fund"),
    /** Prefix of the line items' ids (default `ledger`). */
    idPrefix: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "expected lowercase letters, digits and dashes")
      .default("ledger"),
  })
  .strict();

/**
 * Options of {@link mapLedger} as given.
 *
 * @category Ledger
 */
export type MapLedgerOptions = z.input<typeof mapLedgerOptionsSchema>;
