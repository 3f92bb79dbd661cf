import { DistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { anyCellArb, isoDateArb, recordArbFor, snipeItAssetArb, usageRecordArb } from "../test/arbitraries.js";
import type { CsvFormat } from "./csvFormat.js";
import { decodeText } from "./decode.js";
import { budgetSchoolsFromRoster } from "./engines/budget.js";
import { licenseContractsToCurrent, licenseEnrollmentFromRoster, usageToLicenseUsers } from "./engines/licenses.js";
import { inventoryFromExports } from "./engines/lifecycle.js";
import { vettingAppsFromAnswers } from "./engines/vetting.js";
import { googleAdminDeviceFormat, readGoogleAdminDevices } from "./formats/googleAdmin.js";
import { licenseContractFormat, readLicenseContracts, readUsage, usageFormat } from "./formats/licenses.js";
import { readOneRoster } from "./formats/oneRoster.js";
import { readSnipeItAssets, snipeItAssetFormat } from "./formats/snipeIt.js";
import { readVettingAnswers, readVettingAnswersJson, vettingAnswerFormat } from "./formats/vettingAnswers.js";
import { generateGoogleAdminExport } from "./generate.js";
import { batchSettings } from "./internal/chunkBatcher.js";
import { readCsv } from "./readCsv.js";
import { readCsvStream } from "./readCsvStream.js";
import type { ReadResult } from "./readResult.js";
import { budgetComparisonTable } from "./write/budgetComparison.js";
import { toCsv, writeCsv } from "./write/csv.js";
import { forecastTables } from "./write/forecastTables.js";
import { exportJson, parseJsonInput } from "./write/json.js";
import { tidyTables } from "./write/tidy.js";

const withoutLines = <R extends { line: number }>(rows: readonly R[]) => rows.map(({ line: _line, ...rest }) => rest);

/** The INVARIANTS.md io rule: every data row is parsed or failed, and every failed row has an error. */
function expectCountsAddUp(result: ReadResult<{ line: number }>): void {
  expect(result.stats.total).toBe(result.stats.parsed + result.stats.failed);
  expect(result.rows.length).toBe(result.stats.parsed);
  const failedLines = new Set(result.errors.map((e) => e.line));
  expect(failedLines.size).toBe(result.stats.failed);
  for (const row of result.rows) expect(failedLines.has(row.line)).toBe(false);
}

describe("export then import is the identity on valid data (INVARIANTS.md, io)", () => {
  it("Snipe-IT assets survive writeCsv → readSnipeItAssets, whatever the separator and BOM", () => {
    fc.assert(
      fc.property(fc.array(snipeItAssetArb, { minLength: 1, maxLength: 15 }), fc.constantFrom(",", ";", "\t") as fc.Arbitrary<"," | ";" | "\t">, fc.boolean(), (rows, delimiter, bom) => {
        const csv = writeCsv(snipeItAssetFormat, rows, { delimiter, bom });
        const back = readSnipeItAssets(new TextEncoder().encode(csv), { delimiter });
        expect(back.errors).toEqual([]);
        expect(withoutLines(back.rows)).toEqual(withoutLines(rows));
      }),
      { numRuns: 200 },
    );
  });

  it("usage records survive writeCsv → readUsage", () => {
    fc.assert(
      fc.property(fc.array(usageRecordArb, { minLength: 1, maxLength: 15 }), (rows) => {
        const back = readUsage(writeCsv(usageFormat, rows));
        expect(withoutLines(back.rows)).toEqual(withoutLines(rows));
      }),
      { numRuns: 200 },
    );
  });

  it("every built-in format: writeCsv then readCsv gives the same records", () => {
    const formats = { snipeItAssetFormat, googleAdminDeviceFormat, licenseContractFormat, usageFormat, vettingAnswerFormat } as Record<string, CsvFormat<unknown>>;
    for (const [name, format] of Object.entries(formats)) {
      const records = recordArbFor(format).filter((r) => name !== "snipeItAssetFormat" || r["assetTag"] !== undefined || r["serial"] !== undefined);
      fc.assert(
        fc.property(fc.array(records, { minLength: 1, maxLength: 8 }), (rows) => {
          const back = readCsv(format, writeCsv(format, rows));
          expect(back.errors).toEqual([]);
          expect(withoutLines(back.rows as { line: number }[])).toEqual(withoutLines(rows as { line: number }[]));
        }),
        { numRuns: 100 },
      );
    }
  });

  it("JSON export then parse is lossless (money as strings)", () => {
    fc.assert(
      fc.property(fc.array(usageRecordArb, { maxLength: 10 }), (rows) => {
        expect(parseJsonInput(z.array(z.unknown()), exportJson(rows))).toEqual(JSON.parse(JSON.stringify(rows)));
      }),
      { numRuns: 100 },
    );
  });
});

const HEADERS = ["Product", "User", "Role", "Last Active", "Minutes", "Extra"] as const;
const cellFor = (header: string): fc.Arbitrary<string> =>
  header === "Last Active"
    ? fc.oneof(isoDateArb, fc.constantFrom("13/45/2024", "soon", "", "1/23/23"), anyCellArb)
    : header === "Minutes"
      ? fc.oneof(fc.nat({ max: 999 }).map(String), fc.constantFrom("-3", "x", "", "1,200"))
      : anyCellArb;

describe("the counts add up and no row is dropped silently (INVARIANTS.md, io)", () => {
  it("on random CSV with quotes and line breaks in cells, random header orders and ragged rows", () => {
    const fileArb = fc.shuffledSubarray([...HEADERS], { minLength: 2 }).chain((headers) => {
      const order = headers.includes("Product") && headers.includes("User") ? headers : ["Product", "User", ...headers.filter((h) => h !== "Product" && h !== "User")];
      const row = fc.tuple(...order.map(cellFor), fc.integer({ min: -1, max: 1 }));
      return fc.record({ order: fc.constant(order), rows: fc.array(row, { maxLength: 25 }) });
    });
    fc.assert(
      fc.property(fileArb, ({ order, rows }) => {
        const lines = [toCsv({ columns: order, rows: [] }).replace(/\r\n$/, "")];
        const expected: { line: number; blank: boolean }[] = [];
        let line = 2;
        for (const row of rows) {
          const cells = row.slice(0, -1) as string[];
          const ragged = row.at(-1) as number; // -1: a cell short, +1: a cell too many, 0: as the header
          const written = ragged < 0 ? cells.slice(0, -1) : ragged > 0 ? [...cells, "extra!"] : cells;
          const asCells = toCsv({ columns: written.map((_, i) => `c${i}`), rows: [written] })
            .split("\r\n")
            .slice(1)
            .join("\r\n")
            .replace(/\r\n$/, "");
          lines.push(asCells);
          expected.push({ line, blank: written.every((c) => c.trim() === "") });
          line += 1 + (asCells.match(/\n/g)?.length ?? 0);
        }
        const result = readUsage(lines.join("\r\n"));
        expectCountsAddUp(result);
        const dataLines = expected.filter((e) => !e.blank).map((e) => e.line);
        expect(result.stats.total).toBe(dataLines.length);
        const seen = new Set([...result.rows.map((r) => r.line), ...result.errors.map((e) => e.line)]);
        expect([...seen].sort((a, b) => a - b)).toEqual(dataLines);
        for (const e of result.errors) expect(e.message.startsWith(`line ${e.line}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

function expectOnlyDistrictKitErrors(run: () => unknown): void {
  try {
    const out = run();
    if (out && typeof out === "object" && "rows" in out) expectCountsAddUp(out as ReadResult<{ line: number }>);
    else if (out && typeof out === "object" && "stats" in out) {
      const { stats, errors } = out as { stats: { total: number; parsed: number; failed: number }; errors: readonly unknown[] };
      expect(stats.total).toBe(stats.parsed + stats.failed);
      expect(errors.length).toBeGreaterThanOrEqual(stats.failed);
    }
  } catch (error) {
    if (!(error instanceof DistrictKitError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
  }
}

describe("bad input never throws anything but a DistrictKitError", () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
  );
  const readers = {
    readSnipeItAssets: (x: unknown, o?: unknown) => readSnipeItAssets(x as string, o as never),
    readGoogleAdminDevices: (x: unknown, o?: unknown) => readGoogleAdminDevices(x as string, o as never),
    readUsage: (x: unknown, o?: unknown) => readUsage(x as string, o as never),
    readLicenseContracts: (x: unknown, o?: unknown) => readLicenseContracts(x as string, o as never),
    readVettingAnswers: (x: unknown, o?: unknown) => readVettingAnswers(x as string, o as never),
    readVettingAnswersJson: (x: unknown) => readVettingAnswersJson(x as string),
    readOneRoster: (x: unknown, o?: unknown) => readOneRoster({ "orgs.csv": x as string, "users.csv": x as string }, o as never),
    decodeText: (x: unknown) => decodeText(x as string),
    parseJsonInput: (x: unknown) => parseJsonInput(z.object({ a: z.number() }), x as string),
    inventoryFromExports: (x: unknown, o?: unknown) => inventoryFromExports(x as never, o as never),
    inventoryFromRows: (x: unknown) => inventoryFromExports({ snipeIt: x, googleAdmin: x } as never, { asOf: "2026-07-01" }),
    budgetSchoolsFromRoster: (x: unknown, o?: unknown) => budgetSchoolsFromRoster(x as never, o as never),
    vettingAppsFromAnswers: (x: unknown, o?: unknown) => vettingAppsFromAnswers(x as never, o),
    licenseContractsToCurrent: (x: unknown, o?: unknown) => licenseContractsToCurrent(x as never, o as never),
    usageToLicenseUsers: (x: unknown, o?: unknown) => usageToLicenseUsers(x as never, o as never),
    licenseEnrollmentFromRoster: (x: unknown, o?: unknown) => licenseEnrollmentFromRoster(x as never, o as never),
    tidyTables: (x: unknown, o?: unknown) => tidyTables(x, o as never),
    budgetComparisonTable: (x: unknown, o?: unknown) => budgetComparisonTable(x as never, o as never),
    forecastTables: (x: unknown) => forecastTables(x as never),
    generateGoogleAdminExport: (x: unknown) => generateGoogleAdminExport(x as never),
    readCsvWithOptions: (x: unknown, o?: unknown) => readUsage("Product,User\nA,b", (o ?? x) as never),
  };
  for (const [name, read] of Object.entries(readers)) {
    it(`${name} on random bytes, random text and random values`, () => {
      fc.assert(
        fc.property(fc.oneof(bytes, fc.string({ maxLength: 200 }), fc.anything({ withBigInt: true, withNullPrototype: true })), fc.option(fc.anything(), { nil: undefined }), (input, options) => {
          expectOnlyDistrictKitErrors(() => read(input, options));
        }),
        { numRuns: 150 },
      );
    });
  }

  it("readers on CSV-looking text with a valid header and random rows", () => {
    const header = fc.constantFrom("Asset Tag,Model,Purchase Date,Purchase Cost\n", "Serial Number,Model,AUE\n", "Product,User,Last Active\n", "sourcedId,name,type\n");
    fc.assert(
      fc.property(header, fc.string({ unit: fc.constantFrom("a", "1", ",", '"', "\n", "\r", "/", "-", " ", "\u0000", "\uFEFF"), maxLength: 80 }), (h, body) => {
        for (const read of Object.values(readers)) expectOnlyDistrictKitErrors(() => read(h + body));
      }),
      { numRuns: 200 },
    );
  });

  it("writers on any value", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }), (value) => {
        expectOnlyDistrictKitErrors(() => exportJson(value));
        expectOnlyDistrictKitErrors(() => toCsv(value as never));
        expectOnlyDistrictKitErrors(() => writeCsv(usageFormat, value as never));
      }),
      { numRuns: 200 },
    );
  });
});

describe("streaming reads give what a whole-file read gives", () => {
  it("for any split of the bytes into chunks (even inside a UTF-8 character or a CRLF)", async () => {
    await fc.assert(
      // batches of any size down to none (every chunk to the parser as it comes: papaparse sees every cut)
      fc.asyncProperty(
        fc.array(snipeItAssetArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat({ max: 4000 }), { maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom(0, 0, 7, 65_536),
        async (rows, cuts, bom, minimum) => {
          const bytes = new TextEncoder().encode(writeCsv(snipeItAssetFormat, rows, { bom }));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let at = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(at, p));
            at = p;
          }
          const whole = readSnipeItAssets(bytes);
          const before = batchSettings.minimum;
          batchSettings.minimum = minimum;
          const streamed = await readCsvStream(snipeItAssetFormat, chunks).finally(() => void (batchSettings.minimum = before));
          expect(streamed.rows).toEqual(whole.rows);
          expect(streamed.stats).toEqual(whole.stats);
        },
      ),
      { numRuns: 150 },
    );
  });
});
