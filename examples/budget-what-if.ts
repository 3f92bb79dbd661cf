// What does Maple Valley's technology plan cost over ten years, who pays for it, and what if
// enrollment keeps falling, the Wi-Fi refresh slips a year and a PD grant comes in?
// Run: node --conditions=@districtkit/source --import tsx examples/budget-what-if.ts
import { readFileSync } from "node:fs";
import { compareScenarios, goalSeek, prepareBudget, type ScenarioInput, standardTornadoLevers, tornado } from "@districtkit/budget";
import type { Money } from "@districtkit/core";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/sample-district/${name}`, import.meta.url), "utf8"));
const model = prepareBudget({ district: read("district.json"), budget: read("budget.json") } as never);

const scenarios: ScenarioInput[] = [
  { id: "baseline", name: "Baseline" },
  {
    id: "lean",
    name: "Lean years",
    levers: [
      { type: "enrollment-change", rate: -0.02 },
      { type: "inflation", category: "software", rate: 0.02, mode: "add" },
      { type: "delay", item: "wifi-aps", years: 1 },
      { type: "delay", item: "switches", years: 1 },
      {
        type: "add-fund",
        fund: {
          id: "pd-grant",
          name: "State PD grant",
          kind: "grant",
          eligibleCategories: ["professional-development"],
          tranches: [{ amount: "20000", availableFrom: "2026-07-01", obligateBy: "2027-09-30" }],
        },
      },
    ],
  },
];

const { projections, comparisons } = compareScenarios(model, scenarios);
const [base, lean] = projections as [(typeof projections)[0], (typeof projections)[0]];
const cmp = comparisons[0]!;
const $ = (m: Money): string => m.format("en-US", { maximumFractionDigits: 0 }).padStart(12);

console.log(`${model.district.name}: ${base.years[0]!.students} students, E-Rate discount ${base.eRate.c1Percent} % (${base.eRate.discount?.band.label}, ${base.eRate.discount?.locale})`);
console.log(`Scenario "${lean.scenario.name}": ${lean.scenario.effects.map((e) => e.label).join("; ")}\n`);
console.log(`${"Year".padEnd(8)}${"Baseline".padStart(12)}${"Lean years".padStart(12)}${"Difference".padStart(12)}   ${"GF draw (base)".padStart(14)}${"GF draw (lean)".padStart(15)}`);
for (let i = 0; i < base.years.length; i++) {
  const y = cmp.years[i]!;
  console.log(
    `${base.years[i]!.label.padEnd(8)}${$(y.total.a)}${$(y.total.b)}${$(y.total.delta)}   ${$(base.generalFund.byYear[String(y.fiscalYear)]!).padStart(14)}${$(lean.generalFund.byYear[String(y.fiscalYear)]!).padStart(15)}`,
  );
}
console.log(`${"Total".padEnd(8)}${$(cmp.total.a)}${$(cmp.total.b)}${$(cmp.total.delta)}   ${$(cmp.generalFundDraw.a).padStart(14)}${$(cmp.generalFundDraw.b).padStart(15)}\n`);

console.log("By category over ten years:");
for (const [cat, d] of Object.entries(cmp.byCategory)) console.log(`  ${cat.padEnd(26)}${$(d.a)}${$(d.b)}${$(d.delta)}`);
console.log("\nWho pays (baseline):");
for (const f of base.funds) console.log(`  ${f.explanation}`);
if (base.warnings.length > 0) console.log(`\nWarnings: ${base.warnings.length}, e.g. ${base.warnings.find((w) => w.code === "general-fund-over-limit")?.message ?? base.warnings[0]!.message}`);
console.log(`\n${cmp.explanation}`);

const t = tornado(model, { levers: standardTornadoLevers(model) });
console.log(`\nSensitivity of the ten-year total (${t.base.format()}), widest first:`);
for (const r of t.rows.slice(0, 6)) console.log(`  ${r.label.padEnd(34)} ${r.low.delta.format().padStart(14)} … ${r.high.delta.format().padStart(14)}`);

const g = goalSeek(model, {
  lever: { type: "scale-fund", fund: "state-tech-grant", percent: 0 },
  parameter: "percent",
  range: { min: -1, max: 0 },
  metric: { kind: "general-fund-draw", aggregate: "year", year: 2027 },
  target: "520000",
  seek: "min",
});
console.log(`\nGoal seek: ${g.explanation}`);
