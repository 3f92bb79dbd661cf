import type { BudgetModel, BudgetProjection, ScenarioSet } from "@districtkit/budget";
import { Chart } from "../../components/Chart.js";
import { type Column, DataTable } from "../../components/DataTable.js";
import { type Explanation, Figure } from "../../components/Explain.js";
import { LazyPanel } from "../../components/LazyPanel.js";
import { formatCount, formatMoney, formatMoneyDelta, moneyTick, toChartNumber } from "../../lib/format.js";
import { categoryLabel, PALETTE, SCENARIO_COLORS } from "../../lib/palette.js";
import type { Plain } from "../../lib/plain.js";
import { engineMs } from "./engineTime.js";
import { LimitBreaches } from "./LimitBreaches.js";

export type PSet = Plain<ScenarioSet>;
export type PProjection = Plain<BudgetProjection>;

const shortFy = (fy: number) => `FY${String(fy).slice(2)}`;
/** Year tick labels that fit: every year when there is room, every other year otherwise. */
const fyTick = (panelWidth: number, years: number) => (fy: number, i: number) => (panelWidth / years >= 34 || i % 2 === 0 ? shortFy(fy) : "");

/** Narrowest panel of a one-panel-per-scenario chart before the panels stack (phones). */
const MIN_PANEL = 240;
/** Facet the scenarios side by side (fx) when each panel gets room, else one under another (fy). */
const facetChannel = (width: number, n: number): "fx" | "fy" => ((width - 56) / n >= MIN_PANEL ? "fx" : "fy");
type PlotModule = typeof import("../../lib/plot.js");

/** The size, facets and axes of a one-panel-per-scenario bar chart, side by side or stacked. */
function panels(width: number, names: readonly string[], years: number) {
  const side = facetChannel(width, names.length) === "fx";
  const panelWidth = side ? (width - 56) / names.length : width - 56;
  const common = { width, marginLeft: 56, marginBottom: 36, x: { label: null, tickFormat: fyTick(panelWidth, years) }, y: { label: "Spend", tickFormat: moneyTick, grid: true } };
  return side
    ? { ...common, height: 300, fx: { label: null, domain: [...names], padding: 0.08 } }
    : { ...common, height: 40 + names.length * 210, marginTop: 24, fy: { label: null, domain: [...names], padding: 0.22, axis: null } };
}

/** Stacked panels name their scenario above each panel (a side axis would not fit a phone). */
function panelTitles(Plot: PlotModule, width: number, names: readonly string[]) {
  if (facetChannel(width, names.length) === "fx") return [];
  return [
    Plot.text(
      names.map((scenario) => ({ scenario })),
      { fy: "scenario", text: "scenario", frameAnchor: "top-left", dy: -14, fontWeight: 650, fontSize: 12 },
    ),
  ];
}

/** Mark the end of a lever→chart update (G2), measured from the lever's input event. */
function markChartUpdated(): void {
  if (performance.getEntriesByName("lever-input", "mark").length === 0) return;
  const m = performance.measure("G2 lever→chart", "lever-input");
  performance.clearMarks("lever-input");
  console.info(`[G2] lever→chart ${m.duration.toFixed(1)} ms (budget engine ${engineMs.toFixed(1)} ms)`);
  document.documentElement.dataset.g2 = m.duration.toFixed(1);
  document.documentElement.dataset.g2Engine = engineMs.toFixed(1);
}

function explainCell(p: PProjection, fiscalYear: number, category: string): Explanation {
  const i = p.years.findIndex((y) => y.fiscalYear === fiscalYear);
  const year = p.years[i]!;
  const lines = p.lines.filter((l) => l.category === category && l.years[i] && l.years[i]!.cost !== "0");
  return {
    title: `${categoryLabel(category)}, ${year.label} — ${p.scenario.name}`,
    value: formatMoney(year.byCategory[category] ?? "0"),
    sentence: `The sum of ${lines.length} line item${lines.length === 1 ? "" : "s"} of the category in ${year.label}, each computed by the budget engine as below.`,
    rows: lines.map((l) => [`${l.name} — ${l.years[i]!.explanation}`, formatMoney(l.years[i]!.cost)] as const),
    detail: lines.map((l) => ({ item: l.itemId, ...l.years[i] })),
  };
}

