import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, settled, useBrowser } from "./browser.js";

// The Calendar tab (issue 20): the sample district's calendar of everything that expires, built in
// the engine worker by @districtkit/io's districtCalendar, filterable, each item opening its
// explanation and budget lines, downloadable as .ics and CSV — offline, by keyboard, at 390 px.
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const contracts = (JSON.parse(readFileSync(new URL("../../examples/data/sample-district/licenses.json", import.meta.url), "utf8")) as { currentContracts: unknown[] }).currentContracts.length;

async function openCalendar(width = 1280, height = 800) {
  const w = await openPage(browser(), { width, height });
  await w.page.goto(baseUrl);
  await w.page.getByRole("tab", { name: "Calendar" }).click();
  await w.page.getByTestId("calendar-count").waitFor({ timeout: 30_000 });
  return w;
}

const kindsShown = (page: import("playwright-core").Page) => page.locator("#calendar-table tbody tr td:nth-child(5)").allTextContents();

describe("the Calendar tab", () => {
  it("merges the sample district's deadlines in order of the last day to act, filters by kind and dates", async () => {
    const w = await openCalendar();
    const { page } = w;
    expect(await page.getByTestId("calendar-explanation").textContent()).toContain("at 2026-07-01");
    const kinds = new Set(await kindsShown(page));
    for (const k of ["Device support end", "Warranty end", "Licence renewal", "Fund: obligate by", "E-Rate C2 cycle end", "App re-review"]) expect(kinds).toContain(k);
    const acts = (await page.locator("#calendar-table tbody tr td:nth-child(1)").allTextContents()).map((t) => (t === "—" ? null : t));
    const dates = await page.locator("#calendar-table tbody tr td:nth-child(6)").allTextContents();
    const keys = acts.map((a, i) => a ?? dates[i]!);
    expect([...keys].sort()).toEqual(keys);
    await screenshot(page, "desktop-calendar");

    await page.getByLabel("Kind").selectOption({ label: `Licence renewal (${contracts})` });
    expect(new Set(await kindsShown(page))).toEqual(new Set(["Licence renewal"]));
    expect(await page.getByTestId("calendar-count").textContent()).toMatch(new RegExp(`^Showing ${contracts} of \\d+ items`));

    await page.getByLabel("Kind").selectOption("all");
    await page.getByLabel("Act by from").fill("2027-01-01");
    await page.getByLabel("to", { exact: true }).fill("2027-12-31");
    const inRange = await page
      .locator("#calendar-table tbody tr")
      .evaluateAll((rows) => rows.map((r) => (r.children[0]!.textContent === "—" ? r.children[5]!.textContent! : r.children[0]!.textContent!)));
    expect(inRange.length).toBeGreaterThan(0);
    for (const d of inRange) expect(d >= "2027-01-01" && d <= "2027-12-31").toBe(true);
    await page.getByRole("button", { name: "Clear filters" }).click();
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("opens an item's explanation and budget lines from the keyboard, and gives focus back on Escape", async () => {
    const w = await openCalendar();
    const { page } = w;
    await page.getByLabel("Kind").selectOption({ label: "E-Rate C2 cycle end (1)" });
    const item = page.getByRole("button", { name: /C2 cycle .* ends: explanation and budget lines/ });
    await item.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    expect(text).toContain("C2 budget");
    expect(text).toMatch(/Budget line: /);
    await screenshot(page, "desktop-calendar-explanation");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/C2 cycle/);
    expect(w.consoleErrors).toEqual([]);
  });

  it("downloads the items shown as an iCalendar file (CRLF, folded lines) and as CSV", async () => {
    const w = await openCalendar();
    const { page } = w;
    await page.getByLabel("Kind").selectOption({ label: `Licence renewal (${contracts})` });
    const [ics] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download calendar (.ics)" }).click()]);
    expect(ics.suggestedFilename()).toBe("districtkit-calendar-2026-07-01.ics");
    const text = readFileSync((await ics.path())!, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    for (const l of text.split("\r\n")) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(text.match(/^BEGIN:VEVENT/gm)!.length).toBeGreaterThanOrEqual(contracts);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    const rows = readFileSync((await csv.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(rows[0]!.startsWith("last day to act,date,status,kind")).toBe(true);
    expect(rows).toHaveLength(contracts + 1);
    expect(await page.getByTestId("calendar-export-note").textContent()).toContain(`(${contracts} items)`);
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("follows the district's as-of date from the header", async () => {
    const w = await openCalendar();
    const { page } = w;
    const passed = async () => (await page.locator("#calendar-table tbody tr td:nth-child(3)").allTextContents()).filter((s) => s === "Passed").length;
    const before = await passed();
    await page.getByLabel("As of", { exact: true }).fill("2027-03-01");
    await expect.poll(() => page.getByTestId("calendar-explanation").textContent(), { timeout: 30_000 }).toContain("at 2027-03-01");
    // eight months later, more deadlines have passed (the filter window moved with the date too)
    expect(await passed()).toBeGreaterThan(before);
    expect(w.consoleErrors).toEqual([]);
  });

  it("scores the apps' re-reviews under the answers changed in the Vetting view", async () => {
    const w = await openCalendar();
    const { page } = w;
    const readWellReview = async () => {
      await page.getByLabel("Kind").selectOption("vetting-review");
      await page.getByRole("button", { name: "ReadWell: re-review: explanation and budget lines" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      const text = (await dialog.textContent()) ?? "";
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      return text;
    };
    expect(await readWellReview()).toContain("ReadWell (approved) is due for review");
    // ReadWell starts selling student data (a hard gate): the Vetting view denies it…
    await page.getByRole("tab", { name: "Vetting" }).click();
    await page.getByLabel("Answer for Sells student data").selectOption("does");
    await expect.poll(() => page.getByTestId("vetting-decision").textContent()).toContain("Denied");
    // …and so does the calendar, built again in the worker from the same state
    await page.getByRole("tab", { name: "Calendar" }).click();
    await settled(page);
    expect(await readWellReview()).toContain("ReadWell (denied) is due for review");
    expect(w.consoleErrors).toEqual([]);
  });

  it("fits a 390 px screen", async () => {
    const w = await openCalendar(390, 844);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(w.page, "narrow-calendar");
    expect(w.consoleErrors).toEqual([]);
  });
});
