import { Money } from "@districtkit/core";
import { useEffect, useState } from "preact/hooks";
import { DataTable } from "../../components/DataTable.js";
import { ProblemList } from "../../components/ProblemList.js";
import { formatMoney, formatMoneyDelta } from "../../lib/format.js";
import { datasets } from "../../lib/sample.js";
import { budgetImport, updateImport } from "../../state/budgetImport.js";
import { forgetImported } from "../../state/importStore.js";
import { setTab } from "../../state/store.js";
import { engineWorker } from "../../worker/client.js";
import type { ActualsReport } from "../../worker/ledgerTasks.js";
import { busy, comparisonPlan, exportTemplate, exportWorkbook, fundsInUse, schoolRowsNow, useImport } from "./actions.js";

type Totals = ActualsReport["bva"]["totals"];

function varianceClass(v: string): string {
  return v.startsWith("-") ? "over" : "under";
}

/** Budget vs actual for a year: variance by fund × category, the year-end projection with its method named. */
function BudgetVsActual() {
  const s = budgetImport.value;
  const [report, setReport] = useState<ActualsReport | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const years = s.actualsRead?.fiscalYears ?? [];
  const fy = s.bva.fiscalYear ?? years[years.length - 1] ?? null;
  useEffect(() => {
    if (!s.actuals || fy === null) return;
    let live = true;
    const students = schoolRowsNow(s).reduce((n, r) => n + (Number(r.students.replace(/,/g, "")) || 0), 0);
    void engineWorker()
      .actualsReport({ fiscalYear: fy, plan: comparisonPlan(s), actuals: [...s.actuals] as never, projection: s.bva.projection, funds: fundsInUse(), students })
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setReport(r.value);
          setProblems([]);
        } else {
          setReport(null);
          setProblems(r.problems);
        }
      });
    return () => {
      live = false;
    };
  }, [s.actuals, s.rows, s.historyPlan, fy, s.bva.projection]);
  if (!s.actuals) return <p class="hint">Read an actuals file (step 1) and map it (step 2) to compare the budget with what was spent.</p>;
  const bva = report?.bva;
  const cells = bva ? [...bva.cells].sort((a, b) => (a.fund + a.category + (a.school ?? "")).localeCompare(b.fund + b.category + (b.school ?? ""))) : [];
  // fund × category: the engine totals by fund and by category separately, so its cells (fund × category × school) are added here per pair, with Money
  const byFundCategory = new Map<string, { fund: string; category: string; cells: typeof cells }>();
  for (const c of cells) {
    const key = `${c.fund}\u0000${c.category}`;
    const g = byFundCategory.get(key) ?? { fund: c.fund, category: c.category, cells: [] };
    g.cells.push(c);
    byFundCategory.set(key, g);
  }
  return (
    <section class="bva" aria-labelledby="bva-h" data-testid="bva">
      <h4 id="bva-h">Budget vs actual</h4>
      <div class="field-grid">
        <div class="field">
          <label for="bva-year">Fiscal year</label>
          <select id="bva-year" value={fy ?? ""} onChange={(e) => updateImport((x) => ({ ...x, bva: { ...x.bva, fiscalYear: Number((e.currentTarget as HTMLSelectElement).value) } }))}>
            {years.map((y) => (
              <option value={y} key={y}>
                FY{y}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field">
          <legend>Year-end projection</legend>
          {(["seasonal", "straight-line"] as const).map((m) => (
            <label class="radio" key={m}>
              <input type="radio" name="bva-projection" value={m} checked={s.bva.projection === m} onChange={() => updateImport((x) => ({ ...x, bva: { ...x.bva, projection: m } }))} />
              {m === "seasonal" ? "the district's own monthly seasonality (prior complete years)" : "straight-line from spend to date"}
            </label>
          ))}
        </fieldset>
      </div>
      {problems.length > 0 && <ProblemList problems={problems} />}
      {bva && (
        <>
          <p data-testid="bva-explanation">{bva.explanation}</p>
          <p class="method" data-testid="bva-method">
            Projection method:{" "}
            <strong>
              {bva.rules.projection === "seasonal"
                ? `seasonal (${bva.rules.seasonality === "category" ? "each category's" : "the district's"} monthly pattern of FY${bva.historyYears.join(", FY")})`
                : "straight-line"}
            </strong>
            {bva.throughMonth ? `; actuals through ${bva.throughMonth} (period ${bva.throughPeriod} of 12)` : ""}.
          </p>
          <DataTable
            caption={`FY${bva.fiscalYear}: budget, spent and projected year end by fund × category`}
            columns={[
              { key: "fc", label: "Fund · category", value: (g: { fund: string; category: string; t: Totals }) => `${g.fund} · ${g.category}` },
              { key: "budget", label: "Budget", kind: "num", value: (g) => formatMoney(g.t.budget) },
              { key: "posted", label: "Posted", kind: "num", value: (g) => formatMoney(g.t.posted) },
              { key: "enc", label: "Encumbered", kind: "num", value: (g) => formatMoney(g.t.encumbered) },
              { key: "var", label: "Variance to date", kind: "num", value: (g) => <span class={varianceClass(g.t.varianceToDate)}>{formatMoneyDelta(g.t.varianceToDate)}</span> },
              { key: "proj", label: "Projected year end", kind: "num", value: (g) => formatMoney(g.t.projectedYearEnd) },
              { key: "pvar", label: "Projected variance", kind: "num", value: (g) => <span class={varianceClass(g.t.projectedVariance)}>{formatMoneyDelta(g.t.projectedVariance)}</span> },
            ]}
            rows={[...byFundCategory.values()].map((g) => ({ fund: g.fund, category: g.category, t: sumTotals(g.cells) }))}
            footer={[{ fund: "All funds", category: "all categories", t: bva.totals }]}
          />
          <p class="hint">Variance to date = the budget spread over the closed months − posted; projected variance = budget − projected year end (below zero: over budget).</p>
          {report.accuracy.years.length > 0 && (
            <details>
              <summary>Accuracy of past budgets</summary>
              <p>{report.accuracy.explanation}</p>
            </details>
          )}
          {report.balances && (
            <details>
              <summary>Restricted funds' remaining balances</summary>
              <p>{report.balances.explanation}</p>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** Add the cells of one fund × category (budget, posted… are decimal strings; the engine's per-cell figures). */
function sumTotals(cells: readonly ActualsReport["bva"]["cells"][number][]): Totals {
  const add = (k: keyof Omit<Totals, "periods">) => sumStrings(cells.map((c) => (k === "projectedYearEnd" ? c.projection.yearEnd : k === "projectedVariance" ? c.projection.projectedVariance : c[k])));
  return {
    budget: add("budget"),
    posted: add("posted"),
    encumbered: add("encumbered"),
    available: add("available"),
    planToDate: add("planToDate"),
    varianceToDate: add("varianceToDate"),
    projectedYearEnd: add("projectedYearEnd"),
    projectedVariance: add("projectedVariance"),
    periods: [],
  };
}

function sumStrings(xs: readonly string[]): string {
  return Money.sum(xs).toString();
}

/** Step 5: use the import in the Budget tab, compare it with the actuals, export it. */
export function UseStep() {
  const s = budgetImport.value;
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const inUse = datasets.value.budget?.source === "imported";
  return (
    <div class="yb-step">
      <h3>5. Use and compare</h3>
      {s.budgetRead && (
        <div class="panel">
          <p>{s.budgetRead.explanation}</p>
          {s.budgetRead.tieOut.length > 0 && (
            <ul class="tie-out plain-list" data-testid="tie-out-kept">
              {s.budgetRead.tieOut.map((t, i) => (
                <li key={i} class={t.ties ? "ties" : "differs"}>
                  <span class="tie-mark" aria-hidden="true">
                    {t.ties ? "✓" : "≠"}
                  </span>{" "}
                  {t.explanation}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="panel">
        <p data-testid="use-status">
          {s.applied === "yes" && inUse
            ? `The Budget tab projects this import (${datasets.value.budget?.origin}). Its scenarios and levers apply to it.`
            : s.applied === "changed"
              ? "The import changed since the Budget tab started using it: use it again to see the changes there."
              : "The Budget tab still projects the sample district."}
        </p>
        <div class="button-row">
          <button
            type="button"
            disabled={!s.rows || busy.value !== null}
            onClick={() => {
              const r = useImport();
              setMessage(r.ok ? { ok: true, lines: [r.text] } : { ok: false, lines: r.problems });
            }}
          >
            Use this budget in the Budget tab
          </button>
          {inUse && (
            <button type="button" class="secondary" onClick={() => setTab("budget")}>
              Open the Budget tab
            </button>
          )}
        </div>
        {message && (
          <div class={`notice ${message.ok ? "notice-info" : "notice-error"}`} role={message.ok ? "status" : "alert"} data-testid="use-message">
            <ul>
              {message.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div class="panel">
        <BudgetVsActual />
      </div>
      <div class="panel">
        <h4>Export</h4>
        <p class="hint">
          The workbook has the baseline and every scenario, their differences{s.actuals ? ", and budget vs actual" : ""}; every total is a live SUM formula over the line-item sheet. Written in this
          browser (ExcelJS, loaded now); nothing is uploaded.
        </p>
        <div class="button-row">
          <button
            type="button"
            disabled={busy.value !== null}
            onClick={async () => {
              const p = await exportWorkbook();
              setMessage(p.length ? { ok: false, lines: p } : { ok: true, lines: ["districtkit-budget.xlsx saved."] });
            }}
          >
            Export the scenarios to Excel (.xlsx)
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy.value !== null}
            onClick={async () =>
              setMessage((await exportTemplate("csv")).length ? { ok: false, lines: ["The template could not be written."] } : { ok: true, lines: ["districtkit-budget-template.csv saved."] })
            }
          >
            Budget template (.csv)
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy.value !== null}
            onClick={async () =>
              setMessage((await exportTemplate("xlsx")).length ? { ok: false, lines: ["The template could not be written."] } : { ok: true, lines: ["districtkit-budget-template.xlsx saved."] })
            }
          >
            Budget template (.xlsx)
          </button>
        </div>
      </div>
      <div class="panel">
        <h4>Forget</h4>
        <p class="hint">Everything imported is kept in this browser (IndexedDB) until you forget it; the sample district then comes back.</p>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            if (!window.confirm("Forget every imported file in this browser (this budget import too)? The sample district comes back.")) return;
            await forgetImported();
          }}
        >
          Forget imported data
        </button>
      </div>
    </div>
  );
}
