import { LeverPanel } from "../components/Levers.js";
import { NotAvailable } from "../components/Notice.js";
import { ScenarioBar } from "../components/ScenarioBar.js";
import { activeScenario } from "../state/store.js";

export function BudgetView() {
  const scenario = activeScenario.value;
  return (
    <section aria-labelledby="budget-h" class="budget">
      <h2 id="budget-h">Budget: baseline and what-if scenarios</h2>
      <div class="budget-grid">
        <aside class="controls no-print">
          <ScenarioBar />
          <LeverPanel scenario={scenario} />
        </aside>
        <div class="results">
          <NotAvailable what="The budget projection" engine="@districtkit/budget">
            <p>When it lands: baseline and scenarios side by side, spend by category and by fund, general-fund draw, money that will lapse, a delta table, a tornado chart and goal seek.</p>
          </NotAvailable>
        </div>
      </div>
    </section>
  );
}
