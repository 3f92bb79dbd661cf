import { useEffect } from "preact/hooks";
import { budgetImport, budgetImportReady, restoreProblem, STEPS, type StepId, saveStatus, startBudgetImport, updateImport } from "../state/budgetImport.js";
import { busy, openFiles, openInWorker } from "./yourBudget/actions.js";
import { FileStep } from "./yourBudget/FileStep.js";
import { ItemsStep } from "./yourBudget/ItemsStep.js";
import { MapStep } from "./yourBudget/MapStep.js";
import { SchoolsStep } from "./yourBudget/SchoolsStep.js";
import { UseStep } from "./yourBudget/UseStep.js";
import "./yourBudget/yourBudget.css";

/** Whether a step can be opened yet (what it needs has been done), and why not. */
function blocked(step: StepId): string | null {
  const s = budgetImport.value;
  if (step === "map" && !s.budgetFile && !s.actualsFile) return "choose a file first";
  if (step === "map" && s.source === "template" && !s.actualsFile) return "a budget template needs no mapping";
  if ((step === "schools" || step === "items") && !s.rows) return "make the line items first";
  if (step === "use" && !s.rows && !s.actuals) return "make the line items first";
  return null;
}

function Steps() {
  const current = budgetImport.value.step;
  return (
    <nav class="steps" aria-label="Steps of the import">
      <ol>
        {STEPS.map((st, i) => {
          const why = blocked(st.id);
          return (
            <li key={st.id}>
              <button
                type="button"
                class={st.id === current ? "step current" : "step"}
                aria-current={st.id === current ? "step" : undefined}
                disabled={why !== null && st.id !== current}
                title={why ?? undefined}
                onClick={() => updateImport((s) => ({ ...s, step: st.id }))}
              >
                <span class="step-n">{i + 1}</span> {st.label}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * "Import your budget": a district's budget from its finance system (a general-ledger export with
 * account strings, or the DistrictKit budget template; CSV or XLSX) and its actuals, mapped to
 * DistrictKit's categories, funds and schools with an account mapping the analyst can edit, tied
 * out to the file's own totals, edited in a grid, then used by the Budget tab, compared with the
 * actuals, and exported to Excel with live formulas. Everything is kept in this browser.
 */
export function YourBudgetView() {
  useEffect(() => {
    void startBudgetImport().then(() => {
      // files kept from an earlier visit are read again in the worker (the mapping step needs their rows)
      const s = budgetImport.value;
      if (s.budgetFile && s.source === "ledger" && !openFiles.value.budget) void openInWorker("budget", s.budgetFile);
      if (s.actualsFile && !openFiles.value.actuals) void openInWorker("actuals", s.actualsFile);
    });
  }, []);
  if (!budgetImportReady.value)
    return (
      <p class="loading" aria-busy="true">
        Loading what this browser kept…
      </p>
    );
  const step = budgetImport.value.step;
  const saved = saveStatus.value;
  return (
    <section aria-labelledby="yb-h" class="your-budget" data-testid="your-budget">
      <h2 id="yb-h">Import your budget</h2>
      <p class="lede">
        Bring the district's budget from the finance system — a general-ledger or budget export whose rows carry an account string such as <code>100-2230-734-001-100</code>, or the DistrictKit budget
        template — and its actuals. Read in this browser by <code>@districtkit/io</code>, checked against the file's own totals to the cent; nothing is uploaded.
      </p>
      {restoreProblem.value && (
        <div class="notice notice-error" role="alert">
          {restoreProblem.value}
        </div>
      )}
      <Steps />
      <p class="save-status" role="status" data-testid="save-status">
        {saved === "off" ? "This browser keeps nothing (storage is off): the import lasts until the page is closed." : saved === "saving" ? "Saving…" : "Kept in this browser (IndexedDB)."}
        {busy.value ? ` ${busy.value}` : ""}
      </p>
      {step === "file" && <FileStep />}
      {step === "map" && <MapStep />}
      {step === "schools" && <SchoolsStep />}
      {step === "items" && <ItemsStep />}
      {step === "use" && <UseStep />}
    </section>
  );
}
