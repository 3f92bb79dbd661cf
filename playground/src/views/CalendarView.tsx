import { addDaysIso } from "@districtkit/core";
import type { CalendarItem, DistrictCalendar } from "@districtkit/io";
import { useEffect, useMemo, useState } from "preact/hooks";
import { type Column, DataTable } from "../components/DataTable.js";
import { type Explanation, Figure } from "../components/Explain.js";
import { ProblemList } from "../components/ProblemList.js";
import { currentAsOf } from "../lib/asOf.js";
import { formatCount, formatMoney } from "../lib/format.js";
import { download } from "../lib/imports.js";
import type { Plain } from "../lib/plain.js";
import { datasets } from "../lib/sample.js";
import { appState } from "../state/store.js";
import { engineWorker } from "../worker/client.js";

type Item = Plain<CalendarItem>;
type Cal = Plain<DistrictCalendar>;

/** What each kind of item is, in words. */
const KIND_LABEL: Readonly<Record<string, string>> = {
  "erate-deadline": "E-Rate deadline",
  "fund-obligation": "Fund: obligate by",
  "fund-liquidation": "Fund: liquidate by",
  "c2-cycle-end": "E-Rate C2 cycle end",
  "licence-renewal": "Licence renewal",
  "agreement-expiry": "Agreement expiry",
  "lease-return": "Lease return",
  "device-support-end": "Device support end",
  "device-extension": "Paid support extension",
  "device-last-os": "Last OS release",
  "device-end-of-sale": "End of sale",
  "device-warranty-end": "Warranty end",
  "vetting-review": "App re-review",
  custom: "District item",
};
const STATUS_LABEL = { passed: "Passed", overdue: "Overdue", "act-now": "Act now", upcoming: "Upcoming" } as const;
const kindLabel = (k: string) => KIND_LABEL[k] ?? k;

function stakeText(i: Item): string {
  const parts: string[] = [];
  if (i.atStake.amount !== null) parts.push(formatMoney(i.atStake.amount));
  if (i.atStake.units !== null) parts.push(`${formatCount(i.atStake.units)} ${i.atStake.unit ?? "units"}`);
  return parts.join(" · ") || "—";
}

function explain(i: Item): Explanation {
  const facts = i.facts as unknown as readonly (readonly [string, string])[];
  const rows: (readonly [string, string])[] = [
    ["Kind", kindLabel(i.kind)],
    ["Status", STATUS_LABEL[i.status]],
    ...(i.atStake.amountLabel ? [["Money at stake is", i.atStake.amountLabel] as const] : []),
    ...facts,
    ...(i.budgetLines.length === 0 ? [["Budget lines affected", "none found in the budget"] as const] : i.budgetLines.map((l) => [`Budget line: ${l.name}`, l.how] as const)),
  ];
  return {
    title: i.title,
    value: `${i.lastDayToAct !== null ? `Act by ${i.lastDayToAct} · ` : ""}${i.date} · ${stakeText(i)}`,
    sentence: `${i.explanation} What to do: ${i.action}.`,
    rows,
    detail: { id: i.id, source: i.source, refs: i.refs },
  };
}

