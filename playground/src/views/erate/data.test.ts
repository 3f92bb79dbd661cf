import { readFileSync } from "node:fs";
import { prepareBudget } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { baselineLines, c2Cohorts, defaultRequests, guessService, nextFundingYear, plannedItems, windowFor } from "./data.js";

// The E-Rate view's inputs drawn from the sample district's data.
const sample = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../examples/data/sample-district/${name}.json`, import.meta.url), "utf8"));
const model = prepareBudget({ district: sample("district"), budget: sample("budget") } as Parameters<typeof prepareBudget>[0]);

describe("the E-Rate view's inputs", () => {
  it("takes the funding year after the as-of date's (E-Rate years start on 1 July)", () => {
    expect(nextFundingYear("2026-07-01")).toBe(2027);
    expect(nextFundingYear("2026-06-30")).toBe(2026);
    expect(nextFundingYear("2026-01-10")).toBe(2026);
  });

  it("uses USAC's window when published, else the analyst's, else the last published one moved a year and says so", () => {
    expect(windowFor(2026, { opens: "2026-02-01", closes: "2026-03-01" })).toMatchObject({ opens: "2026-01-21", closes: "2026-04-01", kind: "published" });
    expect(windowFor(2027, undefined)).toMatchObject({ opens: "2027-01-21", closes: "2027-04-01", kind: "estimate" });
    expect(windowFor(2027, undefined).source).toContain("estimate");
    expect(windowFor(2027, { opens: "2027-01-14", closes: "2027-03-25" })).toMatchObject({ opens: "2027-01-14", closes: "2027-03-25", kind: "entered" });
  });

  it("reads services from names without taking a rack server for cabling", () => {
    expect(guessService("Rack server")).toBeNull();
    expect(guessService("Cabling and racks")).toBe("cabling");
    expect(guessService("Cellular hotspots for students without home internet")).toBe("off-premises-hotspots");
    expect(guessService("Next-generation firewall subscription")).toBe("next-generation-firewall");
    expect(guessService("AP-515 Wi-Fi access point")).toBe("wireless-access-points");
  });

  it("draws the default C2 requests from the budget's C2 lines, to the cent, splitting a refresh among the schools by their units", () => {
    const rows = defaultRequests(model, 2027, sample("devices"));
    const c2 = baselineLines(model).filter((l) => l.eRate === "C2");
    const inCycle = Money.sum(c2.flatMap((l) => [...l.cost].filter(([y]) => y >= 2027 && y <= 2031).map(([, v]) => Money.of(v))));
    expect(Money.sum(rows.map((r) => Money.of(r.amount))).toString()).toBe(inCycle.toString());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // switches: 8, 7 and 9 in the schools, $3,800 each
    expect(rows.filter((r) => r.from === "switches").map((r) => [r.building, r.amount])).toEqual([
      ["mves", "30400"],
      ["mvms", "26600"],
      ["mvhs", "34200"],
    ]);
    // a line of a service no school holds stays district-wide
    expect(rows.filter((r) => r.from === "cabling").map((r) => r.building)).toEqual(["district"]);
  });

  it("lists the planned items, the hotspots among them, and the C2 equipment of the inventory", () => {
    const items = plannedItems(model, 2027, [{ item: "hotspots", service: "school-bus-wifi" }]);
    expect(items.find((i) => i.id === "hotspots")?.service).toBe("school-bus-wifi");
    expect(items.some((i) => i.id === "hs-chromebooks")).toBe(false);
    const cohorts = c2Cohorts(sample("devices"), undefined);
    expect(new Set(cohorts.map((c) => c.model))).toEqual(new Set(["ap-515", "switch-48", "ups-3kva"]));
    expect(cohorts.find((c) => c.model === "ups-3kva")?.planRetire).toBe(2027);
    expect(c2Cohorts(sample("devices"), 4).every((c) => c.planRetire === c.installedFiscalYear + 4)).toBe(true);
  });
});
