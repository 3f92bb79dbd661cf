import { type BudgetModel, matchPlanLines, type PlanMatch, type PlanReconciliation, reconcilePlan } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import { useMemo, useState } from "preact/hooks";
import { type PlanFlowDef, planLever, toEngineScenario } from "../lib/budgetModel.js";
import { modelFrom, problemsOf } from "../lib/budgetRun.js";
import { formatMoney, formatMoneyDelta } from "../lib/format.js";
import { categoryLabel } from "../lib/palette.js";
import { type Plain, plain } from "../lib/plain.js";
import type { FlowLine } from "../lib/planFlows.js";
import { datasets } from "../lib/sample.js";
import type { PlanFlowLever, Scenario } from "../state/schema.js";
import { activeScenario, addScenario, setLever } from "../state/store.js";
import { DataTable } from "./DataTable.js";

export interface FlowToBudgetProps {
  readonly def: PlanFlowDef;
  /** The plan's lines with the names that identify what each buys. */
  readonly lines: readonly FlowLine[];
  /** The plan's fiscal years (its lines replace the budget items only in these). */
  readonly fromYear: number;
  readonly toYear: number;
  /** Budget categories whose items the plan may replace. */
  readonly categories: readonly string[];
  /** What produced the plan, in words (kept with the scenario). */
  readonly note: string;
  /** What the plan is, for the sentence above the list. */
  readonly what: string;
  /** A figure to compare the removed budget lines with (the current contracts' cost), if any. */
  readonly compareWith?: { readonly label: string; readonly amount: string };
}

/**
 * "Use this plan in the budget": another engine's yearly lines replace, in the plan's years, the
 * budget items they stand for. The items are matched by the budget engine (`matchPlanLines`: by
 * the items' plan references, then product or model name, then category keyword) and ticked by
 * default; before anything is applied, the engine's reconciliation (`reconcilePlan`) shows what
 * leaves the budget, what enters it and the net change per year — the very difference the Budget
 * tab will then show. Using the same plan twice changes nothing more.
 */
export function FlowToBudget(props: FlowToBudgetProps) {
  const scenario = activeScenario.value;
  const district = datasets.value.district;
  const budget = datasets.value.budget;
  const outcome = useMemo(() => (district && budget ? modelFrom(district.data, budget.data) : null), [district, budget]);
  if (!outcome || props.lines.length === 0) return null;
  if (!outcome.ok) {
    return (
      <section class="flow">
        <h3>Use this plan in the budget</h3>
        <p class="error-text" role="alert">
          The budget could not be read, so the plan cannot flow into it: {outcome.problems.join("; ")}
        </p>
      </section>
    );
  }
  // a panel per scenario: its ticks start from that scenario's own choice
  return <FlowPanel key={`${scenario.id}:${props.def.key}`} {...props} model={outcome.model} scenario={scenario} />;
}

