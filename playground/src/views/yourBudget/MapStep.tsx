import type { AccountMappingInput } from "@districtkit/budget";
import { useEffect, useState } from "preact/hooks";
import { DataTable } from "../../components/DataTable.js";
import { ProblemList } from "../../components/ProblemList.js";
import { formatMoney } from "../../lib/format.js";
import { COLUMN_FIELDS, loadPreset, MAPPING_PRESETS, type MappingPresetId, type StoredFile } from "../../lib/ledgerImport.js";
import { budgetImport, updateImport } from "../../state/budgetImport.js";
import { engineWorker } from "../../worker/client.js";
import type { LedgerKind, LedgerPreviewOut } from "../../worker/ledgerTasks.js";
import { busy, makeLineItems, mapActuals, mapKind, openFiles, openInWorker } from "./actions.js";

const ROLES = ["fund", "function", "object", "location", "program", "project", "resource", "goal", "level", "year", "other"] as const;
type Segment = AccountMappingInput["layout"]["segments"][number];

/** Change the mapping being edited (marks it edited). */
function editMapping(fn: (m: AccountMappingInput) => AccountMappingInput): void {
  updateImport((s) => (s.mapping ? { ...s, mapping: { ...s.mapping, edited: true, value: fn(s.mapping.value) }, applied: s.applied === "yes" ? "changed" : s.applied } : s));
}