/** An award of a fund as a person names it: "State technology grant, FY2027 award" (the engine names it by id). */
function awardName(fund: string, t: { awardYear: number | null; availableFrom: string }): string {
  return `${fund}, ${t.awardYear ? `FY${t.awardYear}` : `from ${t.availableFrom}`} award`;
}

function explainFundYear(p: PProjection, fiscalYear: number, fundId: string): Explanation {
  const f = p.funds.find((x) => x.id === fundId);
  const year = p.years.find((y) => y.fiscalYear === fiscalYear)!;
  return {
    title: `${f?.name ?? fundId}, ${year.label} — ${p.scenario.name}`,
    value: formatMoney(year.byFund[fundId] ?? "0"),
    sentence: f?.explanation ?? "",
    rows: (f?.tranches ?? []).map(
      (t) => [`${awardName(f!.name, t)}: ${t.explanation.startsWith(`${t.id}: `) ? t.explanation.slice(t.id.length + 2) : t.explanation}`, formatMoney(t.byYear[String(fiscalYear)] ?? "0")] as const,
    ),
    detail: f,
  };
}

function Headlines({ set }: { set: PSet }) {
  const base = set.projections[0]!;
  type Row = { p: PProjection; i: number };
  const rows: Row[] = set.projections.map((p, i) => ({ p, i }));
  const cmp = (i: number) => (i === 0 ? null : set.comparisons[i - 1]!);
  const columns: Column<Row>[] = [
    {
      key: "name",
      label: "Scenario",
      value: ({ p, i }) => (
        <span>
          <span class="swatch" style={{ background: SCENARIO_COLORS[i % SCENARIO_COLORS.length] }} aria-hidden="true" />
          {p.scenario.name}
        </span>
      ),
    },
    {
      key: "total",
      label: `Total FY${base.firstYear}–FY${base.lastYear}`,
      kind: "num",
      value: ({ p }) => (
        <Figure
          explain={() => ({
            title: `Total cost — ${p.scenario.name}`,
            value: formatMoney(p.total),
            sentence: p.explanation,
            rows: p.years.map((y) => [y.label, formatMoney(y.total)] as const),
            detail: { rules: p.rules, effects: p.scenario.effects },
          })}
        >
          {formatMoney(p.total)}
        </Figure>
      ),
    },
    {
      key: "gf",
      label: "General-fund draw",
      kind: "num",
      value: ({ p }) => (
        <Figure
          explain={() => {
            const f = p.funds.find((x) => x.id === p.generalFund.id);
            return {
              title: `General-fund draw — ${p.scenario.name}`,
              value: formatMoney(p.generalFund.draw),
              sentence: f?.explanation ?? "",
              rows: p.years.map((y) => [y.label, formatMoney(p.generalFund.byYear[String(y.fiscalYear)] ?? "0")] as const),
              detail: { assignment: p.rules.assignment, blocked: p.blocked },
            };
          }}
        >
          {formatMoney(p.generalFund.draw)}
        </Figure>
      ),
    },
    {
      key: "dgf",
      label: "Δ draw vs baseline",
      kind: "num",
      value: ({ i }) => {
        const c = cmp(i);
        return c ? (
          <Figure
            explain={() => ({
              title: `Change in general-fund draw — ${c.b.name}`,
              value: formatMoneyDelta(c.generalFundDraw.delta),
              sentence: c.explanation,
              rows: [
                ["Baseline", formatMoney(c.generalFundDraw.a)],
                [c.b.name, formatMoney(c.generalFundDraw.b)],
              ],
            })}
          >
            {formatMoneyDelta(c.generalFundDraw.delta)}
          </Figure>
        ) : (
          "—"
        );
      },
    },
    {
      key: "lapse",
      label: "Money that lapses",
      kind: "num",
      value: ({ p }) => (
        <Figure
          explain={() => ({
            title: `Restricted money that lapses — ${p.scenario.name}`,
            value: formatMoney(p.lapsing),
            sentence:
              p.funds
                .filter((f) => f.lapsing !== "0")
                .map((f) => f.explanation)
                .join(" ") || "No restricted money lapses: every award is obligated inside its window.",
            rows: p.funds.flatMap((f) => f.tranches.filter((t) => t.status === "lapses").map((t) => [`${awardName(f.name, t)}, obligate by ${t.obligateBy}`, formatMoney(t.remaining)] as const)),
          })}
        >
          {formatMoney(p.lapsing)}
        </Figure>
      ),
    },
    { key: "students", label: `Students ${shortFy(base.firstYear)}`, kind: "num", value: ({ p }) => formatCount(p.years[0]?.students ?? 0) },
  ];
  return (
    <div class="headlines print-keep" data-testid="headline-table">
      <DataTable caption="Scenarios side by side (click a figure to see where it comes from)" columns={columns} rows={rows} />
    </div>
  );
}

