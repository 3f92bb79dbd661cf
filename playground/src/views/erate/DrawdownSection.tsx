import { type BudgetModel, type C2DrawdownResult, c2CycleFor, eRateDiscount, planC2Drawdown } from "@districtkit/budget";
import { useMemo } from "preact/hooks";
import { DataTable } from "../../components/DataTable.js";
import { EditGrid } from "../../components/EditGrid.js";
import { FlowToBudget } from "../../components/FlowToBudget.js";
import { ProblemList } from "../../components/ProblemList.js";
import { PLAN_FLOWS } from "../../lib/budgetModel.js";
import { formatMoney } from "../../lib/format.js";
import { type Plain, plain } from "../../lib/plain.js";
import type { FlowLine } from "../../lib/planFlows.js";
import { type Attempt, attempt } from "../../lib/problems.js";
import type { ERateSettings } from "../../state/schema.js";
import { type DrawdownRow, defaultRequests } from "./data.js";
import { setERate } from "./settings.js";

type Result = Plain<C2DrawdownResult>;
const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const clean = (v: string) => v.replace(/[$,\s]/g, "");
const STATUSES = ["committed", "requested", "planned"] as const;

/** The district's C2 discount (the budget engine's eRateDiscount on the district's schools), its sentence, or the problems. */
export function districtDiscount(model: BudgetModel, fundingYear: number): Attempt<{ c2: number; explanation: string }> {
  return attempt(() => {
    const d = eRateDiscount({ fundingYear, schools: model.district.schools.map((s) => ({ id: s.id, kind: s.kind, students: s.students, nslpEligible: s.nslpEligible, locale: s.locale })) });
    return { c2: d.c2, explanation: d.explanation };
  });
}

/** The planC2Drawdown input of the rows as typed, with a message for every cell it cannot read. */
export function readRequests(model: BudgetModel, fundingYear: number, discountPercent: number, rows: readonly DrawdownRow[]) {
  const cycle = c2CycleFor(fundingYear);
  const buildings = new Set([...model.district.schools.map((s) => s.id), "district"]);
  const problems = rows.map((r) => {
    const p: Record<string, string> = {};
    if (r.name.trim() === "") p.name = "name the request";
    if (!buildings.has(r.building)) p.building = "a school of the district, or district-wide";
    const fy = Number(r.fundingYear);
    if (!cycle || !Number.isInteger(fy) || fy < cycle.firstFundingYear || fy > cycle.lastFundingYear) p.fundingYear = "a funding year of the cycle";
    if (!MONEY.test(clean(r.amount))) p.amount = "a dollar amount such as 62400";
    return p;
  });
  const ok = problems.every((p) => Object.keys(p).length === 0);
  return {
    problems,
    input: ok
      ? {
          fundingYear,
          schools: model.district.schools.map((s) => ({ id: s.id, name: s.name, students: s.students, kind: s.kind })),
          discountPercent,
          calendar: model.district.calendar,
          requests: rows.map((r) => ({ id: r.id, name: r.name.trim(), building: r.building, fundingYear: Number(r.fundingYear), amount: clean(r.amount), status: r.status })),
        }
      : null,
  };
}

