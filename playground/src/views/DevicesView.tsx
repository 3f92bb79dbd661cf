import { aueCliff, type ForecastResult, forecastReplacements, type MonteCarloResult } from "@districtkit/lifecycle";
import { useEffect, useMemo, useState } from "preact/hooks";
import { Chart } from "../components/Chart.js";
import { type Column, DataTable } from "../components/DataTable.js";
import { Figure } from "../components/Explain.js";
import { FlowToBudget } from "../components/FlowToBudget.js";
import { NotAvailable } from "../components/Notice.js";
import { ProblemList } from "../components/ProblemList.js";
import { currentAsOf } from "../lib/asOf.js";
import { PLAN_FLOWS } from "../lib/budgetModel.js";
import { problemsOf } from "../lib/budgetRun.js";
import { type DeviceSpendYear, deviceSpendBreakdown, groupDeferrals } from "../lib/deviceSpend.js";
import { formatCount, formatMoney, formatMoneyTick, moneyTick, toChartNumber } from "../lib/format.js";
import { yearRanges } from "../lib/limits.js";
import { type CohortParts, cohortLabel, cohortParts, listOf, nameMap, nameOf, roleLabel, schoolName, withNames } from "../lib/names.js";
import { PALETTE } from "../lib/palette.js";
import { type Plain, plain } from "../lib/plain.js";
import { deviceFlowLines } from "../lib/planFlows.js";
import { datasets } from "../lib/sample.js";
import type { DeviceSettings } from "../state/schema.js";
import { appState, update } from "../state/store.js";
import type { TaskOutcome } from "../worker/budgetTasks.js";
import { engineWorker } from "../worker/client.js";

type PForecast = Plain<ForecastResult>;
type PYear = PForecast["summary"][number];
const DEFAULT_TRIALS = 1000;
const DEFAULT_SEED = 2027;
const shortFy = (fy: number) => `FY${String(fy).slice(2)}`;

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

  // the forecast names models, schools and cohorts by id; a person reads their names
  const names = useMemo(
    () => ({ models: nameMap(listOf(input, "models")), schools: nameMap(listOf(datasets.value.district?.data, "schools"), listOf(input, "schools")) }),
    [input, datasets.value.district],
  );

  if (!source) {
    return (
      <section aria-labelledby="devices-h">
        <h2 id="devices-h">Devices: refresh forecast</h2>
        <NotAvailable what="The device inventory" engine="examples/data/sample-district/devices.json" />
      </section>
    );
  }
  return (
    <section aria-labelledby="devices-h" class="devices" aria-busy={expected?.ok === true && mc === null}>
      <h2 id="devices-h">Devices: refresh forecast</h2>
      <DeviceControls settings={settings} />
      {expected && !expected.ok && <ProblemList title="The forecast could not be computed" problems={expected.problems} />}
      {expected?.ok && (
        <>
          <p class="lede">{expected.forecast.explanation}</p>
          <SpendChart forecast={expected.forecast} mc={mc} cap={settings.capPerYear ?? null} />
          <PurchasesChart forecast={expected.forecast} />
          <AueChart cliff={expected.cliff} names={names} />
          {settings.capPerYear !== undefined && <CapTables forecast={expected.forecast} cap={settings.capPerYear} names={names} />}
          <FlowToBudget
            def={PLAN_FLOWS[0]}
            categories={["hardware", "network"]}
            what="device forecast's purchases (refresh and replacements, one line per model bought)"
            fromYear={expected.forecast.years[0]!}
            toYear={expected.forecast.years[expected.forecast.years.length - 1]!}
            note={`${settings.cycleYears ? `${settings.cycleYears}-year cycle` : "inventory policy"}${settings.capPerYear ? `, cap ${formatMoney(settings.capPerYear, { cents: false })}/yr` : ""}`}
            lines={expected.lines}
          />
          <CohortTable forecast={expected.forecast} names={names} />
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
        <select
          id="dv-cycle"
          value={settings.cycleYears ?? ""}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            setDevices(({ cycleYears: _, ...rest }) => (v ? { ...rest, cycleYears: Number(v) } : rest));
          }}
        >
          <option value="">as the inventory's policy says</option>
          {[3, 4, 5, 6, 7, 8].map((y) => (
            <option value={y} key={y}>
              every {y} years
            </option>
          ))}
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
            if (raw === "") {
              setCapError(null);
              setDevices(({ capPerYear: _, ...rest }) => rest);
            } else if (/^\d{1,12}(\.\d{1,2})?$/.test(raw)) {
              setCapError(null);
              setDevices((d) => ({ ...d, capPerYear: raw }));
            } else setCapError("Enter dollars, e.g. 120000");
          }}
        />
        {capError && (
          <span id="dv-cap-err" class="error-text" role="alert">
            {capError}
          </span>
        )}
      </div>
      <div class="field">
        <label for="dv-trials">Monte Carlo trials</label>
        <select
          id="dv-trials"
          value={settings.trials ?? DEFAULT_TRIALS}
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLSelectElement).value);
            setDevices((d) => ({ ...d, trials: v }));
          }}
        >
          {[200, 1000, 5000].map((n) => (
            <option value={n} key={n}>
              {formatCount(n)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="dv-seed">Seed</label>
        <input
          id="dv-seed"
          type="number"
          min={0}
          step={1}
          value={settings.seed ?? DEFAULT_SEED}
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isInteger(v) && v >= 0) setDevices((d) => ({ ...d, seed: v }));
          }}
        />
      </div>
      <p class="hint">Same seed, same result. The Monte Carlo runs in a worker; the expected forecast and the AUE cliffs are computed as you type.</p>
    </div>
  );
}

