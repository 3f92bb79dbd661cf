import { useState } from "preact/hooks";
import { ProblemList } from "../../components/ProblemList.js";
import { EXAMPLE_LEDGERS, exampleBytes } from "../../lib/ledgerImport.js";
import { budgetImport, updateImport } from "../../state/budgetImport.js";
import { busy, chooseLedgerFile, chooseTemplate, openFiles, startOver } from "./actions.js";

const KINDS = [
  { id: "ledger", label: "A budget by account (general-ledger or budget export)", hint: "one row per account string and fiscal year, e.g. Account, Fiscal Year, Revised Budget" },
  { id: "actuals", label: "Actuals by account and month", hint: "posted (expended) and encumbered amounts by account and period, e.g. Account, Period, Expended, Encumbered" },
  { id: "template", label: "The DistrictKit budget template", hint: "Item ID, Name, Category, School, Funds, E-Rate, Fiscal Year, Amount — as this playground exports it" },
] as const;
type Kind = (typeof KINDS)[number]["id"];

/** Step 1: pick a file (CSV or XLSX) and what it holds, or read the sample district's exports. */
export function FileStep() {
  const [kind, setKind] = useState<Kind>("ledger");
  const [problems, setProblems] = useState<string[]>([]);
  const s = budgetImport.value;
  const def = KINDS.find((k) => k.id === kind)!;

  const read = async (name: string, bytes: ArrayBuffer, k: Kind, preset?: (typeof EXAMPLE_LEDGERS)[number]["preset"]) => {
    setProblems([]);
    if (k === "template") {
      const p = await chooseTemplate(name, bytes);
      setProblems(p);
      return;
    }
    await chooseLedgerFile(k === "ledger" ? "budget" : "actuals", name, bytes, preset);
  };

  const onFile = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    await read(f.name, await f.arrayBuffer(), kind);
  };

  return (
    <div class="yb-step">
      <h3>1. Choose a file</h3>
      <div class="panel">
        <fieldset class="kind-choice">
          <legend>What the file holds</legend>
          {KINDS.map((k) => (
            <label class="radio" key={k.id}>
              <input type="radio" name="yb-kind" value={k.id} checked={kind === k.id} onChange={() => setKind(k.id)} />
              <span>
                {k.label}
                <span class="hint">{k.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="yb-file">Choose the file (.csv or .xlsx)</label>
          <input
            id="yb-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy.value !== null}
            onChange={(e) => onFile((e.currentTarget as HTMLInputElement).files)}
          />
          <span class="hint">{def.hint}. Excel workbooks are read by ExcelJS, loaded only now and only in a background worker.</span>
        </div>
        <h4>Or read the sample district's exports</h4>
        <ul class="plain-list example-list">
          {EXAMPLE_LEDGERS.map((x) => (
            <li key={x.id}>
              <button type="button" class="secondary" disabled={busy.value !== null} onClick={async () => read(x.file, await exampleBytes(x.file), x.what, x.preset)}>
                Read {x.file}
              </button>{" "}
              <span class="hint-inline">{x.label}</span>
            </li>
          ))}
        </ul>
        {problems.length > 0 && <ProblemList title="The file could not be used" problems={problems} />}
      </div>
      {(s.budgetFile || s.actualsFile) && (
        <div class="panel kept-files" data-testid="kept-files">
          <h4>Files of this import</h4>
          <ul class="plain-list">
            {s.budgetFile && (
              <li>
                Budget: <strong>{s.budgetFile.name}</strong> ({s.source === "template" ? "budget template" : "ledger"}
                {openFiles.value.budget && openFiles.value.budget.ok ? `, ${openFiles.value.budget.summary.rowCount} rows` : ""})
              </li>
            )}
            {s.actualsFile && (
              <li>
                Actuals: <strong>{s.actualsFile.name}</strong>
                {openFiles.value.actuals && openFiles.value.actuals.ok ? ` (${openFiles.value.actuals.summary.rowCount} rows)` : ""}{" "}
                <button type="button" class="link" onClick={() => updateImport((x) => ({ ...x, actualsFile: null, actuals: null, actualsRead: null }))}>
                  remove
                </button>
              </li>
            )}
          </ul>
          <div class="button-row">
            {(s.source === "ledger" || s.actualsFile) && (
              <button type="button" onClick={() => updateImport((x) => ({ ...x, step: "map" }))}>
                Next: columns and accounts
              </button>
            )}
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                if (
                  window.confirm("Start over? The files, the mapping and the edits of this import are forgotten in this browser; if the Budget tab uses this import, the sample district comes back.")
                )
                  await startOver();
              }}
            >
              Start over
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
