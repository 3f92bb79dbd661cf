// Computes reference values of Excel's financial functions with LibreOffice Calc (headless) and
// writes them to packages/budget/test/libreOfficeFinance.ts, the fixtures of
// src/finance/libreOffice.test.ts. Run from the repository's root on a machine with LibreOffice
// (Debian: apt-get install -y libreoffice-calc):
//
//   node packages/budget/scripts/financeFixtures.mjs
//
// Each case becomes one formula in a CSV file that LibreOffice imports with "evaluate formulas"
// on and exports with raw (unformatted) values; the command it runs is recorded in the fixture
// file's header. Dates are passed as spreadsheet serial numbers (days since 1899-12-30).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const serial = (iso) => Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000);
const list = (xs) => `{${xs.join(",")}}`;

/** [function, args] — args as the DistrictKit call takes them (amounts as numbers, dates as ISO). */
const cases = [];
const add = (fn, ...args) => cases.push({ fn, args });

// PMT, PV, FV: end and beginning of periods, zero and negative rates, fractional periods, a balloon
for (const [rate, nper, pv, fv, type] of [
  [0.08 / 12, 10, 10000, 0, 0],
  [0.08 / 12, 10, 10000, 0, 1],
  [0.06 / 12, 18 * 12, 0, 50000, 0],
  [0.05, 4, 329000, -20000, 0],
  [0.05, 4, 329000, -20000, 1],
  [0, 12, 1200, 0, 0],
  [0, 7, 1000, 300, 1],
  [-0.02, 5, 1000, 0, 0],
  [0.035, 2.5, 1000, 0, 0],
  [0.0425 / 12, 360, 250000, 0, 0],
  [0.12, 1, 100, 0, 1],
  [0.9, 30, 5000, 1000, 0],
]) {
  add("pmt", rate, nper, pv, fv, type);
}
for (const [rate, nper, pmt, fv, type] of [
  [0.08 / 12, 240, 500, 0, 0],
  [0.08 / 12, 240, 500, 0, 1],
  [0.03, 5, -95000, -10000, 0],
  [0, 10, -100, -50, 0],
  [-0.01, 6, 200, 0, 1],
  [0.07, 7.25, -1000, 0, 0],
  [0.05, 0, -100, -1000, 0],
]) {
  add("pv", rate, nper, pmt, fv, type);
}
for (const [rate, nper, pmt, pv, type] of [
  [0.06 / 12, 10, -200, -500, 1],
  [0.12 / 12, 12, -1000, 0, 0],
  [0.11 / 12, 35, -2000, 0, 1],
  [0.06 / 12, 12, -100, -1000, 1],
  [0, 8, -25, -100, 0],
  [0.03, 10, 0, -329000, 0],
  [0.05, 0, -100, -1000, 0],
]) {
  add("fv", rate, nper, pmt, pv, type);
}
// IPMT and PPMT along whole schedules, both payment times
for (const [rate, nper, pv, fv] of [
  [0.1 / 12, 36, 8000, 0],
  [0.1, 3, 8000, 0],
  [0.08, 10, 200000, 0],
  [0.045 / 12, 48, 329000, -30000],
  [0, 5, 1000, 0],
]) {
  for (const type of [0, 1]) {
    for (const per of [1, 2, Math.ceil(nper / 2), nper]) {
      add("ipmt", rate, per, nper, pv, fv, type);
      add("ppmt", rate, per, nper, pv, fv, type);
    }
  }
}
// NPV
add("npv", 0.1, [-10000, 3000, 4200, 6800]);
add("npv", 0.08, [8000, 9200, 10000, 12000, 14500]);
add("npv", 0, [1, 2, 3]);
add("npv", -0.05, [-500, 100, 100, 100, 100, 100, 100]);
// IRR: Microsoft's example, conventional and non-conventional flows, a guess
add("irr", [-70000, 12000, 15000, 18000, 21000, 26000]);
add("irr", [-70000, 12000, 15000, 18000, 21000]);
add("irr", [-70000, 12000, 15000], -0.1);
add("irr", [-329000, 90000, 90000, 90000, 90000, 20000]);
add("irr", [-1000, 0, 0, 0, 2500]);
add("irr", [-100, 230, -132]);
add("irr", [-100, 230, -132], 0.15);
add("irr", [5000, -1200, -1200, -1200, -1200, -1200]);
// XNPV and XIRR: Microsoft's example, irregular dates, a leap day
const msDates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"];
add("xnpv", 0.09, [-10000, 2750, 4250, 3250, 2750], msDates);
add("xnpv", 0.05, [-329000, 100000, 100000, 100000, 60000], ["2026-07-01", "2027-06-30", "2028-06-30", "2029-06-29", "2030-07-15"]);
add("xnpv", 0, [-10, 5, 6], ["2024-02-28", "2024-02-29", "2025-03-01"]);
add("xirr", [-10000, 2750, 4250, 3250, 2750], msDates);
add("xirr", [-329000, 100000, 100000, 100000, 60000], ["2026-07-01", "2027-06-30", "2028-06-30", "2029-06-29", "2030-07-15"]);
add("xirr", [-1000, 300, 300, 300, 300], ["2024-01-15", "2024-02-29", "2024-09-01", "2025-01-31", "2026-12-31"]);
add("xirr", [-500, -500, 400, 400, 400], ["2020-07-01", "2021-07-01", "2022-07-01", "2023-07-01", "2024-07-01"], -0.05);

