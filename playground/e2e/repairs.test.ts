import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("repairs and damage", () => {
  it("forecasts the sample's repairs by month, suggests parts, and compares who pays for damage; a cheaper plan changes the figures", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Repairs" }).click();
    const lede = w.page.getByTestId("repairs-lede");
    await lede.waitFor();
    expect(await lede.textContent()).toContain("635 devices in service on 2026-07-01: 133.4 repairs expected from 2026-08 to 2027-07");
    const months = (await w.page.locator("table", { hasText: "Repairs expected by month" }).textContent()) ?? "";
    expect(months).toContain("2027-01");
    expect((await w.page.locator("table", { hasText: "Parts to keep" }).textContent()) ?? "").toContain("screen");
    const summary = w.page.getByTestId("coverage-summary");
    const before = (await summary.textContent()) ?? "";
    expect(before).toContain("Over 2000 simulated school years of 635 devices");
    const table = w.page.locator("table", { hasText: "Damage options" });
    expect((await table.textContent()) ?? "").toContain("Protection plan");
    // a $2 premium makes the plan cheaper than paying for repairs
    await w.page.getByLabel("Plan premium per device ($)").fill("2");
    const planLine = w.page.locator("li", { hasText: "Protection plan: the district expects" });
    await expect.poll(async () => (await planLine.textContent()) ?? "").toContain("for $1,270.00 in premiums");
    // a bad entry is refused with its path, not shown as a figure
    await w.page.getByLabel("Family fee ($)").fill("-5");
    await w.page.getByTestId("coverage-problems").waitFor();
    expect(await w.page.getByTestId("coverage-problems").textContent()).toContain("annualFee.standard");
    await w.page.getByLabel("Family fee ($)").fill("25");
    await summary.waitFor();
    await screenshot(w.page, "desktop-repairs");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });
});
