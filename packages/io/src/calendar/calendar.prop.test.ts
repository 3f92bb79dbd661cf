import { addDaysIso, Money } from "@districtkit/core";
import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { districtCalendar } from "./districtCalendar.js";
import { tallyCohorts } from "./fromDevices.js";
import { calendarToIcs } from "./ics.js";
import { CALENDAR_KINDS } from "./item.js";

// Days as offsets from 2026-07-01 (about ten years either side), so every date is valid.
const day = fc.integer({ min: -3650, max: 3650 }).map((n) => addDaysIso("2026-07-01", n));
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const text = fc.string({ unit: "binary", minLength: 1, maxLength: 120 });

const lease = fc.record({ id, name: fc.constant("Lease"), count: fc.nat(5000), returnOn: day, noticeDays: fc.nat(365) });
const agreement = fc.record({ id, vendor: fc.constant("Vendor"), expiresOn: day, noticeDays: fc.nat(365) });
const review = fc.record({ appId: id, appName: fc.constant("App"), reReview: fc.record({ on: day, because: fc.constant("annual") }) });
const custom = fc.record({
  id,
  date: day,
  lastDayToAct: fc.option(day, { nil: null }),
  kind: fc.constantFrom(...CALENDAR_KINDS),
  source: fc.constant("district" as const),
  title: text,
  action: fc.constant("act"),
  explanation: fc.constant(""),
});
const contract = fc
  .record({ productId: id, annualCost: fc.nat(1_000_000).map((c) => (c / 100).toFixed(2)), startDate: day, renewalDate: day, noticeDays: fc.nat(200) })
  .filter((c) => c.startDate < c.renewalDate);