/** Section 3: the Category Two five-year budget drawn down building by building (planC2Drawdown), and the district's share flowed into the budget. */
export function DrawdownSection({ model, devices, fundingYear, settings }: { model: BudgetModel; devices: unknown; fundingYear: number; settings: ERateSettings }) {
  const cycle = c2CycleFor(fundingYear);
  const defaults = useMemo(() => defaultRequests(model, fundingYear, devices), [model, fundingYear, devices]);
  const rows = settings.requests ?? defaults;
  const discount = useMemo(() => districtDiscount(model, fundingYear), [model, fundingYear]);
  const read = readRequests(model, fundingYear, discount.ok ? discount.value.c2 : 0, rows);
  const outcome = useMemo<Attempt<Result> | null>(() => {
    if (!discount.ok) return discount;
    return read.input ? attempt(() => plain(planC2Drawdown(read.input!))) : null;
  }, [JSON.stringify(read.input), discount]);
  const setRows = (next: DrawdownRow[]) => setERate((s) => ({ ...s, requests: next }));
  const schoolName = new Map<string, string>([...model.district.schools.map((s) => [s.id, s.name] as const), ["district", "District-wide"]]);
  const buildingOptions = [...model.district.schools.map((s) => ({ value: s.id, label: s.name })), { value: "district", label: "District-wide" }];
  const yearOptions = cycle
    ? Array.from({ length: cycle.lastFundingYear - cycle.firstFundingYear + 1 }, (_, i) => ({ value: String(cycle.firstFundingYear + i), label: `FY${cycle.firstFundingYear + i}` }))
    : [];

  return (
    <section class="erate-section" aria-labelledby="er-c2-h">
      <h3 id="er-c2-h">3. Category Two budget drawdown{cycle ? `, FY${cycle.firstFundingYear}–${String(cycle.lastFundingYear).slice(2)}` : ""}</h3>
      <p class="hint">
        Requests are charged against the district's five-year budget at their pre-discount cost, committed first, then requested, then planned. The rows first shown are the budget's C2 lines in the
        cycle's years, at the cost the budget projects (a district-wide refresh of equipment the schools hold is split among them by their units in the inventory); edit them, or mark what USAC has
        committed.
      </p>
      {discount.ok && (
        <p class="hint" data-testid="c2-discount">
          Discount: {discount.value.explanation}
        </p>
      )}
      <EditGrid
        caption="C2 requests of the cycle"
        id="er-c2"
        columns={[
          { key: "name", label: "Request", kind: "text", get: (r: DrawdownRow) => r.name },
          { key: "building", label: "Building", kind: "select", get: (r: DrawdownRow) => r.building, options: () => buildingOptions },
          { key: "fundingYear", label: "Funding year", kind: "select", get: (r: DrawdownRow) => r.fundingYear, options: () => yearOptions },
          { key: "amount", label: "Pre-discount ($)", kind: "money", get: (r: DrawdownRow) => r.amount },
          { key: "status", label: "Status", kind: "select", get: (r: DrawdownRow) => r.status, options: () => STATUSES.map((s) => ({ value: s, label: s })) },
        ]}
        rows={rows}
        rowLabel={(r, i) => `${r.name || "request"} FY${r.fundingYear} (row ${i + 1})`}
        problems={read.problems}
        onChange={(i, key, value) => setRows(rows.map((r, j) => (j === i ? ({ ...r, [key]: value } as DrawdownRow) : r)))}
        onRemove={(i) => setRows(rows.filter((_, j) => j !== i))}
        pageSize={30}
      />
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          disabled={rows.length >= 80 || !cycle}
          onClick={() => {
            let n = rows.length + 1;
            while (rows.some((r) => r.id === `request-${n}`)) n++;
            setRows([...rows, { id: `request-${n}`, name: "New C2 request", building: "district", fundingYear: String(fundingYear), amount: "0", status: "planned" }]);
          }}
        >
          Add a request
        </button>
        {settings.requests && (
          <button type="button" class="secondary" onClick={() => setERate(({ requests: _, ...rest }) => rest)}>
            Back to the budget's C2 lines
          </button>
        )}
      </div>
      {outcome === null && <p class="error-text">Fix the cells marked above to draw the budget down.</p>}
      {outcome && !outcome.ok && <ProblemList title="The drawdown could not be computed" problems={outcome.problems} />}
      {outcome?.ok && <DrawdownResult r={outcome.value} rows={rows} schoolName={schoolName} />}
    </section>
  );
}

