import { addScenario, appState, removeScenario, renameScenario, selectScenario } from "../state/store.js";

/** Pick, add, rename and remove scenarios. The baseline is always first and cannot be removed. */
export function ScenarioBar() {
  const s = appState.value;
  const active = s.scenarios.find((x) => x.id === s.activeScenarioId);
  return (
    <div class="scenario-bar">
      <div class="field">
        <label for="scenario-select">Scenario</label>
        <select id="scenario-select" value={s.activeScenarioId} onChange={(e) => selectScenario((e.currentTarget as HTMLSelectElement).value)}>
          {s.scenarios.map((sc) => (
            <option value={sc.id} key={sc.id}>
              {sc.name}
            </option>
          ))}
        </select>
      </div>
      {active && active.id !== "baseline" && (
        <div class="field">
          <label for="scenario-name">Name</label>
          <input id="scenario-name" type="text" maxLength={80} value={active.name} onChange={(e) => renameScenario(active.id, (e.currentTarget as HTMLInputElement).value.trim())} />
        </div>
      )}
      <div class="buttons">
        <button type="button" onClick={addScenario} disabled={s.scenarios.length >= 8}>
          Add scenario
        </button>
        {active && active.id !== "baseline" && (
          <button type="button" class="secondary" onClick={() => removeScenario(active.id)}>
            Remove “{active.name}”
          </button>
        )}
      </div>
    </div>
  );
}
