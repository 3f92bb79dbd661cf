import type { BudgetModel, GoalSeekOptions, LeverInput, MetricInput } from "@districtkit/budget";
import { useState } from "preact/hooks";
import { Chart } from "../../components/Chart.js";
import { DataTable } from "../../components/DataTable.js";
import { ProblemList } from "../../components/ProblemList.js";
import { toEngineScenario } from "../../lib/budgetModel.js";
import { formatMoney, moneyTick, toChartNumber } from "../../lib/format.js";
import { goalSeekAnswer, goalSeekEffect } from "../../lib/goalSeekText.js";
import { datasets } from "../../lib/sample.js";
import { activeScenario } from "../../state/store.js";
import type { budgetGoalSeek } from "../../worker/budgetTasks.js";
import { engineWorker } from "../../worker/client.js";

type Outcome = ReturnType<typeof budgetGoalSeek>;
type Asked = { def: (typeof LEVERS)[number]; metric: (typeof METRICS)[number]; seek: "min" | "max"; constraint: "at-most" | "at-least"; target: string };

const LEVERS: { id: string; label: string; lever: LeverInput; parameter: GoalSeekOptions["parameter"]; range: { min: number; max: number } }[] = [
  { id: "enrollment", label: "enrollment change (once, from the first year)", lever: { type: "enrollment-change", rate: 0, mode: "once" }, parameter: "rate", range: { min: -0.5, max: 0.5 } },
  { id: "inflation", label: "inflation rate on every line", lever: { type: "inflation", rate: 0.03, mode: "set" }, parameter: "rate", range: { min: 0, max: 0.15 } },
  { id: "erate", label: "E-Rate discount", lever: { type: "erate-discount", category: "both", discount: 0.7 }, parameter: "discount", range: { min: 0, max: 0.9 } },
];
const METRICS: { id: string; label: string; metric: MetricInput }[] = [
  { id: "gf-max", label: "the general-fund draw in its largest year", metric: { kind: "general-fund-draw", aggregate: "max-year" } },
  { id: "gf-sum", label: "the general-fund draw over all years", metric: { kind: "general-fund-draw", aggregate: "sum" } },
  { id: "total", label: "the total cost over all years", metric: { kind: "total", aggregate: "sum" } },
];
const pct = (x: number) =>
  `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x * 100)
    .toFixed(2)
    .replace(/\.?0+$/, "")} %`;
