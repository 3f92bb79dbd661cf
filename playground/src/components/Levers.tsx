import { useState } from "preact/hooks";
import type { Levers as LeverValues, Scenario } from "../state/schema.js";
import { setLever } from "../state/store.js";

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
export function LeverPanel({ scenario, categories = [], fiscalYears = [] }: { scenario: Scenario; categories?: readonly string[]; fiscalYears?: readonly number[] }) {
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
      <Row id={`lv-refresh-${sid}`} label="Device refresh cycle">
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
                  <label for={id}>{c}</label>
                  <input
                    id={id}
                    type="number"
                    step={5}
                    min={-100}
                    max={200}
                    value={adj}
                    onInput={(e) => {
                      markLever();
                      const v = Number((e.currentTarget as HTMLInputElement).value);
                      const rest = (l.adjustments ?? []).filter((a) => a.category !== c);
                      const next = Number.isFinite(v) && v !== 0 ? [...rest, { category: c, percent: Math.max(-100, Math.min(200, v)) }] : rest;
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
    </fieldset>
  );
}
