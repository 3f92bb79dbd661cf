import { readFileSync } from "node:fs";
import { prepareBudget, projectBudget, tornado, standardTornadoLevers } from "@districtkit/budget";
const district = JSON.parse(readFileSync("examples/data/sample-district/district.json", "utf8"));
const budget = JSON.parse(readFileSync("examples/data/sample-district/budget.json", "utf8"));
const model = prepareBudget({ district, budget });
for (const detail of ["items", "summary"] as const) {
  for (let i = 0; i < 200; i++) projectBudget(model, undefined, { detail });
  const t = performance.now();
  for (let i = 0; i < 500; i++) projectBudget(model, { id: "s", name: "S", levers: [{ type: "enrollment-change", rate: -0.01 }] }, { detail });
  console.log(detail, ((performance.now() - t) / 500).toFixed(3), "ms");
}
const levers = standardTornadoLevers(model);
console.log(levers.length, levers.map(l => l.id));
for (let i = 0; i < 5; i++) tornado(model, { levers });
const t = performance.now();
for (let i = 0; i < 20; i++) tornado(model, { levers });
console.log("tornado", ((performance.now() - t) / 20).toFixed(3), "ms");
let t0 = performance.now();
for (let i = 0; i < 50; i++) prepareBudget({ district, budget });
console.log("prepare", ((performance.now() - t0) / 50).toFixed(3), "ms");
