import { aueCliff, forecastReplacements, type ForecastResult, type MonteCarloResult } from "@districtkit/lifecycle";
import { useEffect, useMemo, useState } from "preact/hooks";
import { Chart } from "../components/Chart.js";
import { DataTable, type Column } from "../components/DataTable.js";
import { Figure } from "../components/Explain.js";
import { NotAvailable } from "../components/Notice.js";
import { problemsOf } from "../lib/budgetRun.js";
import { formatCount, formatMoney, toChartNumber } from "../lib/format.js";
import { PALETTE } from "../lib/palette.js";
import { plain, type Plain } from "../lib/plain.js";
import { datasets } from "../lib/sample.js";
import { currentAsOf } from "../lib/asOf.js";
import type { DeviceSettings } from "../state/schema.js";
import { appState, update } from "../state/store.js";
import { FlowToBudget } from "../components/FlowToBudget.js";
import { PLAN_FLOWS } from "../lib/budgetModel.js";
import { deviceFlowLines } from "../lib/planFlows.js";
import { engineWorker } from "../worker/client.js";
import type { TaskOutcome } from "../worker/budgetTasks.js";

type PForecast = Plain<ForecastResult>;
type PYear = PForecast["summary"][number];
const DEFAULT_TRIALS = 1000;
const DEFAULT_SEED = 2027;
const shortFy = (fy: number) => `FY${String(fy).slice(2)}`;
const moneyTick = (d: number) => (Math.abs(d) >= 1e6 ? `$${(d / 1e6).toFixed(1)}M` : Math.abs(d) >= 1e3 ? `$${Math.round(d / 1e3)}k` : `$${d}`);

function setDevices(fn: (d: DeviceSettings) => DeviceSettings): void {
  update((s) => ({ ...s, devices: fn(s.devices) }));
}

/** The sample's forecast input with the analyst's settings applied (data only). */
function forecastInput(data: unknown, s: DeviceSettings, asOf: string | undefined): Record<string, unknown> | null {
  if (!data || typeof data !== "object") return null;
  const file = data as Record<string, unknown> & { policy?: Record<string, unknown>; asOf?: string; horizonYears?: number };
  // the district's one as-of date (the header's) drives the forecast and the AUE cliffs
  const d = asOf ? { ...file, asOf } : file;
  const input: Record<string, unknown> = { ...d };
  delete input.description;
  if (s.cycleYears !== undefined) input.policy = { ...(d.policy ?? {}), cycleYears: s.cycleYears };
  if (s.capPerYear !== undefined && typeof d.asOf === "string") {
    const first = Number(d.asOf.slice(0, 4)) + (Number(d.asOf.slice(5, 7)) >= 7 ? 1 : 0);
    const n = typeof d.horizonYears === "number" ? d.horizonYears : 10;
    input.refreshBudgetCap = Object.fromEntries(Array.from({ length: n }, (_, i) => [String(first + i), s.capPerYear!]));
  }
  return input;
}

