import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateLicenseMarket } from "@districtkit/licenses";
import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const hasSample = existsSync(fileURLToPath(new URL("../../examples/data/sample-district/licenses.json", import.meta.url)));
const browser = useBrowser();

describe("licences", () => {
  it("optimizes an imported licence plan in the worker: current vs optimized, savings, what to buy", async () => {
    const market = generateLicenseMarket({ products: 6, options: 6, schools: 3, years: 3, seed: 11 });
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    await w.page.getByLabel("What kind of file").selectOption("license-plan-json");
    await w.page.getByLabel("Choose a file").setInputFiles({ name: "market.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(market)) });
    await w.page.getByTestId("import-stats").waitFor();
    await w.page.getByRole("button", { name: "Use this plan in the Licences view" }).click();
    await w.page.getByRole("tab", { name: "Licences" }).click();
    const kpis = w.page.getByTestId("licence-kpis");
    await kpis.waitFor({ timeout: 30_000 });
    expect(await kpis.textContent()).toMatch(/Optimized plan\$[\d,]+\.\d{2}/);
    expect(await kpis.textContent()).toMatch(/proven optimal|best found/);
    expect(await w.page.locator("table", { hasText: "What to buy" }).locator("tbody tr").count()).toBeGreaterThan(0);
    await screenshot(w.page, "desktop-licences-imported");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it.skipIf(!hasSample)("shows the sample district's licences", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Licences" }).click();
    await w.page.getByTestId("licence-kpis").waitFor({ timeout: 30_000 });
    expect(w.consoleErrors).toEqual([]);
  });
});
