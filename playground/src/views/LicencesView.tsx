import type { LicensePlanResult, ReclaimResult, RenewalEntry } from "@districtkit/licenses";
import { useEffect, useMemo, useState } from "preact/hooks";
import { Chart } from "../components/Chart.js";
import { type Column, DataTable } from "../components/DataTable.js";
import { Figure } from "../components/Explain.js";
import { FlowToBudget } from "../components/FlowToBudget.js";
import { NotAvailable } from "../components/Notice.js";
import { ProblemList } from "../components/ProblemList.js";
import { currentAsOf } from "../lib/asOf.js";
import { PLAN_FLOWS } from "../lib/budgetModel.js";
import { formatCount, formatMoney, moneyTick, toChartNumber } from "../lib/format.js";
import { listOf, nameMap, schoolName, withNames, withoutIdPrefix } from "../lib/names.js";
import type { Plain } from "../lib/plain.js";
import { licenceFlowLines } from "../lib/planFlows.js";
import { datasets } from "../lib/sample.js";
import { engineWorker } from "../worker/client.js";

type PPlan = Plain<LicensePlanResult>;

/** A ready optimizer input (it has its `demand`), or null for a district licence file. */
function planInput(data: unknown): Record<string, unknown> | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  if (!("products" in d) || !("options" in d) || !("demand" in d)) return null;
  const { description: _d, ...rest } = d;
  return rest;
}

const NO_PRODUCTS: readonly { id: string; name: string }[] = [];
/** The licence file's products (id, name, category), for naming and matching. */
function productsOf(data: unknown): readonly { id: string; name: string; category?: string }[] {
  const p = (data as { products?: unknown } | null)?.products;
  return Array.isArray(p) ? (p as { id: string; name: string; category?: string }[]) : NO_PRODUCTS;
}

type Report = { plan: Plain<LicensePlanResult>; renewals: readonly Plain<RenewalEntry>[] | null; reclaim: readonly Plain<ReclaimResult>[] | null; ms: number };

export function LicencesView() {
  const source = datasets.value.licenses;
  const usage = datasets.value.usage;
  const [inactiveDays, setInactiveDays] = useState(60);
  const asOf = currentAsOf();
  const input = useMemo(() => planInput(source?.data), [source]);
  const [outcome, setOutcome] = useState<{ ok: true; report: Report } | { ok: false; problems: string[] } | null>(null);
  useEffect(() => {
    if (!source) return;
    let live = true;
    setOutcome(null);
    const run = input
      ? engineWorker()
          .licencesOptimize(input)
          .then((r) => (r.ok ? { ok: true as const, report: { plan: r.value, renewals: null, reclaim: null, ms: r.ms } } : r))
      : engineWorker()
          .licencesReport(source.data, usage?.data ?? null, inactiveDays, asOf)
          .then((r) => (r.ok ? { ok: true as const, report: { ...r.value, ms: r.ms } } : r));
    run.then((r) => live && setOutcome(r)).catch((e: unknown) => live && setOutcome({ ok: false, problems: [String(e)] }));
    return () => {
      live = false;
    };
  }, [source, usage, input, inactiveDays, asOf]);

  if (!source) {
    return (
      <section aria-labelledby="licences-h">
        <h2 id="licences-h">Licences: current vs optimized</h2>
        <NotAvailable what="The sample district's licences" engine="examples/data/sample-district/licenses.json">
          <p>
            The licence optimizer (<code>@districtkit/licenses</code>) is ready; no licence file is loaded. Import a licence plan (JSON) from the Import / Export tab.
          </p>
        </NotAvailable>
      </section>
    );
  }
  const report = outcome?.ok ? outcome.report : null;
  // the engines report products and schools by id; a person reads their names
  const products = nameMap(report?.plan.products, listOf(source.data, "products"));
  const schools = nameMap(listOf(source.data, "schools"), listOf(datasets.value.district?.data, "schools"));
  return (
    <section aria-labelledby="licences-h" class="licences" aria-busy={!outcome}>
      <h2 id="licences-h">Licences: current vs optimized</h2>
      {!outcome && <p class="loading">Optimizing in the engine worker…</p>}
      {outcome && !outcome.ok && <ProblemList title="The licence plan could not be optimized" problems={outcome.problems} />}
      {report && <PlanResults plan={report.plan} ms={report.ms} products={products} schools={schools} productInfo={productsOf(source.data)} />}
      {report?.renewals && <Renewals entries={report.renewals} asOf={asOf ?? (source.data as { planningDate?: string }).planningDate ?? ""} products={products} />}
      {report?.reclaim && <Reclaim rows={report.reclaim} inactiveDays={inactiveDays} setInactiveDays={setInactiveDays} products={products} />}
    </section>
  );
}

