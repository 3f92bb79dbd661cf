// Bring Maple Valley's budget and actuals from the finance system: read a general-ledger budget
// export and a monthly actuals export (account strings 100-2230-734-001-100, NCES layout) with
// the district's account mapping, check that they tie out to the files' own totals, turn the
// ledger into a DistrictKit budget, compare FY2027 against its actuals through December, score
// past budgets, follow the restricted grants, and save the whole thing as an Excel workbook
// whose totals are live formulas. The same budget in California's SACS layout reads to the same
// amounts. Run: node --conditions=@districtkit/source --import tsx examples/import-ledger.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AccountMappingInput, budgetVsActual, type FundInput, forecastAccuracy, prepareBudget, projectBudget, restrictedFundBalances } from "@districtkit/budget";
import type { Money } from "@districtkit/core";
import { budgetFromLedger, readActuals, readLedger } from "@districtkit/io";
import { writeBudgetWorkbook } from "@districtkit/io/xlsx";

const file = (name: string): Uint8Array => readFileSync(new URL(`./data/${name}`, import.meta.url));
const json = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8")) as T;
const $ = (m: Money): string => m.format("en-US", { maximumFractionDigits: 0 }).padStart(11);
const mapping = json<AccountMappingInput>("ledger/maple-valley-mapping.json");

// 1. The budget export: five fiscal years, read and mapped, with every problem it has
const ledger = readLedger(file("ledger/maple-valley-budget.csv"), mapping, { file: "maple-valley-budget.csv" });
console.log(ledger.explanation);
for (const t of ledger.tieOut.slice(1)) console.log(`  ${t.ties ? "ties out" : "DOES NOT tie out"}: ${t.explanation}`);
console.log("Reported (nothing is dropped silently):");
for (const i of ledger.issues.filter((x) => x.severity !== "info")) console.log(`  ${i.severity}: ${i.message}`);
for (const e of ledger.errors) console.log(`  error: ${e.message}`);

// 2. The FY2027 line items become a budget of the sample district, and project like any other
const district = json<unknown>("sample-district/district.json");
const funds = json<{ funds: FundInput[] }>("sample-district/budget.json").funds;
const { budget, notes } = budgetFromLedger(ledger, { name: "Maple Valley FY2027, from the ledger", funds, firstYear: 2027, years: 1 });
const model = prepareBudget({ district, budget } as never);
const fromLedger = projectBudget(model);
console.log(
  `\nFY2027 budget from the ledger: ${fromLedger.years[0]!.total.format()} in ${budget.lineItems.length} line items; ${fromLedger.funds.map((f) => `${f.name} ${f.paid.format()}`).join(", ")}`,
);
for (const n of notes) console.log(`  note: ${n}`);

// 3. Actuals through December 2026 against the FY2027 budget, with the year-end projection
const actuals = readActuals(file("ledger/maple-valley-actuals.csv"), mapping, { file: "maple-valley-actuals.csv" });
console.log(`\n${actuals.explanation}`);
for (const i of actuals.issues.filter((x) => x.kind === "mid-year" && x.severity === "info")) console.log(`  ${i.reason}`);
for (const e of actuals.errors) console.log(`  error: ${e.message}`);
const bva = budgetVsActual({ fiscalYear: 2027, plan: ledger.plan as never, actuals: actuals.actuals as never });
console.log(`\n${bva.explanation}`);
console.log(`${"category".padEnd(26)}${"budget".padStart(11)}${"posted".padStart(11)}${"encumb.".padStart(11)}${"projected".padStart(11)}  method`);
for (const [cat, t] of Object.entries(bva.byCategory)) {
  const method = [...new Set(bva.cells.filter((c) => c.category === cat).map((c) => c.projection.method))].join(", ");
  console.log(`${cat.padEnd(26)}${$(t.budget)}${$(t.posted)}${$(t.encumbered)}${$(t.projectedYearEnd)}  ${method}`);
}

// 4. How good were past budgets?
const accuracy = forecastAccuracy({ plan: ledger.plan as never, actuals: actuals.actuals as never });
console.log(`\n${accuracy.explanation}`);
for (const y of accuracy.years) console.log(`  ${y.explanation}`);

// 5. Restricted money against its deadlines, from what has been obligated (posted + encumbered)
// (the budget's funds describe the FY2027 awards: Title IV-A from FY2027, the one-time state grant)
const balances = restrictedFundBalances({ asOf: "2026-12-31", funds, actuals: actuals.actuals.filter((a) => a.fiscalYear === 2027) as never, students: 912 });
console.log(`\n${balances.explanation}`);
for (const a of balances.awards.filter((x) => x.status !== "fully-obligated")) console.log(`  ${a.status}: ${a.explanation}`);

// 6. The second state's layout: the same FY2027 budget kept in California SACS accounts
const ca = readLedger(file("ledger/california-sacs-budget.csv"), json<AccountMappingInput>("ledger/california-sacs-mapping.json"), { file: "california-sacs-budget.csv" });
const fy2027 = ledger.tieOut.find((t) => t.fiscalYear === 2027)!;
console.log(`\nCalifornia SACS layout: ${ca.tieOut[0]!.explanation}`);
console.log(`  technology line items ${ca.tieOut[0]!.inLineItems.format()} (SACS) vs ${fy2027.inLineItems.format()} (NCES layout, its deliberately bad rows left out)`);

// 7. Excel for the board packet: baseline and a scenario, their differences and budget vs actual, as live formulas
const sample = prepareBudget({ district, budget: json("sample-district/budget.json") } as never);
const baseline = projectBudget(sample);
const lean = projectBudget(sample, {
  id: "lean",
  name: "Lean years",
  levers: [
    { type: "scale", category: "software", percent: -0.1 },
    { type: "delay", item: "wifi-aps", years: 1 },
  ],
});
const bytes = await writeBudgetWorkbook({ projections: [baseline, lean], budgetVsActual: bva, title: "Maple Valley technology budget" });
const dir = join(tmpdir(), "districtkit-examples");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "maple-valley-budget.xlsx"), bytes);
console.log(
  `\nWrote ${join(dir, "maple-valley-budget.xlsx")} (${Math.round(bytes.length / 1024)} KB): Line items, Baseline, Lean years, Changes, Budget vs actual, By month, About — every total a SUM formula over the line items.`,
);
