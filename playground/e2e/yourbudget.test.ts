import { readFileSync } from "node:fs";
import { prepareBudget, projectBudget } from "@districtkit/budget";
import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";
import { SumEvaluator } from "../../packages/io/test/sumEvaluator.js";
import { foreignRequests, openPage, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

/** The datasets the playground keeps in IndexedDB (the imported district and budget). */
async function storedDatasets(page: import("playwright-core").Page): Promise<{ district: unknown; budget: unknown }> {
  return page.evaluate(
    () =>
      new Promise<{ district: unknown; budget: unknown }>((resolve, reject) => {
        const req = indexedDB.open("districtkit-playground", 1);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction("imported", "readonly").objectStore("imported").get("all");
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const ds = (get.result as { datasets: Record<string, { data: unknown }> }).datasets;
            req.result.close();
            resolve({ district: ds.district?.data, budget: ds.budget?.data });
          };
        };
      }),
  );
}

describe("Import your budget", () => {
  it("imports the sample ledger, ties it out, compares actuals, runs a scenario on it, keeps it across a reload and exports live formulas", async () => {
    const w = await openPage(browser());
    const { page } = w;
    await page.goto(baseUrl);
    await page.getByRole("tab", { name: "Your ledger" }).click();
    await page.getByRole("button", { name: "Read maple-valley-budget.csv" }).click();

    // the mapping step: the live tie-out to the file's own totals, and every unmapped code
    const tie = page.getByTestId("tie-out-budget");
    await tie.waitFor({ timeout: 30_000 });
    await expect.poll(() => tie.textContent()).toContain("the file's own total is $4,462,215.00: it ties out to the cent");
    const unmapped = (await page.getByTestId("unmapped-budget").textContent()) ?? "";
    expect(unmapped).toContain("100-2700-610-000-100");
    expect(unmapped).toContain("no school rule matches location 004");
    expect(await page.getByTestId("row-errors-budget").textContent()).toContain('"TBD" is not an amount');
    expect(await page.getByTestId("preview-budget").locator("table tbody tr").count()).toBe(12);
    // describing a segment wrongly shows at once in the tie-out (every row then unmapped), and back
    await page.getByLabel("Name of segment 2").fill("fn");
    await page.getByLabel("Name of segment 2").press("Tab");
    await expect.poll(async () => (await page.locator(".notice-error").allTextContents()).join(" ")).toMatch(/unknown segment "function"/);
    await page.getByLabel("Name of segment 2").fill("function");
    await page.getByLabel("Name of segment 2").press("Tab");
    await expect.poll(() => tie.textContent()).toContain("it ties out to the cent");
    await screenshot(page, "desktop-yourbudget-map");

    await page.getByRole("button", { name: "Make the line items" }).click();
    await page.getByRole("heading", { name: /3\. Schools/ }).waitFor();
    await page.getByRole("button", { name: "Next: line items" }).click();
    await expect.poll(() => page.getByTestId("items-status").textContent()).toMatch(/line items, every cell reads/);
    // a cell's validation message, as typed
    const firstAmount = page.getByLabel(/^FY2027, /).first();
    const was = await firstAmount.inputValue();
    await firstAmount.fill("12x");
    await expect.poll(() => page.locator(".edit-grid .cell-error").first().textContent()).toContain('"12x" is not a dollar amount');
    await firstAmount.fill(was);
    await expect.poll(() => page.getByTestId("items-status").textContent()).toMatch(/every cell reads/);
    await screenshot(page, "desktop-yourbudget-items");

    // actuals, with the same mapping
    await page.getByRole("button", { name: /1 File/ }).click();
    await page.getByRole("button", { name: "Read maple-valley-actuals.csv" }).click();
    await page.getByTestId("tie-out-actuals").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Map the actuals" }).click();
    await page.getByRole("button", { name: "Compare with the budget" }).click();
    const method = page.getByTestId("bva-method");
    await method.waitFor({ timeout: 30_000 });
    expect(await method.textContent()).toMatch(/Projection method: seasonal/);
    expect(await page.getByTestId("bva").locator("table tfoot").textContent()).toContain("All funds");

    // use it in the Budget tab and run a scenario on it
    await page.getByRole("button", { name: "Use this budget in the Budget tab" }).click();
    await expect.poll(() => page.getByTestId("use-message").textContent()).toMatch(/The Budget tab now projects \d+ line items from maple-valley-budget\.csv/);
    await screenshot(page, "desktop-yourbudget-use");
    await page.getByRole("button", { name: "Open the Budget tab" }).click();
    const headlines = page.getByTestId("headline-table");
    await headlines.waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Add scenario" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Imported, hardware −10 %");
    await page.getByLabel("Name", { exact: true }).press("Tab");
    const hardware = page.getByRole("group", { name: "Cut or add by category" }).getByLabel("Hardware", { exact: true });
    await hardware.fill("-10");
    await hardware.press("Tab");
    await expect.poll(() => headlines.textContent()).toContain("Imported, hardware −10 %");
    // the scenario's total is below the baseline's (the imported hardware lines cut by 10 %)
    const totalOf = async (name: string) => Number(((await headlines.locator("tbody tr", { hasText: name }).locator("td").first().textContent()) ?? "").replace(/[$,]/g, ""));
    await expect.poll(async () => (await totalOf("Baseline")) - (await totalOf("Imported, hardware −10 %"))).toBeGreaterThan(0);
    expect(await page.getByTestId("district").textContent()).toContain("imported from maple-valley-budget.csv");
    const before = await headlines.textContent();
    await screenshot(page, "desktop-yourbudget-budget-tab");

    // a reload finds the import and the budget it made
    await page.reload();
    await page.getByTestId("headline-table").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("headline-table").textContent()).toBe(before);
    await page.getByRole("tab", { name: "Your ledger" }).click();
    await page.getByTestId("use-status").waitFor();
    expect(await page.getByTestId("use-status").textContent()).toContain("The Budget tab projects this import");
    expect(await page.getByTestId("tie-out-kept").textContent()).toContain("ties out to the cent");

    // export: the workbook's formulas give the engine's totals
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export the scenarios to Excel (.xlsx)" }).click()]);
    expect(dl.suggestedFilename()).toBe("districtkit-budget.xlsx");
    const bytes = readFileSync((await dl.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toContain("Line items");
    expect(names).toContain("Imported, hardware −10 %");
    expect(names).toContain("Budget vs actual");
    const ev = new SumEvaluator(wb);
    let formulas = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === "object" && typeof v.formula === "string") {
            formulas++;
            expect(Math.round(ev.value(ws.name, cell.address) * 100), `${ws.name}!${cell.address}`).toBe(Math.round((cell.result as number) * 100));
          }
        }),
      );
    expect(formulas).toBeGreaterThan(50);
    // the baseline sheet's grand total, evaluated from the line items, is the engine's on the stored budget
    const { district, budget } = await storedDatasets(page);
    const engine = projectBudget(prepareBudget({ district, budget } as never));
    const base = wb.getWorksheet(names[1]!)!;
    let totalRow = 2;
    while (base.getCell(`A${totalRow}`).value !== "Total") totalRow++;
    const lastCol = String.fromCharCode(66 + engine.years.length);
    expect(Math.round(ev.value(base.name, `${lastCol}${totalRow}`) * 100)).toBe(engine.total.toCents());

    // the budget template as .xlsx, read back through the same lazy XLSX entry: the same line items
    const [tpl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Budget template (.xlsx)" }).click()]);
    expect(tpl.suggestedFilename()).toBe("districtkit-budget-template.xlsx");
    const stored = (budget as { lineItems: unknown[] }).lineItems.length;
    await page.getByRole("button", { name: /1 File/ }).click();
    await page.getByLabel("The DistrictKit budget template").check();
    await page
      .getByLabel("Choose the file (.csv or .xlsx)")
      .setInputFiles({ name: "districtkit-budget-template.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: readFileSync((await tpl.path())!) });
    await page.getByRole("heading", { name: /3\. Schools/ }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Next: line items" }).click();
    await expect.poll(() => page.getByTestId("items-status").textContent()).toBe(`${stored} line items, every cell reads.`);

    // forget: the sample district comes back, and stays after a reload
    await page.getByRole("button", { name: /5 Use and compare/ }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Forget imported data" }).click();
    await expect.poll(() => page.getByTestId("district").textContent()).toContain("sample district (fictional)");
    await page.reload();
    await page.getByTestId("district").waitFor();
    await expect.poll(() => page.getByTestId("district").textContent()).toContain("sample district (fictional)");
    expect(await page.getByRole("button", { name: /2 Columns and accounts/ }).isDisabled()).toBe(true);

    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("at 390 px: the import's steps, mapping, grid and comparison fit the screen width", async () => {
    const w = await openPage(browser(), { width: 390, height: 844 });
    const { page } = w;
    // elements that reach past the screen's right edge (outside a table's scrolling wrapper)
    const offenders = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => !el.closest(".table-wrap") && el.getBoundingClientRect().right > 391)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}#${el.id} ${Math.round(el.getBoundingClientRect().right)}`)
          .slice(0, 10),
      );
    await page.goto(baseUrl);
    await page.getByRole("tab", { name: "Your ledger" }).click();
    await page.getByRole("button", { name: "Read maple-valley-budget.csv" }).click();
    await page.getByTestId("tie-out-budget").waitFor({ timeout: 30_000 });
    await screenshot(page, "phone-yourbudget-map");
    expect(await offenders()).toEqual([]);
    await page.getByRole("button", { name: "Make the line items" }).click();
    await page.getByRole("button", { name: "Next: line items" }).click();
    await page.getByTestId("items-status").waitFor();
    await screenshot(page, "phone-yourbudget-items");
    expect(await offenders()).toEqual([]);
    await page.getByRole("button", { name: "Next: use and compare" }).click();
    await page.getByRole("button", { name: "Use this budget in the Budget tab" }).click();
    await page.getByTestId("use-message").waitFor();
    await screenshot(page, "phone-yourbudget-use");
    expect(await offenders()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(w.consoleErrors).toEqual([]);
  });
});
