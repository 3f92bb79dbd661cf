import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

// Issue 15, "hidden or unclear figures": what an analyst reads is a figure in plain sight, with
// names instead of ids, and charts that say what they limit.
const baseUrl = inject("baseUrl");
const sample = (f: string) => existsSync(fileURLToPath(new URL(`../../examples/data/sample-district/${f}`, import.meta.url)));
const browser = useBrowser();

/** The text of every cell of a table's body, row by row. */
const cells = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((tables) => tables.flatMap((t) => [...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => (c.textContent ?? "").trim()))));

describe.skipIf(!sample("budget.json"))("budget: limits in the headline", () => {
  it("shows each scenario's broken limits with the years affected next to the headline, not at the bottom", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByTestId("headline-table").waitFor();
    const limits = w.page.getByTestId("limit-breaches");
    await limits.waitFor();
    // right below the headline table (the page is over 4,000 px long)
    const headline = (await w.page.getByTestId("headline-table").boundingBox())!;
    const box = (await limits.boundingBox())!;
    expect(box.y).toBeGreaterThan(headline.y);
    expect(box.y - (headline.y + headline.height)).toBeLessThan(80);
    expect(await limits.isVisible()).toBe(true);
    // one row per scenario; the sample's baseline breaks the general fund's limit and the E-Rate C2 budget
    const rows = await cells(w.page, '[data-testid="limit-breaches"] table');
    const scenarios = await w.page.getByTestId("headline-table").locator("tbody tr").count();
    expect(rows.length).toBe(scenarios);
    const baseline = rows.find((r) => r[0]!.includes("Baseline"))!;
    expect(baseline.join(" | ")).toMatch(/FY28–FY29, FY33–FY35.*\$218,596 over/);
    expect(baseline.join(" | ")).toContain("FY28–FY31");
    expect(baseline.join(" | ")).toContain("FY32–FY36");
    // each breach opens the figures of its years
    await limits.locator("tbody tr").first().locator(".figure-button").first().click();
    const dialog = w.page.getByRole("dialog");
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    expect(text).toContain("yearly limit of $620,000");
    expect(text).toMatch(/FY2029: draw \$695,556\.94 against a limit of \$620,000\.00/);
    await w.page.keyboard.press("Escape");
    expect(w.consoleErrors).toEqual([]);
  });
});

describe.skipIf(!sample("budget.json"))("budget: tornado and goal seek in the analyst's words", () => {
  it("names the tornado's categories, answers goal seek without engine jargon, and labels money axes $10M, not $10000k", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByTestId("headline-table").waitFor();
    await w.page.locator("#tornado-panel").scrollIntoViewIfNeeded();
    const tornado = w.page.getByTestId("chart-tornado");
    await tornado.locator("[role=img]").first().waitFor({ timeout: 30_000 });
    const levers = (await cells(w.page, '[data-testid="chart-tornado"] table')).map((r) => r[0]!);
    expect(levers).toContain("Prof. development ±10 %");
    expect(levers).toContain("Support staff ±10 %");
    expect(levers.join(" ")).not.toMatch(/professional-development|support-staff/);
    expect(await tornado.locator(".plot").textContent()).not.toMatch(/professional-development/);

    await w.page.locator("#goal-panel").scrollIntoViewIfNeeded();
    const effect = w.page.getByTestId("goal-seek-effect");
    await effect.waitFor();
    expect(await effect.textContent()).toContain("replaces the scenario's inflation");
    await w.page.getByRole("button", { name: "Find it" }).click();
    const result = w.page.getByTestId("goal-seek-result");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/%/);
    const answer = (await result.locator(".goal-answer").textContent()) ?? "";
    expect(answer).toMatch(/The highest inflation rate on every line for which the general-fund draw over all years stays at most \$6,200,000 is \d+(\.\d+)? %/);
    expect(answer).not.toMatch(/\brate =|towards (max|min)|horizon|parameter/);
    const ticks = await result.locator("svg text").allTextContents();
    expect(ticks.join(" ")).not.toMatch(/\d{4,}k/);
    expect(ticks.some((t) => /^\$\d+(\.\d+)?M$/.test(t))).toBe(true);
    await screenshot(w.page, "desktop-budget-goal-seek-words");
    expect(w.consoleErrors).toEqual([]);
  });
});