type Names = { readonly models: ReadonlyMap<string, string>; readonly schools: ReadonlyMap<string, string> };

/** The parts of device spend, in the order they stack (resale credit goes below zero). */
const SPEND_PARTS = [
  { key: "refresh", label: "Planned refresh", color: "#1f6fb2" },
  { key: "failureReplacement", label: "Failure replacements", color: "#c2410c" },
  { key: "growthAndSpares", label: "Growth and spares", color: "#7c3aed" },
  { key: "repair", label: "Repairs", color: "#a16207" },
  { key: "resaleCredit", label: "Resale credit", color: "#2f855a" },
] as const;

function SpendChart({ forecast, mc, cap }: { forecast: PForecast; mc: TaskOutcome<MonteCarloResult> | null; cap: string | null }) {
  const spend = deviceSpendBreakdown(forecast);
  const parts = SPEND_PARTS.filter((k) => k.key !== "growthAndSpares" || spend.total.growthAndSpares !== "0");
  const bands = mc?.ok
    ? mc.value.years.map((y) => ({
        fiscalYear: y.fiscalYear,
        p10: toChartNumber(y.spend.net.quantiles[0]!),
        p50: toChartNumber(y.spend.net.quantiles[1]!),
        p90: toChartNumber(y.spend.net.quantiles[2]!),
      }))
    : [];
  const exp = forecast.summary.map((y) => ({ fiscalYear: y.fiscalYear, net: toChartNumber(y.net) }));
  // stacked bars of the parts (positive parts up from zero, the resale credit down from it)
  const bars = spend.years.flatMap((y) => {
    let up = 0;
    return parts.map((k) => {
      const v = toChartNumber(y[k.key]);
      if (k.key === "resaleCredit") return { fiscalYear: y.fiscalYear, part: k.label, y1: -v, y2: 0, amount: -v };
      const r = { fiscalYear: y.fiscalYear, part: k.label, y1: up, y2: up + v, amount: v };
      up += v;
      return r;
    });
  });
  const capNumber = cap === null ? null : toChartNumber(cap);
  type Row = { y: DeviceSpendYear | null; q: Plain<MonteCarloResult>["years"][number] | undefined };
  const rows: Row[] = spend.years.map((y) => ({ y, q: mc?.ok ? mc.value.years.find((m) => m.fiscalYear === y.fiscalYear) : undefined }));
  const summaryOf = (fy: number) => forecast.summary.find((s) => s.fiscalYear === fy)!;
  const money = (v: string) => formatMoney(v, { cents: false });
  const columns: Column<Row>[] = [
    { key: "fy", label: "Year", value: (r) => (r.y ? r.y.label : "All years") },
    ...parts.map((k) => ({
      key: k.key,
      label: k.key === "refresh" && cap !== null ? "Planned refresh (capped)" : k.label,
      kind: "num" as const,
      value: (r: Row) => (k.key === "resaleCredit" && (r.y ?? spend.total)[k.key] !== "0" ? `−${money((r.y ?? spend.total)[k.key])}` : money((r.y ?? spend.total)[k.key])),
    })),
    {
      key: "exp",
      label: "Expected net",
      kind: "num",
      value: (r) => {
        const y = r.y ?? spend.total;
        const title = r.y ? `Device spend, ${r.y.label}` : "Device spend, all years";
        return (
          <Figure
            explain={() => ({
              title,
              value: formatMoney(y.net),
              sentence: "Expected net spend = capital (planned refresh + failure replacements + growth + spares) + repairs − resale credit, from the cohort forecast.",
              rows: [
                ["planned refresh", formatMoney(y.refresh)],
                ["failure replacements", formatMoney(y.failureReplacement)],
                ["growth and spares", formatMoney(y.growthAndSpares)],
                ["= capital", formatMoney(y.capital)],
                ["+ repairs", formatMoney(y.repair)],
                ["− resale credit", `−${formatMoney(y.resaleCredit)}`],
                ["= expected net", formatMoney(y.net)],
                ...(r.y ? [["purchases (expected devices)", formatCount(summaryOf(r.y.fiscalYear).purchases.total)] as const] : []),
              ],
              detail: r.y ? { retirementsByRule: summaryOf(r.y.fiscalYear).retirementsByRule, deferred: summaryOf(r.y.fiscalYear).deferred } : undefined,
            })}
          >
            {money(y.net)}
          </Figure>
        );
      },
    },
    { key: "p10", label: "P10", kind: "num", value: (r) => (!r.y ? "" : r.q ? money(r.q.spend.net.quantiles[0]!) : "…") },
    { key: "p50", label: "P50", kind: "num", value: (r) => (!r.y ? "" : r.q ? money(r.q.spend.net.quantiles[1]!) : "…") },
    { key: "p90", label: "P90", kind: "num", value: (r) => (!r.y ? "" : r.q ? money(r.q.spend.net.quantiles[2]!) : "…") },
  ];
  const t = spend.total;
  const outside = [
    `failure replacements (${money(t.failureReplacement)} over the ${spend.years.length} years)`,
    ...(t.growthAndSpares !== "0" ? [`growth and spares (${money(t.growthAndSpares)})`] : []),
    `repairs (${money(t.repair)})`,
  ];
  const aboveCap = capNumber === null ? [] : spend.years.filter((y) => toChartNumber(y.capital) + toChartNumber(y.repair) > capNumber).map((y) => y.fiscalYear);
  return (
    <Chart
      title="Yearly device spend: what it is made of, with the Monte Carlo P10–P90 band"
      description={`Bars: the expected spend by part (planned refresh, failure replacements${t.growthAndSpares !== "0" ? ", growth and spares" : ""}, repairs; the resale credit below zero). Dots: the expected net spend.${cap !== null ? ` Dashed line: the yearly refresh cap of ${money(cap)}, which limits the planned refresh only.` : ""} ${mc?.ok ? `Band: P10 to P90 of ${formatCount(mc.value.trials)} Monte Carlo trials (seed ${String(mc.value.seed)}); line: the median. ${mc.value.explanation}` : "The Monte Carlo band is being computed in the worker…"}`}
      deps={[exp, bands, bars, capNumber]}
      testId="chart-device-spend"
      layout="stacked"
      render={(Plot, width) =>
        Plot.plot({
          width,
          height: 300,
          marginLeft: 60,
          marginRight: 16,
          x: {
            label: null,
            tickFormat: (d: number, i: number) => ((width - 76) / forecast.summary.length >= 40 || i % 2 === 0 ? shortFy(d) : ""),
            ticks: forecast.summary.map((y) => y.fiscalYear),
            domain: [forecast.summary[0]!.fiscalYear - 0.6, forecast.summary[forecast.summary.length - 1]!.fiscalYear + 0.6],
          },
          y: { label: "Device spend", tickFormat: moneyTick, grid: true },
          color: { legend: true, domain: [...parts.map((k) => k.label), "Expected net"], range: [...parts.map((k) => k.color), "#111827"] },
          marks: [
            Plot.rectY(bars, {
              x1: (d: { fiscalYear: number }) => d.fiscalYear - 0.36,
              x2: (d: { fiscalYear: number }) => d.fiscalYear + 0.36,
              y1: "y1",
              y2: "y2",
              fill: "part",
              fillOpacity: 0.85,
              title: (d: { fiscalYear: number; part: string; amount: number }) => `FY${d.fiscalYear} ${d.part}: ${formatMoney(String(d.amount), { cents: false })}`,
            }),
            ...(bands.length
              ? [
                  Plot.areaY(bands, { x: "fiscalYear", y1: "p10", y2: "p90", fill: "#111827", fillOpacity: 0.12 }),
                  Plot.line(bands, { x: "fiscalYear", y: "p50", stroke: "#111827", strokeWidth: 1.5, strokeDasharray: "2 2" }),
                ]
              : []),
            Plot.dot(exp, {
              x: "fiscalYear",
              y: "net",
              fill: "#111827",
              stroke: "white",
              r: 4,
              title: (d: { fiscalYear: number; net: number }) => `FY${d.fiscalYear} expected net: ${formatMoney(String(d.net))}`,
            }),
            ...(capNumber !== null
              ? [
                  Plot.ruleY([capNumber], { stroke: "#b91c1c", strokeWidth: 2, strokeDasharray: "6 4" }),
                  Plot.text([capNumber], {
                    y: (d: number) => d,
                    text: () => `Refresh cap ${formatMoneyTick(capNumber)} a year`,
                    frameAnchor: "left",
                    textAnchor: "start",
                    dx: 4,
                    dy: -8,
                    fill: "#b91c1c",
                    fontWeight: 700,
                    stroke: "white",
                    strokeWidth: 3,
                    paintOrder: "stroke",
                  }),
                ]
              : []),
            Plot.ruleY([0]),
          ],
        })
      }
    >
      <DataTable
        caption="Device spend by year: the parts, the expected net and the Monte Carlo percentiles of the net (whole dollars)"
        columns={columns}
        rows={rows}
        footer={[{ y: null, q: undefined }]}
      />
      <p class="hint" data-testid="spend-reconciliation">
        Capital {money(t.capital)} over {spend.years.length} years = planned refresh {money(t.refresh)} + failure replacements {money(t.failureReplacement)}
        {t.growthAndSpares !== "0" ? ` + growth and spares ${money(t.growthAndSpares)}` : ""}; expected net {money(t.net)} = capital + repairs {money(t.repair)} − resale credit {money(t.resaleCredit)}
        , the total of the Expected net column.
      </p>
      {cap !== null && (
        <p class="cap-note" data-testid="cap-note">
          The yearly cap of {money(cap)} limits the <strong>planned refresh</strong> only. Outside it: {outside.join(", ")} — devices that fail{t.growthAndSpares !== "0" ? " and new students" : ""}{" "}
          cannot wait, so they are bought whatever the cap.
          {aboveCap.length > 0 ? ` Spend before resale credit (the bars) passes the cap line in ${yearRanges(aboveCap, true)} for that reason.` : ""}
          {forecast.capShortfalls.length > 0
            ? ` Hard deadlines alone need more than the cap in ${forecast.capShortfalls.map((x) => `FY${x.fiscalYear} (${money(x.shortfall)} over)`).join(", ")}.`
            : ""}
        </p>
      )}
      {mc && !mc.ok && (
        <p class="error-text" role="alert">
          Monte Carlo failed: {mc.problems.join("; ")}
        </p>
      )}
      {mc?.ok && (
        <p class="hint">
          Monte Carlo: {formatCount(mc.value.trials)} trials in {mc.ms.toFixed(0)} ms (worker).
        </p>
      )}
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
          x: { label: null, tickFormat: (d: number, i: number) => ((width - 50) / forecast.summary.length >= 40 || i % 2 === 0 ? shortFy(d) : "") },
          y: { label: "Devices", grid: true },
          color: { legend: true, domain: kinds.map((k) => k[1]), range: PALETTE },
          marks: [
            Plot.barY(data, { x: "fiscalYear", y: "units", fill: "kind", title: (d: { fiscalYear: number; kind: string; units: number }) => `FY${d.fiscalYear} ${d.kind}: ${d.units.toFixed(1)}` }),
            Plot.ruleY([0]),
          ],
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

function AueChart({ cliff, names }: { cliff: Plain<ReturnType<typeof aueCliff>>; names: Names }) {
  const explanation = withNames(cliff.explanation, names.models);
  type Y = (typeof cliff.years)[number];
  const data = [
    ...(cliff.alreadyExpired.devices > 0 ? [{ label: "already", devices: cliff.alreadyExpired.devices }] : []),
    ...cliff.years.map((y) => ({ label: shortFy(y.fiscalYear), devices: y.devices })),
  ];
  if (data.every((d) => d.devices === 0)) {
    return (
      <section class="cap" data-testid="chart-aue" aria-labelledby="aue-h">
        <h3 id="aue-h" class="chart-title">
          Chromebook Auto Update Expiration cliffs
        </h3>
        <p class="hint">{explanation}</p>
      </section>
    );
  }
  return (
    <Chart
      title="Chromebook Auto Update Expiration cliffs"
      description={explanation}
      deps={[data]}
      testId="chart-aue"
      render={(Plot, width) =>
        Plot.plot({
          width,
          height: 240,
          marginLeft: 50,
          x: { label: null, domain: data.map((d) => d.label), tickFormat: (d: string, i: number) => ((width - 50) / data.length >= 36 || i % 2 === 0 ? d : "") },
          y: { label: "Devices reaching AUE", grid: true },
          marks: [
            Plot.barY(data, { x: "label", y: "devices", fill: (d: { label: string }) => (d.label === "already" ? "#b91c1c" : "#a16207") }),
            Plot.text(
              data.filter((d) => d.devices > 0),
              { x: "label", y: "devices", text: (d: { devices: number }) => formatCount(d.devices), dy: -8 },
            ),
            Plot.ruleY([0]),
          ],
        })
      }
    >
      <DataTable
        caption="Devices whose updates end, by fiscal year"
        columns={[
          { key: "y", label: "Year", value: (y: Y | { fiscalYear: null; devices: number; models: Y["models"] }) => (y.fiscalYear === null ? "Already expired" : `FY${y.fiscalYear}`) },
          { key: "n", label: "Devices", kind: "num", value: (y: Y | { fiscalYear: null; devices: number; models: Y["models"] }) => formatCount(y.devices) },
          {
            key: "m",
            label: "Models (AUE month)",
            value: (y: Y | { fiscalYear: null; devices: number; models: Y["models"] }) =>
              y.models.map((m) => `${nameOf(names.models, m.model)} (${m.autoUpdateExpiration}): ${formatCount(m.devices)}`).join("; "),
          },
        ]}
        rows={[
          ...(cliff.alreadyExpired.devices > 0 ? [{ fiscalYear: null, devices: cliff.alreadyExpired.devices, models: cliff.alreadyExpired.models }] : []),
          ...cliff.years.filter((y) => y.devices > 0),
        ]}
      />
    </Chart>
  );
}

function CapTables({ forecast, cap, names }: { forecast: PForecast; cap: string; names: Names }) {
  const known = new Map<string, CohortParts>(forecast.cohorts.map((c) => [c.id, c]));
  const deadline = new Map(forecast.cohorts.map((c) => [c.id, c.hardDeadline]));
  const label = (id: string) => cohortLabel(id, names.models, names.schools, known);
  const years = groupDeferrals(forecast.deferrals);
  type S = PForecast["capShortfalls"][number];
  return (
    <section class="cap" aria-labelledby="cap-h" data-testid="cap-tables">
      <h3 id="cap-h">Budget-capped plan (cap {formatMoney(cap, { cents: false })} a year of planned refresh)</h3>
      {forecast.capShortfalls.length === 0 && years.length === 0 && <p class="ok-text">Every year's planned refresh fits under the cap.</p>}
      {forecast.capShortfalls.length > 0 && (
        <DataTable
          caption="Years where hard deadlines (AUE, end of support, maximum age) alone need more than the cap"
          columns={[
            { key: "y", label: "Year", value: (s: S) => `FY${s.fiscalYear}` },
            { key: "f", label: "Refresh due at a hard deadline", kind: "num", value: (s: S) => formatMoney(s.forced, { cents: false }) },
            { key: "s", label: "Over the cap", kind: "num", value: (s: S) => formatMoney(s.shortfall, { cents: false }) },
            {
              key: "c",
              label: "Devices that cannot wait",
              value: (s: S) => (
                <ul class="plain-list">
                  {s.cohorts.map((c) => (
                    <li key={c}>{label(c)}</li>
                  ))}
                </ul>
              ),
            },
          ]}
          rows={forecast.capShortfalls}
        />
      )}
      {years.length > 0 && (
        <div class="deferrals" data-testid="deferrals">
          <h4>Refresh deferred by the cap, by year</h4>
          <p class="hint">
            Devices whose planned refresh was due but waits for budget. These are <strong>expected</strong> numbers of devices: the forecast weighs each device by its chance of still being in service,
            so the engine's counts are fractional. They are shown rounded to whole devices; cohorts with less than half a device deferred are left out. A device kept in service for several years is
            counted in each of them.
          </p>
          {years.map((y, i) => (
            <details key={y.fiscalYear} open={i === 0}>
              <summary>
                FY{y.fiscalYear}: about {formatCount(y.whole)} device{y.whole === 1 ? "" : "s"} deferred ({y.cohorts.length} cohort{y.cohorts.length === 1 ? "" : "s"}
                {y.hidden > 0 ? `; ${y.hidden} more with less than one device` : ""})
              </summary>
              <DataTable
                caption={`Refresh deferred in FY${y.fiscalYear}: the cap of FY${y.fiscalYear} is spent`}
                columns={[
                  {
                    key: "m",
                    label: "Model",
                    value: (r: (typeof y.cohorts)[number]) => {
                      const c = cohortParts(r.cohort, known);
                      return c ? nameOf(names.models, c.model) : r.cohort;
                    },
                  },
                  { key: "u", label: "Devices", kind: "num", value: (r: (typeof y.cohorts)[number]) => formatCount(r.whole) },
                  {
                    key: "s",
                    label: "School",
                    value: (r: (typeof y.cohorts)[number]) => {
                      const c = cohortParts(r.cohort, known);
                      return c ? schoolName(names.schools, c.school) : "";
                    },
                  },
                  {
                    key: "r",
                    label: "Role",
                    value: (r: (typeof y.cohorts)[number]) => {
                      const c = cohortParts(r.cohort, known);
                      return c ? roleLabel(c.role) : "";
                    },
                  },
                  {
                    key: "b",
                    label: "Bought",
                    value: (r: (typeof y.cohorts)[number]) => {
                      const c = cohortParts(r.cohort, known);
                      return c ? `FY${c.purchaseFiscalYear}` : "";
                    },
                  },
                  {
                    key: "d",
                    label: "Kept in service until at most",
                    value: (r: (typeof y.cohorts)[number]) => {
                      if (!deadline.has(r.cohort)) return "—";
                      const d = deadline.get(r.cohort);
                      return d ? `FY${d} (hard deadline)` : "no hard deadline";
                    },
                  },
                ]}
                rows={y.cohorts}
              />
            </details>
          ))}
        </div>
      )}
    </section>
  );
}

/** The lifecycle engine's retirement rules in words. */
const RULE_LABEL: Readonly<Record<string, string>> = { aue: "Auto Update Expiration", "support-end": "end of support", "max-age": "maximum age", cycle: "refresh cycle", warranty: "end of warranty" };

function CohortTable({ forecast, names }: { forecast: PForecast; names: Names }) {
  type C = PForecast["cohorts"][number];
  return (
    <details class="cohorts">
      <summary>Each cohort's planned retirement and why ({forecast.cohorts.length} cohorts)</summary>
      <DataTable
        caption="Cohorts: planned retirement year and the rule that sets it"
        columns={[
          { key: "m", label: "Model", value: (c: C) => nameOf(names.models, c.model) },
          { key: "s", label: "School", value: (c: C) => schoolName(names.schools, c.school) },
          { key: "r", label: "Role", value: (c: C) => roleLabel(c.role) },
          { key: "b", label: "Bought", value: (c: C) => `FY${c.purchaseFiscalYear}` },
          { key: "n", label: "Devices", kind: "num", value: (c: C) => formatCount(c.count) },
          { key: "p", label: "Retire", value: (c: C) => (c.plannedFiscalYear === null ? "—" : `FY${c.plannedFiscalYear}${c.overdue ? " (overdue)" : ""}`) },
          { key: "w", label: "Rule", value: (c: C) => (c.rule ? (RULE_LABEL[c.rule] ?? c.rule) : "—") },
          { key: "e", label: "Why", value: (c: C) => withNames(c.explanation, names.models) },
        ]}
        rows={forecast.cohorts}
      />
    </details>
  );
}
