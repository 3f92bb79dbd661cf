import { useState } from "preact/hooks";
import type { Levers as LeverValues, Scenario } from "../state/schema.js";
import { setLever } from "../state/store.js";
import { categoryLabel } from "../lib/palette.js";

const ERATE_LEVELS = [20, 25, 40, 50, 60, 70, 80, 85, 90] as const;

/** Fired on every lever input, so the chart update can be timed (G2). */
export function markLever(): void {
  performance.clearMarks("lever-input");
  performance.mark("lever-input");
}

function Row({ id, label, hint, children }: { id: string; label: string; hint?: string; children: preact.ComponentChildren }) {
  return (
    <div class="lever">
      <label for={id}>{label}</label>
      {children}
      {hint && <span class="hint" id={`${id}-hint`}>{hint}</span>}
    </div>
  );
}

/** The levers of one scenario; every control is labelled and works from the keyboard. */
export interface LeverContext {
  readonly categories?: readonly string[];
  readonly fiscalYears?: readonly number[];
  /** Line items that can be cut: id and name. */
  readonly items?: readonly { id: string; name: string; category: string }[];
  /** What the refresh-cycle lever changes, in words. */
  readonly refreshHint?: string;
}

export function LeverPanel({ scenario, categories = [], fiscalYears = [], items = [], refreshHint }: { scenario: Scenario } & LeverContext) {
  const l: LeverValues = scenario.levers;
  const sid = scenario.id;
  const disabled = sid === "baseline";
  const [grantText, setGrantText] = useState(l.grant?.amount ?? "");
  const [grantError, setGrantError] = useState<string | null>(null);
  const years = fiscalYears.length ? fiscalYears : [2027, 2028, 2029, 2030, 2031];

  const enrollment = l.enrollmentChangePercent ?? 0;
  return (
    <fieldset class="levers" disabled={disabled} aria-describedby={disabled ? "baseline-note" : undefined}>
      <legend>Levers — {scenario.name}</legend>
      {disabled && <p id="baseline-note" class="hint">The baseline is the plan as the data has it. Pick or add a scenario to move levers.</p>}
      <Row id={`lv-enroll-${sid}`} label="Enrollment change" hint="Change of students against the projection.">
        <div class="range-row">
          <input
            id={`lv-enroll-${sid}`}
            type="range"
            min={-30}
            max={30}
            step={1}
            value={enrollment}
            aria-valuetext={`${enrollment > 0 ? "+" : ""}${enrollment} percent`}
            onInput={(e) => {
              markLever();
              const v = Number((e.currentTarget as HTMLInputElement).value);
              setLever(sid, "enrollmentChangePercent", v === 0 ? undefined : v);
            }}
          />
          <output for={`lv-enroll-${sid}`} class="num">{enrollment > 0 ? "+" : enrollment < 0 ? "−" : ""}{Math.abs(enrollment)} %</output>
        </div>
        <div class="radio-row" role="radiogroup" aria-label="How the enrollment change applies">
          {(["once", "annual"] as const).map((m) => (
            <label key={m} class="radio">
              <input
                type="radio"
                name={`lv-enroll-mode-${sid}`}
                value={m}
                checked={(l.enrollmentMode ?? "once") === m}
                onChange={() => {
                  markLever();
                  setLever(sid, "enrollmentMode", m === "once" ? undefined : m);
                }}
              />
              {m === "once" ? "once, from the first year" : "every year (compounding)"}
            </label>
          ))}
        </div>
      </Row>
      <Row id={`lv-infl-${sid}`} label="Inflation (per year)" hint="Replaces each line's own escalator. Empty = the baseline rates.">
        <div class="range-row">
          <input
            id={`lv-infl-${sid}`}
            type="number"
            inputMode="decimal"
            min={-5}
            max={20}
            step={0.5}
            placeholder="baseline"
            value={l.inflationPercent ?? ""}
            onInput={(e) => {
              markLever();
              const raw = (e.currentTarget as HTMLInputElement).value;
              const v = Number(raw);
              setLever(sid, "inflationPercent", raw === "" || !Number.isFinite(v) ? undefined : Math.max(-5, Math.min(20, v)));
            }}
          />
          <span class="unit">%</span>
        </div>
      </Row>
      <Row id={`lv-refresh-${sid}`} label="Device refresh cycle" {...(refreshHint ? { hint: refreshHint } : {})}>
        <select
          id={`lv-refresh-${sid}`}
          value={l.refreshCycleYears ?? ""}
          onChange={(e) => {
            markLever();
            const raw = (e.currentTarget as HTMLSelectElement).value;
            setLever(sid, "refreshCycleYears", raw === "" ? undefined : Number(raw));
          }}
        >
          <option value="">baseline (each model's life)</option>
          {[3, 4, 5, 6, 7, 8].map((y) => (
            <option value={y} key={y}>every {y} years</option>
          ))}
        </select>
      </Row>
      <Row id={`lv-erate-${sid}`} label="E-Rate discount">
        <select
          id={`lv-erate-${sid}`}
          value={l.eRateDiscountPercent ?? ""}
          onChange={(e) => {
            markLever();
            const raw = (e.currentTarget as HTMLSelectElement).value;
            setLever(sid, "eRateDiscountPercent", raw === "" ? undefined : Number(raw));
          }}
        >
          <option value="">baseline (from the NSLP share)</option>
          {ERATE_LEVELS.map((p) => (
            <option value={p} key={p}>{p} %</option>
          ))}
        </select>
      </Row>
      <div class="lever lever-grant">
        <span class="label" id={`lv-grant-${sid}-label`}>Grant</span>
        <div class="grant-row" role="group" aria-labelledby={`lv-grant-${sid}-label`}>
          <label for={`lv-grant-amt-${sid}`} class="sub">Amount ($)</label>
          <input
            id={`lv-grant-amt-${sid}`}
            type="text"
            inputMode="decimal"
            placeholder="none"
            value={grantText}
            aria-invalid={grantError ? true : undefined}
            aria-describedby={grantError ? `lv-grant-err-${sid}` : undefined}
            onChange={(e) => {
              const raw = (e.currentTarget as HTMLInputElement).value.replace(/[$,\s]/g, "");
              setGrantText(raw);
              if (raw === "") {
                setGrantError(null);
                markLever();
                setLever(sid, "grant", undefined);
              } else if (/^\d{1,12}(\.\d{1,2})?$/.test(raw)) {
                setGrantError(null);
                markLever();
                setLever(sid, "grant", { amount: raw, fiscalYear: l.grant?.fiscalYear ?? years[1] ?? years[0]! });
              } else setGrantError("Enter dollars, e.g. 75000 or 75000.50");
            }}
          />
          <label for={`lv-grant-fy-${sid}`} class="sub">in</label>
          <select
            id={`lv-grant-fy-${sid}`}
            value={l.grant?.fiscalYear ?? years[1] ?? years[0]}
            disabled={!l.grant}
            onChange={(e) => {
              markLever();
              if (l.grant) setLever(sid, "grant", { ...l.grant, fiscalYear: Number((e.currentTarget as HTMLSelectElement).value) });
            }}
          >
            {years.map((y) => (
              <option value={y} key={y}>FY{y}</option>
            ))}
          </select>
        </div>
        {grantError && <span class="error-text" id={`lv-grant-err-${sid}`} role="alert">{grantError}</span>}
      </div>
      {categories.length > 0 && (
        <div class="lever">
          <span class="label">Cut or add by category</span>
          <div class="adjustments">
            {categories.map((c, i) => {
              const adj = l.adjustments?.find((a) => a.category === c)?.percent ?? 0;
              const id = `lv-adj-${sid}-${i}`;
              return (
                <div class="adj" key={c}>
                  <label for={id}>{categoryLabel(c)}</label>
                  <input
                    id={id}
                    type="number"
                    step={5}
                    min={-90}
                    max={100}
                    value={adj}
                    onInput={(e) => {
                      markLever();
                      const v = Number((e.currentTarget as HTMLInputElement).value);
                      const rest = (l.adjustments ?? []).filter((a) => a.category !== c);
                      const next = Number.isFinite(v) && v !== 0 ? [...rest, { category: c, percent: Math.max(-90, Math.min(100, v)) }] : rest;
                      setLever(sid, "adjustments", next.length ? next : undefined);
                    }}
                  />
                  <span class="unit">%</span>
                </div>
              );
            })}
          </div>
        </div>
      )}
      {items.length > 0 && <CutItems scenario={scenario} items={items} />}
      {categories.length > 0 && <AddItem scenario={scenario} categories={categories} years={years} />}
    </fieldset>
  );
}

function CutItems({ scenario, items }: { scenario: Scenario; items: readonly { id: string; name: string; category: string }[] }) {
  const sid = scenario.id;
  const cut = scenario.levers.removeItems ?? [];
  const [pick, setPick] = useState("");
  const available = items.filter((i) => !cut.includes(i.id));
  return (
    <div class="lever">
      <label for={`lv-cut-${sid}`}>Cut a line item</label>
      <div class="range-row">
        <select id={`lv-cut-${sid}`} value={pick} onChange={(e) => setPick((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">choose an item…</option>
          {available.map((i) => (
            <option value={i.id} key={i.id}>{i.name} ({categoryLabel(i.category)})</option>
          ))}
        </select>
        <button
          type="button"
          class="secondary"
          disabled={!pick}
          onClick={() => {
            markLever();
            setLever(sid, "removeItems", [...cut, pick]);
            setPick("");
          }}
        >
          Cut
        </button>
      </div>
      {cut.length > 0 && (
        <ul class="chips" aria-label="Items cut in this scenario">
          {cut.map((id) => (
            <li key={id}>
              {items.find((i) => i.id === id)?.name ?? id}{" "}
              <button
                type="button"
                class="link"
                aria-label={`Restore ${items.find((i) => i.id === id)?.name ?? id}`}
                onClick={() => {
                  markLever();
                  const next = cut.filter((x) => x !== id);
                  setLever(sid, "removeItems", next.length ? next : undefined);
                }}
              >
                restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AddItem({ scenario, categories, years }: { scenario: Scenario; categories: readonly string[]; years: readonly number[] }) {
  const sid = scenario.id;
  const added = scenario.levers.addItems ?? [];
  const [name, setName] = useState("");
  const [category, setCategory] = useState(categories[0] ?? "");
  const [amount, setAmount] = useState("");
  const [kind, setKind] = useState<"recurring" | "one-time">("recurring");
  const [year, setYear] = useState(years[0] ?? 2027);
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const amt = amount.replace(/[$,\s]/g, "");
    if (!name.trim()) return setError("Give the item a name.");
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(amt)) return setError("Enter the cost in dollars, e.g. 12000 or 12000.50");
    setError(null);
    markLever();
    let n = added.length + 1;
    while (added.some((a) => a.id === `added-${n}`)) n++;
    setLever(sid, "addItems", [...added, { id: `added-${n}`, name: name.trim().slice(0, 80), category, amount: amt, kind, fiscalYear: year }]);
    setName("");
    setAmount("");
  };
  return (
    <details class="lever add-item">
      <summary>Add a line item{added.length ? ` (${added.length} added)` : ""}</summary>
      <div class="add-grid">
        <label for={`ai-name-${sid}`}>Item name</label>
        <input id={`ai-name-${sid}`} type="text" maxLength={80} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        <label for={`ai-cat-${sid}`}>Category</label>
        <select id={`ai-cat-${sid}`} value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}>
          {categories.map((c) => <option value={c} key={c}>{categoryLabel(c)}</option>)}
        </select>
        <label for={`ai-amt-${sid}`}>Cost ($)</label>
        <input id={`ai-amt-${sid}`} type="text" inputMode="decimal" value={amount} onInput={(e) => setAmount((e.currentTarget as HTMLInputElement).value)} aria-invalid={error ? true : undefined} />
        <label for={`ai-kind-${sid}`}>Kind</label>
        <select id={`ai-kind-${sid}`} value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as "recurring" | "one-time")}>
          <option value="recurring">every year from</option>
          <option value="one-time">once, in</option>
        </select>
        <label for={`ai-fy-${sid}`}>Fiscal year</label>
        <select id={`ai-fy-${sid}`} value={year} onChange={(e) => setYear(Number((e.currentTarget as HTMLSelectElement).value))}>
          {years.map((y) => <option value={y} key={y}>FY{y}</option>)}
        </select>
      </div>
      {error && <p class="error-text" role="alert">{error}</p>}
      <button type="button" onClick={add}>Add the item</button>
      {added.length > 0 && (
        <ul class="chips" aria-label="Items added in this scenario">
          {added.map((a) => (
            <li key={a.id}>
              {a.name} ({a.kind === "one-time" ? `once in FY${a.fiscalYear}` : `yearly from FY${a.fiscalYear}`}){" "}
              <button type="button" class="link" aria-label={`Remove ${a.name}`} onClick={() => { markLever(); const next = added.filter((x) => x.id !== a.id); setLever(sid, "addItems", next.length ? next : undefined); }}>remove</button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
