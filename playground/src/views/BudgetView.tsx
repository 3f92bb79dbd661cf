import { useMemo } from "preact/hooks";
import { LeverPanel } from "../components/Levers.js";
import { NotAvailable } from "../components/Notice.js";
import { ProblemList } from "../components/ProblemList.js";
import { ScenarioBar } from "../components/ScenarioBar.js";
import { categoriesOf, fiscalYearsOf, refreshItems, shiftableItems } from "../lib/budgetModel.js";
import { modelFrom, runScenarios } from "../lib/budgetRun.js";
import { datasets } from "../lib/sample.js";
import { activeScenario, appState } from "../state/store.js";
import { BudgetResults } from "./budget/BudgetResults.js";
import { recordEngineMs } from "./budget/engineTime.js";

export function BudgetView() {
  const district = datasets.value.district;
  const budget = datasets.value.budget;
  const scenario = activeScenario.value;
  const scenarios = appState.value.scenarios;

  const modelOutcome = useMemo(() => (district && budget ? modelFrom(district.data, budget.data) : null), [district, budget]);
  const model = modelOutcome?.ok ? modelOutcome.model : null;

  // Every lever change re-runs the projections of all scenarios (about 2 ms each on the sample).
  const set = useMemo(() => {
    if (!model) return null;
    const t0 = performance.now();
    const out = runScenarios(model, scenarios);
    const ms = performance.now() - t0;
    recordEngineMs(ms);
    return out;
  }, [model, scenarios]);

  const ctx = model
    ? {
        categories: categoriesOf(model),
        fiscalYears: fiscalYearsOf(model),
        items: model.budget.lineItems.map((i) => ({ id: i.id, name: i.name, category: i.category })),
        refreshHint: `Sets the cycle of ${refreshItems(model)
          .map((i) => `${i.name} (now every ${i.everyYears} years)`)
          .join("; ")}.`,
        shiftable: shiftableItems(model),
      }
    : {};

  return (
    <section aria-labelledby="budget-h" class="budget">
      <h2 id="budget-h">Budget: baseline and what-if scenarios</h2>
      <div class="budget-grid">
        <aside class="controls no-print" aria-label="Scenarios and levers">
          <ScenarioBar />
          <LeverPanel key={scenario.id} scenario={scenario} {...ctx} />
        </aside>
        <div class="results">
          {!district || !budget ? (
            <NotAvailable what="The budget projection" engine="examples/data/sample-district/budget.json">
              <p>The budget engine is ready; the sample district's budget file is not in this build. Import a district and a budget to see it here.</p>
            </NotAvailable>
          ) : modelOutcome && !modelOutcome.ok ? (
            <ProblemList title="The budget data could not be read" problems={modelOutcome.problems} />
          ) : set && !set.ok ? (
            <ProblemList title="A scenario could not be projected" problems={set.problems} />
          ) : set && model ? (
            <BudgetResults set={set.set} model={model} activeId={scenario.id} />
          ) : null}
        </div>
      </div>
    </section>
  );
}
