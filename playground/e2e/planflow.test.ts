import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { foreignRequests, openPage, SCREENSHOTS, screenshot, useBrowser } from "./browser.js";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

/** "−$57,881.04" / "+$1,200.00" / "$0.00" → cents (exact: the text is parsed, never a float). */
function cents(text: string | null): bigint {
  const t = (text ?? "").trim();
  const m = /^([+−-]?)\$([\d,]+)(?:\.(\d{2}))?$/.exec(t);
  if (!m) throw new Error(`not an amount: "${t}"`);
  const v = BigInt(m[2]!.replace(/,/g, "")) * 100n + BigInt(m[3] ?? "0");
  return m[1] === "−" || m[1] === "-" ? -v : v;
}

/** The open scenario's total in the Budget tab's headline table (second row: the first what-if). */
async function scenarioTotal(page: Page, row = 1): Promise<bigint> {
  await page.getByRole("tab", { name: "Budget" }).click();
  const table = page.getByTestId("headline-table");
  await table.waitFor();
  return cents(await table.locator("tbody tr").nth(row).locator("td").first().textContent());
}

describe("plans flow into the budget by replacement, and the reconciliation is the change the budget shows", () => {
  it("licence plan: the products' lines are pre-ticked, the net change is what the Budget tab then shows, and using it twice changes nothing more", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    const before = await scenarioTotal(w.page);
    await w.page.getByRole("tab", { name: "Licences" }).click();
    const flow = w.page.getByTestId("flow-licensePlan");
    await flow.waitFor({ timeout: 60_000 });
    // matched by product and pre-ticked; an unrelated line is not
    expect(await flow.getByRole("checkbox", { name: /Learning management system/ }).isChecked()).toBe(true);
    expect(await flow.getByRole("checkbox", { name: /Reading program/ }).isChecked()).toBe(true);
    expect(await flow.getByRole("checkbox", { name: /Student information system/ }).isChecked()).toBe(false);
    const rec = flow.getByTestId("reconciliation");
    const net = cents(await rec.getByTestId("net-total").textContent());
    expect(net < 0n).toBe(true); // the optimized plan costs less than what the budget carried
    expect(await rec.textContent()).toMatch(/FY2027[\s\S]*FY2029/);
    expect(await rec.textContent()).not.toMatch(/FY2030/); // the budget's own lines continue after the plan's years
    await screenshot(w.page, "desktop-licences-reconciliation");
    await flow.screenshot({ path: `${SCREENSHOTS}desktop-licences-flow.png` });
    await flow.getByRole("button", { name: /^Use this plan in/ }).click();
    await expect.poll(() => flow.getByRole("status").textContent()).toMatch(/uses the optimized licence plan/);
    // applying it again changes nothing more
    await expect.poll(() => rec.getByTestId("reconciliation-sentence").textContent()).toMatch(/already uses this optimized licence plan: using it again changes nothing/);
    const after = await scenarioTotal(w.page);
    expect(after - before).toBe(net);
    await w.page.getByRole("tab", { name: "Licences" }).click();
    await flow.getByRole("button", { name: /^Update this plan in/ }).click();
    expect(await scenarioTotal(w.page)).toBe(after);
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });

  it("imported inventory: Snipe-IT → match models → forecast → plan into the budget → the reconciliation's net change → a reload keeps it all", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    await w.page.getByLabel("What kind of file").selectOption("snipe-it");
    await w.page.getByRole("button", { name: "Read the sample district's export" }).click();
    await w.page.getByTestId("import-stats").waitFor({ timeout: 30_000 });
    await w.page.getByRole("button", { name: "Match models and use this inventory in the Devices view" }).click();
    const match = w.page.getByTestId("model-match");
    await match.waitFor({ timeout: 30_000 });
    const row = (name: string) => match.locator("tbody tr").filter({ has: w.page.getByRole("rowheader", { name, exact: true }) });
    expect(await row("Acme Chromebook 311 G2").textContent()).toMatch(/same name[\s\S]*AUE 2031-06/);
    expect(await row("Latitude 3440").textContent()).toMatch(/similar name/);
    expect(await row("Latitude 5420").textContent()).toMatch(/no match[\s\S]*assumed 4-year life/);
    await screenshot(w.page, "desktop-import-model-match");
    await w.page.getByRole("button", { name: "Use this inventory in the Devices view" }).click();
    await expect.poll(() => w.page.getByText(/The Devices view now forecasts this inventory/).count(), { timeout: 30_000 }).toBe(1);
    const before = await scenarioTotal(w.page);
    await w.page.getByRole("tab", { name: "Devices" }).click();
    // the 2023 Chromebooks now have a planned retirement (they had none before matching)
    const cohorts = w.page.locator("details.cohorts");
    await cohorts.waitFor({ timeout: 30_000 });
    await cohorts.locator("summary").click();
    const cb = cohorts.locator("tbody tr").filter({ hasText: "Acme Chromebook 311 G2" }).first();
    expect(await cb.textContent()).toMatch(/FY20(2[7-9]|3[01])/);
    const flow = w.page.getByTestId("flow-deviceForecast");
    await flow.waitFor();
    const net = cents(await flow.getByTestId("net-total").textContent());
    // every year and the total: the net change is the general fund's change plus the other funds'
    // (E-Rate's share moves between years of its cycle here; its total does not change)
    const nets = await flow.locator('[data-testid^="net-"]').evaluateAll((els) => els.map((e) => [e.getAttribute("data-testid")!.slice(4), e.textContent ?? ""]));
    expect(nets.length).toBeGreaterThan(1);
    for (const [year, text] of nets) {
      const other = await flow.getByTestId(`other-${year}`).textContent();
      expect(cents(text!), year).toBe(cents(await flow.getByTestId(`gf-${year}`).textContent()) + (other === "—" ? 0n : cents(other)));
    }
    expect(await flow.getByTestId("other-total").textContent()).toBe("—");
    await flow.screenshot({ path: `${SCREENSHOTS}desktop-devices-flow.png` });
    await flow.getByRole("button", { name: /^Use this plan in/ }).click();
    await expect.poll(() => flow.getByRole("status").textContent()).toMatch(/uses the device forecast/);
    const after = await scenarioTotal(w.page);
    expect(after - before).toBe(net);
    // a reload keeps the imported inventory, the scenario's plan and the Import tab's list
    await w.page.reload();
    expect(await scenarioTotal(w.page)).toBe(after);
    expect(await w.page.getByTestId("district").textContent()).toMatch(/imported from Snipe-IT: assets\.csv/);
    await w.page.getByRole("tab", { name: "Import / Export" }).click();
    const stored = w.page.getByTestId("stored-imports");
    await expect.poll(() => stored.textContent()).toMatch(/take [\d.]+ (KB|MB) in this browser's storage/);
    // forgetting them brings the sample back
    w.page.once("dialog", (d) => void d.accept());
    await stored.getByRole("button", { name: "Forget imported data" }).click();
    await expect.poll(() => stored.textContent()).toMatch(/No imported files are kept/);
    expect(await w.page.getByTestId("district").textContent()).not.toMatch(/imported from/);
    expect(w.consoleErrors).toEqual([]);
    expect(foreignRequests(w.requests, baseUrl)).toEqual([]);
  });
});

