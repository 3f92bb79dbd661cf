import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, inject, it } from "vitest";
import { openPage, settled, useBrowser } from "./browser.js";

// axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules — 2.2 adds target size, 2.5.8), injected from
// node_modules: no network involved.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const baseUrl = inject("baseUrl");
const browser = useBrowser();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe("accessibility (axe-core, WCAG 2.2 A/AA)", () => {
  for (const tab of ["Budget", "Devices", "Repairs", "Licences", "Vetting", "Privacy", "Calendar", "E-Rate", "Import / Export", "Your ledger"]) {
    it(`${tab}: no violations`, async () => {
      // the page's CSP forbids inline scripts; the test injects axe, so only this context bypasses it
      const w = await openPage(browser(), { bypassCSP: true });
      await w.page.goto(baseUrl);
      await w.page.getByRole("tab", { name: tab }).click();
      await settled(w.page);
      // everything the tab can show: the Devices cap (its tables), the panels below the fold
      if (tab === "Devices") {
        await w.page.getByLabel("Yearly refresh budget cap ($)").fill("150000");
        await w.page.getByLabel("Yearly refresh budget cap ($)").press("Tab");
        await w.page.getByTestId("cap-tables").waitFor();
      }
      // the import's mapping step, with a file read: columns, segments, preview, tie-out, unmapped codes
      if (tab === "Your ledger") {
        await w.page.getByRole("button", { name: "Read maple-valley-budget.csv" }).click();
        await w.page.getByTestId("tie-out-budget").waitFor({ timeout: 30_000 });
      }
      for (let i = 0; i < 8; i++) {
        await w.page.mouse.wheel(0, 1500);
        await w.page.waitForTimeout(150);
      }
      // the panels scrolled into view have loaded their code and computed (the tornado in the worker)
      await settled(w.page);
      await w.page.addScriptTag({ content: axeSource });
      const violations = (await w.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
        return r.violations;
      })) as Violation[];
      const report = violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join("; ")}`,
      );
      expect(report).toEqual([]);
    });
  }

  it("Your ledger: the line-item grid (a cell with its message) and budget vs actual: no violations", async () => {
    const w = await openPage(browser(), { bypassCSP: true });
    const { page } = w;
    await page.goto(baseUrl);
    await page.getByRole("tab", { name: "Your ledger" }).click();
    await page.addScriptTag({ content: axeSource });
    const audit = async (): Promise<string[]> => {
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
        return r.violations;
      })) as Violation[];
      return violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join("; ")}`,
      );
    };
    await page.getByRole("button", { name: "Read maple-valley-budget.csv" }).click();
    await page.getByTestId("tie-out-budget").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Make the line items" }).click();
    await page.getByRole("button", { name: "Next: line items" }).click();
    await page.getByTestId("items-status").waitFor();
    await page
      .getByLabel(/^FY2027, /)
      .first()
      .fill("12x");
    await page.locator(".edit-grid .cell-error").first().waitFor();
    expect(await audit()).toEqual([]);
    await page
      .getByLabel(/^FY2027, /)
      .first()
      .fill("100");
    await page.getByRole("button", { name: /1 File/ }).click();
    await page.getByRole("button", { name: "Read maple-valley-actuals.csv" }).click();
    await page.getByTestId("tie-out-actuals").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Map the actuals" }).click();
    await page.getByRole("button", { name: "Compare with the budget" }).click();
    await page.getByTestId("bva-method").waitFor({ timeout: 30_000 });
    expect(await audit()).toEqual([]);
  });
});
