import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("vetting", () => {
  it("shows each sample app's decision, and a changed answer changes the decision", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Vetting" }).click();
    const table = w.page.locator("table", { hasText: "Apps, decisions, scores" });
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("ReadWell");
    expect(text).toContain("Approved");
    expect(text).toContain("Denied");
    const card = w.page.getByTestId("vetting-decision");
    expect(await card.textContent()).toContain("Approved");
    // ReadWell starts selling student data: a hard gate fails, the app is denied
    await w.page.getByLabel("Answer for Sells student data").selectOption("does");
    await expect.poll(() => card.textContent()).toContain("Denied");
    // the score explanation opens from the keyboard
    await w.page.getByRole("button", { name: /ReadWell score .*explain/ }).press("Enter");
    const dialog = w.page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("contributions");
    await w.page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // the change survives a reload (saved with the scenarios)
    await w.page.reload();
    await w.page.getByTestId("vetting-decision").waitFor();
    expect(await w.page.getByTestId("vetting-decision").textContent()).toContain("Denied");
    await w.page.getByRole("button", { name: "Undo my answer and weight changes" }).click();
    await expect.poll(() => w.page.getByTestId("vetting-decision").textContent()).toContain("Approved");
    await screenshot(w.page, "desktop-vetting-detail");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });
});