/** A rate as the analyst reads it: "4.73 %" (no sign for inflation and discounts, which are levels). */
const level = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, "")} %`;

/** Goal seek in the worker: "how much inflation can the plan absorb before the general fund passes its limit?" by default; any lever, measure and target. */
export function GoalSeekPanel({ model }: { model: BudgetModel }) {
  const yearlyLimit = model.budget.funds.find((f) => f.kind === "general")?.yearlyLimit;
  const limit = yearlyLimit?.toString() ?? "";
  // The first question asked has an answer on any plan: how much inflation can the plan absorb
  // before the general fund pays more than its yearly limit times the years of the horizon?
  const [leverId, setLeverId] = useState("inflation");
  const [seek, setSeek] = useState<"min" | "max">("max");
  const [metricId, setMetricId] = useState(yearlyLimit ? "gf-sum" : "gf-max");
  const [constraint, setConstraint] = useState<"at-most" | "at-least">("at-most");
  const [target, setTarget] = useState(yearlyLimit ? yearlyLimit.multiply(model.budget.years).toString() : limit);
  const [busy, setBusy] = useState(false);
  // the answer, with the question it answers (the form may change after it)
  const [outcome, setOutcome] = useState<{ result: Outcome; asked: Asked } | null>(null);
  const def = LEVERS.find((l) => l.id === leverId)!;
  const metric = METRICS.find((m) => m.id === metricId)!;

  const run = async () => {
    const district = datasets.value.district?.data;
    const budget = datasets.value.budget?.data;
    if (!district || !budget) return;
    setBusy(true);
    try {
      const asked: Asked = { def, metric, seek, constraint, target: target.replace(/[$,\s]/g, "") };
      const options: GoalSeekOptions = {
        scenario: toEngineScenario(activeScenario.value, model),
        lever: def.lever,
        parameter: def.parameter,
        range: def.range,
        metric: metric.metric,
        target: asked.target,
        constraint,
        seek,
      };
      try {
        setOutcome({ result: await engineWorker().budgetGoalSeek(district, budget, options), asked });
      } catch (e) {
        setOutcome({ result: { ok: false, problems: [String(e)] }, asked });
      }
    } finally {
      setBusy(false);
    }
  };

  const r = outcome?.result.ok ? outcome.result.value : null;
  const asked = outcome?.asked ?? null;
  const fmtValue = (v: number, l = def) => (l.id === "enrollment" ? pct(v) : level(v));
  const evals = r ? [...r.evaluations].sort((a, b) => a.value - b.value) : [];
  return (
    <section class="goal-seek" aria-labelledby="goal-h" aria-busy={busy}>
      <h3 id="goal-h">Goal seek</h3>
      <form
        class="goal-form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <span>Find the</span>
        <label class="visually-hidden" for="gs-seek">
          Lowest or highest
        </label>
        <select id="gs-seek" value={seek} onChange={(e) => setSeek((e.currentTarget as HTMLSelectElement).value as "min" | "max")}>
          <option value="min">lowest</option>
          <option value="max">highest</option>
        </select>
        <label class="visually-hidden" for="gs-lever">
          Lever
        </label>
        <select id="gs-lever" value={leverId} onChange={(e) => setLeverId((e.currentTarget as HTMLSelectElement).value)}>
          {LEVERS.map((l) => (
            <option value={l.id} key={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <span>for which</span>
        <label class="visually-hidden" for="gs-metric">
          Measure
        </label>
        <select id="gs-metric" value={metricId} onChange={(e) => setMetricId((e.currentTarget as HTMLSelectElement).value)}>
          {METRICS.map((m) => (
            <option value={m.id} key={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        <span>stays</span>
        <label class="visually-hidden" for="gs-constraint">
          At most or at least
        </label>
        <select id="gs-constraint" value={constraint} onChange={(e) => setConstraint((e.currentTarget as HTMLSelectElement).value as "at-most" | "at-least")}>
          <option value="at-most">at most</option>
          <option value="at-least">at least</option>
        </select>
        <label for="gs-target">$</label>
        <input id="gs-target" type="text" inputMode="decimal" value={target} onInput={(e) => setTarget((e.currentTarget as HTMLInputElement).value)} size={11} />
        <button type="submit" disabled={busy}>
          {busy ? "Seeking…" : "Find it"}
        </button>
      </form>
      <p class="hint" data-testid="goal-seek-effect">
        Searched between {fmtValue(def.range.min)} and {fmtValue(def.range.max)} in the open scenario. <strong>{goalSeekEffect(leverId, activeScenario.value.levers)}</strong>
        {limit ? ` The general fund's yearly limit is ${formatMoney(limit, { cents: false })}.` : ""}
      </p>
      <div aria-live="polite" data-testid="goal-seek-result">
        {outcome && !outcome.result.ok && <ProblemList title="Goal seek failed" problems={outcome.result.problems} />}
        {r && asked && (
          <>
            <p class="goal-answer">
              {r.found && r.value !== null ? <strong>{fmtValue(r.value, asked.def)}. </strong> : <strong>No value in the range meets the target. </strong>}
              {goalSeekAnswer(r, {
                leverLabel: asked.def.label.replace(/ \(.*\)$/, ""),
                metricLabel: asked.metric.label,
                seek: asked.seek,
                constraint: asked.constraint,
                target: asked.target,
                range: asked.def.range,
                format: (v) => fmtValue(v, asked.def),
              })}
            </p>
            {evals.length > 1 && (
              <Chart
                title="What the search tried"
                description={`${asked.metric.label[0]!.toUpperCase()}${asked.metric.label.slice(1)} at each ${asked.def.label} the search tried; the dashed line is the target of ${formatMoney(asked.target, { cents: false })}, green dots meet it.`}
                deps={[r, asked]}
                render={(Plot, width) =>
                  Plot.plot({
                    width: Math.min(width, 640),
                    height: 220,
                    marginLeft: 64,
                    x: { label: asked.def.label, tickFormat: (d: number) => fmtValue(d, asked.def) },
                    y: { label: null, tickFormat: moneyTick, grid: true },
                    marks: [
                      Plot.ruleY([toChartNumber(asked.target || "0")], { stroke: "#b91c1c", strokeDasharray: "6 4" }),
                      Plot.line(evals, { x: "value", y: (d: { metric: string }) => toChartNumber(d.metric), stroke: "#4b5563" }),
                      Plot.dot(evals, { x: "value", y: (d: { metric: string }) => toChartNumber(d.metric), fill: (d: { meets: boolean }) => (d.meets ? "#2f855a" : "#b91c1c"), r: 3.5 }),
                    ],
                  })
                }
              >
                <DataTable
                  caption="Every value the search tried"
                  columns={[
                    { key: "v", label: asked.def.label.replace(/ \(.*\)$/, "").replace(/^./, (c) => c.toUpperCase()), kind: "num", value: (d: (typeof evals)[number]) => fmtValue(d.value, asked.def) },
                    { key: "m", label: asked.metric.label.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase()), kind: "num", value: (d: (typeof evals)[number]) => formatMoney(d.metric) },
                    { key: "ok", label: "Meets the target", value: (d: (typeof evals)[number]) => (d.meets ? "yes" : "no") },
                  ]}
                  rows={evals}
                />
              </Chart>
            )}
          </>
        )}
      </div>
    </section>
  );
}
