import { type BidEvaluationResult, evaluateBids } from "@districtkit/budget";
import { useMemo } from "preact/hooks";
import { DataTable } from "../../components/DataTable.js";
import { EditGrid } from "../../components/EditGrid.js";
import { ProblemList } from "../../components/ProblemList.js";
import { formatMoney } from "../../lib/format.js";
import { type Plain, plain } from "../../lib/plain.js";
import { attempt } from "../../lib/problems.js";
import type { ERateSettings } from "../../state/schema.js";
import { DEFAULT_BIDS, DEFAULT_CRITERIA } from "./data.js";
import { setERate, setERateField } from "./settings.js";

type Criterion = NonNullable<ERateSettings["criteria"]>[number];
type Bid = NonNullable<ERateSettings["bids"]>[number];
type Result = Plain<BidEvaluationResult>;

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const NUMBER = /^\d{1,7}(\.\d{1,4})?$/;
const clean = (v: string) => v.replace(/[$,\s]/g, "");

/** The evaluateBids input of what the analyst typed, with a message for every cell it cannot read. */
function readMatrix(criteria: readonly Criterion[], bids: readonly Bid[], maxPoints: number) {
  const cProblems = criteria.map((c) => {
    const p: Record<string, string> = {};
    if (c.name.trim() === "") p.name = "name the criterion";
    if (!NUMBER.test(clean(c.weight)) || Number(clean(c.weight)) <= 0) p.weight = "a weight above zero, such as 30";
    return p;
  });
  const bProblems = bids.map((b) => {
    const p: Record<string, string> = {};
    if (b.vendor.trim() === "") p.vendor = "name the vendor";
    if (!MONEY.test(clean(b.price)) || Number(clean(b.price)) <= 0) p.price = "a price above zero, such as 168600";
    criteria.slice(1).forEach((c, i) => {
      const v = clean(b.points[i] ?? "");
      if (!NUMBER.test(v) || Number(v) > maxPoints) p[`pt-${c.id}`] = `points from 0 to ${maxPoints}`;
    });
    return p;
  });
  const ok = [...cProblems, ...bProblems].every((p) => Object.keys(p).length === 0);
  return {
    cProblems,
    bProblems,
    input: ok
      ? {
          criteria: criteria.map((c, i) => ({ id: c.id, name: c.name.trim(), weight: Number(clean(c.weight)), price: i === 0 })),
          bids: bids.map((b) => ({
            id: b.id,
            vendor: b.vendor.trim(),
            price: clean(b.price),
            scores: criteria.slice(1).map((c, i) => ({ criterion: c.id, points: Number(clean(b.points[i] ?? "0")) })),
          })),
          maxPoints,
        }
      : null,
  };
}

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((t) => t.id === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Section 2: the bid matrix (evaluateBids) — price must be the single heaviest factor; the winner and how robust the choice is. */
export function BidsSection({ settings }: { settings: ERateSettings }) {
  const criteria = settings.criteria ?? DEFAULT_CRITERIA;
  const bids = settings.bids ?? DEFAULT_BIDS;
  const scaleText = settings.maxPoints ?? "10";
  const scaleOk = NUMBER.test(clean(scaleText)) && Number(clean(scaleText)) > 0;
  const maxPoints = scaleOk ? Number(clean(scaleText)) : 10;
  const matrix = readMatrix(criteria, bids, maxPoints);
  const read = scaleOk ? matrix : { ...matrix, input: null };
  const outcome = useMemo(() => (read.input ? attempt(() => plain(evaluateBids(read.input!))) : null), [JSON.stringify(read.input)]);

  const setCriteria = (next: Criterion[], nextBids: Bid[] = bids) => setERate((s) => ({ ...s, criteria: next, bids: nextBids }));
  const setBids = (next: Bid[]) => setERate((s) => ({ ...s, criteria: [...criteria], bids: next }));
  const name = (id: string) => criteria.find((c) => c.id === id)?.name ?? id;

  return (
    <section class="erate-section" aria-labelledby="er-bid-h">
      <h3 id="er-bid-h">2. Bid evaluation</h3>
      <p class="hint">
        The weights are read as shares of their total. Price scores lowest price ÷ the bid's price; the other criteria score points ÷ {maxPoints}. The bids shown first are examples: replace them with
        yours.
      </p>
      <EditGrid
        caption="Criteria and weights (the first is price)"
        id="er-crit"
        columns={[
          { key: "name", label: "Criterion", kind: "text", get: (c: Criterion) => c.name },
          { key: "weight", label: "Weight", kind: "count", get: (c: Criterion) => c.weight },
        ]}
        rows={criteria}
        rowLabel={(c, i) => (i === 0 ? "price" : c.name || `criterion ${i + 1}`)}
        problems={read.cProblems}
        onChange={(i, key, value) => setCriteria(criteria.map((c, j) => (j === i ? { ...c, [key]: value } : c)))}
        onRemove={(i) => {
          if (i === 0) return;
          setCriteria(
            criteria.filter((_, j) => j !== i),
            bids.map((b) => ({ ...b, points: b.points.filter((_, j) => j !== i - 1) })),
          );
        }}
      />
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          disabled={criteria.length >= 12}
          onClick={() =>
            setCriteria(
              [...criteria, { id: nextId("c", criteria), name: "New criterion", weight: "10" }],
              bids.map((b) => ({ ...b, points: [...b.points, "0"] })),
            )
          }
        >
          Add a criterion
        </button>
      </div>
      <fieldset class="erate-fields">
        <legend>Points scale of the other criteria</legend>
        <div class="field-row">
          <div class="field">
            <label for="er-max-points">Evaluators score each criterion from 0 to</label>
            <input
              id="er-max-points"
              inputMode="decimal"
              size={8}
              value={scaleText}
              aria-invalid={scaleOk ? undefined : "true"}
              aria-describedby={scaleOk ? undefined : "er-max-points-error"}
              onInput={(e) => {
                const v = (e.currentTarget as HTMLInputElement).value;
                setERateField("maxPoints", v.trim() === "10" ? undefined : v);
              }}
            />
            {!scaleOk && (
              <p id="er-max-points-error" class="error-text">
                a number above zero, such as 5, 10 or 100
              </p>
            )}
          </div>
        </div>
      </fieldset>
      <EditGrid
        caption={`Bids: pre-discount price and points (0–${maxPoints}) on each other criterion`}
        id="er-bids"
        columns={[
          { key: "vendor", label: "Vendor", kind: "text", get: (b: Bid) => b.vendor },
          { key: "price", label: "Price ($)", kind: "money", get: (b: Bid) => b.price },
          ...criteria.slice(1).map((c, k) => ({ key: `pt-${c.id}`, label: c.name || `criterion ${k + 2}`, kind: "count" as const, get: (b: Bid) => b.points[k] ?? "" })),
        ]}
        rows={bids}
        rowLabel={(b, i) => b.vendor || `bid ${i + 1}`}
        problems={read.bProblems}
        onChange={(i, key, value) =>
          setBids(
            bids.map((b, j) => {
              if (j !== i) return b;
              if (key.startsWith("pt-")) {
                const k = criteria.slice(1).findIndex((c) => `pt-${c.id}` === key);
                const points = criteria.slice(1).map((_, m) => (m === k ? value : (b.points[m] ?? "0")));
                return { ...b, points };
              }
              return { ...b, [key]: value };
            }),
          )
        }
        onRemove={(i) => setBids(bids.filter((_, j) => j !== i))}
      />
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          disabled={bids.length >= 20}
          onClick={() => setBids([...bids, { id: nextId("bid", bids), vendor: `Vendor ${bids.length + 1}`, price: "100000", points: criteria.slice(1).map(() => "5") }])}
        >
          Add a bid
        </button>
        {(settings.criteria || settings.bids || settings.maxPoints) && (
          <button type="button" class="secondary" onClick={() => setERate(({ criteria: _c, bids: _b, maxPoints: _m, ...rest }) => rest)}>
            Back to the example matrix
          </button>
        )}
      </div>
      {outcome === null && <p class="error-text">{scaleOk ? "Fix the cells marked above to evaluate the bids." : "Fix the points scale above to evaluate the bids."}</p>}
      {outcome && !outcome.ok && <ProblemList title="The bids could not be evaluated" problems={outcome.problems} />}
      {outcome?.ok && <BidResult r={outcome.value} name={name} />}
    </section>
  );
}

function BidResult({ r, name }: { r: Result; name: (id: string) => string }) {
  type Row = Result["bids"][number];
  return (
    <>
      <div role="status" aria-live="polite" data-testid="bid-verdict" class={r.compliant ? "verdict verdict-ok" : "notice notice-error"}>
        {r.compliant ? (
          <p>
            <strong>Weights follow the rule:</strong> price weighs {(r.weightCheck.priceWeightShare * 100).toFixed(2)} %, more than any other single factor. Winner:{" "}
            <strong data-testid="bid-winner">{r.bids.find((b) => b.id === r.winner)?.vendor ?? "none"}</strong>.
          </p>
        ) : (
          <>
            <strong>The weights break the rule — no winner is named</strong>
            <ul>
              {r.weightCheck.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </>
        )}
        <p class="muted">{r.weightCheck.rule}</p>
      </div>
      <p class="lede" data-testid="bid-explanation">
        {r.explanation}
      </p>
      {r.bids.length > 0 && (
        <DataTable
          id="er-bid-scores"
          caption="Scores (0–100): each criterion's contribution adds up to the total"
          columns={[
            { key: "rank", label: "Rank", kind: "num", value: (b: Row) => String(b.rank) },
            { key: "v", label: "Vendor", value: (b: Row) => b.vendor },
            { key: "p", label: "Price", kind: "num", value: (b: Row) => formatMoney(b.price) },
            ...(r.bids[0]?.contributions ?? []).map((c) => ({
              key: `c-${c.criterion}`,
              label: name(c.criterion),
              kind: "num" as const,
              value: (b: Row) => (b.contributions.find((x) => x.criterion === c.criterion)?.contribution ?? 0).toFixed(2),
            })),
            { key: "t", label: "Total", kind: "num", value: (b: Row) => b.total.toFixed(2) },
          ]}
          rows={r.bids}
        />
      )}
      {r.robustness && (
        <p class="hint" data-testid="bid-robustness">
          How robust: {r.robustness.sentence}
        </p>
      )}
    </>
  );
}