type Names = ReadonlyMap<string, string>;
const capitalize = (t: string) => (t ? t[0]!.toUpperCase() + t.slice(1) : t);

function Renewals({ entries, asOf, products }: { entries: readonly Plain<RenewalEntry>[]; asOf: string; products: Names }) {
  type E = Plain<RenewalEntry>;
  const label = { "notice-passed": "Notice passed", "act-now": "Act now", upcoming: "Upcoming" } as const;
  return (
    <section class="renewals" aria-labelledby="renew-h" data-testid="renewals">
      <h3 id="renew-h">Renewal calendar (as of {asOf})</h3>
      <DataTable
        caption="Contracts by notice deadline: the last day to give notice before each renewal"
        rowHeader={false}
        columns={[
          { key: "p", label: "Product", value: (e: E) => products.get(e.productId) ?? e.productId },
          { key: "st", label: "Status", value: (e: E) => <span class={`badge renew-${e.status}`}>{label[e.status]}</span> },
          { key: "nd", label: "Notice by", value: (e: E) => e.noticeDeadline },
          { key: "rd", label: "Renews", value: (e: E) => e.renewalDate },
          { key: "ar", label: "Auto-renews", value: (e: E) => (e.autoRenew ? "yes" : "no") },
          {
            key: "s",
            label: "What to do",
            value: (e: E) => (
              <>
                {capitalize(withNames(withoutIdPrefix(e.sentence, e.productId), products))}
                {e.warning ? <strong class="error-text"> {withNames(e.warning, products)}</strong> : null}
              </>
            ),
          },
        ]}
        rows={[...entries].sort((a, b) => (a.noticeDeadline < b.noticeDeadline ? -1 : 1))}
      />
    </section>
  );
}

