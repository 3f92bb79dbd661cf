import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("privacy register", () => {
  it("shows the sample register on the as-of date, the list to publish, the roster check and the apps in use not cleared", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Privacy" }).click();
    const table = w.page.locator("table", { hasText: "Privacy register" });
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    for (const app of ["ReadWell", "QuickCheck", "WriteMate AI", "QuizBlast", "PollPro", "StarChart Planetarium"]) expect(text).toContain(app);
    expect(text).toContain("approved with conditions");
    expect(text).toContain("only for grades 6–12");
    expect(await w.page.getByTestId("privacy-lede").textContent()).toContain("6 apps in the register on 2026-07-01: 4 cleared for student use, ");

    // the published list under Illinois' rules: four apps, QuickCheck withheld (its OR DPA expired, renewal only requested)
    const summary = w.page.getByTestId("approved-list-summary");
    expect(await summary.textContent()).toContain("4 apps cleared for student use; 1 approved app withheld");
    expect(await summary.textContent()).toContain("IL rules");
    const frame = w.page.frameLocator("[data-testid=approved-list-frame]");
    const published = (await frame.locator("body").textContent()) ?? "";
    for (const app of ["ReadWell", "WriteMate AI", "PollPro", "StarChart Planetarium"]) expect(published).toContain(app);
    expect(published).not.toContain("QuickCheck");
    expect(published).toContain("105 ILCS 85/27");
    // New York's supplemental information from the same register: one block per contract, cited
    await w.page.getByLabel("Document to publish").selectOption("NY");
    await expect.poll(async () => (await frame.locator("body").textContent()) ?? "").toContain("121.3");
    // the summary and gaps beside it are New York's, not the Illinois list's
    expect(await summary.textContent()).toMatch(/contracts? in force on 2026-07-01 shares? student data; .* of 8 NYCRR §121\.3\(c\)/);
    expect(await summary.textContent()).not.toContain("IL rules");
    await w.page.getByLabel("Document to publish").selectOption("IL");
    await expect.poll(async () => (await summary.textContent()) ?? "").toContain("IL rules");
    // the CSV download is the list as data
    const [download] = await Promise.all([w.page.waitForEvent("download"), w.page.getByRole("link", { name: "Download the list (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe("approved-apps.csv");

    // the whole roster sent to WriteMate AI: e-mail and schedules beyond its agreement, 392 students outside grades 6–12
    const roster = w.page.getByTestId("roster-summary");
    await expect.poll(() => w.page.getByTestId("roster-check").getAttribute("aria-busy")).toBe("false");
    expect(await roster.textContent()).toBe(
      "WriteMate AI receives more than its agreement and approval allow on 2026-07-01: 4 excess columns, 392 students outside the grades, 543 under 13 without cover, 1 opted out.",
    );
    expect((await w.page.locator("table", { hasText: "Columns beyond the agreement" }).textContent()) ?? "").toContain("Student Contact Information");
    // a teacher-only app: every student column is excess
    await w.page.getByLabel("App whose roster sync to check").selectOption("pollpro");
    await expect.poll(async () => (await roster.textContent()) ?? "").toContain("PollPro");

    expect(await w.page.getByTestId("unvetted-summary").textContent()).toContain("the first to look at is QuickCheck");
    await screenshot(w.page, "desktop-privacy");
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("reads the OneRoster export in the engine worker: the check says it is busy, and the page answers meanwhile", async () => {
    const w = await openPage(browser());
    // hold the engine worker's script until the busy state has been seen (Chromium does not let a
    // test intercept what a dedicated worker itself requests, so the roster's own chunks cannot be held)
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const asked: string[] = [];
    await w.context.route(/engine\.worker[^/]*\.js$/, async (route) => {
      asked.push(route.request().url());
      await held;
      await route.continue();
    });
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Privacy" }).click();
    const check = w.page.getByTestId("roster-check");
    await expect.poll(() => check.getAttribute("aria-busy")).toBe("true");
    await expect.poll(async () => (await check.getByRole("status").textContent()) ?? "").toBe("Reading the roster sent to WriteMate AI in the engine worker…");
    expect(await w.page.getByTestId("roster-summary").count()).toBe(0);
    // while the roster is being read, the rest of the tab is there and answers: another document is drawn
    await w.page.getByLabel("Document to publish").selectOption("NY");
    const frame = w.page.frameLocator("[data-testid=approved-list-frame]");
    await expect.poll(async () => (await frame.locator("body").textContent()) ?? "").toContain("121.3");
    expect(await check.getAttribute("aria-busy")).toBe("true");
    expect(asked.length).toBe(1);
    await screenshot(w.page, "desktop-privacy-busy");
    release();
    await expect.poll(() => check.getAttribute("aria-busy")).toBe("false");
    expect(await check.getByRole("status").count()).toBe(0);
    expect(await w.page.getByTestId("roster-summary").textContent()).toContain("WriteMate AI receives more than its agreement");
    // another app: checked again in the worker
    await w.page.getByLabel("App whose roster sync to check").selectOption("pollpro");
    await expect.poll(async () => (await w.page.getByTestId("roster-summary").textContent()) ?? "").toContain("PollPro");
    expect(await check.getAttribute("aria-busy")).toBe("false");
    expect(asked.length).toBe(1);
    await screenshot(w.page, "desktop-privacy-done");
    expect(w.consoleErrors).toEqual([]);
  });

  it("fits a phone: the privacy view at 390 px is no wider than the screen", async () => {
    const w = await openPage(browser(), { width: 390, height: 844 });
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Privacy" }).click();
    await w.page.getByTestId("roster-summary").waitFor();
    const wide = await w.page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(390);
    await screenshot(w.page, "phone-privacy");
    expect(w.consoleErrors).toEqual([]);
  });
});
