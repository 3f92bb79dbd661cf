import type { MetricInput } from "@districtkit/budget";
import { useEffect, useRef, useState } from "preact/hooks";
import { Chart } from "../../components/Chart.js";
import { DataTable } from "../../components/DataTable.js";
import { Figure } from "../../components/Explain.js";
import { ProblemList } from "../../components/ProblemList.js";
import { buildModel, toEngineScenario } from "../../lib/budgetModel.js";
import { formatMoney, formatMoneyDelta, moneyDeltaTick, toChartNumber } from "../../lib/format.js";
import { categoryLabel } from "../../lib/palette.js";
import { datasets } from "../../lib/sample.js";
import { useVisible } from "../../lib/useVisible.js";
import { activeScenario } from "../../state/store.js";
import type { budgetTornado } from "../../worker/budgetTasks.js";
import { engineWorker } from "../../worker/client.js";

type Outcome = ReturnType<typeof budgetTornado>;
const METRICS: { id: string; label: string; metric: MetricInput }[] = [
  { id: "gf-sum", label: "General-fund draw, all years", metric: { kind: "general-fund-draw", aggregate: "sum" } },
  { id: "gf-max", label: "General-fund draw, largest year", metric: { kind: "general-fund-draw", aggregate: "max-year" } },
  { id: "total", label: "Total cost, all years", metric: { kind: "total", aggregate: "sum" } },
];

/**
 * A tornado row's label with names, not ids: the engine labels a category's row by the category
 * id ("professional-development ±10 %"); the playground shows the category's name.
 */
function rowLabel(r: { id: string; label: string }): string {
  const c = r.id.startsWith("category:") ? r.id.slice("category:".length) : null;
  return c && r.label.startsWith(`${c} `) ? `${categoryLabel(c)}${r.label.slice(c.length)}` : r.label;
}

/** Sensitivity: each standard lever moved low and high around the open scenario (in the worker). */
export function TornadoPanel({ scenarioName }: { scenarioName: string }) {
  const [metricId, setMetricId] = useState("gf-sum");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // a computation asked for and not back yet (aria-busy): the last tornado stays on screen meanwhile
  const [pending, setPending] = useState(false);
  const scenario = activeScenario.value;
  const district = datasets.value.district?.data;
  const budget = datasets.value.budget?.data;
  const section = useRef<HTMLElement>(null);
  // print: compute it anyway, so the summary has it
  const visible = useVisible(section) || (typeof matchMedia !== "undefined" && matchMedia("print").matches);

  useEffect(() => {
    if (!district || !budget || !visible) return;
    let live = true;
    setPending(true);
    const timer = setTimeout(() => {
      const model = buildModel(district, budget);
      const metric = METRICS.find((m) => m.id === metricId)!.metric;
      engineWorker()
        .budgetTornado(district, budget, toEngineScenario(scenario, model), metric)
        .then((r) => live && setOutcome(r))
        .catch((e: unknown) => live && setOutcome({ ok: false, problems: [String(e)] }))
        .finally(() => live && setPending(false));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [district, budget, scenario, metricId, visible]);

  const t = outcome?.ok ? outcome.value : null;
  type Row = NonNullable<typeof t>["rows"][number];
  const metric = METRICS.find((m) => m.id === metricId)!.label;
  const bars = t
    ? t.rows.flatMap((r) => [
        { label: rowLabel(r), side: "low", delta: toChartNumber(r.low.delta) },
        { label: rowLabel(r), side: "high", delta: toChartNumber(r.high.delta) },
      ])
    : [];
  const top = t?.rows[0];
  return (
    <section class="tornado" aria-labelledby="tornado-h" ref={section} aria-busy={pending || (visible && outcome === null)}>
      <h3 id="tornado-h">Sensitivity: which assumption matters most ({scenarioName})</h3>
      <div class="toolbar no-print">
        <div class="field">
          <label for="tornado-metric">Measure</label>
          <select id="tornado-metric" value={metricId} onChange={(e) => setMetricId((e.currentTarget as HTMLSelectElement).value)}>
            {METRICS.map((m) => (
              <option value={m.id} key={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        {outcome?.ok && <p class="hint">Computed in the engine worker in {outcome.ms.toFixed(0)} ms.</p>}
      </div>
      {!outcome && <p class="loading">Computing the tornado…</p>}
      {outcome && !outcome.ok && <ProblemList title="The tornado could not be computed" problems={outcome.problems} />}
      {t && (
        <Chart
          title={`Tornado: ${metric}`}
          description={`How far the ${metric.toLowerCase()} moves from its base of ${formatMoney(t.base)} when each lever goes to its low or high value, widest swing first.`}
          deps={[t]}
          testId="chart-tornado"
          layout="stacked"
          render={(Plot, width) =>
            Plot.plot({
              height: 40 + t.rows.length * 26,
              width: Math.min(width, 900),
              marginLeft: Math.min(260, width * 0.4),
              x: { label: `Change in the ${metric.toLowerCase()}`, tickFormat: moneyDeltaTick, grid: true },
              y: { label: null, domain: t.rows.map(rowLabel) },
              color: { domain: ["low", "high"], range: ["#1f6fb2", "#c2410c"], legend: true },
              marks: [
                Plot.barX(bars, { x: "delta", y: "label", fill: "side", title: (d: { label: string; side: string; delta: number }) => `${d.label} (${d.side}): ${formatMoneyDelta(String(d.delta))}` }),
                Plot.ruleX([0]),
              ],
            })
          }
        >
          <DataTable
            caption={`Tornado rows: ${metric} ${formatMoney(t.base)} in the open scenario${top ? `; the widest swing is ${rowLabel(top)} (${formatMoney(top.swing)})` : ""}`}
            columns={[
              { key: "l", label: "Lever", value: (r: Row) => rowLabel(r) },
              { key: "lo", label: "Low", kind: "num", value: (r: Row) => formatMoneyDelta(r.low.delta) },
              { key: "hi", label: "High", kind: "num", value: (r: Row) => formatMoneyDelta(r.high.delta) },
              {
                key: "sw",
                label: "Swing",
                kind: "num",
                value: (r: Row) => (
                  <Figure
                    explain={() => ({
                      title: rowLabel(r),
                      value: formatMoney(r.swing),
                      sentence: `${metric}: ${formatMoney(r.low.value)} at the low value, ${formatMoney(r.high.value)} at the high value, against a base of ${formatMoney(t.base)}.`,
                      rows: [
                        ["low", formatMoney(r.low.value)],
                        ["base", formatMoney(t.base)],
                        ["high", formatMoney(r.high.value)],
                      ],
                    })}
                  >
                    {formatMoney(r.swing)}
                  </Figure>
                ),
              },
            ]}
            rows={t.rows}
          />
        </Chart>
      )}
    </section>
  );
}
