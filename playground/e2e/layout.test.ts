import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, screenshot, settled, useBrowser } from "./browser.js";

// Issue 15: at 1280 px no table is cut off without a visible scroll hint; at 390 px no page is
// wider than the screen, charts stay legible and every tab can be reached.
const baseUrl = inject("baseUrl");
const browser = useBrowser();
const TABS = ["Budget", "Devices", "Repairs", "Licences", "Vetting", "Privacy", "Calendar", "E-Rate", "Import / Export", "Your ledger"] as const;

/** Open a tab with everything on it drawn: nothing busy, lazy panels scrolled into view and computed, the Devices cap set (its tables appear). */
async function openTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.getByRole("tab", { name: tab }).click();
  await settled(page);
  if (tab === "Devices") {
    await page.getByLabel("Yearly refresh budget cap ($)").fill("150000");
    await page.getByLabel("Yearly refresh budget cap ($)").press("Tab");
    await page.getByTestId("cap-tables").waitFor();
  }
  if (tab === "Your ledger") {
    await page.getByRole("button", { name: "Read maple-valley-budget.csv" }).click();
    await page.getByTestId("tie-out-budget").waitFor({ timeout: 30_000 });
  }
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(150);
  }
  // the panels scrolled into view have loaded their code and computed (the tornado in the worker)
  await settled(page);
  if (tab === "Budget") await page.getByTestId("chart-tornado").locator("[role=img]").first().waitFor({ timeout: 30_000 });
  if (tab === "Licences") await page.getByTestId("licence-kpis").waitFor({ timeout: 30_000 });
  await page.waitForTimeout(400);
}

/** Every table that scrolls sideways, and whether it shows it: a visible hint, a focusable labelled wrapper. */
function scrollingTables(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".table-wrap")]
      .filter((w) => w.offsetParent !== null && w.scrollWidth > w.clientWidth + 1)
      .map((w) => {
        const hint = w.previousElementSibling as HTMLElement | null;
        const visibleHint = !!hint && hint.classList.contains("scroll-hint") && hint.offsetParent !== null && hint.getBoundingClientRect().height > 0;
        return { caption: w.querySelector("caption")?.textContent ?? "", tabindex: w.getAttribute("tabindex"), label: w.getAttribute("aria-label") ?? "", visibleHint };
      }),
  );
}

describe("layout at desktop and phone widths", () => {
  it("at 1280 px, every table wider than its column says so and can be scrolled from the keyboard", async () => {
    const w = await openPage(browser(), { width: 1280, height: 800 });
    await w.page.goto(baseUrl);
    await w.page.waitForSelector(".app-header");
    let seen = 0;
    for (const tab of TABS) {
      await openTab(w.page, tab);
      const tables = await scrollingTables(w.page);
      seen += tables.length;
      for (const t of tables) {
        expect({ tab, ...t, visibleHint: t.visibleHint }).toMatchObject({ tabindex: "0", visibleHint: true });
        expect(t.label).toContain("scrolls sideways");
      }
    }
    // the sample's budget tables (ten years of seven categories) are wider than the results column
    expect(seen).toBeGreaterThan(0);
    // and the keyboard scrolls one: focus its wrapper, press the right arrow
    await openTab(w.page, "Budget");
    const wrap = w.page.locator(".table-wrap.scrolls").first();
    await wrap.focus();
    await w.page.keyboard.press("ArrowRight");
    await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(w.consoleErrors).toEqual([]);
  }, 180_000); // every tab in turn: 30 s on a loaded machine, so the 60 s default is no margin

  it("at 390 px, no page is wider than the screen, every tab is on screen, and charts are drawn at their size", async () => {
    const w = await openPage(browser(), { width: 390, height: 844 });
    await w.page.goto(baseUrl);
    await w.page.waitForSelector(".app-header");
    // every tab is on the screen (the tab list wraps), none hidden past its edge
    for (const tab of TABS) {
      const b = (await w.page.getByRole("tab", { name: tab }).boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
    }
    for (const tab of TABS) {
      await openTab(w.page, tab);
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth), tab).toBeLessThanOrEqual(390);
      // legible: no chart is shrunk to fit (its text would shrink with it), and none is wider than the screen
      const charts = await w.page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>(".plot svg[role=img]")].map((s) => ({
          label: (s.getAttribute("aria-label") ?? "").slice(0, 40),
          drawn: s.width.baseVal.value,
          shown: s.getBoundingClientRect().width,
          right: s.getBoundingClientRect().right,
        })),
      );
      for (const c of charts) {
        expect(c.shown / c.drawn, `${tab}: ${c.label}`).toBeGreaterThan(0.95);
        expect(c.right, `${tab}: ${c.label}`).toBeLessThanOrEqual(390);
      }
      for (const t of await scrollingTables(w.page)) expect({ tab, ...t }).toMatchObject({ tabindex: "0", visibleHint: true });
      await screenshot(w.page, `narrow-${tab.toLowerCase().replace(/[^a-z]+/g, "-")}-all`);
    }
    expect(w.consoleErrors).toEqual([]);
  }, 180_000); // every tab in turn: 30 s on a loaded machine, so the 60 s default is no margin
});