export function DevicesView() {
  const source = datasets.value.devices;
  const settings = appState.value.devices;
  const trials = settings.trials ?? DEFAULT_TRIALS;
  const seed = settings.seed ?? DEFAULT_SEED;
  const asOf = currentAsOf();
  const input = useMemo(() => forecastInput(source?.data, settings, asOf), [source, settings, asOf]);

  const expected = useMemo(() => {
    if (!input) return null;
    try {
      // grouped by model: the budget gets one line per model bought (matched to its own lines)
      const raw = forecastReplacements({ ...input, groupBy: ["model"] });
      const models = (input.models ?? []) as unknown[];
      const cliff = plain(aueCliff({ asOf: input.asOf, horizonYears: input.horizonYears, models, cohorts: input.cohorts ?? [], devices: input.devices ?? [] }));
      const forecast = plain(raw);
      return { ok: true as const, forecast, lines: deviceFlowLines(forecast, models as Parameters<typeof deviceFlowLines>[1]), cliff };
    } catch (e) {
      return { ok: false as const, problems: problemsOf(e) };
    }
  }, [input]);

  const [mc, setMc] = useState<TaskOutcome<MonteCarloResult> | null>(null);
  useEffect(() => {
    if (!input || !expected?.ok) return;
    let live = true;
    setMc(null);
    engineWorker()
      .devicesMonteCarlo(input, { seed, trials })
      .then((r) => live && setMc(r))
      .catch((e: unknown) => live && setMc({ ok: false, problems: [String(e)] }));
    return () => {
      live = false;
    };
  }, [input, seed, trials, expected?.ok]);

  if (!source) {
    return (
      <section aria-labelledby="devices-h">
        <h2 id="devices-h">Devices: refresh forecast</h2>
        <NotAvailable what="The device inventory" engine="examples/data/sample-district/devices.json" />
      </section>
    );
  }
  return (
    <section aria-labelledby="devices-h" class="devices">
      <h2 id="devices-h">Devices: refresh forecast</h2>
      <DeviceControls settings={settings} />
      {expected && !expected.ok && (
        <div class="notice notice-error" role="alert"><strong>The forecast could not be computed</strong><ul>{expected.problems.map((p, i) => <li key={i}>{p}</li>)}</ul></div>
      )}
      {expected?.ok && (
        <>
          <p class="lede">{expected.forecast.explanation}</p>
          <SpendChart forecast={expected.forecast} mc={mc} />
          <PurchasesChart forecast={expected.forecast} />
          <AueChart cliff={expected.cliff} />
          {settings.capPerYear !== undefined && <CapTables forecast={expected.forecast} cap={settings.capPerYear} />}
          <FlowToBudget
            def={PLAN_FLOWS[0]}
            categories={["hardware", "network"]}
            what="device forecast's purchases (refresh and replacements, one line per model bought)"
            fromYear={expected.forecast.years[0]!}
            toYear={expected.forecast.years[expected.forecast.years.length - 1]!}
            note={`${settings.cycleYears ? `${settings.cycleYears}-year cycle` : "inventory policy"}${settings.capPerYear ? `, cap ${formatMoney(settings.capPerYear, { cents: false })}/yr` : ""}`}
            lines={expected.lines}
          />
          <CohortTable forecast={expected.forecast} />
        </>
      )}
    </section>
  );
}