describe("levers belong to their scenario", () => {
  it("switching scenarios shows each scenario's own value in every lever", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    await w.page.getByRole("tab", { name: "Budget" }).click();
    const levers = w.page.locator("fieldset.levers");
    await levers.waitFor();
    // scenario A (the default what-if): a grant of 75,000; set every other lever too
    const set = async (v: { enroll: string; infl: string; refresh: string; erate: string; grant: string; hardware: string }) => {
      await levers.getByRole("slider", { name: "Enrollment change" }).evaluate((el, value) => {
        (el as HTMLInputElement).value = value;
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, v.enroll);
      await levers.getByLabel("Inflation (per year)").fill(v.infl);
      await levers.getByLabel("Device refresh cycle").selectOption(v.refresh);
      await levers.getByLabel("E-Rate discount").selectOption(v.erate);
      await levers.getByLabel("Amount ($)").fill(v.grant);
      await levers.getByLabel("Amount ($)").press("Tab");
      await levers.getByLabel("Hardware").fill(v.hardware);
    };
    const read = async () => ({
      enroll: await levers.getByRole("slider", { name: "Enrollment change" }).inputValue(),
      infl: await levers.getByLabel("Inflation (per year)").inputValue(),
      refresh: await levers.getByLabel("Device refresh cycle").inputValue(),
      erate: await levers.getByLabel("E-Rate discount").inputValue(),
      grant: await levers.getByLabel("Amount ($)").inputValue(),
      hardware: await levers.getByLabel("Hardware").inputValue(),
    });
    const a = { enroll: "-10", infl: "3", refresh: "5", erate: "80", grant: "75000", hardware: "-20" };
    const b = { enroll: "4", infl: "6.5", refresh: "3", erate: "50", grant: "12000", hardware: "15" };
    await set(a);
    expect(await read()).toEqual(a);
    await w.page.getByRole("button", { name: "Add scenario" }).click();
    await expect.poll(() => levers.locator("legend").textContent()).toMatch(/Scenario B/);
    expect(await read()).toEqual(a); // a new scenario starts as a copy
    await set(b);
    expect(await read()).toEqual(b);
    await w.page.getByLabel("Scenario", { exact: true }).selectOption({ label: "Lose 10 % of students, add a grant" });
    await expect.poll(() => levers.locator("legend").textContent()).toMatch(/Lose 10 %/);
    expect(await read()).toEqual(a);
    await w.page.getByLabel("Scenario", { exact: true }).selectOption({ label: "Scenario B" });
    expect(await read()).toEqual(b);
    expect(w.consoleErrors).toEqual([]);
  });

  it("an out-of-range lever says its range and why instead of changing silently; a shift moves a refresh", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    const levers = w.page.locator("fieldset.levers");
    await levers.waitFor();
    const before = await scenarioTotal(w.page);
    await levers.getByLabel("Inflation (per year)").fill("99");
    await expect.poll(() => levers.getByRole("alert").textContent()).toMatch(/99 % is outside −5 % to 20 %; the scenario keeps the baseline rates/);
    expect(await levers.getByLabel("Inflation (per year)").inputValue()).toBe("99");
    expect(await scenarioTotal(w.page)).toBe(before);
    await levers.getByLabel("Inflation (per year)").fill("");
    // hardware refreshes are escalated: a year later costs more
    await levers.getByLabel("Shift a purchase or a refresh").selectOption({ label: "every Hardware refresh" });
    await levers.getByLabel("by", { exact: true }).selectOption("1");
    await levers.getByRole("button", { name: "Shift", exact: true }).click();
    await expect.poll(() => levers.getByRole("list", { name: "Shifts in this scenario" }).textContent()).toMatch(/every Hardware refresh later by 1 year/);
    expect(await scenarioTotal(w.page)).not.toBe(before);
    expect(w.consoleErrors).toEqual([]);
  });
});