describe("districtCalendar properties", () => {
  it("keeps every input deadline exactly once, with its own date, in calendar order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(lease, { selector: (l) => l.id, maxLength: 8 }),
        fc.uniqueArray(agreement, { selector: (a) => a.id, maxLength: 8 }),
        fc.uniqueArray(review, { selector: (r) => r.appId, maxLength: 8 }),
        fc.array(custom, { maxLength: 8 }),
        fc.array(contract, { maxLength: 6 }),
        (leases, agreements, reviews, customs, contracts) => {
          const cal = districtCalendar({ asOf: "2026-07-01", from: "1990-01-01", to: "2060-12-31", leases, agreements, reviews, custom: customs, licences: { contracts } });
          const n = leases.length + agreements.length + reviews.length + customs.length + contracts.length;
          expect(cal.items).toHaveLength(n);
          expect(new Set(cal.items.map((i) => i.id)).size).toBe(n);
          const byId = new Map(cal.items.map((i) => [i.id, i]));
          for (const l of leases) expect([byId.get(`lease:${l.id}`)?.date, byId.get(`lease:${l.id}`)?.lastDayToAct]).toEqual([l.returnOn, addDaysIso(l.returnOn, -l.noticeDays)]);
          for (const a of agreements) expect(byId.get(`privacy:expiry:${a.id}`)?.date).toBe(a.expiresOn);
          for (const r of reviews) expect(byId.get(`vetting:re-review:${r.appId}`)?.date).toBe(r.reReview.on);
          const customDates = cal.items
            .filter((i) => i.source === "district")
            .map((i) => i.date)
            .sort();
          expect(customDates).toEqual(customs.map((c) => c.date).sort());
          expect(cal.items.filter((i) => i.kind === "licence-renewal" && i.source === "licenses")).toHaveLength(contracts.length);
          for (let i = 1; i < cal.items.length; i++) {
            const a = cal.items[i - 1]!;
            const b = cal.items[i]!;
            const ka = a.lastDayToAct ?? a.date;
            const kb = b.lastDayToAct ?? b.date;
            expect(ka < kb || (ka === kb && a.date <= b.date)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a window never loses an item: shown + before + after = all", () => {
    fc.assert(
      fc.property(fc.array(custom, { maxLength: 20 }), day, day, (customs, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const cal = districtCalendar({ asOf: "2026-07-01", from, to, custom: customs });
        expect(cal.items.length + cal.outside.before + cal.outside.after).toBe(customs.length);
        for (const i of cal.items) expect((i.lastDayToAct ?? i.date) >= from && (i.lastDayToAct ?? i.date) <= to).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("a lease's deadline moves with its return date, day for day", () => {
    fc.assert(
      fc.property(lease, fc.integer({ min: -400, max: 400 }), (l, shift) => {
        const at = (x: typeof l) => districtCalendar({ asOf: "2026-07-01", from: "1990-01-01", to: "2060-12-31", leases: [x] }).items[0]!;
        const moved = at({ ...l, returnOn: addDaysIso(l.returnOn, shift) });
        expect(moved.lastDayToAct).toBe(addDaysIso(at(l).lastDayToAct!, shift));
      }),
      { numRuns: 60 },
    );
  });
});

describe("iCalendar round trip (ical.js reads what calendarToIcs writes)", () => {
  it("gives back each item's date, last day to act and title, with no physical line over 75 octets", () => {
    fc.assert(
      fc.property(fc.uniqueArray(custom, { selector: (c) => c.id, maxLength: 10 }), (items) => {
        const ics = calendarToIcs({ asOf: "2026-07-01", items });
        for (const l of ics.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
        const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
        const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue("uid")), e]));
        for (const it of items) {
          const e = byUid.get(`${it.id}@districtkit`)!;
          expect(String(e.getFirstPropertyValue("dtstart"))).toBe(it.date);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the property looks for control characters the .ics text must not hold
          const clean = it.title.replace(/\r\n|\r|\n/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
          expect(String(e.getFirstPropertyValue("summary"))).toBe(clean);
          const act = byUid.get(`${it.id}#act@districtkit`);
          if (it.lastDayToAct !== null && it.lastDayToAct < it.date) expect(String(act!.getFirstPropertyValue("dtstart"))).toBe(it.lastDayToAct);
          else expect(act).toBeUndefined();
        }
        const expected = items.reduce((n, it) => n + (it.lastDayToAct !== null && it.lastDayToAct < it.date ? 2 : 1), 0);
        expect(events).toHaveLength(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe("tallyCohorts (integer sums, one product per unit cost) agrees with the per-cohort reference", () => {
  // reference: every cohort's value multiplied and added on its own
  function reference(cohorts: readonly { model: string; purchaseFiscalYear: number; count: number; unitCost?: Money }[], price: ReadonlyMap<string, Money>) {
    const out = new Map<string, Map<number, { count: number; value: Money }>>();
    for (const c of cohorts) {
      if (c.count === 0) continue;
      const m = out.get(c.model) ?? new Map();
      out.set(c.model, m);
      const y = m.get(c.purchaseFiscalYear) ?? { count: 0, value: Money.ZERO };
      m.set(c.purchaseFiscalYear, { count: y.count + c.count, value: y.value.add((c.unitCost ?? price.get(c.model)!).multiply(c.count)) });
    }
    return out;
  }
  it("gives the same counts and values to the cent, per model and year", () => {
    const cohort = fc.record(
      {
        model: fc.constantFrom("a", "b", "c"),
        school: fc.constantFrom("s1", "s2"),
        role: fc.constant("student" as const),
        purchaseFiscalYear: fc.integer({ min: 2018, max: 2026 }),
        count: fc.nat(5000),
        unitCost: fc.integer({ min: 0, max: 200_000 }).map((c) => Money.of(c).divide(100)),
      },
      { requiredKeys: ["model", "school", "role", "purchaseFiscalYear", "count"] },
    );
    fc.assert(
      fc.property(fc.array(cohort, { maxLength: 60 }), (cohorts) => {
        const price = new Map([
          ["a", Money.of("309")],
          ["b", Money.of("412.37")],
          ["c", Money.of("0.01")],
        ]);
        const got = tallyCohorts(cohorts, price);
        const want = reference(cohorts, price);
        for (const [model, years] of want) {
          const t = got.get(model)!;
          expect(t.count).toBe([...years.values()].reduce((n, y) => n + y.count, 0));
          for (const [year, y] of years) {
            expect(t.byYear.get(year)!.count).toBe(y.count);
            expect(t.byYear.get(year)!.value.toString()).toBe(y.value.toString());
          }
          expect(t.byYear.size).toBe(years.size);
        }
      }),
      { numRuns: 200 },
    );
  });
});