function DeviceControls({ settings }: { settings: DeviceSettings }) {
  const [cap, setCap] = useState(settings.capPerYear ?? "");
  const [capError, setCapError] = useState<string | null>(null);
  return (
    <div class="toolbar no-print" role="group" aria-label="Forecast settings">
      <div class="field">
        <label for="dv-cycle">Refresh cycle</label>
        <select id="dv-cycle" value={settings.cycleYears ?? ""} onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value; setDevices(({ cycleYears: _, ...rest }) => (v ? { ...rest, cycleYears: Number(v) } : rest)); }}>
          <option value="">as the inventory's policy says</option>
          {[3, 4, 5, 6, 7, 8].map((y) => <option value={y} key={y}>every {y} years</option>)}
        </select>
      </div>
      <div class="field">
        <label for="dv-cap">Yearly refresh budget cap ($)</label>
        <input
          id="dv-cap"
          type="text"
          inputMode="decimal"
          placeholder="no cap"
          value={cap}
          aria-invalid={capError ? true : undefined}
          aria-describedby={capError ? "dv-cap-err" : undefined}
          onChange={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value.replace(/[$,\s]/g, "");
            setCap(raw);
            if (raw === "") { setCapError(null); setDevices(({ capPerYear: _, ...rest }) => rest); }
            else if (/^\d{1,12}(\.\d{1,2})?$/.test(raw)) { setCapError(null); setDevices((d) => ({ ...d, capPerYear: raw })); }
            else setCapError("Enter dollars, e.g. 120000");
          }}
        />
        {capError && <span id="dv-cap-err" class="error-text" role="alert">{capError}</span>}
      </div>
      <div class="field">
        <label for="dv-trials">Monte Carlo trials</label>
        <select id="dv-trials" value={settings.trials ?? DEFAULT_TRIALS} onChange={(e) => { const v = Number((e.currentTarget as HTMLSelectElement).value); setDevices((d) => ({ ...d, trials: v })); }}>
          {[200, 1000, 5000].map((n) => <option value={n} key={n}>{formatCount(n)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="dv-seed">Seed</label>
        <input id="dv-seed" type="number" min={0} step={1} value={settings.seed ?? DEFAULT_SEED} onChange={(e) => { const v = Number((e.currentTarget as HTMLInputElement).value); if (Number.isInteger(v) && v >= 0) setDevices((d) => ({ ...d, seed: v })); }} />
      </div>
      <p class="hint">Same seed, same result. The Monte Carlo runs in a worker; the expected forecast and the AUE cliffs are computed as you type.</p>
    </div>
  );
}

function SpendChart({ forecast, mc }: { forecast: PForecast; mc: TaskOutcome<MonteCarloResult> | null }) {
  const bands = mc?.ok ? mc.value.years.map((y) => ({ fiscalYear: y.fiscalYear, p10: toChartNumber(y.spend.net.quantiles[0]!), p50: toChartNumber(y.spend.net.quantiles[1]!), p90: toChartNumber(y.spend.net.quantiles[2]!) })) : [];
  const exp = forecast.summary.map((y) => ({ fiscalYear: y.fiscalYear, net: toChartNumber(y.net) }));
  type Row = { y: PYear; q: Plain<MonteCarloResult>["years"][number] | undefined };
  const rows: Row[] = forecast.summary.map((y) => ({ y, q: mc?.ok ? mc.value.years.find((m) => m.fiscalYear === y.fiscalYear) : undefined }));
  const columns: Column<Row>[] = [
    { key: "fy", label: "Year", value: (r) => r.y.label },
    { key: "exp", label: "Expected net", kind: "num", value: (r) => <Figure explain={() => ({ title: `Device spend, ${r.y.label}`, value: formatMoney(r.y.net), sentence: "Expected net spend = capital (refresh, failure replacements, growth, spares) + repairs − resale credit, from the cohort forecast.", rows: [["capital", formatMoney(r.y.capital)], ["repairs", formatMoney(r.y.repair)], ["resale credit", `−${formatMoney(r.y.resaleCredit)}`], ["purchases (units)", formatCount(r.y.purchases.total)]], detail: { retirementsByRule: r.y.retirementsByRule, deferred: r.y.deferred } })}>{formatMoney(r.y.net)}</Figure> },
    { key: "p10", label: "P10", kind: "num", value: (r) => (r.q ? formatMoney(r.q.spend.net.quantiles[0]!, { cents: false }) : "…") },
    { key: "p50", label: "P50", kind: "num", value: (r) => (r.q ? formatMoney(r.q.spend.net.quantiles[1]!, { cents: false }) : "…") },
    { key: "p90", label: "P90", kind: "num", value: (r) => (r.q ? formatMoney(r.q.spend.net.quantiles[2]!, { cents: false }) : "…") },
    { key: "units", label: "Units bought", kind: "num", value: (r) => formatCount(r.y.purchases.total) },
  ];
  return (
    <Chart
      title="Yearly device spend: expected, with the Monte Carlo P10–P90 band"
      description={mc?.ok ? `Dots: the expected net spend. Band: P10 to P90 of ${formatCount(mc.value.trials)} Monte Carlo trials (seed ${String(mc.value.seed)}); line: the median. ${mc.value.explanation}` : "Dots: the expected net spend. The Monte Carlo band is being computed in the worker…"}
      deps={[exp, bands]}
      testId="chart-device-spend"
      layout="stacked"
      render={(Plot, width) =>
        Plot.plot({
          width,
          height: 280,
          marginLeft: 60,
          x: { label: null, tickFormat: shortFy, ticks: forecast.summary.map((y) => y.fiscalYear) },
          y: { label: "Net device spend", tickFormat: moneyTick, grid: true },
          marks: [
            ...(bands.length ? [Plot.areaY(bands, { x: "fiscalYear", y1: "p10", y2: "p90", fill: "#1f6fb2", fillOpacity: 0.22 }), Plot.line(bands, { x: "fiscalYear", y: "p50", stroke: "#1f6fb2", strokeWidth: 2 })] : []),
            Plot.dot(exp, { x: "fiscalYear", y: "net", fill: "#c2410c", r: 4, title: (d: { fiscalYear: number; net: number }) => `FY${d.fiscalYear} expected: ${formatMoney(String(d.net))}` }),
            Plot.ruleY([0]),
          ],
        })
      }
    >
      <DataTable caption="Net device spend by year: expected and Monte Carlo percentiles" columns={columns} rows={rows} />
      {mc && !mc.ok && <p class="error-text" role="alert">Monte Carlo failed: {mc.problems.join("; ")}</p>}
      {mc?.ok && <p class="hint">Monte Carlo: {formatCount(mc.value.trials)} trials in {mc.ms.toFixed(0)} ms (worker).</p>}
    </Chart>
  );
}

function PurchasesChart({ forecast }: { forecast: PForecast }) {
  const kinds = [
    ["refresh", "Planned refresh"],
    ["failureReplacement", "Failure replacements"],
    ["growth", "Growth"],
    ["spares", "Spares"],
  ] as const;
  const data = forecast.summary.flatMap((y) => kinds.map(([k, label]) => ({ fiscalYear: y.fiscalYear, kind: label, units: y.purchases[k] })));
  return (
    <Chart
      title="Devices to buy each year, by reason"
      description="Expected purchases: planned refresh (cycle, AUE, end of support, age), replacements of failed and lost devices, enrollment growth, and spares."
      deps={[data]}
      testId="chart-device-purchases"
      layout="stacked"
      render={(Plot, width) =>
        Plot.plot({
          width,
          height: 260,
          marginLeft: 50,
          x: { label: null, tickFormat: shortFy },
          y: { label: "Devices", grid: true },
          color: { legend: true, domain: kinds.map((k) => k[1]), range: PALETTE },
          marks: [Plot.barY(data, { x: "fiscalYear", y: "units", fill: "kind", title: (d: { fiscalYear: number; kind: string; units: number }) => `FY${d.fiscalYear} ${d.kind}: ${d.units.toFixed(1)}` }), Plot.ruleY([0])],
        })
      }
    >
      <DataTable
        caption="Expected purchases by year (devices; expected values can be fractional)"
        columns={[
          { key: "y", label: "Year", value: (y: PYear) => y.label },
          ...kinds.map(([k, label]) => ({ key: k, label, kind: "num" as const, value: (y: PYear) => y.purchases[k].toFixed(1) })),
          { key: "t", label: "Total", kind: "num", value: (y: PYear) => y.purchases.total.toFixed(1) },
          { key: "d", label: "Deferred by cap", kind: "num", value: (y: PYear) => y.deferred.toFixed(1) },
        ]}
        rows={forecast.summary}
      />
    </Chart>
  );
}

function AueChart({ cliff }: { cliff: Plain<ReturnType<typeof aueCliff>> }) {
  type Y = (typeof cliff.years)[number];
  const data = [
    ...(cliff.alreadyExpired.devices > 0 ? [{ label: "already", devices: cliff.alreadyExpired.devices }] : []),
    ...cliff.years.map((y) => ({ label: shortFy(y.fiscalYear), devices: y.devices })),
  ];
  if (data.every((d) => d.devices === 0)) {
    return (
      <section class="cap" data-testid="chart-aue" aria-labelledby="aue-h">
        <h3 id="aue-h" class="chart-title">Chromebook Auto Update Expiration cliffs</h3>
        <p class="hint">{cliff.explanation}</p>
      </section>
    );
  }
  return (
    <Chart
      title="Chromebook Auto Update Expiration cliffs"
      description={cliff.explanation}
      deps={[data]}
      testId="chart-aue"
      render={(Plot, width) =>
        Plot.plot({
          width,
          height: 240,
          marginLeft: 50,
          x: { label: null, domain: data.map((d) => d.label) },
          y: { label: "Devices reaching AUE", grid: true },
          marks: [Plot.barY(data, { x: "label", y: "devices", fill: (d: { label: string }) => (d.label === "already" ? "#b91c1c" : "#a16207") }), Plot.text(data.filter((d) => d.devices > 0), { x: "label", y: "devices", text: (d: { devices: number }) => formatCount(d.devices), dy: -8 }), Plot.ruleY([0])],
        })
      }
    >
      <DataTable
        caption="Devices whose updates end, by fiscal year"
        columns={[
          { key: "y", label: "Year", value: (y: Y | { fiscalYear: null; devices: number; models: Y["models"] }) => (y.fiscalYear === null ? "Already expired" : `FY${y.fiscalYear}`) },
          { key: "n", label: "Devices", kind: "num", value: (y: Y | { fiscalYear: null; devices: number; models: Y["models"] }) => formatCount(y.devices) },
          { key: "m", label: "Models (AUE month)", value: (y: Y | { fiscalYear: null; devices: number; models: Y["models"] }) => y.models.map((m) => `${m.model} (${m.autoUpdateExpiration}): ${formatCount(m.devices)}`).join("; ") },
        ]}
        rows={[...(cliff.alreadyExpired.devices > 0 ? [{ fiscalYear: null, devices: cliff.alreadyExpired.devices, models: cliff.alreadyExpired.models }] : []), ...cliff.years.filter((y) => y.devices > 0)]}
      />
    </Chart>
  );
}

function CapTables({ forecast, cap }: { forecast: PForecast; cap: string }) {
  return (
    <section class="cap" aria-labelledby="cap-h">
      <h3 id="cap-h">Budget-capped plan (cap {formatMoney(cap)} a year)</h3>
      {forecast.capShortfalls.length === 0 && forecast.deferrals.length === 0 && <p class="ok-text">Every year's refresh fits under the cap.</p>}
      {forecast.capShortfalls.length > 0 && (
        <DataTable
          caption="Years where hard deadlines (AUE, end of support, maximum age) alone exceed the cap"
          columns={[
            { key: "y", label: "Year", value: (s: PForecast["capShortfalls"][number]) => `FY${s.fiscalYear}` },
            { key: "f", label: "Forced", kind: "num", value: (s: PForecast["capShortfalls"][number]) => formatMoney(s.forced) },
            { key: "s", label: "Over the cap", kind: "num", value: (s: PForecast["capShortfalls"][number]) => formatMoney(s.shortfall) },
            { key: "e", label: "Why", value: (s: PForecast["capShortfalls"][number]) => s.explanation },
          ]}
          rows={forecast.capShortfalls}
        />
      )}
      {forecast.deferrals.length > 0 && (
        <DataTable
          caption="Refresh deferred by the cap"
          rowHeader={false}
          columns={[
            { key: "y", label: "Year", value: (d: PForecast["deferrals"][number]) => `FY${d.fiscalYear}` },
            { key: "c", label: "Cohort", value: (d: PForecast["deferrals"][number]) => d.cohort },
            { key: "u", label: "Units", kind: "num", value: (d: PForecast["deferrals"][number]) => d.units.toFixed(1) },
            { key: "r", label: "Why", value: (d: PForecast["deferrals"][number]) => d.reason },
          ]}
          rows={forecast.deferrals}
        />
      )}
    </section>
  );
}

function CohortTable({ forecast }: { forecast: PForecast }) {
  type C = PForecast["cohorts"][number];
  return (
    <details class="cohorts">
      <summary>Each cohort's planned retirement and why ({forecast.cohorts.length} cohorts)</summary>
      <DataTable
        caption="Cohorts: planned retirement year and the rule that sets it"
        columns={[
          { key: "m", label: "Model", value: (c: C) => c.model },
          { key: "s", label: "School", value: (c: C) => c.school },
          { key: "r", label: "Role", value: (c: C) => c.role },
          { key: "b", label: "Bought", value: (c: C) => `FY${c.purchaseFiscalYear}` },
          { key: "n", label: "Devices", kind: "num", value: (c: C) => formatCount(c.count) },
          { key: "p", label: "Retire", value: (c: C) => (c.plannedFiscalYear === null ? "—" : `FY${c.plannedFiscalYear}${c.overdue ? " (overdue)" : ""}`) },
          { key: "w", label: "Rule", value: (c: C) => c.rule ?? "—" },
          { key: "e", label: "Why", value: (c: C) => c.explanation },
        ]}
        rows={forecast.cohorts}
      />
    </details>
  );
}