describe.skipIf(!sample("licenses.json"))("licences: names, not ids", () => {
  it("shows product and school names in what to buy, the renewals and the seats to reclaim", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Licences" }).click();
    await w.page.getByTestId("licence-kpis").waitFor({ timeout: 30_000 });
    const buy = w.page.locator("table", { has: w.page.locator("caption", { hasText: /^What to buy$/ }) });
    const buyRows = await buy.locator("tbody tr").evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => (c.textContent ?? "").trim())));
    expect(buyRows.map((r) => r[0])).toContain("CourseCanopy LMS");
    expect(buyRows.map((r) => r[3])).toContain("Maple Valley Elementary");
    expect(buyRows.map((r) => r[3])).not.toContain("mves");
    expect(buyRows.map((r) => r.at(-1)).join(" ")).not.toMatch(/seats of (lms|math|reading) |for math\b/);
    await w.page.getByTestId("renewals").waitFor();
    const renewals = await cells(w.page, '[data-testid="renewals"] table');
    expect(renewals.map((r) => r[0])).toContain("ReadWell");
    expect(renewals.flat().join(" ")).not.toMatch(/\breading: |or reading renews/);
    const reclaim = await cells(w.page, '[data-testid="reclaim"] table');
    expect(reclaim.map((r) => r[0])).toContain("ReadWell");
    expect(reclaim.flat().join(" ")).not.toMatch(/\breading: /);
    expect(w.consoleErrors).toEqual([]);
  });
});

describe.skipIf(!sample("devices.json"))("devices: the cap on the chart, readable deferrals, capital reconciled", () => {
  it("draws the refresh cap, says what falls outside it, lists deferrals in whole devices by name, and reconciles capital with the expected net", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Devices" }).click();
    const spend = w.page.getByTestId("chart-device-spend");
    await spend.locator("[role=img]").first().waitFor();
    // AUE table: model names
    await w.page.getByTestId("chart-aue").waitFor();
    const aue = (await w.page.getByTestId("chart-aue").locator("table").textContent()) ?? "";
    expect(aue).toContain("Acme Chromebook 300 (2026-06)");
    expect(aue).not.toMatch(/acme-cb/);
    // capital, in its parts, adds up to the expected net column
    const footer = await spend.locator("table tfoot tr").first().locator("th, td").allTextContents();
    const net = footer[footer.length - 4]!.trim();
    expect(net).toMatch(/^\$\d{1,3}(,\d{3})+$/);
    expect(await w.page.getByTestId("spend-reconciliation").textContent()).toContain(`expected net ${net} = capital + repairs`);

    await w.page.getByLabel("Yearly refresh budget cap ($)").fill("150000");
    await w.page.getByLabel("Yearly refresh budget cap ($)").press("Tab");
    await w.page.getByTestId("cap-tables").waitFor();
    await expect.poll(() => spend.locator(".plot").textContent()).toContain("Refresh cap $150k a year");
    const note = (await w.page.getByTestId("cap-note").textContent()) ?? "";
    expect(note).toContain("limits the planned refresh only");
    expect(note).toMatch(/Outside it: failure replacements \(\$[\d,]+ over the 10 years\), repairs \(\$[\d,]+\)/);
    // deferrals: by year, whole devices, no zero rows, model and school names
    const deferrals = w.page.getByTestId("deferrals");
    const summaries = await deferrals.locator("summary").allTextContents();
    expect(summaries[0]).toMatch(/^FY2027: about \d+ devices deferred \(\d+ cohorts?/);
    expect(summaries.length).toBe(new Set(summaries.map((s) => s.slice(0, 6))).size);
    const rows = await cells(w.page, '[data-testid="deferrals"] table');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r[1]).toMatch(/^[1-9][\d,]*$/);
      expect(r.join(" ")).not.toMatch(/\|/);
    }
    expect(rows.map((r) => r[0])).toContain("iPad 9th gen");
    expect(rows.map((r) => r[2])).toContain("Maple Valley Elementary");
    expect(await deferrals.textContent()).toContain("fractional");
    await screenshot(w.page, "desktop-devices-cap-readable");
    expect(w.consoleErrors).toEqual([]);
  });
});

describe.skipIf(!sample("devices.json"))("imports: where the data came from, by name", () => {
  it("says 'imported from Snipe-IT: <file>' for an imported inventory", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    await w.page.getByLabel("What kind of file").selectOption("snipe-it");
    await w.page.getByRole("button", { name: "Read the sample district's export" }).click();
    await w.page.getByTestId("import-stats").waitFor();
    await w.page.getByRole("button", { name: "Match models and use this inventory in the Devices view" }).click();
    await w.page.getByTestId("model-match").waitFor({ timeout: 30_000 });
    await w.page.getByRole("button", { name: "Use this inventory in the Devices view" }).click();
    await expect.poll(() => w.page.locator("table", { has: w.page.locator("caption", { hasText: "Data in use" }) }).textContent(), { timeout: 20_000 }).toContain("imported from Snipe-IT: assets.csv");
    expect(await w.page.getByTestId("district").textContent()).not.toMatch(/snipeIt/);
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });
});
