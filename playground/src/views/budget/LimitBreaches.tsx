import { type Column, DataTable } from "../../components/DataTable.js";
import { Figure } from "../../components/Explain.js";
import { formatMoney } from "../../lib/format.js";
import { LIMIT_WARNING, type LimitBreach, type LimitKind, limitBreaches, yearRanges } from "../../lib/limits.js";
import { SCENARIO_COLORS } from "../../lib/palette.js";
import type { PProjection, PSet } from "./BudgetResults.js";

const KINDS: readonly { kind: LimitKind; label: (limit: string | null) => string; short: string; amount: string }[] = [
  { kind: "general-fund-limit", label: (l) => `General fund over its yearly limit${l ? ` (${formatMoney(l, { cents: false })})` : ""}`, short: "General-fund draw over its limit", amount: "over" },
  { kind: "c2-budget", label: () => "E-Rate C2 five-year budget exceeded", short: "Over the E-Rate C2 budget", amount: "with no E-Rate share" },
  { kind: "no-c2-figures", label: () => "No E-Rate C2 budget figures yet", short: "Years without C2 budget figures", amount: "with no E-Rate share" },
];

/**
 * The headline's limits: for every scenario, which limit it breaks (the general fund's yearly
 * limit, the E-Rate Category Two budget, years with no C2 figures) in which years and by how
 * much. Each cell opens the figures of the years. The engine's other notes follow, collapsed.
 */
export function LimitBreaches({ set, generalFundLimit, active }: { set: PSet; generalFundLimit: string | null; active: PProjection }) {
  type Row = { p: PProjection; i: number; breaches: LimitBreach[] };
  const rows: Row[] = set.projections.map((p, i) => ({ p, i, breaches: limitBreaches(p, generalFundLimit) }));
  const kinds = KINDS.filter((k) => rows.some((r) => r.breaches.some((b) => b.kind === k.kind)));
  const shown = new Set<string>([...Object.values(LIMIT_WARNING), "restricted-money-lapses"]);
  const notes = active.warnings.filter((w) => !shown.has(w.code));
  const columns: Column<Row>[] = [
    {
      key: "s",
      label: "Scenario",
      value: ({ p, i }) => (
        <span>
          <span class="swatch" style={{ background: SCENARIO_COLORS[i % SCENARIO_COLORS.length] }} aria-hidden="true" />
          {p.scenario.name}
        </span>
      ),
    },
    ...kinds.map((k) => ({
      key: k.kind,
      label: k.label(generalFundLimit),
      value: ({ p, breaches }: Row) => {
        const b = breaches.find((x) => x.kind === k.kind);
        if (!b) return <span class="ok-text">{k.kind === "general-fund-limit" ? "within the limit" : "none"}</span>;
        return (
          <span class="breach">
            <Figure
              explain={() => ({
                title: `${k.short} — ${p.scenario.name}`,
                value: formatMoney(b.total),
                sentence: b.sentence,
                rows: b.byYear.map((r) => [`FY${r.fiscalYear}: ${r.detail}`, formatMoney(r.amount)] as const),
              })}
            >
              {b.years.length ? yearRanges(b.years, true) : "yes"}
            </Figure>{" "}
            {b.byYear.length > 0 && (
              <span class="breach-amount">
                {formatMoney(b.total, { cents: false })} {k.amount}
              </span>
            )}
          </span>
        );
      },
    })),
  ];
  return (
    <section class="limits print-keep" data-testid="limit-breaches" aria-labelledby="limits-h">
      {kinds.length === 0 ? (
        <p id="limits-h" class="ok-text">
          Every scenario keeps the general fund within its yearly limit and E-Rate Category Two within its budget.
        </p>
      ) : (
        <>
          <h3 id="limits-h" class="limits-title">
            Limits broken, and in which years
          </h3>
          <div class="limits-wide">
            <DataTable caption="Each scenario's breaches (click the years for each year's figures)" columns={columns} rows={rows} />
          </div>
          {/* phones: the same, one scenario under another (only one of the two is displayed) */}
          <div class="limits-narrow">
            {rows.map(({ p, breaches }) => (
              <div key={p.scenario.id}>
                <h4>{p.scenario.name}</h4>
                <ul>
                  {kinds.map((k) => {
                    const b = breaches.find((x) => x.kind === k.kind);
                    return (
                      <li key={k.kind}>
                        {k.label(generalFundLimit)}:{" "}
                        {b ? (
                          <>
                            {b.years.length ? <strong class="breach-years">{yearRanges(b.years, true)}</strong> : "yes"}
                            {b.byYear.length > 0 && (
                              <span class="breach-amount">
                                {" "}
                                ({formatMoney(b.total, { cents: false })} {k.amount})
                              </span>
                            )}
                          </>
                        ) : (
                          <span class="ok-text">{k.kind === "general-fund-limit" ? "within the limit" : "none"}</span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
      {notes.length > 0 && (
        <details class="warnings-box no-print">
          <summary>
            {notes.length} other note{notes.length === 1 ? "" : "s"} from the engine on {active.scenario.name}
          </summary>
          <ul>
            {notes.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