function FlowPanel({ def, lines, fromYear, toYear, categories, note, what, compareWith, model, scenario }: FlowToBudgetProps & { model: BudgetModel; scenario: Scenario }) {
  const inUse = scenario.levers[def.key];
  const match = useMemo<Plain<PlanMatch> | { problems: string[] }>(() => {
    try {
      return plain(matchPlanLines(model, { lines: lines.map((l) => ({ id: l.id, name: l.name, category: l.category, refs: [...l.refs], keywords: [...l.keywords] })), categories: [...categories] }));
    } catch (e) {
      return { problems: problemsOf(e) };
    }
  }, [model, lines, categories.join("\u0000")]);
  const [ticked, setTicked] = useState<readonly string[] | null>(inUse?.replaces ?? null);
  if ("problems" in match)
    return (
      <p class="error-text" role="alert">
        The plan could not be matched to the budget: {match.problems.join("; ")}
      </p>
    );
  const replaces = ticked ?? match.suggested;
  const flow: PlanFlowLever = {
    replaces: [...replaces],
    fromYear,
    toYear,
    note,
    lines: lines.map((l) => {
      const m = match.lines.find((x) => x.lineId === l.id);
      return { id: l.id, name: l.name, category: m?.category ?? l.category, eRate: l.eRate ?? m?.eRate ?? "ineligible", amounts: { ...l.amounts } };
    }),
  };
  const span = fromYear === toYear ? `FY${fromYear}` : `FY${fromYear}–FY${toYear}`;
  const isBaseline = scenario.id === "baseline";
  const toggle = (id: string, on: boolean) =>
    setTicked((t) => {
      const cur = t ?? match.suggested;
      return on ? [...cur, id] : cur.filter((x) => x !== id);
    });
  const matched = match.candidates.filter((c) => c.suggested);
  const others = match.candidates.filter((c) => !c.suggested);
  return (
    <section class="flow" aria-labelledby={`flow-${def.key}-h`} data-testid={`flow-${def.key}`}>
      <h3 id={`flow-${def.key}-h`}>Use this plan in the budget</h3>
      <p class="hint">
        In {span}, the {what} ({lines.length} line{lines.length === 1 ? "" : "s"}) replaces the budget items ticked below; they keep their own cost in other years. Items are matched by product or
        model name, then by category: check the ticks, then read the reconciliation before you use it.
      </p>
      <fieldset class="replace-list">
        <legend>
          Budget items the plan replaces in {span} ({replaces.length} ticked)
        </legend>
        {matched.length > 0 && <p class="group-label">Matched to the plan</p>}
        {matched.map((c) => (
          <Candidate key={c.itemId} c={c} checked={replaces.includes(c.itemId)} onChange={toggle} />
        ))}
        {others.length > 0 && <p class="group-label">Not matched (kept unless you tick them)</p>}
        {others.map((c) => (
          <Candidate key={c.itemId} c={c} checked={replaces.includes(c.itemId)} onChange={toggle} />
        ))}
      </fieldset>
      {match.unmatched.length > 0 && (
        <p class="hint">
          {match.unmatched.length} plan line{match.unmatched.length === 1 ? " replaces" : "s replace"} nothing in the budget and {match.unmatched.length === 1 ? "adds its" : "add their"} cost:{" "}
          {match.unmatched.map((id) => lines.find((l) => l.id === id)?.name ?? id).join("; ")}.
        </p>
      )}
      <Reconciliation def={def} flow={flow} model={model} scenario={scenario} compareWith={compareWith} span={span} />
      <div class="button-row">
        {isBaseline ? (
          <button
            type="button"
            onClick={() => {
              const id = addScenario();
              if (id) setLever(id, def.key, flow);
            }}
          >
            Use this plan in a new scenario
          </button>
        ) : (
          <button type="button" onClick={() => setLever(scenario.id, def.key, flow)}>
            {inUse ? "Update" : "Use"} this plan in “{scenario.name}”
          </button>
        )}
        {inUse && !isBaseline && (
          <button type="button" class="secondary" onClick={() => setLever(scenario.id, def.key, undefined)}>
            Stop using it
          </button>
        )}
      </div>
      {isBaseline && <p class="hint">The baseline is the budget as the data has it: the plan goes into a new scenario, compared with the baseline on the Budget tab.</p>}
      <p role="status" class="status">
        {inUse ? `“${scenario.name}” uses the ${what} (${inUse.note}).` : ""}
      </p>
    </section>
  );
}

function Candidate({ c, checked, onChange }: { c: Plain<PlanMatch>["candidates"][number]; checked: boolean; onChange: (id: string, on: boolean) => void }) {
  const guess = c.matchedBy.length > 0 && c.matchedBy.every((m) => m.reason === "category");
  const how =
    c.matchedBy.length === 0
      ? ""
      : guess
        ? `by category (“${c.matchedBy[0]!.on}”): check it`
        : c.matchedBy[0]!.reason === "reference"
          ? "by the item's plan reference"
          : `by name (“${c.matchedBy[0]!.on}”)`;
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(c.itemId, (e.currentTarget as HTMLInputElement).checked)} />
      <span>
        {c.name}{" "}
        <span class="muted">
          ({categoryLabel(c.category)}
          {c.eRate !== "ineligible" ? `, E-Rate ${c.eRate}` : ""}
          {how ? `; matched ${how}` : ""})
        </span>
      </span>
    </label>
  );
}

