import { type Criterion, type CriterionResult, compileScorer, type Decision, K12_RUBRIC, readAnswers, type ScoreResult } from "@districtkit/vetting";
import { useMemo, useState } from "preact/hooks";
import { Chart } from "../components/Chart.js";
import { type Column, DataTable } from "../components/DataTable.js";
import { Figure } from "../components/Explain.js";
import { NotAvailable } from "../components/Notice.js";
import { ProblemList } from "../components/ProblemList.js";
import { currentAsOf, setAsOf } from "../lib/asOf.js";
import { formatPercent } from "../lib/format.js";
import { attempt } from "../lib/problems.js";
import { datasets } from "../lib/sample.js";
import { type AppLike, readApps, rubricWithWeights, vettingState, withEdits } from "../lib/vettingEdits.js";
import type { VettingEdits } from "../state/schema.js";
import { appState, update } from "../state/store.js";

const DECISION_LABEL: Record<Decision, string> = {
  approved: "Approved",
  approvedWithConditions: "Approved with conditions",
  needsInformation: "Needs information",
  denied: "Denied",
};

const STATUS_LABEL: Record<string, string> = {
  met: "met",
  partlyMet: "partly met",
  notMet: "not met",
  unclear: "unclear",
  unanswered: "not answered",
  notApplicable: "n/a",
  expired: "expired",
  recorded: "recorded",
};

function setVetting(fn: (v: VettingEdits) => VettingEdits): void {
  update((s) => ({ ...s, vetting: fn(s.vetting) }));
}

/** The choices an analyst can give for a criterion, by its kind (complex evidence keeps its answer). */
function answerChoices(c: Criterion): { value: string; label: string }[] | null {
  const common = [
    { value: "unclear", label: "unclear" },
    { value: "notApplicable", label: "not applicable" },
  ];
  switch (c.kind) {
    case "practice":
      return [{ value: "does", label: "does" }, { value: "doesNot", label: "does not" }, ...common];
    case "yesNo":
      return [{ value: "yes", label: "yes" }, { value: "no", label: "no" }, ...common];
    case "level": {
      const out: { value: string; label: string }[] = [];
      for (let i = c.min; i <= c.max; i++) out.push({ value: String(i), label: c.labels?.[i - c.min] ?? `level ${i}` });
      return [...out, ...common];
    }
    case "choice":
      return [...c.options.map((o) => ({ value: o.value, label: o.label ?? o.value })), ...common];
    default:
      return null;
  }
}

function DecisionBadge({ decision }: { decision: Decision }) {
  return <span class={`badge badge-${decision}`}>{DECISION_LABEL[decision]}</span>;
}

