import * as budget from "@districtkit/budget";
import * as core from "@districtkit/core";
import * as licenses from "@districtkit/licenses";
import * as lifecycle from "@districtkit/lifecycle";
import * as vetting from "@districtkit/vetting";
import ExcelJS from "exceljs";
import * as zod from "zod";
import { fuzzEveryExport } from "../../../core/test/fuzz.js";
import * as io from "../index.js";
import * as xlsx from "./index.js";

// The package's second entry, `@districtkit/io/xlsx`, under the same bad-input fuzz as its root
// (issue #18: "every export of every package"): every export read from xlsx/index.ts — a new one
// is fuzzed without anyone adding it here — given hostile input, throws only a DistrictKitError
// (a caller's throwing getter or Proxy as its `cause`) and never returns NaN or Infinity. The
// examples' calls are the seeds, with a small ledger workbook for the two ledger readers.
const gl = new ExcelJS.Workbook();
const ws = gl.addWorksheet("GL");
ws.addRow(["Account", "Fiscal Year", "Revised Budget"]);
ws.addRow(["100-2230-734-000-100", 2027, 1234.56]);
ws.addRow(["100-2230-735-000-100", 2027, 99.5]);
ws.addRow(["Grand Total", null, 1334.06]);
const ledgerBytes = new Uint8Array(await gl.xlsx.writeBuffer());

await fuzzEveryExport({
  name: "@districtkit/io",
  exports: xlsx,
  dir: new URL("../..", import.meta.url),
  modules: {
    "@districtkit/core": core,
    "@districtkit/budget": budget,
    "@districtkit/lifecycle": lifecycle,
    "@districtkit/licenses": licenses,
    "@districtkit/vetting": vetting,
    "@districtkit/io": io,
    "@districtkit/io/xlsx": xlsx,
    zod,
  },
  seeds: {
    parseLedgerXlsx: [["budget", ledgerBytes, { sheet: "GL" }]],
    readLedgerXlsx: [[ledgerBytes, budget.NCES_TECHNOLOGY_MAPPING]],
  },
  // each call loads or writes a whole workbook with ExcelJS
  numRuns: 25,
  allow: {},
});
