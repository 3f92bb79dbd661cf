import { currentAsOf } from "../lib/asOf.js";
import { modelFrom } from "../lib/budgetRun.js";
import { datasets } from "../lib/sample.js";
import { appState } from "../state/store.js";
import { BidsSection } from "./erate/BidsSection.js";
import { CalendarSection } from "./erate/CalendarSection.js";
import { DrawdownSection } from "./erate/DrawdownSection.js";
import { nextFundingYear } from "./erate/data.js";
import { EligibilitySection } from "./erate/EligibilitySection.js";
import { EquipmentSection } from "./erate/EquipmentSection.js";

/**
 * The E-Rate tab: next year's procurement calendar, the bid matrix, the Category Two drawdown by
 * building (flowing into the budget), eligibility re-checked under another ruling, and the
 * equipment rules on the lifecycle plan — each section the result of a `@districtkit/budget`
 * engine with the engine's own explanation. Inputs persist with the rest of the app's state.
 */
export function ERateView() {
  const d = datasets.value;
  const asOf = currentAsOf();
  const settings = appState.value.erate;
  const outcome = d.district && d.budget ? modelFrom(d.district.data, d.budget.data) : null;
  if (!asOf) {
    return (
      <section aria-labelledby="er-h" class="erate">
        <h2 id="er-h">E-Rate operations</h2>
        <p class="notice" role="note">
          The E-Rate view needs the district's as-of date: set it in the header or load a district file.
        </p>
      </section>
    );
  }
  if (!outcome?.ok) {
    return (
      <section aria-labelledby="er-h" class="erate">
        <h2 id="er-h">E-Rate operations</h2>
        <div class="notice notice-error" role="alert">
          <strong>The district's budget could not be read</strong>
          <ul>
            {(outcome?.problems ?? ["the district or budget data is missing"]).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      </section>
    );
  }
  const model = outcome.model;
  const fy = nextFundingYear(asOf);
  return (
    <section aria-labelledby="er-h" class="erate">
      <h2 id="er-h">E-Rate operations</h2>
      <p class="hint" data-testid="erate-intro">
        Next year's filing for {model.district.name} as of <strong>{asOf}</strong> (the district's date, set in the header): funding year <strong>FY{fy}</strong>. Every figure below is computed by the{" "}
        <code>@districtkit/budget</code> E-Rate engines, with their own explanation; your entries are kept in this browser.
      </p>
      <CalendarSection model={model} fundingYear={fy} asOf={asOf} settings={settings} />
      <BidsSection settings={settings} />
      <DrawdownSection model={model} devices={d.devices?.data} fundingYear={fy} settings={settings} />
      <EligibilitySection model={model} fundingYear={fy} asOf={asOf} settings={settings} />
      <EquipmentSection model={model} devices={d.devices?.data} cycleYears={appState.value.devices.cycleYears} settings={settings} />
    </section>
  );
}
