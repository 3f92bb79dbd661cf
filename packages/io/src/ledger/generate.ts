import { createRng, parseInput } from "@districtkit/core";
import { z } from "zod";
import { guard } from "../internal/guard.js";

/**
 * The zod schema of the options of {@link generateLedgerExport}.
 *
 * @example
 * ```ts
 * generateLedgerExportOptionsSchema.parse({ rows: 10, seed: 1 }).kind; // => "budget"
 * ```
 * @category Generators
 */
export const generateLedgerExportOptionsSchema = z
  .object({
    rows: z.number().int().min(0).max(5_000_000).describe("Number of data rows"),
    seed: z.union([z.number().int(), z.string()]).describe("Seed of the random stream"),
    kind: z.enum(["budget", "actuals"]).default("budget").describe("A budget export (amount by account and year) or actuals (posted and encumbered by period)"),
    schools: z.number().int().min(1).max(999).default(3).describe("Number of school locations (001…); 000 is district-wide"),
    fiscalYears: z.array(z.number().int().min(1000).max(9998)).min(1).default([2027]).describe("Fiscal years the rows are spread over"),
    total: z.boolean().default(true).describe("End with a Grand Total row"),
  })
  .strict();

/**
 * Options of {@link generateLedgerExport}.
 *
 * @category Generators
 */
export type GenerateLedgerExportOptions = z.input<typeof generateLedgerExportOptionsSchema>;

// NCES 2014 funds, functions, objects and programs: technology ones and a few others that a
// mapping excludes (salaries outside technology functions) or leaves unmapped (2700, 2900, 610…)
const FUNDS = ["100", "110", "211", "285"];
const FUNCTIONS = ["2230", "2580", "1000", "2840", "2213", "2220", "2700", "2900"];
const OBJECTS = ["734", "735", "650", "530", "443", "432", "351", "110", "210", "330", "580", "610", "810", "352", "340"];
const PROGRAMS = ["100", "200", "300", "400", "500", "600", "700", "800", "900"];
const STRIDE = 7919; // a prime: i × STRIDE mod N visits every account once before repeating

function money(cents: number): string {
  const neg = cents < 0;
  const a = Math.abs(cents);
  const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `${whole}.${String(a % 100).padStart(2, "0")}`;
  return neg ? `(${text})` : text;
}

/**
 * Generates a made-up budget or actuals export in the NCES layout (`fund-function-object-location-program`,
 * e.g. `100-2230-734-001-100`) as CSV text, the same for the same seed — the workload of the
 * ledger benchmark: mostly technology accounts, some salaries (excluded by the NCES mapping) and a
 * few other codes (unmapped), amounts with thousands separators, reductions in parentheses, and
 * a Grand Total row that ties out.
 *
 * @param options - rows, seed, kind, schools, fiscal years
 * @returns the CSV text (CRLF line breaks)
 * @throws DistrictKitError for invalid options
 * @example
 * ```ts
 * import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
 * const csv = generateLedgerExport({ rows: 40, seed: 3 });
 * const r = readLedger(csv, { ...NCES_TECHNOLOGY_MAPPING, schools: [{ when: {}, school: null }], funds: [{ when: {}, fund: "general-fund" }] });
 * r.counts.dataRows; // => 40
 * r.tieOut[0]?.ties; // => true
 * ```
 * @category Generators
 */
export function generateLedgerExport(options: GenerateLedgerExportOptions): string {
  return guard("options", () => {
    const o = parseInput(generateLedgerExportOptionsSchema, options, ["options"]);
    const rng = createRng(o.seed).stream(`ledger-export-${o.kind}`);
    const lines: string[] = [o.kind === "budget" ? "Account,Description,Fiscal Year,Revised Budget" : "Account,Description,Fiscal Year,Period,Expended,Encumbered"];
    let total = 0;
    let totalEnc = 0;
    const locations = o.schools + 1;
    const n = FUNDS.length * FUNCTIONS.length * OBJECTS.length * locations * PROGRAMS.length;
    const years = o.fiscalYears.length;
    for (let i = 0; i < o.rows; i++) {
      // each account once per year, in a scattered order, as a real export lists them
      let k = (Math.floor(i / years) * STRIDE) % n;
      const program = PROGRAMS[k % PROGRAMS.length]!;
      k = Math.floor(k / PROGRAMS.length);
      const location = String(k % locations).padStart(3, "0");
      k = Math.floor(k / locations);
      const object = OBJECTS[k % OBJECTS.length]!;
      k = Math.floor(k / OBJECTS.length);
      const fn = FUNCTIONS[k % FUNCTIONS.length]!;
      const fund = FUNDS[Math.floor(k / FUNCTIONS.length)]!;
      const account = `${fund}-${fn}-${object}-${location}-${program}`;
      const fy = o.fiscalYears[i % years]!;
      let cents = Math.floor(rng.next() * 2_500_000) + 100;
      if (rng.next() < 0.04) cents = -Math.floor(cents / 5);
      total += cents;
      const desc = rng.next() < 0.2 ? '"Devices, carts and chargers"' : "Technology";
      if (o.kind === "budget") lines.push(`${account},${desc},${fy},"${money(cents)}"`);
      else {
        const enc = rng.next() < 0.2 ? Math.floor(rng.next() * 200_000) : 0;
        totalEnc += enc;
        lines.push(`${account},${desc},${fy},${1 + Math.floor(rng.next() * 12)},"${money(cents)}","${money(enc)}"`);
      }
    }
    if (o.total) lines.push(o.kind === "budget" ? `Grand Total,,,"${money(total)}"` : `Grand Total,,,,"${money(total)}","${money(totalEnc)}"`);
    return `${lines.join("\r\n")}\r\n`;
  });
}