const formula = ({ fn, args }) => {
  const [a, b, c, d, e, f] = args;
  switch (fn) {
    case "pmt":
    case "pv":
    case "fv":
      return `=${fn.toUpperCase()}(${a},${b},${c},${d},${e})`;
    case "ipmt":
    case "ppmt":
      return `=${fn.toUpperCase()}(${a},${b},${c},${d},${e},${f})`;
    case "npv":
      return `=NPV(${a},${list(b)})`;
    case "irr":
      return b === undefined ? `=IRR(${list(a)})` : `=IRR(${list(a)},${b})`;
    case "xnpv":
      return `=XNPV(${a},${list(b)},${list(c.map(serial))})`;
    case "xirr":
      return c === undefined ? `=XIRR(${list(a)},${list(b.map(serial))})` : `=XIRR(${list(a)},${list(b.map(serial))},${c})`;
  }
  throw new Error(fn);
};

const dir = mkdtempSync(join(tmpdir(), "dk-lo-"));
const input = join(dir, "cases.csv");
writeFileSync(input, cases.map((c) => `"${formula(c)}"`).join("\n") + "\n");
const command = [
  "soffice",
  "--headless",
  "--norestore",
  `-env:UserInstallation=file://${dir}/profile`,
  "--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true",
  "--convert-to",
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
  "--outdir",
  join(dir, "out"),
  input,
];
execFileSync(command[0], command.slice(1), { stdio: "ignore" });
const outFile = readdirSync(join(dir, "out"))[0];
const values = readFileSync(join(dir, "out", outFile), "utf8")
  .trim()
  .split("\n");
if (values.length !== cases.length) throw new Error(`expected ${cases.length} values, got ${values.length}`);
const version = execFileSync("soffice", ["--version"], { encoding: "utf8" }).trim();
const rows = cases.map((c, i) => {
  const v = values[i].trim();
  if (!/^-?\d/.test(v)) throw new Error(`${formula(c)} gave ${v}`);
  return `  { fn: ${JSON.stringify(c.fn)}, args: ${JSON.stringify(c.args)}, formula: ${JSON.stringify(formula(c))}, expected: ${JSON.stringify(v)} },`;
});
const shown = command
  .map((a) => (/[\s:(),]/.test(a) ? `'${a}'` : a))
  .join(" ")
  .split(dir)
  .join("$DIR");
writeFileSync(
  new URL("../test/libreOfficeFinance.ts", import.meta.url),
  `// Reference values of Excel's financial functions computed by ${version}, headless.
// Generated by packages/budget/scripts/financeFixtures.mjs — do not edit by hand. The formulas were
// evaluated by importing a CSV of them ($DIR/cases.csv, one quoted formula a line) with "evaluate
// formulas" on and exporting raw values:
//
//   ${shown}
//
// \`expected\` is LibreOffice's value as it printed it (15 significant digits; rates as fractions).

/** One function call and LibreOffice Calc's value for the same formula. */
export interface LibreOfficeCase {
  readonly fn: "pmt" | "pv" | "fv" | "ipmt" | "ppmt" | "npv" | "irr" | "xnpv" | "xirr";
  readonly args: readonly unknown[];
  readonly formula: string;
  readonly expected: string;
}

/** Every case, in the order the script lists them. */
export const LIBREOFFICE_FINANCE_CASES: readonly LibreOfficeCase[] = [
${rows.join("\n")}
];
`,
);
console.log(`wrote ${cases.length} cases`);
