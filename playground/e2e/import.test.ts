import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("import and export", () => {
  it("shows the row errors of an imported CSV with a bad row, and keeps the good rows", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    await w.page.getByLabel("What kind of file").selectOption("snipe-it");
    const csv = [
      "Asset Tag,Model,Purchased,Cost",
      "MVH-0001,Acme Chromebook 311 G2,8/14/23,289.00",
      "MVH-0002,Acme Chromebook 311 G2,13/45/2024,289.00",
      "MVH-0003,Acme Chromebook 311 G2,8/14/23,289.00",
    ].join("\n");
    await w.page.getByLabel("Choose a file").setInputFiles({ name: "assets.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const stats = w.page.getByTestId("import-stats");
    await stats.waitFor();
    expect(await stats.textContent()).toMatch(/3 rows, 2 read,\s*1 refused/);
    const errors = w.page.getByTestId("row-errors");
    const text = (await errors.textContent()) ?? "";
    expect(text).toContain("13/45/2024");
    expect(text).toContain("Purchased");
    // the line of the bad row (header is line 1)
    expect(await errors.locator("tbody tr").first().locator("td").first().textContent()).toBe("3");
    await screenshot(w.page, "desktop-import-bad-row");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("reads the sample district's Snipe-IT export and offers it as CSV", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    await w.page.getByRole("button", { name: "Read the sample district's export" }).click();
    const stats = w.page.getByTestId("import-stats");
    await stats.waitFor({ timeout: 30_000 });
    expect(await stats.textContent()).toMatch(/assets\.csv/);
    const [dl] = await Promise.all([w.page.waitForEvent("download"), w.page.getByRole("button", { name: /Snipe-IT asset export records \(CSV\)/ }).click()]);
    expect(dl.suggestedFilename()).toBe("snipe-it-records.csv");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("imported vetting answers and a Snipe-IT inventory feed the Vetting and Devices views", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    await w.page.getByLabel("What kind of file").selectOption("vetting-csv");
    await w.page.getByRole("button", { name: "Read the sample district's export" }).click();
    await w.page.getByTestId("import-stats").waitFor();
    await w.page.getByRole("button", { name: "Use these answers in the Vetting view" }).click();
    await w.page.getByRole("status").filter({ hasText: "scored in the Vetting view" }).waitFor();
    await w.page.getByRole("tab", { name: "Vetting" }).click();
    await w.page.locator("table", { hasText: "Apps, decisions, scores" }).waitFor();
    expect(await w.page.locator(".vetting .toolbar").first().textContent()).toContain("answers.csv");
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    await w.page.getByLabel("What kind of file").selectOption("snipe-it");
    await w.page.getByRole("button", { name: "Read the sample district's export" }).click();
    await w.page.getByTestId("import-stats").waitFor({ timeout: 30_000 });
    // models are matched to the district's catalogue first (confirmed as proposed here)
    await w.page.getByRole("button", { name: "Match models and use this inventory in the Devices view" }).click();
    await w.page.getByTestId("model-match").waitFor({ timeout: 30_000 });
    await w.page.getByRole("button", { name: "Use this inventory in the Devices view" }).click();
    await w.page.getByRole("status").filter({ hasText: "Devices view now forecasts" }).waitFor({ timeout: 30_000 });
    await w.page.getByRole("tab", { name: "Devices" }).click();
    await w.page.getByTestId("chart-device-spend").locator("[role=img]").first().waitFor();
    expect(await w.page.getByTestId("district").textContent()).toMatch(/Devices/);
    await screenshot(w.page, "desktop-devices-imported");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });
});