describe("one as-of date", () => {
  it("the header's date drives the renewal calendar and the vetting date", async () => {
    const w = await openPage(browser());
    await w.page.goto(baseUrl);
    const asOf = w.page.getByLabel("As of", { exact: true });
    await asOf.waitFor();
    expect(await asOf.inputValue()).toBe("2026-07-01");
    await w.page.getByRole("tab", { name: "Licences" }).click();
    const renewals = w.page.getByTestId("renewals");
    await renewals.waitFor({ timeout: 60_000 });
    expect(await renewals.locator("h3").textContent()).toBe("Renewal calendar (as of 2026-07-01)");
    // on 2026-07-01 the reading contract's notice (90 days before its 1 July renewal) has passed
    expect(await renewals.locator("tbody tr").filter({ hasText: "2026-04-02" }).textContent()).toMatch(/Notice passed/);
    await asOf.fill("2026-03-15");
    await expect.poll(() => renewals.locator("h3").textContent()).toBe("Renewal calendar (as of 2026-03-15)");
    await expect.poll(() => renewals.locator("tbody tr").filter({ hasText: "2026-04-02" }).textContent()).not.toMatch(/Notice passed/);
    await w.page.getByRole("tab", { name: "Vetting" }).click();
    await expect.poll(() => w.page.getByLabel("Assess as of").inputValue()).toBe("2026-03-15");
    await w.page.reload();
    expect(await w.page.getByLabel("As of", { exact: true }).inputValue()).toBe("2026-03-15");
    expect(w.consoleErrors).toEqual([]);
  });
});