type RYear = { readonly fiscalYear: number | null; readonly removed: string; readonly added: string; readonly net: string; readonly generalFund: string };

/** The change paid by funds other than the general fund (net − general fund), "—" when none. */
function otherFunds(y: RYear): string {
  const d = Money.of(y.net).subtract(Money.of(y.generalFund));
  return d.isZero() ? "—" : formatMoneyDelta(d.toString());
}

function Reconciliation({
  def,
  flow,
  model,
  scenario,
  compareWith,
  span,
}: {
  def: PlanFlowDef;
  flow: PlanFlowLever;
  model: BudgetModel;
  scenario: Scenario;
  compareWith: FlowToBudgetProps["compareWith"];
  span: string;
}) {
  const r = useMemo<Plain<PlanReconciliation> | { problems: string[] }>(() => {
    try {
      return plain(reconcilePlan(model, toEngineScenario(scenario, model), planLever(def, flow, model)));
    } catch (e) {
      return { problems: problemsOf(e) };
    }
  }, [model, scenario, def, JSON.stringify(flow)]);
  if ("problems" in r)
    return (
      <p class="error-text" role="alert">
        The reconciliation could not be computed: {r.problems.join("; ")}
      </p>
    );
  const replaced = r.lines.filter((l) => l.status === "replaced");
  const carried = Money.sum(replaced.map((l) => l.change))
    .negate()
    .toString();
  return (
    <div class="reconcile" data-testid="reconciliation">
      <h4>Reconciliation: what using it changes in “{scenario.name}”</h4>
      <p class="lede" data-testid="reconciliation-sentence">
        {r.explanation}
      </p>
      {!r.unchanged && (
        <DataTable
          caption="By fiscal year: budget items removed, plan lines added, the net change of the scenario's total, and which funds pay it"
          columns={[
            { key: "y", label: "Year", value: (y: RYear) => (y.fiscalYear === null ? "Total" : `FY${y.fiscalYear}`) },
            { key: "r", label: "Budget items removed", kind: "num", value: (y: RYear) => (y.removed === "0" ? "—" : `−${formatMoney(y.removed)}`) },
            { key: "a", label: "Plan lines added", kind: "num", value: (y: RYear) => (y.added === "0" ? "—" : `+${formatMoney(y.added)}`) },
            { key: "n", label: "Net change", kind: "num", value: (y: RYear) => <span data-testid={y.fiscalYear === null ? "net-total" : `net-${y.fiscalYear}`}>{formatMoneyDelta(y.net)}</span> },
            {
              key: "g",
              label: "General fund change",
              kind: "num",
              value: (y: RYear) => <span data-testid={y.fiscalYear === null ? "gf-total" : `gf-${y.fiscalYear}`}>{formatMoneyDelta(y.generalFund)}</span>,
            },
            // what E-Rate and restricted funds take on (or give back): net = general fund + other funds
            { key: "o", label: "Other funds' change", kind: "num", value: (y: RYear) => <span data-testid={y.fiscalYear === null ? "other-total" : `other-${y.fiscalYear}`}>{otherFunds(y)}</span> },
          ]}
          rows={r.years}
          footer={[{ fiscalYear: null, removed: r.removed, added: r.added, net: r.net, generalFund: r.generalFund }]}
        />
      )}
      {compareWith && replaced.length > 0 && (
        <p class="hint">
          The budget carried {formatMoney(carried)} in {span} for the items replaced; {compareWith.label} {formatMoney(compareWith.amount)}. A difference means the budget's lines and the contracts
          disagree: the plan replaces what the budget carried.
        </p>
      )}
      {r.lines.length > 0 && (
        <details>
          <summary>Line by line ({r.lines.length})</summary>
          <ul class="plain-list">
            {r.lines.map((l) => (
              <li key={l.itemId}>
                {l.status === "replaced" ? "Replaced" : l.status === "added" ? "Added" : l.status === "dropped" ? "Dropped (plan used before)" : "Changed"}: {l.name} — {formatMoneyDelta(l.change)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