function DrawdownResult({ r, rows, schoolName }: { r: Result; rows: readonly DrawdownRow[]; schoolName: ReadonlyMap<string, string> }) {
  type Year = Result["years"][number];
  type Building = Result["buildings"][number];
  const flowLines: FlowLine[] = r.planLines.map((l) => {
    const building = l.id.replace(/^c2-/, "");
    return {
      id: l.id,
      name: l.name,
      category: l.category ?? "network",
      refs: [...new Set(rows.filter((x) => x.building === building && x.from !== undefined).map((x) => x.from!))],
      keywords: [],
      amounts: { ...(l.amounts as Record<string, string>) },
      eRate: l.eRate ?? "C2",
    };
  });
  const totalsRow = { fundingYear: null, districtFiscalYear: null, committed: r.totals.committed, requested: r.totals.requested, planned: r.totals.planned } as const;
  return (
    <>
      <p class="lede" data-testid="c2-explanation">
        {r.explanation}
      </p>
      <p class="hint">Budget: {r.budgetBasis}</p>
      {r.warnings.length > 0 && (
        <div class="notice notice-error" data-testid="c2-warnings">
          <strong>
            {r.warnings.length} warning{r.warnings.length === 1 ? "" : "s"}
          </strong>
          <ul>
            {r.warnings.slice(0, 3).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
          {r.warnings.length > 3 && (
            <details>
              <summary>{r.warnings.length - 3} more</summary>
              <ul>
                {r.warnings.slice(3).map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <DataTable
        id="er-c2-years"
        caption={`By funding year (pre-discount; E-Rate and the district split at ${r.discountPercent} %)`}
        columns={[
          { key: "fy", label: "Funding year", value: (y: Year | typeof totalsRow) => (y.fundingYear === null ? "Total" : `FY${y.fundingYear}`) },
          { key: "dfy", label: "District year", value: (y: Year | typeof totalsRow) => (y.districtFiscalYear === null ? "" : `FY${y.districtFiscalYear}`) },
          { key: "c", label: "Committed", kind: "num", value: (y: Year | typeof totalsRow) => <span data-testid={`c2-committed-${y.fundingYear ?? "total"}`}>{formatMoney(y.committed)}</span> },
          { key: "q", label: "Requested", kind: "num", value: (y: Year | typeof totalsRow) => formatMoney(y.requested) },
          { key: "p", label: "Planned", kind: "num", value: (y: Year | typeof totalsRow) => <span data-testid={`c2-planned-${y.fundingYear ?? "total"}`}>{formatMoney(y.planned)}</span> },
          {
            key: "e",
            label: "E-Rate pays",
            kind: "num",
            value: (y: Year | typeof totalsRow) => ("eRatePays" in y ? formatMoney(y.eRatePays) : <span data-testid="c2-erate-total">{formatMoney(r.totals.eRatePays)}</span>),
          },
          {
            key: "d",
            label: "District pays",
            kind: "num",
            value: (y: Year | typeof totalsRow) =>
              "districtPays" in y ? (
                <span data-testid={`c2-district-${y.fundingYear}`}>{formatMoney(y.districtPays)}</span>
              ) : (
                <span data-testid="c2-district-total">{formatMoney(r.totals.districtPays)}</span>
              ),
          },
          {
            key: "l",
            label: "Budget left",
            kind: "num",
            value: (y: Year | typeof totalsRow) => ("remaining" in y ? formatMoney(y.remaining) : <span data-testid="c2-remaining">{formatMoney(r.remaining)}</span>),
          },
        ]}
        rows={r.years}
        footer={[totalsRow]}
      />
      <DataTable
        id="er-c2-buildings"
        caption={`By building (the budget of ${formatMoney(r.budget)} is district-wide; a building's share by students is a planning guide)`}
        columns={[
          { key: "b", label: "Building", value: (b: Building) => schoolName.get(b.building) ?? b.name },
          { key: "s", label: "Students", kind: "num", value: (b: Building) => String(b.students) },
          { key: "i", label: "Share by students", kind: "num", value: (b: Building) => formatMoney(b.indicativeShare) },
          { key: "t", label: "Requests", kind: "num", value: (b: Building) => <span data-testid={`c2-building-${b.building}`}>{formatMoney(b.total)}</span> },
          { key: "e", label: "E-Rate pays", kind: "num", value: (b: Building) => formatMoney(b.eRatePays) },
          { key: "d", label: "District pays", kind: "num", value: (b: Building) => formatMoney(b.districtPays) },
        ]}
        rows={r.buildings}
      />
      {flowLines.length > 0 && (
        <FlowToBudget
          def={PLAN_FLOWS[2]}
          categories={["network"]}
          what="C2 drawdown"
          fromYear={r.fromYear}
          toYear={r.toYear}
          note={`${r.cycle}, pre-discount, ${r.discountPercent} % discount paid by the budget's E-Rate fund`}
          lines={flowLines}
        />
      )}
    </>
  );
}
