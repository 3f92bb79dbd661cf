import {
  addDaysIso,
  addMonthsIso,
  DISTRICT_CALENDAR,
  DistrictKitError,
  type FiscalCalendar,
  fiscalCalendarSchema,
  fiscalYearRange,
  isoDateSchema,
  Money,
  nonNegativeMoneySchema,
} from "@districtkit/core";
import { type Cohort, type DeviceModel, parseCohorts, supportEnds } from "@districtkit/lifecycle";
import { z } from "zod";
import { inSection, item, plural } from "./internal.js";
import type { CalendarItem } from "./item.js";

/**
 * The device part of a district calendar: the models and cohorts a lifecycle forecast takes,
 * the district's support-end rows and assignments (see lifecycle's `supportEnds`), how many days
 * before a support end a replacement must be ordered (`leadDays`, default 120), and how many
 * days before a warranty ends to decide on an extension (`warrantyNoticeDays`, default 30).
 *
 * @example
 * ```ts
 * calendarDevicesSchema.parse({ models: [], cohorts: [] }).leadDays; // => 120
 * ```
 * @category Calendar
 */
export const calendarDevicesSchema = z.object({
  models: z.array(z.unknown()),
  cohorts: z.array(z.unknown()),
  table: z.array(z.unknown()).default([]),
  assignments: z.array(z.unknown()).default([]),
  leadDays: z.number().int().min(0).max(3650).default(120),
  warrantyNoticeDays: z.number().int().min(0).max(3650).default(30),
  /** Show warranty ends (default true). */
  warranties: z.boolean().default(true),
  calendar: fiscalCalendarSchema.optional(),
});

/**
 * A lease as the calendar takes it: what goes back on `returnOn`, how many days of notice the
 * lessor needs, and the buyout price per device if the district keeps them.
 *
 * @example
 * ```ts
 * calendarLeaseSchema.parse({ id: "ipad-lease", name: "MS iPads", count: 240, returnOn: "2029-06-30" }).noticeDays; // => 0
 * ```
 * @category Calendar
 */
export const calendarLeaseSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(300),
  model: z.string().min(1).max(200).optional(),
  count: z.number().int().min(0).max(1e9),
  returnOn: isoDateSchema,
  noticeDays: z.number().int().min(0).max(3650).default(0),
  buyoutPerDevice: nonNegativeMoneySchema.optional(),
  source: z.string().max(500).optional(),
});

interface ModelTally {
  count: number;
  byYear: Map<number, { count: number; value: Money }>;
  schools: Set<string>;
}

/** @internal Device counts per model and purchase year, and their purchase value: counts are summed as integers per (model, year, unit cost) and each sum is multiplied once (20,000 cohorts make a few hundred decimal products, not 60,000). */
export function tallyCohorts(cohorts: readonly Cohort[], price: ReadonlyMap<string, Money>): Map<string, ModelTally> {
  const raw = new Map<string, { count: number; schools: Set<string>; byYear: Map<number, { count: number; byCost: Map<string, { unit: Money; count: number }> }> }>();
  for (const c of cohorts) {
    let t = raw.get(c.model);
    if (t === undefined) raw.set(c.model, (t = { count: 0, schools: new Set(), byYear: new Map() }));
    if (c.count === 0) continue;
    t.count += c.count;
    t.schools.add(c.school);
    let y = t.byYear.get(c.purchaseFiscalYear);
    if (y === undefined) t.byYear.set(c.purchaseFiscalYear, (y = { count: 0, byCost: new Map() }));
    y.count += c.count;
    const key = c.unitCost === undefined ? "" : c.unitCost.toString();
    const k = y.byCost.get(key);
    if (k === undefined) y.byCost.set(key, { unit: c.unitCost ?? price.get(c.model)!, count: c.count });
    else k.count += c.count;
  }
  const out = new Map<string, ModelTally>();
  for (const [model, t] of raw) {
    const byYear = new Map<number, { count: number; value: Money }>();
    for (const [year, y] of t.byYear) {
      let value = Money.ZERO;
      for (const k of y.byCost.values()) value = value.add(k.unit.multiply(k.count));
      byYear.set(year, { count: y.count, value });
    }
    out.set(model, { count: t.count, byYear, schools: t.schools });
  }
  return out;
}