function byCategoryData(set: PSet) {
  return set.projections.flatMap((p) =>
    p.years.flatMap((y) =>
      Object.entries(y.byCategory).map(([category, amount]) => ({ scenario: p.scenario.name, fiscalYear: y.fiscalYear, label: y.label, category, amount: toChartNumber(amount) })),
    ),
  );
}

function byFundData(set: PSet) {
  return set.projections.flatMap((p) =>
    p.years.flatMap((y) =>
      Object.entries(y.byFund).map(([fund, amount]) => ({
        scenario: p.scenario.name,
        fiscalYear: y.fiscalYear,
        label: y.label,
        fund: p.funds.find((f) => f.id === fund)?.name ?? fund,
        amount: toChartNumber(amount),
      })),
    ),
  );
}

function YearTable({
  p,
  keys,
  label,
  get,
  total,
  explain,
  caption,
}: {
  p: PProjection;
  keys: string[];
  label: (k: string) => string;
  get: (y: PProjection["years"][number], k: string) => string;
  total: (k: string) => string;
  explain: (fy: number, k: string) => Explanation;
  caption: string;
}) {
  type Row = { y: PProjection["years"][number] } | { y: null };
  const columns: Column<Row>[] = [
    { key: "year", label: "Year", value: (r) => (r.y ? r.y.label : "All years") },
    ...keys.map((k) => ({
      key: k,
      label: label(k),
      kind: "num" as const,
      value: (r: Row) => (r.y ? <Figure explain={() => explain(r.y!.fiscalYear, k)}>{formatMoney(get(r.y, k))}</Figure> : formatMoney(total(k))),
    })),
    { key: "total", label: "Total", kind: "num", value: (r) => formatMoney(r.y ? r.y.total : p.total) },
  ];
  return <DataTable caption={caption} columns={columns} rows={p.years.map((y) => ({ y }))} footer={[{ y: null }]} />;
}

