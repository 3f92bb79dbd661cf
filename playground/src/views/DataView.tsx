import { exportJson, type ModelMatch, matchDeviceModels, modelOptionsFromMatches, toCsv } from "@districtkit/io";
import type { DeviceCategory } from "@districtkit/lifecycle";
import { transfer } from "comlink";
import { useState } from "preact/hooks";
import { type Column, DataTable } from "../components/DataTable.js";
import { ProblemList } from "../components/ProblemList.js";
import { currentAsOf } from "../lib/asOf.js";
import { comparisonTable, modelFrom, runScenarios } from "../lib/budgetRun.js";
import { formatCount, formatMoney } from "../lib/format.js";
import { EXAMPLE_FILES, IMPORT_KINDS, type ImportKind, type ImportOutcome, type ImportRowError, importOrigin, loadExampleFile } from "../lib/importKinds.js";
import { download, imports } from "../lib/imports.js";
import { DATASET_NAMES, datasets, ensureDatasets, sampleData, setImported } from "../lib/sample.js";
import { forgetImported, storedBytes } from "../state/importStore.js";
import { appState } from "../state/store.js";
import { engineWorker } from "../worker/client.js";
import { exportWorkbook } from "./yourBudget/actions.js";

const PREVIEW_ROWS = 25;

function cellText(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function ErrorsTable({ outcome }: { outcome: Extract<ImportOutcome, { ok: true }> }) {
  if (outcome.errorCount === 0) return null;
  const multiFile = outcome.files.length > 1;
  const columns: Column<ImportRowError>[] = [
    ...(multiFile ? [{ key: "file", label: "File", value: (e: ImportRowError) => e.file ?? "" }] : []),
    { key: "line", label: "Line", kind: "num", value: (e) => formatCount(e.line) },
    { key: "column", label: "Column", value: (e) => e.column ?? "(whole row)" },
    { key: "value", label: "Value found", value: (e) => (e.value === null ? "" : <code>{e.value === "" ? "(empty)" : e.value}</code>) },
    { key: "reason", label: "Why it was refused", value: (e) => e.reason },
  ];
  return (
    <div class="row-errors" data-testid="row-errors">
      <h4 class="error-heading">
        {formatCount(outcome.stats.failed)} {outcome.stats.failed === 1 ? "row was" : "rows were"} refused ({formatCount(outcome.errorCount)} {outcome.errorCount === 1 ? "problem" : "problems"})
        {outcome.errorCount > outcome.errors.length ? `; the first ${formatCount(outcome.errors.length)} are listed` : ""}
      </h4>
      <DataTable caption="Row errors: fix these rows in the file and import it again" columns={columns} rows={outcome.errors} rowHeader={false} />
    </div>
  );
}

function Preview({ outcome }: { outcome: Extract<ImportOutcome, { ok: true }> }) {
  const records = Array.isArray(outcome.records) ? (outcome.records as Record<string, unknown>[]) : null;
  if (!records) {
    return (
      <details>
        <summary>The imported data (JSON)</summary>
        <pre class="json">{JSON.stringify(outcome.records, null, 2).slice(0, 20000)}</pre>
      </details>
    );
  }
  const fields = outcome.columns.length
    ? outcome.columns.map((c) => ({ key: c.field, label: c.header, kind: c.kind ?? "text" }))
    : Object.keys(records[0] ?? {})
        .filter((k) => k !== "attributes")
        .map((k) => ({ key: k, label: k, kind: "text" }));
  const columns: Column<Record<string, unknown>>[] = fields.map((f) => ({
    key: f.key,
    label: f.label,
    kind: f.kind === "money" || f.kind === "count" || f.kind === "integer" ? "num" : "text",
    value: (r) => {
      const v = r[f.key];
      if (f.kind === "money" && (typeof v === "string" || typeof v === "number")) return formatMoney(String(v));
      if ((f.kind === "count" || f.kind === "integer") && typeof v === "number") return formatCount(v);
      return cellText(v);
    },
  }));
  return (
    <DataTable
      caption={`The first ${Math.min(PREVIEW_ROWS, records.length)} of ${formatCount(records.length)} records read`}
      columns={columns}
      rows={records.slice(0, PREVIEW_ROWS)}
      rowHeader={false}
    />
  );
}

function exportRecordsCsv(outcome: Extract<ImportOutcome, { ok: true }>): string | null {
  const records = Array.isArray(outcome.records) ? (outcome.records as Record<string, unknown>[]) : null;
  if (!records) return null;
  const fields = outcome.columns.length ? outcome.columns.map((c) => c.field) : Object.keys(records[0] ?? {}).filter((k) => k !== "attributes");
  const headers = outcome.columns.length ? outcome.columns.map((c) => c.header) : fields;
  return toCsv({ columns: headers, rows: records.map((r) => fields.map((f) => cellText(r[f]))) });
}

/** Turn imported records into engine inputs (through io's adapters, in the worker) and use them. */
function UseInViews({ outcome }: { outcome: Extract<ImportOutcome, { ok: true }> }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string; notes: string[] } | null>(null);
  const kind = outcome.kind;
  if (outcome.recordCount === 0) return null;
  const asOf = currentAsOf();
  if (kind === "vetting-csv" || kind === "vetting-json") {
    const use = async () => {
      const r = await engineWorker().appsFromAnswers(outcome.records as unknown[]);
      if (!r.ok) return setMsg({ ok: false, text: "These answers cannot be used", notes: r.problems });
      setImported("apps", outcome.files.join(", "), { ...(asOf ? { asOf } : {}), apps: r.value.apps });
      setMsg({ ok: true, text: `${r.value.apps.length} apps are now scored in the Vetting view.`, notes: r.notes });
    };
    return <Use label="Use these answers in the Vetting view" onClick={use} msg={msg} />;
  }
  if (kind === "license-plan-json") {
    const use = () => {
      setImported("licenses", outcome.files.join(", "), outcome.records);
      setMsg({ ok: true, text: "The Licences view now optimizes this plan.", notes: [] });
    };
    return <Use label="Use this plan in the Licences view" onClick={use} msg={msg} />;
  }
  if (kind === "snipe-it" || kind === "google-admin") return <InventoryMatch />;
  return null;
}