/** The file's columns: which header holds what (the reader finds known headers itself). */
function Columns({ kind, file }: { kind: LedgerKind; file: StoredFile }) {
  const open = openFiles.value[kind];
  const headers = open ? (open.ok ? open.summary.headers : open.headers) : [];
  const found = open?.ok ? open.summary.columns : [];
  const [year, setYear] = useState(file.fiscalYear === undefined ? "" : String(file.fiscalYear));
  const key = kind === "budget" ? "budgetFile" : "actualsFile";
  const reopen = (next: StoredFile) => {
    updateImport((s) => ({ ...s, [key]: next }));
    void openInWorker(kind, next);
  };
  return (
    <fieldset class="columns-choice">
      <legend>Columns of {file.name}</legend>
      <div class="field-grid">
        {COLUMN_FIELDS[kind].map((f) => {
          const chosen = file.columns[f.key] ?? found.find((c) => c.field === f.key)?.header ?? "";
          const id = `yb-col-${kind}-${f.key}`;
          return (
            <div class="field" key={f.key}>
              <label for={id}>{f.label}</label>
              <select
                id={id}
                value={chosen}
                disabled={busy.value !== null}
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value;
                  const columns = { ...file.columns };
                  if (v === "") delete columns[f.key];
                  else columns[f.key] = v;
                  reopen({ ...file, columns });
                }}
              >
                <option value="">{chosen === "" ? "(not found — pick one)" : "(let the reader find it)"}</option>
                {headers.map((h) => (
                  <option value={h} key={h}>
                    {h}
                  </option>
                ))}
              </select>
              <span class="hint">{f.hint}</span>
            </div>
          );
        })}
        <div class="field">
          <label for={`yb-fy-${kind}`}>Fiscal year of every row (when the file has no year column)</label>
          <input
            id={`yb-fy-${kind}`}
            type="text"
            inputMode="numeric"
            value={year}
            onInput={(e) => setYear((e.currentTarget as HTMLInputElement).value)}
            onChange={() => {
              const t = year.trim();
              const n = /^\d{4}$/.test(t) ? Number(t) : undefined;
              const { fiscalYear: _old, ...rest } = file;
              reopen(n === undefined ? rest : { ...rest, fiscalYear: n });
            }}
          />
        </div>
      </div>
      {open && !open.ok && <ProblemList title={`${file.name} could not be read as it is`} problems={open.problems} />}
      {open?.ok && (
        <p class="hint" data-testid={`read-${kind}`}>
          {open.summary.rowCount} rows read{open.summary.fiscalYears.length ? `, fiscal years ${open.summary.fiscalYears.join(", ")}` : ""}
          {open.summary.controlTotals ? `, ${open.summary.controlTotals} total row${open.summary.controlTotals === 1 ? "" : "s"} to tie out to` : ", no total row in the file"}
          {open.summary.errorCount ? `; ${open.summary.errorCount} row${open.summary.errorCount === 1 ? "" : "s"} could not be read (listed below)` : ""}.
        </p>
      )}
      {open?.ok && open.summary.errors.length > 0 && (
        <ul class="row-errors" data-testid={`row-errors-${kind}`}>
          {open.summary.errors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** The account string's layout: separator and segments, in the order they are written. */
function Layout({ mapping, samples }: { mapping: AccountMappingInput; samples: readonly string[] }) {
  const segs = mapping.layout.segments;
  const setSeg = (i: number, patch: Partial<Segment>) => editMapping((m) => ({ ...m, layout: { ...m.layout, segments: m.layout.segments.map((s, k) => (k === i ? { ...s, ...patch } : s)) } }));
  return (
    <fieldset class="layout-choice">
      <legend>Account segments</legend>
      {samples.length > 0 && (
        <p class="hint">
          Accounts in the file:{" "}
          {samples.slice(0, 3).map((a, i) => (
            <code key={i} class="sample-account">
              {a}
            </code>
          ))}
        </p>
      )}
      <div class="field inline">
        <label for="yb-sep">Separator (empty: fixed width)</label>
        <input
          id="yb-sep"
          type="text"
          size={3}
          maxLength={3}
          value={mapping.layout.separator ?? "-"}
          onChange={(e) => editMapping((m) => ({ ...m, layout: { ...m.layout, separator: (e.currentTarget as HTMLInputElement).value } }))}
        />
      </div>
      <table class="segments">
        <caption class="visually-hidden">Segments of the account string, in order</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Name</th>
            <th scope="col">Holds</th>
            <th scope="col">Width</th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {segs.map((s, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <input type="text" size={10} aria-label={`Name of segment ${i + 1}`} value={s.name} onChange={(e) => setSeg(i, { name: (e.currentTarget as HTMLInputElement).value.trim() })} />
              </td>
              <td>
                <select aria-label={`What segment ${i + 1} holds`} value={s.role ?? "other"} onChange={(e) => setSeg(i, { role: (e.currentTarget as HTMLSelectElement).value as Segment["role"] })}>
                  {ROLES.map((r) => (
                    <option value={r} key={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="text"
                  inputMode="numeric"
                  size={3}
                  aria-label={`Width of segment ${i + 1} (characters)`}
                  value={s.width === undefined ? "" : String(s.width)}
                  onChange={(e) => {
                    const t = (e.currentTarget as HTMLInputElement).value.trim();
                    const { width: _w, ...rest } = s;
                    editMapping((m) => ({ ...m, layout: { ...m.layout, segments: m.layout.segments.map((x, k) => (k === i ? (/^\d+$/.test(t) ? { ...rest, width: Number(t) } : rest) : x)) } }));
                  }}
                />
              </td>
              <td>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Remove segment ${i + 1} (${s.name})`}
                  disabled={segs.length <= 1}
                  onClick={() => editMapping((m) => ({ ...m, layout: { ...m.layout, segments: m.layout.segments.filter((_, k) => k !== i) } }))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        class="secondary"
        onClick={() => editMapping((m) => ({ ...m, layout: { ...m.layout, segments: [...m.layout.segments, { name: `segment${m.layout.segments.length + 1}`, role: "other" }] } }))}
      >
        Add a segment
      </button>
    </fieldset>
  );
}

/** The whole mapping as JSON, for the rules (categories, funds, schools); checked by the engine on every preview. */
function MappingJson({ mapping }: { mapping: AccountMappingInput }) {
  const text = JSON.stringify(mapping, null, 2);
  const [draft, setDraft] = useState(text);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(text), [text]);
  return (
    <details class="mapping-json">
      <summary>Rules: categories, funds and schools (the mapping as JSON)</summary>
      <p class="hint">
        Rules are tried in order, the first match wins. A code is written as a code (<code>"734"</code>), a range (<code>"2800-2899"</code>), a prefix (<code>"73*"</code>) or a list. An{" "}
        <code>exclude</code> rule keeps money out of the budget on purpose (it is still counted in the tie-out).
      </p>
      <label for="yb-mapping-json">The mapping</label>
      <textarea
        id="yb-mapping-json"
        rows={16}
        spellcheck={false}
        value={draft}
        onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
        aria-describedby={problem ? "yb-mapping-json-err" : undefined}
      />
      {problem && (
        <p class="cell-error" id="yb-mapping-json-err" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        onClick={() => {
          try {
            const v = JSON.parse(draft) as AccountMappingInput;
            if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("expected an object with layout, categories, funds and schools");
            setProblem(null);
            editMapping(() => v);
          } catch (e) {
            setProblem(`Not used: ${e instanceof Error ? e.message : String(e)}`);
          }
        }}
      >
        Use these rules
      </button>
    </details>
  );
}

function Preview({ kind, out }: { kind: LedgerKind; out: LedgerPreviewOut }) {
  const rows = out.preview.rows;
  const unmapped = out.issues.filter((i) => i.kind === "unmapped" || i.kind === "invalid-account");
  const others = out.issues.filter((i) => i.kind !== "unmapped" && i.kind !== "invalid-account");
  return (
    <div class="preview" data-testid={`preview-${kind}`}>
      <h4>Tie-out to the file's own total</h4>
      <ul class="tie-out plain-list" data-testid={`tie-out-${kind}`}>
        {out.preview.tieOut.map((t, i) => (
          <li key={i} class={t.ties ? "ties" : "differs"}>
            <span class="tie-mark" aria-hidden="true">
              {t.ties ? "✓" : "≠"}
            </span>{" "}
            {t.explanation}
          </li>
        ))}
      </ul>
      <p class="hint">
        {out.preview.counts.mapped} rows mapped, {out.preview.counts.excluded} excluded by the mapping, {out.preview.counts.unmapped} unmapped
        {out.preview.counts.unreadable ? `, ${out.preview.counts.unreadable} unreadable` : ""}.
      </p>
      <h4>
        Unmapped codes: {out.preview.unmapped.accounts} account{out.preview.unmapped.accounts === 1 ? "" : "s"}, {formatMoney(out.preview.unmapped.amount, { cents: true })}
      </h4>
      {unmapped.length === 0 ? (
        <p class="hint">Every account of the file is mapped or excluded on purpose.</p>
      ) : (
        <ul class="issues" data-testid={`unmapped-${kind}`}>
          {unmapped.map((i, k) => (
            <li key={k}>{i.message}</li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h4>To check</h4>
          <ul class="issues">
            {others.map((i, k) => (
              <li key={k} class={`sev-${i.severity}`}>
                {i.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {out.issueCount > out.issues.length && <p class="hint">…and {out.issueCount - out.issues.length} more.</p>}
      <DataTable
        caption={`The first ${rows.length} rows of the file under this mapping`}
        rowHeader={false}
        columns={[
          { key: "line", label: "Line", kind: "num", value: (r) => String(r.line) },
          { key: "account", label: "Account", value: (r) => <code>{r.account}</code> },
          { key: "fy", label: "FY", kind: "num", value: (r) => (r.fiscalYear === null ? "—" : String(r.fiscalYear)) },
          ...(kind === "actuals" ? [{ key: "period", label: "Period", kind: "num" as const, value: (r: (typeof rows)[number]) => (r.period === null ? "—" : String(r.period)) }] : []),
          { key: "amount", label: kind === "budget" ? "Amount" : "Posted", kind: "num", value: (r) => formatMoney(r.amount, { cents: true }) },
          { key: "status", label: "Status", value: (r) => <span class={`status-${r.status}`}>{r.status}</span> },
          { key: "to", label: "Category · fund · school", value: (r) => (r.status === "mapped" ? `${r.category} · ${r.fund} · ${r.school ?? "district-wide"}` : (r.reason ?? "")) },
        ]}
        rows={rows}
      />
    </div>
  );
}

/** Step 2: the file's columns, the account segments, the rules, and the live preview and tie-out. */
export function MapStep() {
  const s = budgetImport.value;
  const kinds: LedgerKind[] = [...(s.budgetFile && s.source === "ledger" ? (["budget"] as const) : []), ...(s.actualsFile ? (["actuals"] as const) : [])];
  const kind = mapKind.value;
  const setKind = (k: LedgerKind) => (mapKind.value = k);
  const k = kinds.includes(kind) ? kind : (kinds[0] ?? "budget");
  const file = k === "budget" ? s.budgetFile : s.actualsFile;
  const open = openFiles.value[k];
  const mapping = s.mapping?.value ?? null;
  const [out, setOut] = useState<LedgerPreviewOut | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [actionProblems, setActionProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  // the preview and tie-out follow every edit (in the worker, a moment after the last keystroke)
  useEffect(() => {
    if (!mapping || !open?.ok) {
      setOut(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      void engineWorker()
        .ledgerPreview(k, mapping, 12)
        .then((r) => {
          if (!live) return;
          if (r.ok) {
            setOut(r.value);
            setProblems([]);
          } else {
            setOut(null);
            setProblems(r.problems);
          }
        });
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [mapping, open, k]);

  if (!file || !mapping) return <p>Choose a ledger or actuals file first (step 1).</p>;
  const ledgerYears = open?.ok ? open.summary.fiscalYears : [];
  const horizon = s.horizon ?? { firstYear: ledgerYears.length ? ledgerYears[ledgerYears.length - 1]! : 2027, years: 5, carryForward: true };

  return (
    <div class="yb-step">
      <h3>2. Columns and accounts</h3>
      {kinds.length > 1 && (
        <div class="button-row" role="group" aria-label="File to map">
          {kinds.map((x) => (
            <button type="button" key={x} class={x === k ? "" : "secondary"} aria-pressed={x === k} onClick={() => setKind(x)}>
              {x === "budget" ? `Budget: ${s.budgetFile?.name}` : `Actuals: ${s.actualsFile?.name}`}
            </button>
          ))}
        </div>
      )}
      <div class="panel">
        <Columns kind={k} file={file} key={`${k}-${file.name}`} />
      </div>
      <div class="panel">
        <div class="field">
          <label for="yb-preset">Start from a mapping</label>
          <select
            id="yb-preset"
            value={s.mapping?.preset ?? "nces"}
            onChange={async (e) => {
              const id = (e.currentTarget as HTMLSelectElement).value as MappingPresetId;
              if (s.mapping?.edited && !window.confirm("Replace the edited mapping with this one?")) return;
              const value = await loadPreset(id);
              updateImport((x) => ({ ...x, mapping: { preset: id, edited: false, value } }));
            }}
          >
            {MAPPING_PRESETS.map((p) => (
              <option value={p.id} key={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <span class="hint">
            {mapping.name}
            {s.mapping?.edited ? " (edited)" : ""}
            {mapping.source ? ` — ${mapping.source}` : ""}
          </span>
        </div>
        <Layout mapping={mapping} samples={open?.ok ? open.summary.sampleAccounts : []} />
        <MappingJson mapping={mapping} />
      </div>
      <div class="panel" aria-live="polite" aria-busy={busy.value !== null}>
        {problems.length > 0 && <ProblemList title="The mapping cannot be used yet" problems={problems} limit={20} />}
        {out ? <Preview kind={k} out={out} /> : problems.length === 0 && <p class="loading">Mapping the file…</p>}
      </div>
      <div class="panel">
        {k === "budget" ? (
          <>
            <h4>The budget's years</h4>
            <div class="field-grid">
              <div class="field">
                <label for="yb-first">First fiscal year</label>
                <input
                  id="yb-first"
                  type="number"
                  min={2000}
                  max={2100}
                  value={horizon.firstYear}
                  onChange={(e) => {
                    const n = Number((e.currentTarget as HTMLInputElement).value);
                    if (Number.isInteger(n) && n >= 2000 && n <= 2100) updateImport((x) => ({ ...x, horizon: { ...horizon, firstYear: n } }));
                  }}
                />
              </div>
              <div class="field">
                <label for="yb-years">Years</label>
                <input
                  id="yb-years"
                  type="number"
                  min={1}
                  max={30}
                  value={horizon.years}
                  onChange={(e) => {
                    const n = Number((e.currentTarget as HTMLInputElement).value);
                    if (Number.isInteger(n) && n >= 1 && n <= 30) updateImport((x) => ({ ...x, horizon: { ...horizon, years: n } }));
                  }}
                />
              </div>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={horizon.carryForward}
                  onChange={(e) => updateImport((x) => ({ ...x, horizon: { ...horizon, carryForward: (e.currentTarget as HTMLInputElement).checked } }))}
                />
                Years after the ledger's last repeat its amounts (flat)
              </label>
            </div>
            <div class="button-row">
              <button
                type="button"
                disabled={busy.value !== null || !out}
                onClick={async () => {
                  if (!s.horizon) updateImport((x) => ({ ...x, horizon }));
                  setDone(null);
                  const p = await makeLineItems();
                  setActionProblems(p);
                }}
              >
                Make the line items
              </button>
            </div>
          </>
        ) : (
          <div class="button-row">
            <button
              type="button"
              disabled={busy.value !== null || !out}
              onClick={async () => {
                const p = await mapActuals();
                setActionProblems(p);
                setDone(
                  p.length
                    ? null
                    : `Actuals mapped: ${budgetImport.value.actuals?.length ?? 0} amounts by fund, category, school and month.${s.rows ? "" : " Map the budget file too, or read the budget template, to compare."}`,
                );
              }}
            >
              Map the actuals
            </button>
            {s.actuals && s.rows && (
              <button type="button" class="secondary" onClick={() => updateImport((x) => ({ ...x, step: "use" }))}>
                Compare with the budget
              </button>
            )}
          </div>
        )}
        {done && (
          <p role="status" class="done">
            {done}
          </p>
        )}
        {actionProblems.length > 0 && <ProblemList problems={actionProblems} />}
      </div>
    </div>
  );
}