export function BudgetResults({ set, model, activeId }: { set: PSet; model: BudgetModel; activeId: string }) {
  const active = set.projections.find((p) => p.scenario.id === activeId) ?? set.projections[0]!;
  const base = set.projections[0]!;
  const comparison = set.comparisons.find((c) => c.b.id === active.scenario.id) ?? null;
  const categories = Object.keys(base.byCategory);
  const fundIds = [...new Set(set.projections.flatMap((p) => p.funds.map((f) => f.id)))];
  const fundName = (id: string) => set.projections.flatMap((p) => p.funds).find((f) => f.id === id)?.name ?? id;
  const scenarioNames = set.projections.map((p) => p.scenario.name);
  const gfLimit = model.budget.funds.find((f) => f.kind === "general")?.yearlyLimit;
  const catData = byCategoryData(set);
  const fundData = byFundData(set);
  const gfData = set.projections.flatMap((p) =>
    p.years.map((y) => ({ scenario: p.scenario.name, fiscalYear: y.fiscalYear, amount: toChartNumber(p.generalFund.byYear[String(y.fiscalYear)] ?? "0") })),
  );

  return (
    <div class="budget-results">
      <p class="lede print-keep">{active.explanation}</p>
      <Headlines set={set} />
      <LimitBreaches set={set} generalFundLimit={gfLimit?.toString() ?? null} active={active} />
      <Chart
        title="Yearly spend by category"
        description={`Stacked yearly cost by category, FY${base.firstYear}–FY${base.lastYear}, one panel per scenario.`}
        deps={[catData]}
        layout="stacked"
        testId="chart-by-category"
        className="print-keep"
        onRendered={markChartUpdated}
        render={(Plot, width) =>
          Plot.plot({
            ...panels(width, scenarioNames, base.years.length),
            color: { legend: true, domain: categories, range: PALETTE, tickFormat: categoryLabel },
            marks: [
              Plot.barY(catData, {
                [facetChannel(width, scenarioNames.length)]: "scenario",
                x: "fiscalYear",
                y: "amount",
                fill: "category",
                title: (d: { scenario: string; label: string; category: string; amount: number }) => `${d.scenario}, ${d.label}\n${categoryLabel(d.category)}: ${formatMoney(String(d.amount))}`,
              }),
              Plot.ruleY([0]),
              ...panelTitles(Plot, width, scenarioNames),
            ],
          })
        }
      >
        <YearTable
          p={active}
          keys={categories}
          label={categoryLabel}
          get={(y, k) => y.byCategory[k] ?? "0"}
          total={(k) => active.byCategory[k] ?? "0"}
          explain={(fy, k) => explainCell(active, fy, k)}
          caption={`Spend by category and year — ${active.scenario.name}`}
        />
      </Chart>
      <Chart
        title="Who pays: yearly spend by fund"
        description="The same costs by the fund that pays them: the engine assigns restricted money first (eligibility, award windows, expiry order) to minimise the general-fund draw."
        deps={[fundData]}
        layout="stacked"
        testId="chart-by-fund"
        render={(Plot, width) =>
          Plot.plot({
            ...panels(width, scenarioNames, base.years.length),
            color: { legend: true, domain: fundIds.map(fundName), range: PALETTE },
            marks: [
              Plot.barY(fundData, {
                [facetChannel(width, scenarioNames.length)]: "scenario",
                x: "fiscalYear",
                y: "amount",
                fill: "fund",
                title: (d: { scenario: string; label: string; fund: string; amount: number }) => `${d.scenario}, ${d.label}\n${d.fund}: ${formatMoney(String(d.amount))}`,
              }),
              Plot.ruleY([0]),
              ...panelTitles(Plot, width, scenarioNames),
            ],
          })
        }
      >
        <YearTable
          p={active}
          keys={fundIds.filter((f) => active.funds.some((x) => x.id === f))}
          label={fundName}
          get={(y, k) => y.byFund[k] ?? "0"}
          total={(k) => active.byFund[k] ?? "0"}
          explain={(fy, k) => explainFundYear(active, fy, k)}
          caption={`Spend by fund and year — ${active.scenario.name}`}
        />
      </Chart>
      <Chart
        title="General-fund draw by year"
        description={`What the district's own general fund pays each year, by scenario${gfLimit ? `; the dashed line is the yearly limit of ${formatMoney(gfLimit.toString())}` : ""}.`}
        deps={[gfData, gfLimit?.toString()]}
        testId="chart-gf"
        render={(Plot, width) =>
          Plot.plot({
            width,
            height: 260,
            marginLeft: 60,
            x: { label: null, tickFormat: shortFy, ticks: base.years.map((y) => y.fiscalYear) },
            y: { label: "General-fund draw", tickFormat: moneyTick, grid: true, zero: false },
            color: { legend: true, domain: scenarioNames, range: SCENARIO_COLORS },
            marks: [
              ...(gfLimit ? [Plot.ruleY([toChartNumber(gfLimit.toString())], { stroke: "#b91c1c", strokeDasharray: "6 4" })] : []),
              Plot.line(gfData, { x: "fiscalYear", y: "amount", stroke: "scenario", strokeWidth: 2 }),
              Plot.dot(gfData, {
                x: "fiscalYear",
                y: "amount",
                fill: "scenario",
                r: 3,
                title: (d: { scenario: string; fiscalYear: number; amount: number }) => `${d.scenario}, FY${d.fiscalYear}: ${formatMoney(String(d.amount))}`,
              }),
            ],
          })
        }
      >
        <DataTable
          caption="General-fund draw by year and scenario"
          columns={[
            { key: "y", label: "Year", value: (y: PProjection["years"][number]) => y.label },
            ...set.projections.map((p) => ({
              key: p.scenario.id,
              label: p.scenario.name,
              kind: "num" as const,
              value: (y: PProjection["years"][number]) => formatMoney(p.generalFund.byYear[String(y.fiscalYear)] ?? "0"),
            })),
          ]}
          rows={base.years}
        />
      </Chart>
      <Chart
        title="Students by year"
        description={`The enrollment that drives the per-student lines, by scenario (${base.enrollment.methods.join("; ") || "as given"}).`}
        deps={[set.projections.map((p) => p.enrollment.byYear)]}
        testId="chart-students"
        render={(Plot, width) => {
          const data = set.projections.flatMap((p) => Object.entries(p.enrollment.byYear).map(([fy, n]) => ({ scenario: p.scenario.name, fiscalYear: Number(fy), students: n })));
          return Plot.plot({
            width,
            height: 220,
            marginLeft: 50,
            x: { label: null, tickFormat: shortFy, ticks: base.years.map((y) => y.fiscalYear) },
            y: { label: "Students", grid: true, zero: false },
            color: { legend: true, domain: scenarioNames, range: SCENARIO_COLORS },
            marks: [
              Plot.line(data, { x: "fiscalYear", y: "students", stroke: "scenario", strokeWidth: 2 }),
              Plot.dot(data, {
                x: "fiscalYear",
                y: "students",
                fill: "scenario",
                r: 3,
                title: (d: { scenario: string; fiscalYear: number; students: number }) => `${d.scenario}, FY${d.fiscalYear}: ${d.students.toFixed(1)} students`,
              }),
            ],
          });
        }}
      >
        <DataTable
          caption="Projected students by year and scenario (unrounded, as the engine projects them)"
          columns={[
            { key: "y", label: "Year", value: (y: PProjection["years"][number]) => y.label },
            ...set.projections.map((p) => ({
              key: p.scenario.id,
              label: p.scenario.name,
              kind: "num" as const,
              value: (y: PProjection["years"][number]) => {
                const n = p.enrollment.byYear[String(y.fiscalYear)];
                return n === undefined ? "—" : n.toFixed(1);
              },
            })),
          ]}
          rows={base.years}
        />
      </Chart>
      <Lapsing set={set} />
      {comparison && <DeltaTable comparison={comparison} categories={categories} base={base} />}
      <LazyPanel id="tornado-panel" title="Sensitivity (tornado)" load={() => import("./TornadoPanel.js").then((m) => m.TornadoPanel)} props={{ scenarioName: active.scenario.name }} />
      <LazyPanel id="goal-panel" title="Goal seek" load={() => import("./GoalSeekPanel.js").then((m) => m.GoalSeekPanel)} props={{ model }} />
    </div>
  );
}

