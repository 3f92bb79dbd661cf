import { addDaysIso, daysBetween, Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEquipmentRules, checkERateEligibility, ERATE_PROCUREMENT_RULES, eRateProcurementCalendar, evaluateBids, planC2Drawdown } from "../index.js";

const day = fc.integer({ min: 0, max: 3000 }).map((d) => addDaysIso("2020-01-01", d));
const cents = fc.integer({ min: 1, max: 50_000_000 }).map((c) => Money.fromCents(c));

describe("E-Rate operations — properties", () => {
  it("a deadline moves with its rule's date: the window's close, the wait, the invoice days", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 30, max: 200 }), (shift, wait, invoiceDays) => {
        const base = { form471Opens: "2027-01-10", form471Closes: "2027-03-31", source: "t" };
        const rules = { ...ERATE_PROCUREMENT_RULES[0]!, form470WaitDays: wait, invoiceDays, sources: [...ERATE_PROCUREMENT_RULES[0]!.sources] };
        const a = eRateProcurementCalendar({ fundingYear: 2027, window: base, rules });
        const b = eRateProcurementCalendar({ fundingYear: 2027, window: { ...base, form471Closes: addDaysIso(base.form471Closes, shift) }, rules: { ...rules, invoiceDays: invoiceDays + 7 } });
        const get = (r: typeof a, id: string) => r.milestones.find((m) => m.id === id)!.date;
        expect(daysBetween(get(b, "last-form-470"), get(a, "last-form-470"))).toBe(shift);
        expect(daysBetween(get(a, "window-closes"), get(a, "last-form-470"))).toBe(wait);
        expect(daysBetween(get(b, "recurring-invoice-deadline"), get(a, "recurring-invoice-deadline"))).toBe(7);
        expect(daysBetween(get(b, "non-recurring-invoice-deadline"), get(a, "non-recurring-invoice-deadline"))).toBe(7);
        const ds = b.milestones.map((m) => m.date);
        expect(ds).toEqual([...ds].sort());
      }),
      { numRuns: 100 },
    );
  });

  it("a contract signed on the allowable contract date never breaks the wait; a day earlier always does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), (d) => {
        const posted = addDaysIso("2025-11-01", d);
        const acd = addDaysIso(posted, 28);
        const cal = (signed: string) =>
          eRateProcurementCalendar({ fundingYear: 2026, purchases: [{ id: "p", name: "P", category: "C2", kind: "non-recurring", form470PostedOn: posted, contractSignedOn: signed }] }).warnings.map(
            (w) => w.code,
          );
        expect(cal(acd)).not.toContain("contract-before-wait");
        expect(cal(addDaysIso(acd, -1))).toContain("contract-before-wait");
      }),
      { numRuns: 60 },
    );
  });

  const matrix = fc.record({
    weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 5 }),
    bids: fc.array(fc.record({ price: cents, points: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 5, maxLength: 5 }) }), { minLength: 1, maxLength: 6 }),
  });
  const build = (m: { weights: number[]; bids: { price: Money; points: number[] }[] }, scale = 1) => ({
    criteria: m.weights.map((w, i) => ({ id: `k${i}`, name: `K${i}`, weight: w * scale, price: i === 0 })),
    bids: m.bids.map((b, j) => ({ id: `b${j}`, vendor: `V${j}`, price: b.price, scores: m.weights.slice(1).map((_, i) => ({ criterion: `k${i + 1}`, points: b.points[i]! })) })),
  });

  it("bids: the weight check is exactly 'price weighs more than every other single factor'; rescaling weights changes nothing; contributions add up", () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 2, max: 50 }), (m, scale) => {
        const r = evaluateBids(build(m));
        const s = evaluateBids(build(m, scale));
        expect(r.compliant).toBe(m.weights.slice(1).every((w) => w < m.weights[0]!));
        expect(s.bids.map((b) => [b.id, b.total])).toEqual(r.bids.map((b) => [b.id, b.total]));
        expect(s.winner).toBe(r.winner);
        for (const b of r.bids) {
          expect(b.total).toBeGreaterThanOrEqual(0);
          expect(b.total).toBeLessThanOrEqual(100.0001);
          expect(Math.abs(b.contributions.reduce((a, c) => a + c.contribution, 0) - b.total)).toBeLessThan(1e-3);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("bids: a lower price never lowers a bid's total", () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 1, max: 99 }), (m, pct) => {
        const r = evaluateBids(build(m));
        const cheaper = {
          ...m,
          bids: m.bids.map((b, j) => (j === 0 ? { ...b, price: b.price.multiply(pct).divide(100).roundToCents().isZero() ? Money.of("0.01") : b.price.multiply(pct).divide(100).roundToCents() } : b)),
        };
        const s = evaluateBids(build(cheaper));
        expect(s.bids.find((b) => b.id === "b0")!.total).toBeGreaterThanOrEqual(r.bids.find((b) => b.id === "b0")!.total - 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it("C2 drawdown: each request splits to the cent, years and buildings add up, no request is lost", () => {
    const req = fc.record({
      building: fc.constantFrom("a", "b", "c", "district"),
      fundingYear: fc.integer({ min: 2026, max: 2030 }),
      amount: cents,
      status: fc.constantFrom("committed", "requested", "planned") as fc.Arbitrary<"committed" | "requested" | "planned">,
    });
    fc.assert(
      fc.property(fc.array(req, { maxLength: 25 }), fc.integer({ min: 20, max: 90 }), cents, (rs, discount, before) => {
        const d = planC2Drawdown({
          schools: [
            { id: "a", students: 100 },
            { id: "b", students: 250 },
            { id: "c", students: 0 },
          ],
          discountPercent: discount,
          committedBefore: before,
          requests: rs.map((r, i) => ({ id: `r${i}`, name: `R${i}`, ...r })),
        });
        expect(d.requests.map((r) => r.id).sort()).toEqual(rs.map((_, i) => `r${i}`).sort());
        for (const r of d.requests) expect(r.eRatePays.add(r.districtPays).equals(r.amount)).toBe(true);
        const all = Money.sum(rs.map((r) => r.amount));
        expect(Money.sum(d.years.map((y) => y.total)).equals(all)).toBe(true);
        expect(Money.sum(d.buildings.map((b) => b.total)).equals(all)).toBe(true);
        expect(d.remaining.equals(d.budget.subtract(before).subtract(all))).toBe(true);
        const lines = d.planLines.flatMap((l) => Object.values(l.amounts)).map((a) => Money.of(a));
        expect(Money.sum(lines).equals(all)).toBe(true);
        // fits is exactly "cumulative ≤ budget" in drawdown order, and cumulative only grows
        let prev = before;
        for (const r of d.requests) {
          expect(r.cumulative.equals(prev.add(r.amount))).toBe(true);
          expect(r.fits).toBe(r.cumulative.lessThanOrEqual(d.budget));
          prev = r.cumulative;
        }
      }),
      { numRuns: 100 },
    );
  });

  it("eligibility: a ruling adopted after the day checked changes nothing", () => {
    const services = ["school-bus-wifi", "off-premises-hotspots", "switches", "basic-firewall", "voice"];
    fc.assert(
      fc.property(fc.integer({ min: 2015, max: 2030 }), day, fc.integer({ min: 1, max: 900 }), fc.boolean(), fc.constantFrom(...services), (fy, asOf, after, eligible, service) => {
        const items = services.map((s) => ({ id: s, service: s }));
        const a = checkERateEligibility({ fundingYear: fy, rulesAsOf: asOf, items });
        const b = checkERateEligibility({
          fundingYear: fy,
          rulesAsOf: asOf,
          items,
          editions: [{ id: "later", adopted: addDaysIso(asOf, after), title: "later", source: "t", changes: [{ service, eligible, fromFundingYear: 2015 }] }],
        });
        expect(b.items.map((i) => i.eligible)).toEqual(a.items.map((i) => i.eligible));
        const c = checkERateEligibility({
          fundingYear: fy,
          rulesAsOf: addDaysIso(asOf, after),
          items,
          editions: [{ id: "later", adopted: addDaysIso(asOf, after), title: "later", source: "t", changes: [{ service, eligible, fromFundingYear: 2015 }] }],
        });
        expect(c.items.find((i) => i.id === service)!.eligible).toBe(eligible);
      }),
      { numRuns: 100 },
    );
  });

  it("equipment: disposal is flagged exactly when it comes before installation + 5 years", () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -2000, max: 4000 }),
        fc.constantFrom("dispose", "sell", "trade-in", "recycle", "retire") as fc.Arbitrary<"dispose" | "sell" | "trade-in" | "recycle" | "retire">,
        (installed, offset, action) => {
          const on = addDaysIso(installed, offset);
          const r = checkEquipmentRules({ items: [{ id: "x", building: "s", installedOn: installed }], plan: [{ item: "x", action, on }] });
          const f = r.findings[0]!;
          const early = on < f.allowedFrom!;
          expect(f.severity !== "ok").toBe(early);
          expect(f.allowedFrom! > installed).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
