import { type BudgetModel, eRateProcurementCalendar, type ProcurementCalendarResult } from "@districtkit/budget";
import { useMemo } from "preact/hooks";
import { DataTable } from "../../components/DataTable.js";
import { ProblemList } from "../../components/ProblemList.js";
import { formatMoney } from "../../lib/format.js";
import { type Plain, plain } from "../../lib/plain.js";
import { attempt } from "../../lib/problems.js";
import type { ERateSettings } from "../../state/schema.js";
import { calendarPurchases, windowFor } from "./data.js";
import { dayOrUndefined, setERateField } from "./settings.js";

type Cal = Plain<ProcurementCalendarResult>;
type Purchase = Cal["purchases"][number];
type Milestone = Cal["milestones"][number];

/** Section 1: the next funding year's procurement calendar (eRateProcurementCalendar), with the planned Form 470 and contract days checked against its rules. */
export function CalendarSection({ model, fundingYear, asOf, settings }: { model: BudgetModel; fundingYear: number; asOf: string; settings: ERateSettings }) {
  const win = windowFor(fundingYear, settings.window);
  const outcome = useMemo(
    () =>
      attempt(() =>
        plain(
          eRateProcurementCalendar({
            fundingYear,
            ...(win.kind === "published" ? {} : { window: { form471Opens: win.opens, form471Closes: win.closes, source: win.source } }),
            purchases: calendarPurchases(model, fundingYear, settings),
            eligibilityAsOf: asOf,
          }),
        ),
      ),
    [model, fundingYear, asOf, win.opens, win.closes, win.kind, settings.form470On, settings.contractOn, settings.services],
  );

  return (
    <section class="erate-section" aria-labelledby="er-cal-h">
      <h3 id="er-cal-h">1. Procurement calendar, FY{fundingYear}</h3>
      <p class="hint">
        The funding year after the one {asOf} falls in. Form 470 posted → {outcome.ok ? outcome.value.rules.form470WaitDays : 28}-day wait (contract allowed from the day after) → Form 471 window →
        service → Form 486 and invoices. Each purchase is an E-Rate line of the budget that costs something in FY{fundingYear}.
      </p>
      <fieldset class="erate-fields">
        <legend>Form 471 window of FY{fundingYear}</legend>
        {win.kind === "published" ? (
          <p data-testid="erate-window">
            {win.opens} – {win.closes} <span class="muted">(published: {win.source})</span>
          </p>
        ) : (
          <>
            <p class={win.kind === "estimate" ? "notice notice-info" : "hint"} role="note" data-testid="erate-window">
              {win.kind === "estimate" ? "Not published yet. Shown: " : "Entered: "}
              {win.opens} – {win.closes} ({win.source}).
            </p>
            <div class="field-row">
              <DateField id="er-win-opens" label="Window opens" value={win.opens} onChange={(v) => v && setERateField("window", { opens: v, closes: win.closes })} />
              <DateField id="er-win-closes" label="Window closes" value={win.closes} onChange={(v) => v && setERateField("window", { opens: win.opens, closes: v })} />
              {settings.window && (
                <button type="button" class="secondary" onClick={() => setERateField("window", undefined)}>
                  Use the estimate
                </button>
              )}
            </div>
          </>
        )}
      </fieldset>
      <fieldset class="erate-fields">
        <legend>Your planned dates (one Form 470 and one contract for the year's requests)</legend>
        <div class="field-row">
          <DateField id="er-470" label="Form 470 posted on" value={settings.form470On ?? ""} onChange={(v) => setERateField("form470On", v)} />
          <DateField id="er-contract" label="Contract signed on" value={settings.contractOn ?? ""} onChange={(v) => setERateField("contractOn", v)} />
        </div>
      </fieldset>
      {!outcome.ok ? <ProblemList title="The calendar could not be built" problems={outcome.problems} /> : <CalendarResult cal={outcome.value} />}
    </section>
  );
}

function DateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string | undefined) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(dayOrUndefined((e.currentTarget as HTMLInputElement).value))} />
    </div>
  );
}

function CalendarResult({ cal }: { cal: Cal }) {
  const yearSteps = cal.milestones.filter((m) => m.purchase === null);
  return (
    <>
      <p class="lede" data-testid="erate-calendar-explanation">
        {cal.explanation}
      </p>
      <div role="status" aria-live="polite" data-testid="erate-calendar-warnings">
        {cal.warnings.length === 0 ? (
          <p class="muted">No rule broken by the dates entered.</p>
        ) : (
          <div class="notice notice-error">
            <strong>
              {cal.warnings.length} rule{cal.warnings.length === 1 ? "" : "s"} broken
            </strong>
            <ul>
              {cal.warnings.map((w, i) => (
                <li key={i} data-code={w.code}>
                  {w.message} <span class="muted">({w.rule})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <DataTable
        id="erate-milestones"
        caption={`FY${cal.fundingYear}: the funding year's dates`}
        columns={[
          {
            key: "d",
            label: "Date",
            value: (m: Milestone) => (
              <span class="nowrap" data-milestone={m.id}>
                {m.date}
              </span>
            ),
          },
          { key: "t", label: "Step", value: (m: Milestone) => m.title },
          { key: "a", label: "What to do", value: (m: Milestone) => m.action },
          { key: "r", label: "Rule", value: (m: Milestone) => <span class="muted">{m.rule}</span> },
        ]}
        rows={yearSteps}
      />
      <DataTable
        id="erate-purchases"
        caption={`FY${cal.fundingYear}: each purchase's dates (last Form 470, contract allowed from, Form 486 and invoices due)`}
        columns={[
          { key: "n", label: "Purchase", value: (p: Purchase) => p.name },
          { key: "m", label: "Amount", kind: "num", value: (p: Purchase) => (p.amount === null ? "—" : formatMoney(p.amount)) },
          { key: "l", label: "Last Form 470", value: (p: Purchase) => p.lastForm470 },
          { key: "c", label: "Contract from", value: (p: Purchase) => p.allowableContractDate ?? "—" },
          { key: "s", label: "Service", value: (p: Purchase) => `${p.serviceStartEarliest} – ${p.serviceEndLatest}` },
          { key: "f", label: "Form 486 due", value: (p: Purchase) => p.form486Due },
          { key: "i", label: "Invoices due", value: (p: Purchase) => p.invoiceDue },
          { key: "w", label: "Rules broken", kind: "num", value: (p: Purchase) => String(p.warnings.length) },
        ]}
        rows={cal.purchases}
      />
      <details>
        <summary>Each purchase in words</summary>
        <ul class="plain-list">
          {cal.purchases.map((p) => (
            <li key={p.id}>{p.explanation}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