function Lapsing({ set }: { set: PSet }) {
  type Row = { scenario: string; fund: string; tranche: string; obligateBy: string; amount: string; remaining: string; explanation: string };
  const rows: Row[] = set.projections.flatMap((p) =>
    p.funds.flatMap((f) =>
      f.tranches
        .filter((t) => t.status === "lapses")
        .map((t) => ({ scenario: p.scenario.name, fund: f.name, tranche: t.id, obligateBy: t.obligateBy, amount: t.amount, remaining: t.remaining, explanation: t.explanation })),
    ),
  );
  const totals = set.projections.map((p) => ({ scenario: p.scenario.name, amount: toChartNumber(p.lapsing) }));
  if (rows.length === 0 && totals.every((t) => t.amount === 0)) {
    return (
      <section class="lapsing" data-testid="chart-lapsing" aria-labelledby="lapse-h">
        <h3 id="lapse-h" class="chart-title">
          Money that will lapse
        </h3>
        <p class="ok-text">No restricted money lapses in any scenario: every grant is obligated inside its window.</p>
      </section>
    );
  }
  return (
    <Chart
      title="Money that will lapse"
      description="Restricted money (grants) not obligated by its deadline, by scenario: money the district loses unless the plan changes."
      deps={[totals]}
      testId="chart-lapsing"
      render={(Plot, width) =>
        Plot.plot({
          width: Math.min(width, 640),
          height: 50 + totals.length * 34,
          marginLeft: Math.min(240, width * 0.35),
          x: { label: "Lapsing", tickFormat: moneyTick, grid: true, domain: [0, Math.max(1, ...totals.map((t) => t.amount)) * 1.15] },
          y: { label: null, domain: totals.map((t) => t.scenario), tickFormat: (d: string) => (d.length > 34 ? `${d.slice(0, 33)}…` : d) },
          marks: [
            Plot.barX(totals, { x: "amount", y: "scenario", fill: "#b91c1c" }),
            Plot.text(totals, { x: "amount", y: "scenario", text: (d: { amount: number }) => formatMoney(String(d.amount), { cents: false }), dx: 4, textAnchor: "start" }),
            Plot.ruleX([0]),
          ],
        })
      }
    >
      {rows.length === 0 ? (
        <p class="ok-text">No restricted money lapses in any scenario.</p>
      ) : (
        <DataTable
          caption="Awards that lapse (click an amount for the engine's reason)"
          rowHeader={false}
          columns={[
            { key: "s", label: "Scenario", value: (r: Row) => r.scenario },
            { key: "f", label: "Fund", value: (r: Row) => r.fund },
            { key: "d", label: "Obligate by", value: (r: Row) => r.obligateBy },
            {
              key: "r",
              label: "Lapses",
              kind: "num",
              value: (r: Row) => (
                <Figure
                  explain={() => ({
                    title: `${r.fund} — ${r.scenario}`,
                    value: formatMoney(r.remaining),
                    sentence: r.explanation,
                    rows: [
                      ["award", formatMoney(r.amount)],
                      ["not obligated in time", formatMoney(r.remaining)],
                    ],
                  })}
                >
                  {formatMoney(r.remaining)}
                </Figure>
              ),
            },
          ]}
          rows={rows}
        />
      )}
    </Chart>
  );
}