/** @internal The device items: support ends (by model, with the cohorts by purchase year), paid extensions, last OS, end of sale, warranty ends. */
export function deviceItems(asOf: string, d: z.output<typeof calendarDevicesSchema>): CalendarItem[] {
  const se = inSection(["devices"], () => supportEnds({ asOf, models: d.models as never, table: d.table as never, assignments: d.assignments as never }));
  const cohorts = inSection(["devices", "cohorts"], () => parseCohorts(d.cohorts));
  const models = new Map<string, DeviceModel>(se.modelsWithSupportEnds.map((m) => [m.id, m]));
  const unknown = cohorts.flatMap((c, i) => (models.has(c.model) ? [] : [{ path: ["devices", "cohorts", i, "model"], code: "unknown_model", message: `unknown model "${c.model}"` }]));
  if (unknown.length > 0) throw new DistrictKitError("INVALID_INPUT", unknown);
  const price = new Map<string, Money>();
  for (const m of models.values()) price.set(m.id, m.unitPrice);
  const tally = tallyCohorts(cohorts, price);
  const calendar: FiscalCalendar = d.calendar ?? DISTRICT_CALENDAR;
  const out: CalendarItem[] = [];
  for (const line of se.models) {
    const t = tally.get(line.model);
    if (t === undefined || t.count === 0) continue;
    const m = models.get(line.model)!;
    const replacement = m.replacementModel !== undefined ? models.get(m.replacementModel) : undefined;
    const unit = (replacement ?? m).unitPrice;
    const years = [...t.byYear.entries()].sort((a, b) => a[0] - b[0]);
    const cohortWords = years.map(([y, v]) => `FY${y}: ${v.count.toLocaleString("en-US")}`).join(", ");
    const baseFacts: [string, string][] = [
      ["model", `${line.name} (${line.model})`],
      ["devices", t.count.toLocaleString("en-US")],
      ["cohorts by purchase year", cohortWords],
      ["schools", String(t.schools.size)],
    ];
    const refs = [{ kind: "model", id: line.model }];
    if (line.supportEnd !== null) {
      const cost = unit.multiply(t.count);
      const actBy = addDaysIso(line.supportEnd, -d.leadDays);
      const ext = line.extended;
      const firstExt = ext?.periods[0];
      const extCost = firstExt?.pricePerDevice ? firstExt.pricePerDevice.multiply(t.count) : null;
      out.push(
        item({
          id: `lifecycle:support-end:${line.model}`,
          date: line.supportEnd,
          lastDayToAct: actBy,
          kind: "device-support-end",
          source: "lifecycle",
          title: `${line.name}: ${line.basis === "auto-update-expiration" ? "Auto Update Expiration" : "end of support"} (${plural(t.count, "device")})`,
          action:
            (line.supportEnd < asOf
              ? `replace ${plural(t.count, "device")} now: support ended ${line.supportEnd} and they get no more updates`
              : `replace ${plural(t.count, "device")} (order by ${actBy}, ${d.leadDays} days ahead)`) +
            (firstExt ? `, or buy ${ext!.name} year 1${extCost ? ` (${extCost.format()})` : ""} to run them to ${firstExt.through}` : ""),
          atStake: { amount: cost, amountLabel: `replacement at ${unit.format()} each${replacement ? ` (${replacement.name ?? replacement.id})` : ""}`, units: t.count, unit: "devices" },
          explanation: `${line.explanation} ${plural(t.count, "device")} of this model are in service (${cohortWords}) at ${t.schools.size} ${t.schools.size === 1 ? "school" : "schools"}.`,
          facts: [
            ...baseFacts,
            ["support end", `${line.supportEnd}${line.estimated ? " (estimate)" : ""}`],
            ["how it was found", line.basis],
            ["source", line.source ?? "—"],
            ["replacement unit price", unit.format()],
            ["order lead time", `${d.leadDays} days`],
          ],
          refs,
        }),
      );
      if (ext !== null) {
        ext.periods.forEach((p, i) => {
          if (i === 0) return;
          const prev = ext.periods[i - 1]!;
          const c = p.pricePerDevice ? p.pricePerDevice.multiply(t.count) : null;
          out.push(
            item({
              id: `lifecycle:extension:${line.model}:${i + 1}`,
              date: prev.through,
              lastDayToAct: prev.through,
              kind: "device-extension",
              source: "lifecycle",
              title: `${line.name}: ${ext.name} year ${i} ends`,
              action: `buy year ${i + 1} (to ${p.through}) for ${plural(t.count, "device")}, or retire them`,
              atStake: { amount: c, amountLabel: c ? `year ${i + 1} at ${p.pricePerDevice!.format()} a device` : "price not entered", units: t.count, unit: "devices" },
              explanation: `${ext.name} runs in yearly periods; year ${i} ends ${prev.through}, year ${i + 1} covers ${p.from} – ${p.through}.${ext.note ? ` ${ext.note}.` : ""}`,
              facts: [...baseFacts, ["period", `${p.from} – ${p.through}`], ["price per device", p.pricePerDevice ? p.pricePerDevice.format() : "not entered"]],
              refs,
            }),
          );
        });
      }
    }
    if (line.featureUpdatesEnd !== null && line.lastSupportedOs !== null) {
      out.push(
        item({
          id: `lifecycle:last-os:${line.model}`,
          date: line.featureUpdatesEnd,
          lastDayToAct: null,
          kind: "device-last-os",
          source: "lifecycle",
          title: `${line.name}: no OS release after ${line.lastSupportedOs}`,
          action: line.supportEnd === null ? "enter a support end for the model (the vendor publishes none) and plan its replacement" : "plan the replacement before support ends",
          atStake: { amount: null, amountLabel: null, units: t.count, unit: "devices" },
          explanation: line.explanation,
          facts: [...baseFacts, ["last OS", line.lastSupportedOs], ["superseded on", line.featureUpdatesEnd], ["source", line.source ?? se.table.find((r) => r.id === line.entry)?.source ?? "—"]],
          refs,
        }),
      );
    }
    if (line.endOfSale !== null) {
      out.push(
        item({
          id: `lifecycle:end-of-sale:${line.model}`,
          date: line.endOfSale,
          lastDayToAct: line.endOfSale,
          kind: "device-end-of-sale",
          source: "lifecycle",
          title: `${line.name}: end of sale`,
          action: "buy any spares of this model before the vendor stops selling it",
          atStake: { amount: null, amountLabel: null, units: t.count, unit: "devices" },
          explanation: `${line.name} can no longer be bought after ${line.endOfSale} (${se.table.find((r) => r.id === line.entry)?.source ?? "district's table"}); support ends ${line.supportEnd ?? "on a date not entered"}.`,
          facts: baseFacts,
          refs,
        }),
      );
    }
    if (d.warranties && m.warrantyYears !== undefined && m.warrantyYears > 0) {
      for (const [y, v] of years) {
        const end = addMonthsIso(fiscalYearRange(y, calendar).start, 12 * m.warrantyYears);
        out.push(
          item({
            id: `lifecycle:warranty:${line.model}:${y}`,
            date: end,
            lastDayToAct: addDaysIso(end, -d.warrantyNoticeDays),
            kind: "device-warranty-end",
            source: "lifecycle",
            title: `${line.name} bought FY${y}: warranty ends (${plural(v.count, "device")})`,
            action: `extend the warranty or plan for repairs at the district's cost (decide by ${addDaysIso(end, -d.warrantyNoticeDays)})`,
            atStake: { amount: v.value, amountLabel: "purchase value losing warranty cover", units: v.count, unit: "devices" },
            explanation: `${line.name}: a ${m.warrantyYears}-year warranty on devices bought in FY${y} ends from ${end} (the first day of FY${y} + ${m.warrantyYears} years: the earliest a device of that purchase year can lose cover; later purchases keep it longer).`,
            facts: [
              ["model", `${line.name} (${line.model})`],
              ["purchase year", `FY${y}`],
              ["devices", v.count.toLocaleString("en-US")],
              ["warranty", `${m.warrantyYears} years`],
            ],
            refs: [...refs, { kind: "cohort-year", id: `${line.model}:${y}` }],
          }),
        );
      }
    }
  }
  return out;
}