export function CalendarView() {
  const d = datasets.value;
  const asOf = currentAsOf();
  // the analyst's vetting edits (the Vetting view writes them): the re-reviews are scored under them
  const vetting = appState.value.vetting;
  const [outcome, setOutcome] = useState<{ ok: true; cal: Cal; ms: number } | { ok: false; problems: string[] } | null>(null);
  const [kind, setKind] = useState("all");
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [exportNote, setExportNote] = useState("");
  useEffect(() => {
    if (!asOf) return;
    let live = true;
    setOutcome(null);
    engineWorker()
      .calendarReport({ district: d.district?.data, budget: d.budget?.data, devices: d.devices?.data, licenses: d.licenses?.data, apps: d.apps?.data }, asOf, vetting)
      .then((r) => live && setOutcome(r.ok ? { ok: true, cal: r.value, ms: r.ms } : r))
      .catch((e: unknown) => live && setOutcome({ ok: false, problems: [String(e)] }));
    return () => {
      live = false;
    };
  }, [d.district, d.budget, d.devices, d.licenses, d.apps, asOf, vetting]);

  if (!asOf) {
    return (
      <section aria-labelledby="cal-h">
        <h2 id="cal-h">Calendar: everything that expires</h2>
        <p class="notice" role="note">
          The calendar needs the district's as-of date: set it in the header or load a district file.
        </p>
      </section>
    );
  }
  const fromDay = from ?? addDaysIso(asOf, -365);
  const toDay = to ?? addDaysIso(asOf, 5 * 365 + 1);
  const cal = outcome?.ok ? outcome.cal : null;
  return (
    <section aria-labelledby="cal-h" class="calendar" aria-busy={!outcome}>
      <h2 id="cal-h">Calendar: everything that expires</h2>
      <p class="hint">
        Support ends, warranties, licence renewals, grant deadlines, the E-Rate Category Two cycle and app re-reviews of the district, in the order they need action, as of <strong>{asOf}</strong> (the
        district's date, set in the header). Activate an item to see why it is there and which budget lines it affects.
      </p>
      {!outcome && <p class="loading">Building the calendar in the engine worker…</p>}
      {outcome && !outcome.ok && <ProblemList title="The calendar could not be built" problems={outcome.problems} />}
      {cal && (
        <CalendarBody cal={cal} asOf={asOf} kind={kind} setKind={setKind} fromDay={fromDay} toDay={toDay} setFrom={setFrom} setTo={setTo} exportNote={exportNote} setExportNote={setExportNote} />
      )}
    </section>
  );
}

function CalendarBody(p: {
  cal: Cal;
  asOf: string;
  kind: string;
  setKind: (k: string) => void;
  fromDay: string;
  toDay: string;
  setFrom: (d: string | null) => void;
  setTo: (d: string | null) => void;
  exportNote: string;
  setExportNote: (s: string) => void;
}) {
  const { cal, asOf, kind, fromDay, toDay } = p;
  const shown = useMemo(
    () => cal.items.filter((i) => (kind === "all" || i.kind === kind) && (i.lastDayToAct ?? i.date) >= fromDay && (i.lastDayToAct ?? i.date) <= toDay),
    [cal, kind, fromDay, toDay],
  );
  const overdue = shown.filter((i) => i.status === "overdue").length;
  const actNow = shown.filter((i) => i.status === "act-now").length;
  const exportAs = async (format: "ics" | "csv") => {
    const r = await engineWorker().calendarExport(shown, asOf, format);
    if (!r.ok) {
      p.setExportNote(`Export failed: ${r.problems.join("; ")}`);
      return;
    }
    const name = `districtkit-calendar-${asOf}.${format}`;
    download(name, r.text, format === "ics" ? "text/calendar" : "text/csv");
    p.setExportNote(`Saved ${name} (${shown.length} items).`);
  };
  // the item comes second, so on a phone the act-by day and what it is are on screen before the table scrolls
  const columns: Column<Item>[] = [
    { key: "act", label: "Act by", value: (i) => i.lastDayToAct ?? "—", text: (i) => i.lastDayToAct ?? "" },
    {
      key: "item",
      label: "Item (opens its explanation)",
      value: (i) => (
        <Figure explain={() => explain(i)} label={`${i.title}: explanation and budget lines`}>
          {i.title}
        </Figure>
      ),
      text: (i) => i.title,
    },
    { key: "st", label: "Status", value: (i) => <span class={`badge cal-${i.status}`}>{STATUS_LABEL[i.status]}</span>, text: (i) => STATUS_LABEL[i.status] },
    { key: "stake", label: "At stake", kind: "num", value: stakeText },
    { key: "kind", label: "Kind", value: (i) => kindLabel(i.kind) },
    { key: "date", label: "Date", value: (i) => i.date },
    { key: "todo", label: "What to do", value: (i) => i.action },
  ];
  return (
    <>
      <p class="hint" data-testid="calendar-explanation">
        {cal.explanation}
      </p>
      <div class="toolbar no-print" role="group" aria-label="Filter the calendar">
        <div class="field">
          <label for="cal-kind">Kind</label>
          <select id="cal-kind" value={kind} onChange={(e) => p.setKind((e.currentTarget as HTMLSelectElement).value)}>
            <option value="all">All kinds ({cal.items.length})</option>
            {cal.counts.map((c) => (
              <option value={c.kind} key={c.kind}>
                {kindLabel(c.kind)} ({c.count})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="cal-from">Act by from</label>
          <input id="cal-from" type="date" value={fromDay} max={toDay} onChange={(e) => p.setFrom((e.currentTarget as HTMLInputElement).value || null)} />
        </div>
        <div class="field">
          <label for="cal-to">to</label>
          <input id="cal-to" type="date" value={toDay} min={fromDay} onChange={(e) => p.setTo((e.currentTarget as HTMLInputElement).value || null)} />
        </div>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            p.setKind("all");
            p.setFrom(null);
            p.setTo(null);
          }}
        >
          Clear filters
        </button>
      </div>
      <p role="status" data-testid="calendar-count">
        Showing {shown.length} of {cal.items.length} items: {overdue} overdue, {actNow} to act on within 30 days.
      </p>
      <div class="toolbar no-print">
        <button type="button" onClick={() => void exportAs("ics")} disabled={shown.length === 0}>
          Download calendar (.ics)
        </button>
        <button type="button" class="secondary" onClick={() => void exportAs("csv")} disabled={shown.length === 0}>
          Download CSV
        </button>
        <span role="status" class="status" data-testid="calendar-export-note">
          {p.exportNote}
        </span>
      </div>
      {shown.length === 0 ? (
        <p>No item matches these filters.</p>
      ) : (
        <DataTable id="calendar-table" caption={`Everything that expires, by the last day to act (${fromDay} to ${toDay})`} rowHeader={false} columns={columns} rows={shown} />
      )}
    </>
  );
}