function DeltaTable({ comparison, categories, base }: { comparison: PSet["comparisons"][number]; categories: string[]; base: PProjection }) {
  type Row = { key: string; label: string; byYear: string[]; total: string };
  const rows: Row[] = categories.map((c) => ({ key: c, label: categoryLabel(c), byYear: comparison.years.map((y) => y.byCategory[c]?.delta ?? "0"), total: comparison.byCategory[c]?.delta ?? "0" }));
  const footer: Row[] = [{ key: "total", label: "Total", byYear: comparison.years.map((y) => y.total.delta), total: comparison.total.delta }];
  const columns: Column<Row>[] = [
    { key: "label", label: "Category", value: (r) => r.label },
    ...base.years.map((y, i) => ({
      key: String(y.fiscalYear),
      label: shortFy(y.fiscalYear),
      kind: "num" as const,
      value: (r: Row) => <span class={deltaClass(r.byYear[i]!)}>{formatMoneyDelta(r.byYear[i]!)}</span>,
    })),
    { key: "total", label: "All years", kind: "num", value: (r) => <strong class={deltaClass(r.total)}>{formatMoneyDelta(r.total)}</strong> },
  ];
  const lines = comparison.lines.filter((l) => l.status !== "same").sort((a, b) => Math.abs(toChartNumber(b.delta)) - Math.abs(toChartNumber(a.delta)));
  return (
    <section class="delta print-keep" aria-labelledby="delta-h" data-testid="delta-table">
      <h3 id="delta-h">What changes: {comparison.b.name} against the baseline</h3>
      <p class="hint">{comparison.explanation}</p>
      <DataTable caption={`Change in spend by category and year (${comparison.b.name} − baseline); the rows add up to the total`} columns={columns} rows={rows} footer={footer} />
      {lines.length > 0 && (
        <DataTable
          caption="Line items that change"
          rowHeader={false}
          columns={[
            { key: "n", label: "Line item", value: (l: (typeof lines)[number]) => l.name },
            { key: "c", label: "Category", value: (l: (typeof lines)[number]) => categoryLabel(l.category) },
            { key: "s", label: "Change", value: (l: (typeof lines)[number]) => l.status },
            { key: "a", label: "Baseline", kind: "num", value: (l: (typeof lines)[number]) => formatMoney(l.a) },
            { key: "b", label: comparison.b.name, kind: "num", value: (l: (typeof lines)[number]) => formatMoney(l.b) },
            { key: "d", label: "Δ", kind: "num", value: (l: (typeof lines)[number]) => <span class={deltaClass(l.delta)}>{formatMoneyDelta(l.delta)}</span> },
          ]}
          rows={lines}
        />
      )}
    </section>
  );
}

function deltaClass(v: string): string | undefined {
  if (/^-?0(\.0+)?$/.test(v)) return undefined;
  return v.startsWith("-") ? "delta-down" : "delta-up";
}
