import { readFileSync } from "node:fs";
import { prepareBudget, projectBudget } from "@districtkit/budget";
const district = JSON.parse(readFileSync("examples/data/sample-district/district.json", "utf8"));
const budget = JSON.parse(readFileSync("examples/data/sample-district/budget.json", "utf8"));
const model = prepareBudget({ district, budget });
for (let i = 0; i < 1500; i++) projectBudget(model, { id: "s", name: "S", levers: [{ type: "enrollment-change", rate: -0.01 }] }, { detail: "items" });
