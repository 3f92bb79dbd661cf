import { type BudgetModel, ERATE_ELIGIBILITY_EDITIONS, ERATE_SERVICES, recheckERateEligibility } from "@districtkit/budget";
import { addMonthsIso } from "@districtkit/core";
import { useMemo } from "preact/hooks";
import { DataTable } from "../../components/DataTable.js";
import { ProblemList } from "../../components/ProblemList.js";
import { formatMoney } from "../../lib/format.js";
import { plain } from "../../lib/plain.js";
import { attempt } from "../../lib/problems.js";
import type { ERateSettings } from "../../state/schema.js";
import { plannedItems } from "./data.js";
import { dayOrUndefined, setERate, setERateField } from "./settings.js";

const verdict = (e: boolean | null) => (e === true ? "eligible" : e === false ? "not eligible" : "no ruling");

/** Section 4: the planned E-Rate items under the rules of one day, re-checked under another's (recheckERateEligibility). */
export function EligibilitySection({ model, fundingYear, asOf, settings }: { model: BudgetModel; fundingYear: number; asOf: string; settings: ERateSettings }) {
  const from = settings.rulesFrom ?? addMonthsIso(asOf, -12);
  const to = settings.rulesTo ?? asOf;
  const items = useMemo(() => plannedItems(model, fundingYear, settings.services), [model, fundingYear, settings.services]);
  const outcome = useMemo(
    () =>
      attempt(() =>
        plain(recheckERateEligibility({ fundingYear, from, to, items: items.map((i) => ({ id: i.id, name: i.name, service: i.service, ...(i.amount !== null ? { amount: i.amount } : {}) })) })),
      ),
    [items, fundingYear, from, to],
  );
  const setService = (item: string, service: string) => setERate((s) => ({ ...s, services: [...(s.services ?? []).filter((x) => x.item !== item), { item, service }] }));
  type Row = (typeof items)[number];
  const before = outcome.ok ? new Map(outcome.value.before.items.map((i) => [i.id, i])) : new Map();
  const after = outcome.ok ? new Map(outcome.value.after.items.map((i) => [i.id, i])) : new Map();

  return (
    <section class="erate-section" aria-labelledby="er-el-h">
      <h3 id="er-el-h">4. Eligibility, FY{fundingYear}: re-checked under other rules</h3>
      <p class="hint">
        Each ruling counts from the day the FCC adopted it. The plan is checked under the rules of the first day and re-checked under those of the second (by default a year before the as-of date, and
        the as-of date). Rulings held: {ERATE_ELIGIBILITY_EDITIONS.map((e) => `${e.title} (${e.adopted})`).join("; ")}.
      </p>
      <fieldset class="erate-fields">
        <legend>Rules as of</legend>
        <div class="field-row">
          <div class="field">
            <label for="er-rules-from">Plan made under the rules of</label>
            <input id="er-rules-from" type="date" value={from} onChange={(e) => setERateField("rulesFrom", dayOrUndefined((e.currentTarget as HTMLInputElement).value))} />
          </div>
          <div class="field">
            <label for="er-rules-to">Re-check under the rules of</label>
            <input id="er-rules-to" type="date" value={to} onChange={(e) => setERateField("rulesTo", dayOrUndefined((e.currentTarget as HTMLInputElement).value))} />
          </div>
        </div>
      </fieldset>
      {!outcome.ok ? (
        <ProblemList title="The plan could not be checked" problems={outcome.problems} />
      ) : (
        <>
          <p class="lede" data-testid="eligibility-explanation">
            {outcome.value.explanation}
          </p>
          {outcome.value.changed.length > 0 && (
            <div class="notice notice-error" data-testid="eligibility-changed">
              <strong>What changed</strong>
              <ul>
                {outcome.value.changed.map((c) => (
                  <li key={c.id}>
                    {c.name}: {verdict(c.before)} → {verdict(c.after)}
                    {c.amount !== null ? ` (${formatMoney(c.amount)})` : ""} — {c.because}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <DataTable
            id="er-eligibility"
            caption={`The district's planned E-Rate items (the budget's FY${fundingYear} cost): ${from} vs ${to}`}
            columns={[
              { key: "n", label: "Item", value: (i: Row) => i.name },
              {
                key: "s",
                label: "E-Rate service",
                value: (i: Row) => (
                  <select aria-label={`E-Rate service of ${i.name}`} value={i.service} onChange={(e) => setService(i.id, (e.currentTarget as HTMLSelectElement).value)}>
                    {ERATE_SERVICES.map((s) => (
                      <option value={s.id} key={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                ),
              },
              { key: "a", label: "Amount", kind: "num", value: (i: Row) => (i.amount === null ? "—" : formatMoney(i.amount)) },
              { key: "b", label: `Rules of ${from}`, value: (i: Row) => verdict(before.get(i.id)?.eligible ?? null) },
              { key: "t", label: `Rules of ${to}`, value: (i: Row) => <strong>{verdict(after.get(i.id)?.eligible ?? null)}</strong> },
            ]}
            rows={items}
          />
          <details>
            <summary>Why, item by item (rules of {to})</summary>
            <ul class="plain-list">
              {outcome.value.after.items.map((i) => (
                <li key={i.id}>{i.explanation}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
