import { useState } from "preact/hooks";
import { datasets } from "../lib/sample.js";
import { activeScenario, setLever } from "../state/store.js";

export interface FlowLine {
  readonly id: string;
  readonly name: string;
  readonly amounts: Readonly<Record<string, string>>;
}

/**
 * "Use this plan in the budget": another engine's yearly lines become budget lines of the open
 * scenario, replacing the budget items the analyst ticks (the budget engine then does the rest).
 */
export function FlowToBudget({ lines, lever, category, defaultPick, note, what }: { lines: readonly FlowLine[]; lever: "deviceForecast" | "licensePlan"; category: string; defaultPick: RegExp; note: string; what: string }) {
  const scenario = activeScenario.value;
  const budgetItems = ((datasets.value.budget?.data as { lineItems?: { id: string; name: string; category: string }[] } | undefined)?.lineItems ?? []).filter((i) => i.category === category);
  const inUse = scenario.levers[lever];
  const [replaces, setReplaces] = useState<string[]>(() => inUse?.replaces ?? budgetItems.filter((i) => defaultPick.test(i.name)).map((i) => i.id));
  if (budgetItems.length === 0 || lines.length === 0) return null;
  return (
    <section class="flow" aria-labelledby={`flow-${lever}-h`}>
      <h3 id={`flow-${lever}-h`}>Use this plan in the budget</h3>
      <p class="hint">The {what} ({lines.length} yearly line{lines.length === 1 ? "" : "s"}) becomes budget lines of scenario “{scenario.name}”, replacing the budget items ticked below; the Budget tab then shows the consequence.</p>
      {scenario.id === "baseline" ? (
        <p class="hint">Pick a scenario other than the baseline on the Budget tab first.</p>
      ) : (
        <>
          <fieldset class="replace-list">
            <legend>Budget items the plan replaces</legend>
            {budgetItems.map((i) => (
              <label key={i.id} class="check">
                <input type="checkbox" checked={replaces.includes(i.id)} onChange={(e) => setReplaces((r) => ((e.currentTarget as HTMLInputElement).checked ? [...r, i.id] : r.filter((x) => x !== i.id)))} /> {i.name}
              </label>
            ))}
          </fieldset>
          <div class="button-row">
            <button type="button" onClick={() => setLever(scenario.id, lever, { replaces, note, lines: lines.map((l) => ({ id: l.id, name: l.name, amounts: { ...l.amounts } })) })}>
              {inUse ? "Update" : "Use"} this plan in “{scenario.name}”
            </button>
            {inUse && <button type="button" class="secondary" onClick={() => setLever(scenario.id, lever, undefined)}>Stop using it</button>}
          </div>
          <p role="status" class="status">{inUse ? `“${scenario.name}” uses the ${what} (${inUse.note}).` : ""}</p>
        </>
      )}
    </section>
  );
}