function Reclaim({ rows, inactiveDays, setInactiveDays, products }: { rows: readonly Plain<ReclaimResult>[]; inactiveDays: number; setInactiveDays: (n: number) => void; products: Names }) {
  type R = Plain<ReclaimResult>;
  return (
    <section class="reclaim" aria-labelledby="reclaim-h" data-testid="reclaim">
      <h3 id="reclaim-h">Seats to reclaim</h3>
      <div class="toolbar no-print">
        <div class="field">
          <label for="lc-inactive">Inactive for at least (days)</label>
          <select id="lc-inactive" value={inactiveDays} onChange={(e) => setInactiveDays(Number((e.currentTarget as HTMLSelectElement).value))}>
            {[30, 45, 60, 90, 120].map((d) => (
              <option value={d} key={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
      </div>
      <DataTable
        caption="Assigned seats not used recently (from the usage export), by product"
        columns={[
          { key: "p", label: "Product", value: (r: R) => products.get(r.productId) ?? r.productId },
          { key: "a", label: "Assigned", kind: "num", value: (r: R) => formatCount(r.assigned) },
          { key: "c", label: "Active", kind: "num", value: (r: R) => formatCount(r.active) },
          { key: "r", label: "Reclaimable", kind: "num", value: (r: R) => formatCount(r.reclaimable) },
          { key: "u", label: "Utilization", kind: "num", value: (r: R) => `${(r.utilization * 100).toFixed(0)} %` },
          { key: "s", label: "Saving a year", kind: "num", value: (r: R) => (r.annualSaving ? formatMoney(r.annualSaving) : "—") },
          { key: "w", label: "Why", value: (r: R) => capitalize(withNames(withoutIdPrefix(r.sentence, r.productId), products)) },
        ]}
        rows={rows}
      />
    </section>
  );
}

function PlanResults({
  plan,
  ms,
  products,
  schools,
  productInfo,
}: {
  plan: PPlan;
  ms: number;
  products: Names;
  schools: Names;
  productInfo: readonly { id: string; name: string; category?: string }[];
}) {
  const named = (text: string) => withNames(text, products);
  const flowLines = useMemo(() => licenceFlowLines(plan, productInfo), [plan, productInfo]);
  type P = PPlan["products"][number];
  const withCurrent = plan.products.filter((p) => p.explanation.current);
  const bars = withCurrent.flatMap((p) => [
    { product: p.name, plan: "Current", amount: toChartNumber(p.explanation.current!.cost) },
    { product: p.name, plan: "Optimized", amount: toChartNumber(p.explanation.current!.plan) },
  ]);
  const productColumns: Column<P>[] = [
    { key: "n", label: "Product", value: (p) => p.name },
    { key: "c", label: "Category", value: (p) => p.category },
    { key: "cur", label: "Current", kind: "num", value: (p) => (p.explanation.current ? formatMoney(p.explanation.current.cost) : "—") },
    {
      key: "opt",
      label: "Optimized",
      kind: "num",
      value: (p) => (
        <Figure
          explain={() => ({
            title: p.name,
            value: formatMoney(p.cost),
            sentence: named(`${p.explanation.summary} ${p.explanation.rule}`),
            rows: [
              ...(p.explanation.whatWouldChange ? [[named(p.explanation.whatWouldChange), ""] as const] : []),
              ...p.explanation.alternatives.map((a) => [named(a.sentence), a.cost === null ? "—" : formatMoney(a.cost)] as const),
              ...p.explanation.boughtUp.map((b) => [named(b.sentence), formatMoney(b.cost)] as const),
              ...p.explanation.siteBreakEven.map((s) => [named(s.sentence), formatMoney(s.sitePrice)] as const),
            ],
            detail: p.explanation,
          })}
        >
          {formatMoney(p.cost)}
        </Figure>
      ),
    },
    { key: "s", label: "Saving", kind: "num", value: (p) => (p.explanation.current ? formatMoney(p.explanation.current.saving) : "—") },
  ];
  type U = PPlan["purchases"][number];
  return (
    <>
      <p class="lede">{named(plan.explanation)}</p>
      <dl class="kpis" data-testid="licence-kpis">
        <div>
          <dt>Current plan</dt>
          <dd class="num">{plan.currentCost ? formatMoney(plan.currentCost) : "—"}</dd>
        </div>
        <div>
          <dt>Optimized plan</dt>
          <dd class="num">{formatMoney(plan.totalCost)}</dd>
        </div>
        <div>
          <dt>Savings</dt>
          <dd class="num">{plan.savings ? formatMoney(plan.savings) : "—"}</dd>
        </div>
        <div>
          <dt>Proof</dt>
          <dd>
            {plan.status === "optimal" ? "proven optimal" : `best found (gap ${formatMoney(plan.gap)})`}, {ms.toFixed(0)} ms in the worker
          </dd>
        </div>
      </dl>
      {bars.length > 0 && (
        <Chart
          title="Current vs optimized cost by product"
          description="Each product's cost over the horizon under the current contracts and under the optimized plan."
          deps={[bars]}
          testId="chart-licences"
          render={(Plot, width) =>
            Plot.plot({
              width,
              height: 50 + withCurrent.length * 46,
              marginLeft: Math.min(240, width * 0.3),
              x: { label: "Cost over the horizon", tickFormat: moneyTick, grid: true },
              y: { label: null, axis: null, domain: ["Current", "Optimized"] },
              fy: { label: null, domain: withCurrent.map((p) => p.name), axis: "left" },
              color: { legend: true, domain: ["Current", "Optimized"], range: ["#4b5563", "#1f6fb2"] },
              marks: [
                Plot.barX(bars, {
                  x: "amount",
                  y: "plan",
                  fy: "product",
                  fill: "plan",
                  title: (d: { product: string; plan: string; amount: number }) => `${d.product} (${d.plan}): ${formatMoney(String(d.amount))}`,
                }),
                Plot.ruleX([0]),
              ],
            })
          }
          layout="stacked"
        >
          <DataTable caption="Products: current and optimized cost (click a cost for the optimizer's reasons)" columns={productColumns} rows={plan.products} />
        </Chart>
      )}
      {bars.length === 0 && <DataTable caption="Products in the optimized plan" columns={productColumns} rows={plan.products} />}
      <Chart
        title="Optimized licence payments by year"
        description="What the optimized plan pays each fiscal year (prepaid multi-year terms fall in the year they are paid)."
        deps={[plan.yearly]}
        render={(Plot, width) =>
          Plot.plot({
            width: Math.min(width, 720),
            height: 240,
            marginLeft: 60,
            x: { label: null, tickFormat: (d: number) => `FY${String(d).slice(2)}` },
            y: { label: "Payments", tickFormat: moneyTick, grid: true },
            marks: [Plot.barY(plan.yearly, { x: "fiscalYear", y: (d: { amount: string }) => toChartNumber(d.amount), fill: "#1f6fb2" }), Plot.ruleY([0])],
          })
        }
      >
        <DataTable
          caption="Payments by year"
          columns={[
            { key: "y", label: "Year", value: (p: PPlan["yearly"][number]) => `FY${p.fiscalYear}` },
            { key: "a", label: "Paid", kind: "num", value: (p: PPlan["yearly"][number]) => formatMoney(p.amount) },
          ]}
          rows={plan.yearly}
        />
      </Chart>
      <DataTable
        caption="What to buy"
        rowHeader={false}
        columns={[
          { key: "p", label: "Product", value: (u: U) => u.productIds.map((id) => products.get(id) ?? id).join(", ") },
          { key: "o", label: "Option", value: (u: U) => u.optionName },
          { key: "k", label: "Kind", value: (u: U) => u.kind },
          { key: "s", label: "School", value: (u: U) => schoolName(schools, u.schoolId) },
          { key: "y", label: "Years", value: (u: U) => u.fiscalYears.map((y) => `FY${String(y).slice(2)}`).join(", ") },
          { key: "n", label: "Seats needed", kind: "num", value: (u: U) => (u.seatsNeeded === undefined ? "" : formatCount(u.seatsNeeded)) },
          { key: "b", label: "Seats bought", kind: "num", value: (u: U) => (u.seatsBought === undefined ? "" : formatCount(u.seatsBought)) },
          { key: "t", label: "Total", kind: "num", value: (u: U) => formatMoney(u.total) },
          { key: "d", label: "Why", value: (u: U) => named(u.description) },
        ]}
        rows={plan.purchases}
      />
      <FlowToBudget
        def={PLAN_FLOWS[1]}
        categories={["software"]}
        what="optimized licence plan"
        fromYear={plan.years[0]!}
        toYear={plan.years[plan.years.length - 1]!}
        note={`${plan.status === "optimal" ? "proven optimal" : "best found"}, ${formatMoney(plan.totalCost, { cents: false })}`}
        lines={flowLines}
        {...(plan.currentCost !== null ? { compareWith: { label: "the current contracts (this tab's “Current plan”) cost", amount: plan.currentCost } } : {})}
      />
    </>
  );
}
