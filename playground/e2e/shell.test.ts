import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, screenshot, useBrowser, type Watched } from "./browser.js";

const baseUrl = inject("baseUrl");
const hasSampleDistrict = existsSync(fileURLToPath(new URL("../../examples/data/sample-district/district.json", import.meta.url)));
const browser = useBrowser();
const opened: Watched[] = [];

async function open(url = baseUrl, size?: { width: number; height: number }): Promise<Watched> {
  const w = await openPage(browser(), size);
  opened.push(w);
  await w.page.goto(url);
  await w.page.waitForSelector(".app-header");
  return w;
}

afterAll(async () => {
  // no request of any test left the local server, and nothing was logged as an error
  const all = opened.flatMap((w) => w.requests);
  expect(foreignRequests(all, baseUrl)).toEqual([]);
});

describe("the playground shell", () => {
  it("loads with its tabs and the sample district, without console errors", async () => {
    const w = await open();
    const tabs = await w.page.getByRole("tab").allTextContents();
    expect(tabs).toEqual(["Budget", "Devices", "Repairs", "Licences", "Vetting", "Privacy", "Calendar", "E-Rate", "Import / Export", "Your ledger"]);
    await w.page.waitForSelector('[data-testid="district"]');
    const district = await w.page.textContent('[data-testid="district"]');
    if (hasSampleDistrict) expect(district).toContain("Maple Valley");
    else expect(district).toContain("not been published");
    await w.page.getByRole("tabpanel").waitFor();
    expect(w.consoleErrors).toEqual([]);
  });

  it("moves through the tabs and a lever with the keyboard only", async () => {
    const w = await open();
    const { page } = w;
    await page.getByRole("tab", { name: "Budget" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Devices");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Devices");
    await page.keyboard.press("End");
    await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Your ledger");
    await page.keyboard.press("Home");
    await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Budget");
    // Tab from the tab list reaches the scenario picker, then on to the enrollment lever
    const lever = page.getByLabel("Enrollment change", { exact: true });
    await lever.waitFor();
    let guard = 0;
    while (!(await lever.evaluate((el) => el === document.activeElement)) && guard++ < 30) await page.keyboard.press("Tab");
    expect(guard).toBeLessThan(30);
    const before = await lever.inputValue();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => lever.inputValue()).toBe(String(Number(before) - 1));
    expect(w.consoleErrors).toEqual([]);
  });

  it("keeps the scenarios across a reload", async () => {
    const w = await open();
    const lever = w.page.getByLabel("Enrollment change", { exact: true });
    await lever.fill("-17");
    await expect.poll(() => w.page.locator("output").first().textContent()).toContain("17");
    await w.page.reload();
    await w.page.waitForSelector(".app-header");
    await expect.poll(() => w.page.getByLabel("Enrollment change", { exact: true }).inputValue()).toBe("-17");
  });

  it("restores a scenario from a shared link in a fresh browser", async () => {
    const w = await open();
    await w.page.getByLabel("Enrollment change", { exact: true }).fill("-12");
    await w.page.getByLabel("Amount ($)").fill("50000");
    await w.page.getByLabel("Amount ($)").press("Enter");
    await w.page.getByRole("button", { name: "Copy share link" }).click();
    await expect.poll(() => w.page.locator("#share-url").inputValue()).not.toBe("");
    const link = await w.page.locator("#share-url").inputValue();
    expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const fresh = await open(link); // a new context: empty localStorage
    await expect.poll(() => fresh.page.getByLabel("Enrollment change", { exact: true }).inputValue()).toBe("-12");
    expect(await fresh.page.getByLabel("Amount ($)").inputValue()).toBe("50000");
    expect(await fresh.page.getByTestId("notice").textContent()).toContain("restored from the shared link");
  });

  it("shows an error, not a blank page, for a corrupted link", async () => {
    const w = await open(`${baseUrl}#s=not-a-real-scenario`);
    const alert = w.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("could not be opened");
    expect(await w.page.getByRole("tab").count()).toBe(10);
    // a well-formed link whose content fails validation names the field
    const bad = await open(`${baseUrl}#s=${await badStateLink(w)}`);
    await bad.page.getByRole("alert").waitFor();
    expect(await bad.page.getByRole("alert").textContent()).toContain("scenarios.0.levers.enrollmentChangePercent");
  });

  it("opens every view at desktop and phone widths (screenshots in e2e/screenshots)", async () => {
    for (const [label, size] of [
      ["desktop", { width: 1280, height: 800 }],
      ["narrow", { width: 390, height: 844 }],
    ] as const) {
      const w = await open(baseUrl, size);
      for (const tab of ["Budget", "Devices", "Repairs", "Licences", "Vetting", "Privacy", "Calendar", "E-Rate", "Import / Export", "Your ledger"]) {
        await w.page.getByRole("tab", { name: tab }).click();
        await w.page.waitForSelector(`[role="tabpanel"] h2`);
        await screenshot(w.page, `${label}-${tab.toLowerCase().replace(/[^a-z]+/g, "-")}`);
      }
      expect(w.consoleErrors).toEqual([]);
    }
    // ten views at two widths, full-page screenshots, on a shared two-core machine
  }, 240_000);
});

/** Encode, in the page, a state that is well formed but invalid (an enrollment change of +99 %). */
async function badStateLink(w: Watched): Promise<string> {
  return w.page
    .evaluate(async () => {
      const json = JSON.stringify({ version: 1, tab: "budget", scenarios: [{ id: "baseline", name: "Baseline", levers: { enrollmentChangePercent: 99 } }], activeScenarioId: "baseline", vetting: {} });
      const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let bin = "";
      for (const b of bytes) bin += String.fromCharCode(b);
      return "s=" + btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    })
    .then((s) => s.slice(2));
}
