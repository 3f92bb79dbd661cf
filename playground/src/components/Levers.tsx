import { useState } from "preact/hooks";
import { categoryLabel } from "../lib/palette.js";
import { LEVER_RANGES, type Levers as LeverValues, type Scenario, type Shift } from "../state/schema.js";
import { setLever } from "../state/store.js";

/** A percent as a person reads it: "−5 %", "20 %". */
const pct = (n: number): string => `${n < 0 ? "−" : ""}${Math.abs(n)} %`;

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
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
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
  /** Items a shift can move (one-time purchases and refreshes on a cycle). */
  readonly shiftable?: readonly { id: string; name: string; category: string; when: string }[];
}

/**
 * The levers of the open scenario. Render it with `key={scenario.id}`: what the analyst is typing
 * belongs to one scenario and never shows in another.
 */
export function LeverPanel({ scenario, categories = [], fiscalYears = [], items = [], refreshHint, shiftable = [] }: { scenario: Scenario } & LeverContext) {
  const l: LeverValues = scenario.levers;
  const sid = scenario.id;
  const disabled = sid === "baseline";
  // what the analyst typed while it is not a valid amount; otherwise the field shows the scenario's own grant
  const [grantDraft, setGrantDraft] = useState<string | null>(null);
  const grantError = grantDraft === null ? null : "Enter dollars, e.g. 75000 or 75000.50";
  const grantText = grantDraft ?? l.grant?.amount ?? "";
  const [inflationDraft, setInflationDraft] = useState<string | null>(null);
  const infl = LEVER_RANGES.inflationPercent;
  const years = fiscalYears.length ? fiscalYears : [2027, 2028, 2029, 2030, 2031];

  const enrollment = l.enrollmentChangePercent ?? 0;
  return (
    <fieldset class="levers" disabled={disabled} aria-describedby={disabled ? "baseline-note" : undefined}>
      <legend>Levers — {scenario.name}</legend>
      {disabled && (
        <p id="baseline-note" class="hint">
          The baseline is the plan as the data has it. Pick or add a scenario to move levers.
        </p>
      )}
      <Row
        id={`lv-enroll-${sid}`}
        label="Enrollment change"
        hint={`Change of students against the projection, from ${pct(LEVER_RANGES.enrollmentChangePercent.min)} to +${pct(LEVER_RANGES.enrollmentChangePercent.max)}: ${LEVER_RANGES.enrollmentChangePercent.why}.`}
      >
        <div class="range-row">
          <input
            id={`lv-enroll-${sid}`}
            type="range"
            min={LEVER_RANGES.enrollmentChangePercent.min}
            max={LEVER_RANGES.enrollmentChangePercent.max}
            step={1}
            value={enrollment}
            aria-valuetext={`${enrollment > 0 ? "+" : ""}${enrollment} percent`}
            onInput={(e) => {
              markLever();
              const v = Number((e.currentTarget as HTMLInputElement).value);
              setLever(sid, "enrollmentChangePercent", v === 0 ? undefined : v);
            }}
          />
          <output for={`lv-enroll-${sid}`} class="num">
            {enrollment > 0 ? "+" : enrollment < 0 ? "−" : ""}
            {Math.abs(enrollment)} %
          </output>
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
      <Row id={`lv-infl-${sid}`} label="Inflation (per year)" hint={`Replaces each line's own escalator. Empty = the baseline rates. From ${pct(infl.min)} to ${pct(infl.max)}: ${infl.why}.`}>
        <div class="range-row">
          <input
            id={`lv-infl-${sid}`}
            type="number"
            inputMode="decimal"
            min={infl.min}
            max={infl.max}
            step={0.5}
            placeholder="baseline"
            value={inflationDraft ?? l.inflationPercent ?? ""}
            aria-invalid={inflationDraft !== null ? true : undefined}
            aria-describedby={`lv-infl-${sid}-hint${inflationDraft !== null ? ` lv-infl-err-${sid}` : ""}`}
            onInput={(e) => {
              const raw = (e.currentTarget as HTMLInputElement).value.trim();
              const v = Number(raw);
              if (raw === "") {
                setInflationDraft(null);
                markLever();
                setLever(sid, "inflationPercent", undefined);
              } else if (Number.isFinite(v) && v >= infl.min && v <= infl.max) {
                setInflationDraft(null);
                markLever();
                setLever(sid, "inflationPercent", v);
              } else setInflationDraft(raw); // shown as typed, with the reason; the scenario keeps its last valid rate
            }}
          />
          <span class="unit">%</span>
        </div>
        {inflationDraft !== null && (
          <span class="error-text" id={`lv-infl-err-${sid}`} role="alert">
            {inflationDraft} % is outside {pct(infl.min)} to {pct(infl.max)}; the scenario keeps {l.inflationPercent === undefined ? "the baseline rates" : `${l.inflationPercent} %`}.
          </span>
        )}
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
            <option value={y} key={y}>
              every {y} years
            </option>
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
            <option value={p} key={p}>
              {p} %
            </option>
          ))}
        </select>
      </Row>
      <div class="lever lever-grant">
        <span class="label" id={`lv-grant-${sid}-label`}>
          Grant
        </span>
        <div class="grant-row" role="group" aria-labelledby={`lv-grant-${sid}-label`}>
          <label for={`lv-grant-amt-${sid}`} class="sub">
            Amount ($)
          </label>
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
              if (raw === "") {
                setGrantDraft(null);
                markLever();
                setLever(sid, "grant", undefined);
              } else if (/^\d{1,12}(\.\d{1,2})?$/.test(raw)) {
                setGrantDraft(null);
                markLever();
                setLever(sid, "grant", { amount: raw, fiscalYear: l.grant?.fiscalYear ?? years[1] ?? years[0]! });
              } else setGrantDraft(raw);
            }}
          />
          <label for={`lv-grant-fy-${sid}`} class="sub">
            in
          </label>
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
              <option value={y} key={y}>
                FY{y}
              </option>
            ))}
          </select>
        </div>
        {grantError && (
          <span class="error-text" id={`lv-grant-err-${sid}`} role="alert">
            {grantError}
          </span>
        )}
      </div>
      {categories.length > 0 && <Adjustments scenario={scenario} categories={categories} />}
      {items.length > 0 && <CutItems scenario={scenario} items={items} />}
      {shiftable.length > 0 && <ShiftItems scenario={scenario} items={shiftable} categories={categories} />}
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
            <option value={i.id} key={i.id}>
              {i.name} ({categoryLabel(i.category)})
            </option>
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
          {categories.map((c) => (
            <option value={c} key={c}>
              {categoryLabel(c)}
            </option>
          ))}
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
          {years.map((y) => (
            <option value={y} key={y}>
              FY{y}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={add}>
        Add the item
      </button>
      {added.length > 0 && (
        <ul class="chips" aria-label="Items added in this scenario">
          {added.map((a) => (
            <li key={a.id}>
              {a.name} ({a.kind === "one-time" ? `once in FY${a.fiscalYear}` : `yearly from FY${a.fiscalYear}`}){" "}
              <button
                type="button"
                class="link"
                aria-label={`Remove ${a.name}`}
                onClick={() => {
                  markLever();
                  const next = added.filter((x) => x.id !== a.id);
                  setLever(sid, "addItems", next.length ? next : undefined);
                }}
              >
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function Adjustments({ scenario, categories }: { scenario: Scenario; categories: readonly string[] }) {
  const sid = scenario.id;
  const l = scenario.levers;
  const range = LEVER_RANGES.adjustmentPercent;
  // what was typed while out of range, by category; the scenario keeps its last valid percent
  const [drafts, setDrafts] = useState<Readonly<Record<string, string>>>({});
  return (
    <div class="lever">
      <span class="label" id={`lv-adj-${sid}-label`}>
        Cut or add by category
      </span>
      <span class="hint" id={`lv-adj-${sid}-hint`}>
        From {pct(range.min)} to +{pct(range.max)}: {range.why}.
      </span>
      <div class="adjustments" role="group" aria-labelledby={`lv-adj-${sid}-label`}>
        {categories.map((c, i) => {
          const adj = l.adjustments?.find((a) => a.category === c)?.percent ?? 0;
          const id = `lv-adj-${sid}-${i}`;
          const draft = Object.hasOwn(drafts, c) ? drafts[c] : undefined;
          return (
            <div class="adj" key={c}>
              <label for={id}>{categoryLabel(c)}</label>
              <input
                id={id}
                type="number"
                step={5}
                min={range.min}
                max={range.max}
                value={draft ?? adj}
                aria-invalid={draft !== undefined ? true : undefined}
                aria-describedby={`lv-adj-${sid}-hint${draft !== undefined ? ` ${id}-err` : ""}`}
                onInput={(e) => {
                  const raw = (e.currentTarget as HTMLInputElement).value.trim();
                  const v = raw === "" ? 0 : Number(raw);
                  const without = Object.fromEntries(Object.entries(drafts).filter(([k]) => k !== c));
                  if (!Number.isFinite(v) || v < range.min || v > range.max) return setDrafts({ ...without, [c]: raw });
                  setDrafts(without);
                  markLever();
                  const rest = (l.adjustments ?? []).filter((a) => a.category !== c);
                  const next = v !== 0 ? [...rest, { category: c, percent: v }] : rest;
                  setLever(sid, "adjustments", next.length ? next : undefined);
                }}
              />
              <span class="unit">%</span>
              {draft !== undefined && (
                <span class="error-text" id={`${id}-err`} role="alert">
                  {draft} % is outside {pct(range.min)} to +{pct(range.max)}; {categoryLabel(c)} stays at {pct(adj)}.
                </span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ShiftItems({ scenario, items, categories }: { scenario: Scenario; items: readonly { id: string; name: string; category: string; when: string }[]; categories: readonly string[] }) {
  const sid = scenario.id;
  const shifts = scenario.levers.shifts ?? [];
  const [pick, setPick] = useState("");
  const [years, setYears] = useState(1);
  const refreshCats = categories.filter((c) => items.some((i) => i.category === c));
  const label = (s: Shift): string => (s.item !== undefined ? (items.find((i) => i.id === s.item)?.name ?? s.item) : `every ${categoryLabel(s.category!)} refresh`);
  const keyOf = (s: Shift): string => (s.item !== undefined ? `item:${s.item}` : `category:${s.category}`);
  const shiftBy = (s: Shift) => `${s.years > 0 ? "later" : "earlier"} by ${Math.abs(s.years)} year${Math.abs(s.years) === 1 ? "" : "s"}`;
  return (
    <div class="lever">
      <label for={`lv-shift-${sid}`}>Shift a purchase or a refresh</label>
      <span class="hint" id={`lv-shift-${sid}-hint`}>
        What if the Wi-Fi refresh waits a year? Moves one-time purchases and items on a refresh cycle.
      </span>
      <div class="range-row">
        <select id={`lv-shift-${sid}`} value={pick} aria-describedby={`lv-shift-${sid}-hint`} onChange={(e) => setPick((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">choose an item or a category…</option>
          {refreshCats.map((c) => (
            <optgroup label={categoryLabel(c)} key={c}>
              <option value={`category:${c}`}>every {categoryLabel(c)} refresh</option>
              {items
                .filter((i) => i.category === c)
                .map((i) => (
                  <option value={`item:${i.id}`} key={i.id}>
                    {i.name} ({i.when})
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <label for={`lv-shift-y-${sid}`} class="sub">
          by
        </label>
        <select id={`lv-shift-y-${sid}`} value={years} onChange={(e) => setYears(Number((e.currentTarget as HTMLSelectElement).value))}>
          {[-3, -2, -1, 1, 2, 3].map((y) => (
            <option value={y} key={y}>
              {y > 0 ? `${y} year${y === 1 ? "" : "s"} later` : `${-y} year${y === -1 ? "" : "s"} earlier`}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="secondary"
          disabled={!pick}
          onClick={() => {
            markLever();
            const [kind, ...rest] = pick.split(":");
            const ref = rest.join(":");
            const next: Shift = kind === "item" ? { item: ref, years } : { category: ref, years };
            setLever(sid, "shifts", [...shifts.filter((s) => keyOf(s) !== keyOf(next)), next]);
            setPick("");
          }}
        >
          Shift
        </button>
      </div>
      {shifts.length > 0 && (
        <ul class="chips" aria-label="Shifts in this scenario">
          {shifts.map((s) => (
            <li key={keyOf(s)}>
              {label(s)} {shiftBy(s)}{" "}
              <button
                type="button"
                class="link"
                aria-label={`Undo the shift of ${label(s)}`}
                onClick={() => {
                  markLever();
                  const next = shifts.filter((x) => keyOf(x) !== keyOf(s));
                  setLever(sid, "shifts", next.length ? next : undefined);
                }}
              >
                undo
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