type ImportedModel = { id: string; name?: string; category: DeviceCategory };
type Exports = { snipeIt?: unknown[]; googleAdmin?: unknown[] };
const UNMATCHED = "";

/**
 * An imported inventory goes to the Devices view through a model-matching step: each model of the
 * export is matched to the district's model catalogue (exact name, then normalized name: io's
 * `matchDeviceModels`), the analyst confirms or picks, and unmatched models are listed with the
 * life they are given. Matched models bring their AUE, support end and life to the forecast.
 */
function InventoryMatch() {
  const [step, setStep] = useState<{ exports: Exports; models: ImportedModel[]; catalogue: unknown[]; matches: ModelMatch[] } | null>(null);
  // imported model name → the catalogue id picked ("" = no match); names are data, so a Map
  const [picks, setPicks] = useState<ReadonlyMap<string, string>>(new Map());
  const pickOf = (name: string): string => picks.get(name) ?? UNMATCHED;
  const [msg, setMsg] = useState<{ ok: boolean; text: string; notes: string[] } | null>(null);
  const asOf = currentAsOf();
  const exportsNow = (): Exports => {
    const all = imports.value;
    return {
      ...(all["snipe-it"] ? { snipeIt: all["snipe-it"].records as unknown[] } : {}),
      ...(all["google-admin"] ? { googleAdmin: all["google-admin"].records as unknown[] } : {}),
    };
  };
  const start = async () => {
    if (!asOf) return setMsg({ ok: false, text: "Set the district's as-of date (in the header) first: it dates the inventory", notes: [] });
    const exports = exportsNow();
    const r = await engineWorker().inventoryFromRecords(exports, asOf);
    if (!r.ok) return setMsg({ ok: false, text: "This inventory cannot be used", notes: r.problems });
    const sample = (await sampleData("devices")) as { models?: unknown[] } | undefined;
    const catalogue = Array.isArray(sample?.models) ? sample.models : [];
    const models = r.value.models as ImportedModel[];
    try {
      const matches = matchDeviceModels({ imported: models.map((m) => ({ name: m.name ?? m.id, category: m.category })), catalogue: catalogue as never });
      setPicks(new Map(matches.map((m) => [m.name, m.matchId ?? UNMATCHED])));
      setStep({ exports, models, catalogue, matches });
      setMsg(null);
    } catch (e) {
      setMsg({ ok: false, text: "The models could not be matched", notes: [e instanceof Error ? e.message : String(e)] });
    }
  };
  const use = async () => {
    if (!step || !asOf) return;
    await ensureDatasets(["devices"]);
    const base = (await sampleData("devices")) as Record<string, unknown> | undefined;
    if (!base) return setMsg({ ok: false, text: "The sample's failure and policy assumptions are needed to forecast an imported inventory", notes: [] });
    const confirmed = Object.fromEntries(step.matches.map((m) => [m.name, pickOf(m.name) || null]));
    const categories = Object.fromEntries(step.models.map((m) => [m.name ?? m.id, m.category]));
    const options = modelOptionsFromMatches(confirmed, step.catalogue, categories);
    const r = await engineWorker().inventoryFromRecords(step.exports, asOf, Object.fromEntries(options));
    if (!r.ok) return setMsg({ ok: false, text: "This inventory cannot be used", notes: r.problems });
    // the imported models and cohorts, under the sample's failure and refresh assumptions
    // (growth rules and spare policy name the sample's own models, so they are left out)
    const { growth: _g, spares: _s, description: _d, ...assumptions } = base;
    const all = imports.value;
    const origin = importOrigin((["snipe-it", "google-admin"] as const).flatMap((k) => (all[k] ? [{ kind: k, files: all[k].files }] : [])));
    setImported("devices", origin, { ...assumptions, asOf, models: r.value.models, cohorts: r.value.cohorts, devices: [] });
    const matched = step.matches.filter((m) => pickOf(m.name) !== UNMATCHED).length;
    setMsg({ ok: true, text: `${r.value.explanation} ${matched} of ${step.matches.length} models matched to the catalogue. The Devices view now forecasts this inventory.`, notes: r.notes });
    setStep(null);
  };
  if (!step) return <Use label="Match models and use this inventory in the Devices view" onClick={start} msg={msg} />;
  const byId = new Map((step.catalogue as { id: string; name?: string; autoUpdateExpiration?: string; supportEnd?: string; expectedLifeYears?: number }[]).map((m) => [m.id, m]));
  const gives = (id: string | undefined, m: ModelMatch): string => {
    const c = id ? byId.get(id) : undefined;
    if (!c) return m.assumedLifeYears === null ? "no life: replaced only when it fails" : `assumed ${m.assumedLifeYears}-year life (its category's)`;
    return (
      [c.autoUpdateExpiration ? `AUE ${c.autoUpdateExpiration}` : "", c.supportEnd ? `support ends ${c.supportEnd}` : "", c.expectedLifeYears ? `${c.expectedLifeYears}-year life` : ""]
        .filter(Boolean)
        .join(", ") || "no dates in the catalogue"
    );
  };
  return (
    <div class="model-match" data-testid="model-match">
      <h4>Match the export's models to the district's models</h4>
      <p class="hint">
        A model the forecast does not know has no AUE, support end or life, so it would never be retired. Each model below is matched by exact name, then by normalized name (model number included);
        pick another or “no match” where it is wrong.
      </p>
      <DataTable
        caption={`Models in the export (${step.matches.length}) and the catalogue model each one takes its dates and life from`}
        columns={[
          { key: "m", label: "Model in the export", value: (m: ModelMatch) => m.name },
          {
            key: "h",
            label: "How",
            value: (m: ModelMatch) => (pickOf(m.name) !== (m.matchId ?? UNMATCHED) ? "your pick" : m.status === "exact" ? "same name" : m.status === "normalized" ? "similar name: check" : "no match"),
          },
          {
            key: "c",
            label: "Catalogue model",
            value: (m: ModelMatch) => {
              const i = step.matches.indexOf(m);
              const options = [...(m.matchId ? [{ id: m.matchId, name: byId.get(m.matchId)?.name ?? m.matchId }] : []), ...m.candidates.filter((c) => c.id !== m.matchId)];
              return (
                <>
                  <label class="visually-hidden" for={`mm-${i}`}>
                    Catalogue model for {m.name}
                  </label>
                  <select
                    id={`mm-${i}`}
                    value={pickOf(m.name)}
                    onChange={(e) => {
                      const v = (e.currentTarget as HTMLSelectElement).value;
                      setPicks((p) => new Map(p).set(m.name, v));
                    }}
                  >
                    <option value={UNMATCHED}>no match{m.assumedLifeYears !== null ? ` (assumed ${m.assumedLifeYears}-year life)` : ""}</option>
                    {options.map((o) => (
                      <option value={o.id} key={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </>
              );
            },
          },
          { key: "g", label: "What it gives the forecast", value: (m: ModelMatch) => gives(pickOf(m.name) || undefined, m) },
        ]}
        rows={step.matches}
      />
      <div class="button-row">
        <button type="button" onClick={use}>
          Use this inventory in the Devices view
        </button>
        <button type="button" class="secondary" onClick={() => setStep(null)}>
          Cancel
        </button>
      </div>
      {msg && (
        <div role="alert" class="error-text">
          {msg.text}
          {msg.notes.length > 0 && (
            <ul>
              {msg.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function Use({ label, onClick, msg }: { label: string; onClick: () => void; msg: { ok: boolean; text: string; notes: string[] } | null }) {
  return (
    <div class="use-in-views">
      <button type="button" onClick={onClick}>
        {label}
      </button>
      {msg && (
        <div role={msg.ok ? "status" : "alert"} class={msg.ok ? "ok-text" : "error-text"}>
          {msg.text}
          {msg.notes.length > 0 && (
            <details>
              <summary>
                {msg.notes.length} note{msg.notes.length === 1 ? "" : "s"}
              </summary>
              <ul>
                {msg.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}

/** Export the budget scenarios' projections (computed by the budget engine) as CSV and JSON. */
function BudgetExports() {
  const district = datasets.value.district?.data;
  const budget = datasets.value.budget?.data;
  const [xlsxBusy, setXlsxBusy] = useState(false);
  const [xlsxProblems, setXlsxProblems] = useState<string[]>([]);
  if (!district || !budget) return null;
  const run = () => {
    const m = modelFrom(district, budget);
    if (!m.ok) return null;
    const r = runScenarios(m.model, appState.value.scenarios);
    return r.ok ? r.set : null;
  };
  return (
    <li class="button-row">
      <button
        type="button"
        onClick={() => {
          const set = run();
          if (set) download("districtkit-budget-comparison.csv", toCsv(comparisonTable(set)), "text/csv");
        }}
      >
        Budget comparison (CSV)
      </button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          const set = run();
          if (set) download("districtkit-budget-projections.json", exportJson(set), "application/json");
        }}
      >
        Budget projections (JSON)
      </button>
      <button
        type="button"
        class="secondary"
        disabled={xlsxBusy}
        onClick={async () => {
          setXlsxBusy(true);
          try {
            setXlsxProblems(await exportWorkbook());
          } finally {
            setXlsxBusy(false);
          }
        }}
      >
        Budget workbook (.xlsx)
      </button>
      <span class="hint">
        Every scenario by year, category and fund, to the cent; the JSON has each figure's explanation; the workbook's totals are live SUM formulas over its line-item sheet (ExcelJS, loaded in the
        worker when asked).
      </span>
      {xlsxProblems.length > 0 && (
        <span role="alert" class="error-text">
          {xlsxProblems.join("; ")}
        </span>
      )}
    </li>
  );
}

// biome-ignore lint/suspicious/noShadowRestrictedNames: the view of imported data; this module never uses the global DataView
export function DataView() {
  const [kind, setKind] = useState<ImportKind>("snipe-it");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const def = IMPORT_KINDS.find((k) => k.id === kind)!;

  const read = async (files: { name: string; bytes: ArrayBuffer }[]) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await engineWorker().readImport(
        kind,
        transfer(
          files,
          files.map((f) => f.bytes),
        ),
      );
      setOutcome(result);
      if (result.ok) imports.value = { ...imports.value, [kind]: result };
    } catch (e) {
      setOutcome({ ok: false, kind, files: files.map((f) => f.name), problems: [e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  };

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
    await read(files);
  };

  const onExample = async () => {
    const paths = EXAMPLE_FILES[kind];
    const files = await Promise.all(paths.map(async (p) => ({ name: p.replace(/^.*\//, ""), bytes: new TextEncoder().encode(await loadExampleFile(p)).buffer as ArrayBuffer })));
    await read(files);
  };

  const ds = datasets.value;
  const done = imports.value;
  return (
    <section aria-labelledby="data-h" class="data-view">
      <h2 id="data-h">Import and export</h2>
      <div class="two-col">
        <div class="panel">
          <h3>Import a file</h3>
          <p class="hint">
            Files are read in this browser by <code>@districtkit/io</code>; every refused row is listed with its line, column and reason. Nothing is uploaded.
          </p>
          <div class="import-form">
            <div class="field">
              <label for="import-kind">What kind of file</label>
              <select
                id="import-kind"
                value={kind}
                onChange={(e) => {
                  setKind((e.currentTarget as HTMLSelectElement).value as ImportKind);
                  setOutcome(null);
                }}
              >
                {IMPORT_KINDS.map((k) => (
                  <option value={k.id} key={k.id}>
                    {k.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="import-file">{def.multiple ? "Choose the files" : "Choose a file"}</label>
              <input id="import-file" type="file" accept={def.accept} multiple={def.multiple} disabled={busy} onChange={(e) => onFiles((e.currentTarget as HTMLInputElement).files)} />
            </div>
            <div class="field">
              <span class="label">Or</span>
              <button type="button" class="secondary" disabled={busy || EXAMPLE_FILES[kind].length === 0} onClick={onExample}>
                Read the sample district's export
              </button>
            </div>
          </div>
          <div aria-live="polite" aria-busy={busy} data-testid="import-result">
            {busy && <p class="loading">Reading…</p>}
            {outcome && !outcome.ok && <ProblemList title={`${outcome.files.join(", ")} could not be read`} problems={outcome.problems} />}
            {outcome && outcome.ok && (
              <>
                <p class="import-stats" data-testid="import-stats">
                  <strong>{outcome.files.join(", ")}</strong>: {formatCount(outcome.stats.total)} rows, {formatCount(outcome.stats.parsed)} read,{" "}
                  <span class={outcome.stats.failed ? "bad" : undefined}>{formatCount(outcome.stats.failed)} refused</span>
                  {outcome.stats.blankLines ? `, ${formatCount(outcome.stats.blankLines)} blank lines skipped` : ""}.
                </p>
                {outcome.warnings.length > 0 && (
                  <ul class="warnings">
                    {outcome.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                )}
                {outcome.unknownColumns.length > 0 && <p class="hint">Columns kept as extra attributes: {outcome.unknownColumns.join(", ")}.</p>}
                <UseInViews outcome={outcome} />
                <ErrorsTable outcome={outcome} />
                <Preview outcome={outcome} />
              </>
            )}
          </div>
        </div>
        <div class="panel">
          <h3>Export</h3>
          <ul class="export-list">
            <li>
              <button type="button" onClick={() => download("districtkit-scenarios.json", exportJson(appState.value), "application/json")}>
                Scenarios (JSON)
              </button>
              <span class="hint">Every scenario and its levers; the same data a share link holds.</span>
            </li>
            {Object.values(done).map((o) => {
              const csv = o ? exportRecordsCsv(o) : null;
              if (!o) return null;
              return (
                <li key={o.kind} class="button-row">
                  {csv !== null && (
                    <button type="button" onClick={() => download(`${o.kind}-records.csv`, csv, "text/csv")}>
                      {IMPORT_KINDS.find((k) => k.id === o.kind)?.label.replace(/ \(.*\)$/, "")} records (CSV)
                    </button>
                  )}{" "}
                  <button type="button" class="secondary" onClick={() => download(`${o.kind}-records.json`, exportJson(o.records), "application/json")}>
                    JSON
                  </button>
                </li>
              );
            })}
            <BudgetExports />
            <li>
              <button type="button" onClick={() => window.print()}>
                Printable one-page summary
              </button>
              <span class="hint">Prints the open view without the controls.</span>
            </li>
          </ul>
          <table class="data">
            <caption>Data in use</caption>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {DATASET_NAMES.map((n) => (
                <tr key={n}>
                  <th scope="row">{n}</th>
                  <td>{ds[n] ? (ds[n]!.source === "sample" ? `sample (${ds[n]!.origin})` : `imported from ${ds[n]!.origin}`) : "not in this build"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <StoredImports />
        </div>
      </div>
    </section>
  );
}

/** What this browser keeps of the imported files, its size, and the way to forget it. */
function StoredImports() {
  const bytes = storedBytes.value;
  const any = DATASET_NAMES.some((n) => datasets.value[n]?.source === "imported") || Object.keys(imports.value).length > 0;
  const [status, setStatus] = useState("");
  return (
    <div class="stored" data-testid="stored-imports">
      <h4>Kept in this browser</h4>
      {bytes === null ? (
        <p class="hint">This browser does not keep imported files (storage is off or full): they last until the page is closed.</p>
      ) : (
        <p class="hint">
          {any ? `Imported files and what was read from them take ${formatBytes(bytes)} in this browser's storage (IndexedDB); they are here after a reload.` : "No imported files are kept."} Nothing
          is sent anywhere.
        </p>
      )}
      <button
        type="button"
        class="secondary"
        disabled={!any}
        onClick={async () => {
          if (!window.confirm("Forget every imported file in this browser? The views go back to the sample district's data (your scenarios stay).")) return;
          await forgetImported();
          setStatus("Imported data forgotten: the sample district's files are in use again.");
        }}
      >
        Forget imported data
      </button>
      <p role="status" class="status">
        {status}
      </p>
    </div>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
