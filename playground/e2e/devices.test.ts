import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const sample = (f: string) => existsSync(fileURLToPath(new URL(`../../examples/data/sample-district/${f}`, import.meta.url)));
const browser = useBrowser();

describe.skipIf(!sample("devices.json") || !sample("budget.json"))("devices", () => {
  it("forecasts with Monte Carlo bands in the worker, caps the refresh budget, and flows the plan into a budget scenario", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByTestId("headline-table").waitFor();
    const scenarioRow = w.page.getByTestId("headline-table").locator("tbody tr").nth(1);
    const before = await scenarioRow.textContent();
    await w.page.getByRole("tab", { name: "Devices" }).click();
    const spend = w.page.getByTestId("chart-device-spend");
    await spend.locator("[role=img]").first().waitFor();
    await expect.poll(() => spend.textContent(), { timeout: 30_000 }).toMatch(/trials in \d+ ms/);
    expect(await spend.locator("table").textContent()).toMatch(/P90/);
    await w.page.getByTestId("chart-aue").waitFor();
    // a refresh budget cap: the capped plan appears
    await w.page.getByLabel("Yearly refresh budget cap ($)").fill("150000");
    await w.page.getByLabel("Yearly refresh budget cap ($)").press("Tab");
    await w.page.locator("#cap-h").waitFor();
    await screenshot(w.page, "desktop-devices-capped");
    // flow into the open scenario, then see the budget change
    await w.page.getByRole("button", { name: /Use this plan in/ }).click();
    await expect.poll(() => w.page.getByRole("status").filter({ hasText: "uses the device forecast" }).count()).toBe(1);
    await w.page.getByRole("tab", { name: "Budget" }).click();
    await w.page.getByTestId("headline-table").waitFor();
    await expect.poll(() => scenarioRow.textContent()).not.toBe(before);
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });
});