function explainScore(r: ScoreResult) {
  const rows: [string, string][] = r.contributions
    .filter((c) => c.score !== null && c.weight > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((c) => [`${c.title} (weight ${c.weight}, ${STATUS_LABEL[c.status] ?? c.status})`, c.contribution.toFixed(1)]);
  return {
    title: `${r.appName}: score`,
    value: r.score === null ? "no score" : `${r.score.toFixed(1)} / 100`,
    sentence: `${r.summary} The score is 100 × Σ weight × criterion score / Σ weight over the scorable criteria; the contributions below add up to it. Approve at ${r.policy.approveAt}, with conditions from ${r.policy.conditionalAt}, coverage at least ${formatPercent(r.policy.minCoverage, 0)}.`,
    rows,
    detail: {
      decision: r.decision,
      gatesFailed: r.gatesFailed,
      gatesUnresolved: r.gatesUnresolved,
      missing: r.missing,
      reReview: r.reReview,
      policy: r.policy,
      rubric: `${r.rubricId} ${r.methodVersion}`,
    },
  };
}

export function VettingView() {
  const source = datasets.value.apps;
  const district = datasets.value.district?.data as { asOf?: string; state?: string } | undefined;
  const loaded = readApps(source?.data);
  const edits = appState.value.vetting;
  // one as-of date for the whole district (the header's); the apps file's own date if there is none
  const asOf = currentAsOf() ?? loaded?.asOf ?? "";
  const state = vettingState(edits, loaded?.state, district?.state);
  const [selected, setSelected] = useState<string | null>(null);

  // the apps' answers are read and checked once per change of the apps or of the analyst's answers;
  // a weight, date or state change only re-scores them (readAnswers, then scoreSheet)
  const apps = loaded?.apps;
  const read = useMemo(() => (apps ? attempt(() => readAnswers(K12_RUBRIC, withEdits(apps, edits.answers))) : null), [apps, edits.answers]);
  const outcome = useMemo(() => {
    if (!read || !asOf || !state) return null;
    if (!read.ok) return read;
    return attempt(() => compileScorer(rubricWithWeights(edits.weights), { asOf, district: { state } }).scoreSheet(read.value));
  }, [read, asOf, state, edits.weights]);

  if (!loaded) {
    return (
      <section aria-labelledby="vetting-h">
        <h2 id="vetting-h">Vetting: apps, decisions and reasons</h2>
        <NotAvailable what="The sample district's apps" engine="examples/data/sample-district/apps.json">
          <p>The vetting engine is ready; the apps to vet are not in this build yet. Import vetting answers from the Import / Export tab to see them here once they are.</p>
        </NotAvailable>
      </section>
    );
  }

  const results = outcome?.ok ? outcome.value : [];
  const current = results.find((r) => r.appId === selected) ?? results[0];
  const currentApp = loaded.apps.find((a) => a.id === current?.appId);
  const edited = Object.keys(edits.answers ?? {}).length + Object.keys(edits.weights ?? {}).length > 0;

  const summaryColumns: Column<ScoreResult>[] = [
    { key: "app", label: "App", value: (r) => r.appName },
    { key: "decision", label: "Decision", value: (r) => <DecisionBadge decision={r.decision} /> },
    {
      key: "score",
      label: "Score",
      kind: "num",
      value: (r) => (
        <Figure explain={() => explainScore(r)} label={`${r.appName} score ${r.score?.toFixed(1) ?? "none"}: explain`}>
          {r.score === null ? "—" : r.score.toFixed(1)}
        </Figure>
      ),
    },
    { key: "coverage", label: "Answered", kind: "num", value: (r) => (r.coverage === null ? "—" : formatPercent(r.coverage, 0)) },
    { key: "rereview", label: "Re-review by", value: (r) => <span title={r.reReview.because}>{r.reReview.on}</span> },
  ];

  return (
    <section aria-labelledby="vetting-h" class="vetting">
      <h2 id="vetting-h">Vetting: apps, decisions and reasons</h2>
      <div class="toolbar no-print">
        <div class="field">
          <label for="vet-asof">Assess as of</label>
          <input
            id="vet-asof"
            type="date"
            value={asOf}
            aria-describedby="vet-asof-hint"
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setAsOf(v || undefined);
            }}
          />
          <span id="vet-asof-hint" class="hint">
            The district's as-of date (also in the header): every view uses it.
          </span>
        </div>
        <div class="field">
          <label for="vet-state">District's state</label>
          <input
            id="vet-state"
            type="text"
            maxLength={2}
            size={3}
            value={state}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value.toUpperCase();
              setVetting((x) => {
                const { state: _, ...rest } = x;
                return /^[A-Z]{2}$/.test(v) ? { ...rest, state: v } : rest;
              });
            }}
          />
        </div>
        <p class="hint">
          Rubric: DistrictKit K-12 ({K12_RUBRIC.methodVersion}). Apps from {source?.source === "imported" ? source.origin : "the sample district"}.
        </p>
        {edited && (
          <button type="button" class="secondary" onClick={() => setVetting(({ answers: _a, weights: _w, ...rest }) => rest)}>
            Undo my answer and weight changes
          </button>
        )}
      </div>
      {outcome && !outcome.ok && <ProblemList title="The apps could not be scored" problems={outcome.problems} />}
      {results.length > 0 && (
        <Chart
          title="Score and decision by app"
          description={`Weighted rubric score of each app out of 100; approve at ${results[0]!.policy.approveAt}, conditions from ${results[0]!.policy.conditionalAt}. A failed gate denies whatever the score.`}
          deps={[results]}
          testId="vetting-chart"
          render={(Plot, width) =>
            Plot.plot({
              width: Math.min(width, 720),
              height: 60 + results.length * 38,
              marginLeft: Math.min(150, Math.round(width * 0.3)),
              marginRight: 34,
              x: { domain: [0, 100], label: "Score (out of 100)", grid: true },
              y: { label: null },
              color: {
                domain: ["denied", "needsInformation", "approvedWithConditions", "approved"],
                range: ["#b3261e", "#8a6d00", "#1f6fb2", "#1d6b35"],
                legend: true,
                tickFormat: (d: Decision) => DECISION_LABEL[d],
              },
              marks: [
                Plot.barX(results, { x: (r: ScoreResult) => r.score ?? 0, y: "appName", fill: "decision", sort: { y: "x", reverse: true } }),
                Plot.ruleX([results[0]!.policy.conditionalAt, results[0]!.policy.approveAt], { stroke: "#4a5260", strokeDasharray: "4 3" }),
                Plot.text(results, {
                  x: (r: ScoreResult) => r.score ?? 0,
                  y: "appName",
                  text: (r: ScoreResult) => (r.score === null ? "no score" : r.score.toFixed(1)),
                  dx: 4,
                  textAnchor: "start",
                  fill: "#1b1f24",
                }),
                Plot.ruleX([0]),
              ],
            })
          }
        >
          <DataTable caption="Apps, decisions, scores and re-review dates (click a score for its explanation)" columns={summaryColumns} rows={results} />
        </Chart>
      )}
      {current && currentApp && <AppDetail result={current} app={currentApp} apps={results} onSelect={setSelected} edits={edits} />}
    </section>
  );
}

