import { readFileSync } from "node:fs";
import { checkEquipmentRules, eRateProcurementCalendar, evaluateBids, planC2Drawdown, prepareBudget, projectBudget, recheckERateEligibility } from "@districtkit/budget";
import { addDaysIso, Money } from "@districtkit/core";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { c2Cohorts, calendarPurchases, DEFAULT_BIDS, DEFAULT_CRITERIA, defaultRequests, nextFundingYear, plannedItems, windowFor } from "../src/views/erate/data.js";
import { foreignRequests, openPage, SCREENSHOTS, screenshot, useBrowser } from "./browser.js";

// The E-Rate tab (issue 20, section 2): next year's procurement calendar, the bid matrix, the C2
// drawdown by building, eligibility re-checked under another ruling and the equipment rules — each
// compared with the @districtkit/budget engine run here on the sample district's own files.
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const sample = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../examples/data/sample-district/${name}.json`, import.meta.url), "utf8"));
const district = sample("district") as { asOf: string };
const model = prepareBudget({ district, budget: sample("budget") } as Parameters<typeof prepareBudget>[0]);
const asOf = district.asOf;
const fy = nextFundingYear(asOf);

/** "$1,234.56" / "−$5.00" → a decimal string (exact: parsed as text, never a float). */
function amount(text: string | null): string {
  const m = /^([−-]?)\$([\d,]+(?:\.\d{2})?)$/.exec((text ?? "").trim());
  if (!m) throw new Error(`not an amount: "${text}"`);
  return Money.of(`${m[1] ? "-" : ""}${m[2]!.replace(/,/g, "")}`).toString();
}

/** "$1,234.56" → cents. */
const cents = (text: string | null): bigint => BigInt(Money.of(amount(text)).multiply(100).toString());

/** The open scenario's total in the Budget tab's headline table (second row: the first what-if). */
async function scenarioTotal(page: Page): Promise<bigint> {
  await page.getByRole("tab", { name: "Budget" }).click();
  const table = page.getByTestId("headline-table");
  await table.waitFor({ timeout: 30_000 });
  return cents(await table.locator("tbody tr").nth(1).locator("td").first().textContent());
}

async function openERate(width = 1280, height = 800) {
  const w = await openPage(browser(), { width, height });
  await w.page.goto(baseUrl);
  await w.page.getByRole("tab", { name: "E-Rate" }).click();
  await w.page.getByTestId("erate-calendar-explanation").waitFor({ timeout: 30_000 });
  return w;
}

const milestoneDates = (page: Page) => page.locator("#erate-milestones [data-milestone]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-milestone"), e.textContent] as const));

describe("the E-Rate tab", () => {
  it("lays out next year's procurement calendar as the engine does, and warns when a planned date breaks a rule", async () => {
    expect(fy).toBe(2027); // the sample's as-of date, 1 July 2026, is the first day of FY2026
    const w = await openERate();
    const { page } = w;
    expect(await page.getByTestId("erate-intro").textContent()).toContain(`FY${fy}`);
    // FY2027's window is not published: the view shows its estimate and says so
    const win = windowFor(fy, undefined);
    expect(win.kind).toBe("estimate");
    expect(await page.getByTestId("erate-window").textContent()).toContain(`${win.opens} – ${win.closes}`);
    expect(await page.getByTestId("erate-window").textContent()).toContain("estimate");
    const input = { fundingYear: fy, window: { form471Opens: win.opens, form471Closes: win.closes, source: win.source }, purchases: calendarPurchases(model, fy, {}), eligibilityAsOf: asOf };
    const cal = eRateProcurementCalendar(input);
    expect(await page.getByTestId("erate-calendar-explanation").textContent()).toBe(cal.explanation);
    expect(await milestoneDates(page)).toEqual(cal.milestones.filter((m) => m.purchase === null).map((m) => [m.id, m.date]));
    // the rule itself, independently of the engine: the last Form 470 is the window's close minus 28 days
    const shown = new Map(await milestoneDates(page));
    expect(shown.get("last-form-470")).toBe(addDaysIso(win.closes, -28));
    expect(shown.get("service-start")).toBe(`${fy}-07-01`);
    expect(shown.get("non-recurring-invoice-deadline")).toBe(addDaysIso(`${fy + 1}-09-30`, 120));
    // the purchases are the budget's E-Rate lines of FY2028 (district year), among them the Wi-Fi refresh
    const names = await page.locator("#erate-purchases tbody tr th").allTextContents();
    expect(names).toEqual(cal.purchases.map((p) => p.name));
    expect(names.some((n) => n.includes("Wi-Fi access point refresh"))).toBe(true);
    expect(await page.getByTestId("erate-calendar-warnings").textContent()).toContain("No rule broken");
    await screenshot(page, "desktop-erate");
    const sections = page.locator("section.erate-section");
    for (let i = 0; i < (await sections.count()); i++) await sections.nth(i).screenshot({ path: `${SCREENSHOTS}desktop-erate-section-${i + 1}.png` });

    // a contract signed before the 28 days are over
    await page.getByLabel("Form 470 posted on").fill("2027-01-10");
    await page.getByLabel("Contract signed on").fill("2027-02-05");
    const dated = eRateProcurementCalendar({ ...input, purchases: calendarPurchases(model, fy, { form470On: "2027-01-10", contractOn: "2027-02-05" }) });
    expect(dated.warnings.length).toBeGreaterThan(0);
    expect(dated.warnings.every((x) => x.code === "contract-before-wait")).toBe(true);
    const warnings = page.getByTestId("erate-calendar-warnings").locator("li");
    await expect.poll(() => warnings.count()).toBe(dated.warnings.length);
    const texts = await warnings.allTextContents();
    dated.warnings.forEach((x, i) => expect(texts[i]).toContain(x.message));
    expect(texts[0]).toContain("before the allowable contract date 2027-02-07");
    // on day 29 the contract is allowed
    await page.getByLabel("Contract signed on").fill("2027-02-07");
    await expect.poll(() => page.getByTestId("erate-calendar-warnings").textContent()).toContain("No rule broken");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("scores the bids, names the winner, and refuses a winner when price is not the heaviest factor", async () => {
    const w = await openERate();
    const { page } = w;
    const input = (weights: readonly string[]) => ({
      criteria: DEFAULT_CRITERIA.map((c, i) => ({ id: c.id, name: c.name, weight: Number(weights[i]), price: i === 0 })),
      bids: DEFAULT_BIDS.map((b) => ({ id: b.id, vendor: b.vendor, price: b.price, scores: DEFAULT_CRITERIA.slice(1).map((c, k) => ({ criterion: c.id, points: Number(b.points[k]) })) })),
    });
    const r = evaluateBids(input(DEFAULT_CRITERIA.map((c) => c.weight)));
    expect(r.compliant).toBe(true);
    const verdict = page.getByTestId("bid-verdict");
    expect(await page.getByTestId("bid-winner").textContent()).toBe(DEFAULT_BIDS.find((b) => b.id === r.winner)!.vendor);
    expect(await page.getByTestId("bid-explanation").textContent()).toBe(r.explanation);
    expect(await page.getByTestId("bid-robustness").textContent()).toContain(r.robustness!.sentence);
    const totals = await page.locator("#er-bid-scores tbody tr td:last-child").allTextContents();
    expect(totals).toEqual(r.bids.map((b) => b.total.toFixed(2)));

    // Experience now weighs 45, more than price's 40
    await page.getByLabel("Weight, Experience and references").fill("45");
    const broken = evaluateBids(input(["40", "45", "30"]));
    expect(broken.compliant).toBe(false);
    expect(broken.winner).toBeNull();
    await expect.poll(() => verdict.textContent()).toContain("The weights break the rule");
    expect(await verdict.textContent()).toContain(broken.weightCheck.problems[0]!);
    expect(await page.getByTestId("bid-explanation").textContent()).toBe(broken.explanation);
    expect(await page.getByTestId("bid-winner").count()).toBe(0);
    // as much as price is not enough either
    await page.getByLabel("Weight, Experience and references").fill("40");
    await expect.poll(() => verdict.textContent()).toContain("as much as price");
    expect(w.consoleErrors).toEqual([]);
  });

  it("scores the bids on the district's own points scale (0–100 or 0–5 as well as 0–10)", async () => {
    const w = await openERate();
    const { page } = w;
    const scale = page.getByLabel("Evaluators score each criterion from 0 to");
    expect(await scale.inputValue()).toBe("10");
    const input = (maxPoints: number) => ({
      criteria: DEFAULT_CRITERIA.map((c, i) => ({ id: c.id, name: c.name, weight: Number(c.weight), price: i === 0 })),
      bids: DEFAULT_BIDS.map((b) => ({ id: b.id, vendor: b.vendor, price: b.price, scores: DEFAULT_CRITERIA.slice(1).map((c, k) => ({ criterion: c.id, points: Number(b.points[k]) })) })),
      maxPoints,
    });
    // the same points read on a 0–100 scale weigh a tenth as much: the totals are evaluateBids' with maxPoints 100
    await scale.fill("100");
    const on100 = evaluateBids(input(100));
    await expect.poll(() => page.locator("#er-bid-scores tbody tr td:last-child").allTextContents()).toEqual(on100.bids.map((b) => b.total.toFixed(2)));
    expect(await page.getByTestId("bid-explanation").textContent()).toBe(on100.explanation);
    // on 0–5, the example's 6s to 9s are off the scale: the cells say so and nothing is scored
    await scale.fill("5");
    await expect.poll(() => page.getByText("points from 0 to 5").count()).toBeGreaterThan(0);
    expect(await page.locator("#er-bid-scores").count()).toBe(0);
    // a scale that is not a number is named, and the example comes back with its 0–10 scale
    await scale.fill("ten");
    await expect.poll(() => page.getByText("a number above zero, such as 5, 10 or 100").count()).toBe(1);
    await page.getByRole("button", { name: "Back to the example matrix" }).click();
    await expect.poll(() => scale.inputValue()).toBe("10");
    await expect.poll(() => page.locator("#er-bid-scores tbody tr").count()).toBe(DEFAULT_BIDS.length);
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("draws the C2 budget down by building as planC2Drawdown does, and flows the district's share into a budget scenario", async () => {
    const w = await openERate();
    const { page } = w;
    const requests = defaultRequests(model, fy, sample("devices"));
    // the default requests are the budget's own C2 lines over the cycle FY2026–30 (district FY2027–31), at the projected cost
    const projection = projectBudget(model, { id: "baseline", name: "Baseline", levers: [] });
    const c2InBudget = Money.sum(projection.lines.filter((l) => l.eRate === "C2").flatMap((l) => l.years.filter((y) => y.fiscalYear >= 2027 && y.fiscalYear <= 2031).map((y) => y.cost)));
    expect(Money.sum(requests.map((r) => Money.of(r.amount))).toString()).toBe(c2InBudget.toString());
    const engineInput = (rows: typeof requests) => ({
      fundingYear: fy,
      schools: model.district.schools.map((s) => ({ id: s.id, name: s.name, students: s.students, kind: s.kind })),
      discountPercent: 70, // the sample district: 42.7 % NSLP, rural → 70 % (and C2 is capped at 85 %)
      calendar: model.district.calendar,
      requests: rows.map((r) => ({ id: r.id, name: r.name, building: r.building, fundingYear: Number(r.fundingYear), amount: r.amount, status: r.status })),
    });
    const d = planC2Drawdown(engineInput(requests));
    expect(await page.getByTestId("c2-discount").textContent()).toContain("70");
    expect(await page.getByTestId("c2-explanation").textContent()).toBe(d.explanation);
    expect(amount(await page.getByTestId("c2-district-total").textContent())).toBe(d.totals.districtPays.toString());
    expect(amount(await page.getByTestId("c2-erate-total").textContent())).toBe(d.totals.eRatePays.toString());
    expect(amount(await page.getByTestId("c2-planned-total").textContent())).toBe(d.totals.planned.toString());
    expect(amount(await page.getByTestId("c2-remaining").textContent())).toBe(d.remaining.toString());
    for (const y of d.years) expect(amount(await page.getByTestId(`c2-district-${y.fundingYear}`).textContent())).toBe(y.districtPays.toString());
    for (const b of d.buildings) expect(amount(await page.getByTestId(`c2-building-${b.building}`).textContent())).toBe(b.total.toString());
    // the access point refresh is split among the schools by their access points in the inventory (36, 26, 34 of 96)
    expect(requests.filter((r) => r.from === "wifi-aps").map((r) => [r.building, r.amount])).toEqual([
      ["mves", "23400"],
      ["mvms", "16900"],
      ["mvhs", "22100"],
    ]);
    // the totals add up to the cent: E-Rate's share and the district's make the requests' cost
    expect(d.totals.eRatePays.add(d.totals.districtPays).toString()).toBe(c2InBudget.toString());

    // mark the Wi-Fi refresh as committed by USAC: the drawdown charges it first
    const aps = requests.findIndex((r) => r.from === "wifi-aps");
    await page.getByLabel(`Status, ${requests[aps]!.name} FY${requests[aps]!.fundingYear} (row ${aps + 1})`).selectOption("committed");
    const committed = planC2Drawdown(engineInput(requests.map((r, i) => (i === aps ? { ...r, status: "committed" } : r))));
    await expect.poll(async () => amount(await page.getByTestId("c2-committed-total").textContent())).toBe(committed.totals.committed.toString());
    expect(await page.getByTestId("c2-explanation").textContent()).toBe(committed.explanation);

    // the plan lines flow into the open scenario; the budget's C2 items are the ones it replaces
    const flow = page.getByTestId("flow-eRateC2");
    await flow.waitFor();
    for (const item of ["Wi-Fi access point refresh", "PoE switch refresh", "Cabling and racks"]) expect(await flow.getByRole("checkbox", { name: new RegExp(item) }).isChecked()).toBe(true);
    expect(await flow.getByRole("checkbox", { name: /Internet access/ }).isChecked()).toBe(false);
    // the requests are the budget's own C2 costs: using them as they are changes no total
    const net = () => flow.getByTestId("reconciliation").getByTestId("net-total").textContent();
    await expect.poll(net).toBe("$0.00");
    // the elementary school's access points cost $6,600 more than the budget carried: the scenario grows by that much
    const before = await scenarioTotal(page);
    await page.getByRole("tab", { name: "E-Rate" }).click();
    await page.getByLabel(`Pre-discount ($), ${requests[aps]!.name} FY${requests[aps]!.fundingYear} (row ${aps + 1})`).fill("30000");
    await expect.poll(net).toBe("+$6,600.00");
    await flow.getByRole("button", { name: /^Use this plan in/ }).click();
    await expect.poll(() => flow.getByRole("status").textContent()).toMatch(/uses the C2 drawdown/);
    await screenshot(page, "desktop-erate-drawdown");
    expect((await scenarioTotal(page)) - before).toBe(660_000n);
    expect(w.consoleErrors).toEqual([]);
  });

  it("re-checks the planned items under the rules after the FCC's 2025 orders, and flags C2 equipment retired early", async () => {
    const w = await openERate();
    const { page } = w;
    const items = plannedItems(model, fy, undefined);
    const r = recheckERateEligibility({
      fundingYear: fy,
      from: "2025-07-01",
      to: asOf,
      items: items.map((i) => ({ id: i.id, name: i.name, service: i.service, ...(i.amount !== null ? { amount: i.amount } : {}) })),
    });
    expect(await page.getByTestId("eligibility-explanation").textContent()).toBe(r.explanation);
    // the hotspots loaned to students: eligible under FCC 24-76, not under FCC 25-62 (adopted 30 September 2025)
    expect(r.changed.map((c) => c.id)).toEqual(["hotspots"]);
    const changed = await page.getByTestId("eligibility-changed").textContent();
    expect(changed).toContain("Cellular hotspots for students without home internet: eligible → not eligible");
    expect(changed).toContain("FCC 25-62");
    // under the rules of 2024-07-01 (before FCC 24-76) the hotspots were not eligible either: nothing changes from then to 2024-12-31
    await page.getByLabel("Re-check under the rules of").fill("2025-01-15");
    await page.getByLabel("Plan made under the rules of").fill("2024-07-01");
    const early = recheckERateEligibility({
      fundingYear: fy,
      from: "2024-07-01",
      to: "2025-01-15",
      items: items.map((i) => ({ id: i.id, name: i.name, service: i.service, ...(i.amount !== null ? { amount: i.amount } : {}) })),
    });
    await expect.poll(() => page.getByTestId("eligibility-explanation").textContent()).toBe(early.explanation);

    // equipment: the 3 kVA UPS bought in FY2022 with a 5-year life is retired in FY2027, before its five years are up
    const cohorts = c2Cohorts(sample("devices"), undefined);
    const check = (retire: ReadonlyMap<string, number>) =>
      checkEquipmentRules({
        items: cohorts.map((c) => ({ id: c.key, building: c.school, installedFiscalYear: c.installedFiscalYear, count: c.count, cost: c.cost })),
        plan: cohorts.map((c) => ({ item: c.key, action: "retire" as const, fiscalYear: retire.get(c.key) ?? c.planRetire })),
        calendar: model.district.calendar,
      });
    const eq = check(new Map());
    expect(eq.flagged.map((f) => f.item)).toEqual(["ups-3kva@district-office@2022"]);
    expect(await page.getByTestId("equipment-explanation").textContent()).toBe(eq.explanation);
    expect(await page.getByTestId("equipment-flagged").textContent()).toContain("3 kVA UPS");
    // retire the high school's access points in FY2025, four years after they were bought
    const apsKey = "ap-515@mvhs@2021";
    await page.getByLabel("Retirement year of AP-515 Wi-Fi access point, Maple Valley High").selectOption("2025");
    const more = check(new Map([[apsKey, 2025]]));
    await expect.poll(() => page.getByTestId("equipment-explanation").textContent()).toBe(more.explanation);
    expect(await page.getByTestId("equipment-flagged").textContent()).toContain("AP-515 Wi-Fi access point, Maple Valley High");
    expect(w.consoleErrors).toEqual([]);
  });

  it("keeps the analyst's inputs across a reload", async () => {
    const w = await openERate();
    const { page } = w;
    await page.getByLabel("Form 470 posted on").fill("2027-01-12");
    await page.getByLabel("Contract signed on").fill("2027-02-01");
    await page.getByLabel("Weight, Experience and references").fill("45");
    await page.getByLabel("Re-check under the rules of").fill("2025-10-01");
    await page.getByLabel("Retirement year of AP-515 Wi-Fi access point, Maple Valley High").selectOption("2026");
    await expect.poll(() => page.getByTestId("bid-verdict").textContent()).toContain("break the rule");
    await page.reload();
    // the app reopens on the E-Rate tab with every entry in place
    await page.getByTestId("erate-calendar-explanation").waitFor({ timeout: 30_000 });
    expect(await page.getByLabel("Form 470 posted on").inputValue()).toBe("2027-01-12");
    expect(await page.getByLabel("Contract signed on").inputValue()).toBe("2027-02-01");
    expect(await page.getByLabel("Weight, Experience and references").inputValue()).toBe("45");
    expect(await page.getByLabel("Re-check under the rules of").inputValue()).toBe("2025-10-01");
    expect(await page.getByLabel("Retirement year of AP-515 Wi-Fi access point, Maple Valley High").inputValue()).toBe("2026");
    expect(await page.getByTestId("bid-verdict").textContent()).toContain("break the rule");
    expect(await page.getByTestId("erate-calendar-warnings").textContent()).toContain("before the allowable contract date 2027-02-09");
    expect(w.consoleErrors).toEqual([]);
  });

  it("works at 390 px and from the keyboard", async () => {
    const w = await openERate(390, 844);
    const { page } = w;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // a date typed with the keyboard only
    await page.getByLabel("Form 470 posted on").focus();
    await page.keyboard.type("01102027");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.getByLabel("Form 470 posted on").inputValue()).toBe("2027-01-10");
    // the engine's allowable contract date follows: day 29 from the posting
    await expect.poll(() => page.locator("#erate-purchases tbody tr").first().locator("td").nth(2).textContent()).toBe("2027-02-07");
    await screenshot(page, "narrow-erate");
    const sections = page.locator("section.erate-section");
    for (let i = 0; i < (await sections.count()); i++) await sections.nth(i).screenshot({ path: `${SCREENSHOTS}narrow-erate-section-${i + 1}.png` });
    expect(w.consoleErrors).toEqual([]);
  });
});