/** @internal Lease return items. */
export function leaseItems(leases: readonly z.output<typeof calendarLeaseSchema>[]): CalendarItem[] {
  return leases.map((l) => {
    const buyout = l.buyoutPerDevice !== undefined ? l.buyoutPerDevice.multiply(l.count) : null;
    const act = addDaysIso(l.returnOn, -l.noticeDays);
    return item({
      id: `lease:${l.id}`,
      date: l.returnOn,
      lastDayToAct: act,
      kind: "lease-return",
      source: "lifecycle",
      title: `${l.name}: lease ends, ${plural(l.count, "device")} go back`,
      action: `collect and return ${plural(l.count, "device")}${buyout ? `, or buy them out (${buyout.format()})` : ""}; tell the lessor by ${act}`,
      atStake: { amount: buyout, amountLabel: buyout ? `buyout at ${l.buyoutPerDevice!.format()} a device` : null, units: l.count, unit: "devices" },
      explanation: `The lease of ${plural(l.count, "device")} (${l.name}) ends ${l.returnOn}; ${l.noticeDays > 0 ? `the lessor needs ${l.noticeDays} days' notice, so decide by ${act}` : "no notice period is entered"}.${l.source ? ` Source: ${l.source}.` : ""}`,
      facts: [
        ["devices", String(l.count)],
        ["return on", l.returnOn],
        ["notice", `${l.noticeDays} days`],
        ["buyout per device", l.buyoutPerDevice?.format() ?? "—"],
      ],
      refs: [{ kind: "lease", id: l.id }, ...(l.model ? [{ kind: "model", id: l.model }] : [])],
    });
  });
}
