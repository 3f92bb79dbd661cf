import { describeLevers } from "../lib/describeLevers.js";
import { appState } from "../state/store.js";

/** Shown only on paper: the scenarios and their levers, above the open view's figures. */
export function PrintSummary() {
  const s = appState.value;
  return (
    <section class="print-only print-summary" aria-hidden="true">
      <h2>Scenarios compared</h2>
      <ul>
        {s.scenarios.map((sc) => {
          const levers = describeLevers(sc.levers);
          return (
            <li key={sc.id}>
              <strong>{sc.name}</strong>: {levers.length ? levers.join("; ") : "the plan as the data has it"}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
