import { readFileSync } from "node:fs";
import { isDistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { type DistrictCalendarInput, districtCalendar } from "./districtCalendar.js";

const read = (n: string): any => JSON.parse(readFileSync(new URL(`../../../../examples/data/sample-district/${n}.json`, import.meta.url), "utf8"));
const district = read("district");
const devices = read("devices");
const licenses = read("licenses");
const budget = read("budget");

/** The sample district (Maple Valley) with every part of the calendar given. */
export function sampleCalendarInput(): DistrictCalendarInput {
  return {
    asOf: district.asOf,
    devices: { models: devices.models, cohorts: devices.cohorts },
    leases: [{ id: "ms-ipads", name: "Middle-school iPads", count: 240, returnOn: "2029-06-30", noticeDays: 90, buyoutPerDevice: "40" }],
    licences: { contracts: licenses.currentContracts, products: licenses.products.map((p: { id: string; name: string }) => ({ id: p.id, name: p.name })) },
    budget: { model: { district, budget } },
    c2: { cycle: "FY2026-FY2030", lastFundingYear: 2030, budget: "183831.84", remaining: "30231.84", discountPercent: 70 },
    eRate: {
      fundingYear: 2026,
      purchases: [{ id: "wifi", name: "Wi-Fi refresh", category: "C2", kind: "non-recurring", amount: "60000", form470PostedOn: "2026-01-10", contractSignedOn: "2026-02-09" }],
    },
    reviews: [{ appId: "quizblast", appName: "QuizBlast", decision: "approved", reReview: { on: "2027-06-30", because: "annual review" } }],
    agreements: [{ id: "dpa-readwell", vendor: "ReadWell Inc.", expiresOn: "2027-06-30", noticeDays: 60, students: 912 }],
  };
}

describe("districtCalendar on the sample district", () => {
  const cal = districtCalendar({ ...sampleCalendarInput(), from: "2000-01-01", to: "2100-01-01" });

  it("merges every part, sorted by the last day to act, then the date", () => {
    expect(cal.parts).toEqual(["devices", "leases", "licences", "budget", "c2", "eRate", "reviews", "agreements"]);
    const kinds = new Set(cal.items.map((i) => i.kind));
    for (const k of [
      "device-support-end",
      "device-warranty-end",
      "lease-return",
      "licence-renewal",
      "fund-obligation",
      "fund-liquidation",
      "c2-cycle-end",
      "erate-deadline",
      "vetting-review",
      "agreement-expiry",
    ])
      expect(kinds).toContain(k);
    const key = (i: (typeof cal.items)[number]) => `${i.lastDayToAct ?? i.date}|${i.date}`;
    for (let i = 1; i < cal.items.length; i++) expect(key(cal.items[i - 1]!) <= key(cal.items[i]!)).toBe(true);
    expect(new Set(cal.items.map((i) => i.id)).size).toBe(cal.items.length);
    expect(cal.outside).toEqual({ before: 0, after: 0 });
  });

  it("gives one licence renewal per current contract, with its notice deadline as the last day to act", () => {
    const r = cal.items.filter((i) => i.kind === "licence-renewal");
    expect(r).toHaveLength(licenses.currentContracts.length);
    for (const i of r) expect(i.lastDayToAct! <= i.date).toBe(true);
  });

  it("counts the devices of a support end from the cohorts, and the money as count × the replacement's price", () => {
    for (const it of cal.items.filter((i) => i.kind === "device-support-end")) {
      const model = it.refs.find((r) => r.kind === "model")!.id;
      const count = devices.cohorts.filter((c: { model: string }) => c.model === model).reduce((s: number, c: { count: number }) => s + c.count, 0);
      expect(it.atStake.units).toBe(count);
      const m = devices.models.find((x: { id: string }) => x.id === model);
      const repl = devices.models.find((x: { id: string }) => x.id === m.replacementModel) ?? m;
      expect(it.atStake.amount!.toString()).toBe((Number(repl.unitPrice) * count).toString());
      expect(it.explanation).toContain(`${count.toLocaleString("en-US")} device`);
    }
  });

  it("says a support end that has passed with devices still in service needs replacing now", () => {
    const past = cal.items.find((i) => i.kind === "device-support-end" && i.date < cal.asOf)!;
    expect(past.action).toMatch(/^replace [\d,]+ devices now: support ended \d{4}-\d{2}-\d{2}/);
  });

  it("ends the C2 cycle on 30 June after its last funding year, acting by that year's Form 471 window if published", () => {
    const c2 = cal.items.find((i) => i.kind === "c2-cycle-end")!;
    expect(c2.date).toBe("2031-06-30");
    expect(c2.atStake.amount!.toString()).toBe("30231.84");
    expect(c2.budgetLines.length).toBeGreaterThan(0);
  });

  it("takes the C2 cycle from the budget projection when no drawdown is given", () => {
    const { c2: _, ...rest } = sampleCalendarInput();
    const c = districtCalendar({ ...rest, from: "2000-01-01", to: "2100-01-01" });
    const c2 = c.items.filter((i) => i.kind === "c2-cycle-end");
    expect(c2.map((i) => i.date)).toEqual(["2031-06-30"]);
    expect(c2[0]!.explanation).toContain("From the budget projection");
  });

  it("links a fund's deadlines to the budget lines the fund may pay", () => {
    const funds = cal.items.filter((i) => i.kind === "fund-obligation");
    expect(funds.length).toBeGreaterThan(0);
    expect(funds.some((i) => i.budgetLines.length > 0)).toBe(true);
  });

  it("links a renewal to the budget line that names its product, never on a bare number", () => {
    const readwell = cal.items.find((i) => i.kind === "licence-renewal" && i.refs.some((r) => r.id === "reading"))!;
    expect(readwell.budgetLines.map((l) => l.name)).toEqual(["Reading program (K–5)"]);
    for (const i of cal.items) for (const l of i.budgetLines) expect(l.how).not.toMatch(/names "\d+"/);
  });

  it("marks status at the as-of date: passed, overdue, act-now (within 30 days), upcoming", () => {
    for (const i of cal.items) {
      const act = i.lastDayToAct ?? i.date;
      const want = act < cal.asOf ? (i.date < cal.asOf ? "passed" : "overdue") : act <= "2026-07-31" ? "act-now" : "upcoming";
      expect(i.status).toBe(want);
    }
  });

  it("the explanation's counts agree with the items", () => {
    const overdue = cal.items.filter((i) => i.status === "overdue").length;
    expect(cal.explanation).toContain(`${cal.items.length} dated items`);
    expect(cal.explanation).toContain(`${overdue} overdue at ${cal.asOf}`);
  });

  it("leaves out items outside the default window but counts them", () => {
    const narrow = districtCalendar(sampleCalendarInput());
    expect(narrow.items.length + narrow.outside.before + narrow.outside.after).toBe(cal.items.length);
  });
});

describe("districtCalendar input errors", () => {
  it("prefixes an engine's error path with the calendar part", () => {
    try {
      districtCalendar({
        asOf: "2026-07-01",
        devices: {
          models: devices.models,
          cohorts: [
            { ...devices.cohorts[0], count: -1 },
            { ...devices.cohorts[1], model: "nope" },
          ],
        },
      });
      expect.unreachable();
    } catch (e) {
      expect(isDistrictKitError(e)).toBe(true);
      expect((e as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join("."))[0]).toBe("devices.cohorts.0.count");
    }
  });
  it("renames a custom item that reuses an engine's id and keeps both", () => {
    const cal = districtCalendar({
      asOf: "2026-07-01",
      reviews: [{ appId: "q", appName: "Q", reReview: { on: "2027-01-01", because: "x" } }],
      custom: [{ id: "vetting:re-review:q", date: "2027-02-01", kind: "custom", source: "district", title: "Mine", action: "a", explanation: "" }],
    });
    expect(cal.items.map((i) => i.id)).toEqual(["vetting:re-review:q", "vetting:re-review:q~2"]);
    expect(cal.renamed).toEqual([{ from: "vetting:re-review:q", to: "vetting:re-review:q~2" }]);
  });
});