function AppDetail({ result, app, apps, onSelect, edits }: { result: ScoreResult; app: AppLike; apps: ScoreResult[]; onSelect: (id: string) => void; edits: VettingEdits }) {
  const criteria = new Map(K12_RUBRIC.criteria.map((c) => [c.id, c]));
  const appEdits = edits.answers?.[app.id] ?? {};
  const rows = result.contributions.filter((c) => c.status !== "notApplicable" || appEdits[c.criterion] !== undefined);
  const setAnswer = (criterion: string, value: unknown | undefined) =>
    setVetting((v) => {
      const answers = { ...(v.answers ?? {}) };
      const forApp = { ...(answers[app.id] ?? {}) };
      if (value === undefined) delete forApp[criterion];
      else forApp[criterion] = value;
      if (Object.keys(forApp).length) answers[app.id] = forApp;
      else delete answers[app.id];
      return { ...v, answers };
    });
  const setWeight = (criterion: string, weight: number | undefined) =>
    setVetting((v) => {
      const weights = { ...(v.weights ?? {}) };
      if (weight === undefined) delete weights[criterion];
      else weights[criterion] = weight;
      return { ...v, weights };
    });

  const columns: Column<CriterionResult>[] = [
    {
      key: "title",
      label: "Criterion",
      value: (c) => (
        <span>
          {c.title}
          {c.gate ? (
            <span class="gate" title="A hard gate: failing it denies the app">
              {" "}
              gate
            </span>
          ) : null}
        </span>
      ),
    },
    { key: "domain", label: "Domain", value: (c) => c.domain },
    {
      key: "answer",
      label: "Answer",
      value: (c) => {
        const crit = criteria.get(c.criterion);
        const choices = crit ? answerChoices(crit) : null;
        const original = app.answers[c.criterion]?.value;
        const edited = appEdits[c.criterion];
        const shown = edited !== undefined ? edited : original;
        const id = `ans-${app.id}-${c.criterion}`;
        if (!choices)
          return (
            <span class="muted" title={JSON.stringify(original)}>
              {shown === undefined || shown === null ? "not answered" : typeof shown === "object" ? "document on file" : String(shown)}
            </span>
          );
        return (
          <>
            <label for={id} class="visually-hidden">{`Answer for ${c.title}`}</label>
            <select
              id={id}
              value={shown === undefined || shown === null ? "" : String(shown)}
              onChange={(e) => {
                const raw = (e.currentTarget as HTMLSelectElement).value;
                const value = raw === "" ? null : crit?.kind === "level" ? Number(raw) : raw;
                const same = (value === null && original === undefined) || value === original;
                setAnswer(c.criterion, same ? undefined : value);
              }}
            >
              <option value="">not answered</option>
              {choices.map((o) => (
                <option value={o.value} key={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </>
        );
      },
    },
    { key: "status", label: "Status", value: (c) => <span class={`status-${c.status}`}>{STATUS_LABEL[c.status] ?? c.status}</span> },
    {
      key: "weight",
      label: "Weight",
      kind: "num",
      value: (c) => {
        const id = `w-${c.criterion}`;
        return (
          <>
            <label for={id} class="visually-hidden">{`Weight of ${c.title}`}</label>
            <input
              id={id}
              type="number"
              min={0}
              max={1000}
              step={1}
              value={edits.weights?.[c.criterion] ?? c.weight}
              onChange={(e) => {
                const v = Number((e.currentTarget as HTMLInputElement).value);
                const base = criteria.get(c.criterion)?.weight;
                setWeight(c.criterion, !Number.isFinite(v) || v === base ? undefined : Math.max(0, Math.min(1000, v)));
              }}
            />
          </>
        );
      },
    },
    {
      key: "contribution",
      label: "Points",
      kind: "num",
      value: (c) =>
        c.score === null ? (
          "—"
        ) : (
          <Figure
            explain={() => ({
              title: c.title,
              value: `${c.contribution.toFixed(1)} points`,
              sentence: `${c.title} is ${STATUS_LABEL[c.status] ?? c.status}${c.detail ? ` (${c.detail})` : ""}: criterion score ${c.score} × weight ${c.weight}, as a share of the total weight of the scorable criteria, times 100.`,
              rows: [
                ["criterion score (0–1)", String(c.score)],
                ["weight", String(c.weight)],
                ["points", c.contribution.toFixed(2)],
                ["valid until", c.validUntil ?? "—"],
              ],
              detail: c,
            })}
          >
            {c.contribution.toFixed(1)}
          </Figure>
        ),
    },
  ];

  return (
    <div class="app-detail">
      <div class="toolbar">
        <div class="field">
          <label for="vet-app">App</label>
          <select id="vet-app" value={result.appId} onChange={(e) => onSelect((e.currentTarget as HTMLSelectElement).value)}>
            {apps.map((a) => (
              <option value={a.appId} key={a.appId}>
                {a.appName}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="decision-card" data-testid="vetting-decision">
        <h3>
          {result.appName}: <DecisionBadge decision={result.decision} />
        </h3>
        <p>{result.summary}</p>
        {result.reasons.length > 0 && (
          <>
            <h4>Reasons</h4>
            <ul>
              {result.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </>
        )}
        {result.conditions.length > 0 && (
          <>
            <h4>Conditions</h4>
            <ul>
              {result.conditions.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </>
        )}
        <p class="hint">
          Re-review by <strong>{result.reReview.on}</strong>: {result.reReview.because}
        </p>
      </div>
      <DataTable caption={`Criteria of ${result.appName}: change an answer or a weight and the decision is recomputed`} columns={columns} rows={rows} />
    </div>
  );
}
