import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const sample = (f: string) => existsSync(fileURLToPath(new URL(`../../examples/data/sample-district/${f}`, import.meta.url)));
const hasBudget = sample("budget.json") && sample("district.json");
const browser = useBrowser();

describe.skipIf(!hasBudget)("budget what-if", () => {
  it("opens on the sample district's plan: scenarios side by side, charts with their tables", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    expect(await w.page.getByTestId("district").textContent()).toContain("Maple Valley");
    const headlines = w.page.getByTestId("headline-table");
    await headlines.waitFor();
    const text = (await headlines.textContent()) ?? "";
    expect(text).toContain("Baseline");
    expect(text).toMatch(/\$\d{1,3}(,\d{3})+\.\d{2}/);
    for (const id of ["chart-by-category", "chart-by-fund", "chart-gf"]) {
      const fig = w.page.getByTestId(id);
      await fig.locator("[role=img]").first().waitFor();
      expect(await fig.locator("table").count()).toBeGreaterThan(0);
    }
    // the tornado is computed in the worker once it scrolls into view
    await w.page.locator("#tornado-panel").scrollIntoViewIfNeeded();
    await w.page.getByTestId("chart-tornado").locator("[role=img]").first().waitFor({ timeout: 30_000 });
    await screenshot(w.page, "desktop-budget-full");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("a lever change updates the totals, the chart and the table (G2 timing reported)", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    const headlines = w.page.getByTestId("headline-table");
    await headlines.waitFor();
    const chart = w.page.getByTestId("chart-by-category");
    await chart.locator("[role=img]").first().waitFor();
    const scenarioRow = headlines.locator("tbody tr").nth(1);
    const before = await scenarioRow.textContent();
    const svgBefore = await chart.locator(".plot").innerHTML();
    const tableBefore = await chart.locator("table").textContent();
    const timings: number[] = [];
    const lever = w.page.getByLabel("Enrollment change", { exact: true });
    // 2 warm-up moves (JIT), then 7 measured ones
    for (let i = 0; i < 9; i++) {
      await lever.focus();
      await w.page.evaluate(() => delete document.documentElement.dataset.g2);
      await w.page.keyboard.press(i % 2 === 0 ? "ArrowLeft" : "ArrowRight");
      await w.page.waitForFunction(() => document.documentElement.dataset.g2 !== undefined);
      if (i >= 2) timings.push(Number(await w.page.evaluate(() => document.documentElement.dataset.g2)));
    }
    await w.page.keyboard.press("ArrowLeft");
    await expect.poll(() => scenarioRow.textContent()).not.toBe(before);
    await expect.poll(() => chart.locator(".plot").innerHTML()).not.toBe(svgBefore);
    expect(await chart.locator("table").textContent()).not.toBe(tableBefore);
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(
      `[G2] lever→chart on the sample district, headless Chromium: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms (runs: ${timings.map((t) => t.toFixed(1)).join(", ")} ms; target ≤ 50 ms)`,
    );
    // reported, not asserted tightly: a shared CI machine is noisy
    expect(sorted[0]).toBeLessThan(2000);
    expect(w.consoleErrors).toEqual([]);
  });

  it("builds 'lose 10 % of students and add a grant', compares it, and exports it", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByTestId("headline-table").waitFor();
    await w.page.getByRole("button", { name: "Add scenario" }).click();
    await w.page.getByLabel("Name", { exact: true }).fill("Lose 10 %, $50k grant");
    await w.page.getByLabel("Name", { exact: true }).press("Tab");
    await w.page.getByLabel("Enrollment change", { exact: true }).fill("-10");
    await w.page.getByLabel("Amount ($)").fill("50000");
    await w.page.getByLabel("Amount ($)").press("Tab");
    const headlines = w.page.getByTestId("headline-table");
    await expect.poll(() => headlines.textContent()).toContain("Lose 10 %, $50k grant");
    expect(await headlines.locator("tbody tr").count()).toBe(3);
    const delta = w.page.getByTestId("delta-table");
    await delta.waitFor();
    expect(await delta.textContent()).toContain("Lose 10 %, $50k grant");
    // click a figure: its explanation opens
    await w.page.getByTestId("chart-by-category").locator("table tbody .figure-button").first().click();
    const dialog = w.page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("line item");
    await w.page.keyboard.press("Escape");
    // export the comparison
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    const [csv] = await Promise.all([w.page.waitForEvent("download"), w.page.getByRole("button", { name: "Budget comparison (CSV)" }).click()]);
    expect(csv.suggestedFilename()).toBe("districtkit-budget-comparison.csv");
    const [json] = await Promise.all([w.page.waitForEvent("download"), w.page.getByRole("button", { name: "Budget projections (JSON)" }).click()]);
    expect(json.suggestedFilename()).toBe("districtkit-budget-projections.json");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("prints a one-page summary (print stylesheet)", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByTestId("chart-by-category").locator("[role=img]").first().waitFor();
    await w.page.emulateMedia({ media: "print" });
    expect(await w.page.locator(".print-summary").isVisible()).toBe(true);
    expect(await w.page.locator(".controls").isVisible()).toBe(false);
    const pdf = await w.page.pdf({ format: "Letter" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
  });

  it("goal seek answers its default question (how much inflation before the general fund passes its limit) in the worker", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByTestId("headline-table").waitFor();
    await w.page.locator("#goal-panel").scrollIntoViewIfNeeded();
    await w.page.getByRole("button", { name: "Find it" }).click();
    const result = w.page.getByTestId("goal-seek-result");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/%/);
    expect(await result.textContent()).not.toMatch(/No value/);
    await screenshot(w.page, "desktop-budget-goal-seek");
    expect(w.consoleErrors).toEqual([]);
  });

  it("moves between a table's figures with the arrow keys (one tab stop per table) and opens one with Enter", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    const table = w.page.getByTestId("chart-by-category").locator("table");
    await table.waitFor();
    const figures = table.locator("button.figure-button");
    expect(await table.locator('button.figure-button[tabindex="0"]').count()).toBe(1);
    await figures.first().focus();
    const cellOf = () =>
      w.page.evaluate(() => {
        const c = document.activeElement?.closest("td, th") as HTMLTableCellElement | null;
        return c ? `${(c.parentElement as HTMLTableRowElement).rowIndex}:${c.cellIndex}` : "";
      });
    const start = await cellOf();
    await w.page.keyboard.press("ArrowRight");
    const right = await cellOf();
    expect(right.split(":")[0]).toBe(start.split(":")[0]);
    expect(Number(right.split(":")[1])).toBe(Number(start.split(":")[1]) + 1);
    await w.page.keyboard.press("ArrowDown");
    const down = await cellOf();
    expect(Number(down.split(":")[0])).toBe(Number(right.split(":")[0]) + 1);
    expect(down.split(":")[1]).toBe(right.split(":")[1]);
    expect(await table.locator('button.figure-button[tabindex="0"]').count()).toBe(1);
    await w.page.keyboard.press("Enter");
    await w.page.getByRole("dialog").waitFor();
    await w.page.keyboard.press("Escape");
    await expect.poll(() => cellOf()).toBe(down);
  });
});
