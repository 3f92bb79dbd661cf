import { readFileSync } from "node:fs";
import { matchPlanLines, prepareBudget, projectBudget, reconcilePlan } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import { buildLicensePlanInput, optimizeLicenses } from "@districtkit/licenses";
import { forecastReplacements } from "@districtkit/lifecycle";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../state/schema.js";
import { PLAN_FLOWS, planLever, toEngineScenario } from "./budgetModel.js";
import { plain } from "./plain.js";
import { deviceFlowLines, type FlowLine, licenceFlowLines } from "./planFlows.js";

const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../../examples/data/sample-district/${name}.json`, import.meta.url), "utf8"));
const model = prepareBudget({ district: read("district"), budget: read("budget") } as never);
const request = (lines: readonly FlowLine[], categories: string[]) => ({ lines: lines.map((l) => ({ ...l, refs: [...l.refs], keywords: [...l.keywords] })), categories });
const scenario: Scenario = { id: "s1", name: "What-if", levers: {} };

describe("the sample district's plans flow into its budget without double counting", () => {
  const devices = read("devices");
  delete devices.description;
  const forecast = plain(forecastReplacements({ ...devices, groupBy: ["model"] }));
  const deviceLines = deviceFlowLines(forecast, devices.models as never);

  it("matches the device forecast to every device and network refresh line, and keeps C2 on Wi-Fi and switches", () => {
    const m = matchPlanLines(model, request(deviceLines, ["hardware", "network"]));
    expect(m.suggested).toEqual([
      "hs-chromebooks",
      "hs-chromebooks-aue",
      "es-chromebook-carts",
      "ms-ipads",
      "k2-ipad-carts",
      "teacher-laptops",
      "staff-laptops",
      "lab-desktops",
      "displays",
      "servers",
      "wifi-aps",
      "switches",
      "firewall-hw",
    ]);
    // the firewall subscription, cabling, UPS batteries, internet and the rest stay
    for (const kept of ["firewall-sub", "cabling", "ups", "internet", "wan-fiber", "bmic", "wlan-licences", "hotspots"]) expect(m.suggested).not.toContain(kept);
    const line = (id: string) => m.lines.find((l) => l.lineId === id)!;
    expect([line("ap-515").eRate, line("ap-515").category]).toEqual(["C2", "network"]);
    expect([line("switch-48").eRate, line("switch-48").category]).toEqual(["C2", "network"]);
    expect(line("server-r450").category).toBe("network");
  });

  it("every year changes by exactly the forecast's purchases minus the device lines it replaces", () => {
    const m = matchPlanLines(model, request(deviceLines, ["hardware", "network"]));
    const flow = {
      replaces: [...m.suggested],
      fromYear: forecast.years[0]!,
      toYear: forecast.years.at(-1)!,
      note: "test",
      lines: deviceLines.map((l) => ({
        id: l.id,
        name: l.name,
        category: m.lines.find((x) => x.lineId === l.id)!.category,
        eRate: m.lines.find((x) => x.lineId === l.id)!.eRate,
        amounts: { ...l.amounts },
      })),
    };
    const before = projectBudget(model, toEngineScenario(scenario, model));
    const after = projectBudget(model, toEngineScenario({ ...scenario, levers: { deviceForecast: flow } }, model));
    const replaced = new Set(m.suggested);
    for (const [i, y] of before.years.entries()) {
      const key = String(y.fiscalYear);
      const planned = Money.sum(deviceLines.map((l) => l.amounts[key] ?? "0"));
      const carried = Money.sum(before.lines.filter((l) => replaced.has(l.itemId)).map((l) => l.years[i]!.cost));
      expect(after.years[i]!.total.subtract(y.total).toString()).toBe(planned.subtract(carried).toString());
    }
  });

  it("replaces the software lines of the licence plan's products in its three years only, and using it twice changes nothing more", () => {
    const lic = read("licenses");
    const plan = plain(optimizeLicenses(buildLicensePlanInput(lic, (read("usage") as { users: unknown[] }).users)));
    const lines = licenceFlowLines(plan, lic.products as never);
    const m = matchPlanLines(model, request(lines, ["software"]));
    expect(m.suggested).toEqual(["lms", "reading", "math-es", "math-ms", "web-filter", "ipad-mdm", "formative-a", "formative-b", "video-tool"]);
    const flow = {
      replaces: [...m.suggested],
      fromYear: plan.years[0]!,
      toYear: plan.years.at(-1)!,
      note: "test",
      lines: lines.map((l) => ({ id: l.id, name: l.name, category: "software", amounts: { ...l.amounts } })),
    };
    const engine = toEngineScenario(scenario, model);
    const r = reconcilePlan(model, engine, planLever(PLAN_FLOWS[1], flow, model));
    expect(r.years.map((y) => y.fiscalYear)).toEqual([2027, 2028, 2029]);
    const inPlanYears = Money.sum(
      lines.flatMap((l) =>
        Object.entries(l.amounts)
          .filter(([y]) => Number(y) <= 2029)
          .map(([, v]) => v),
      ),
    );
    expect(r.added.toString()).toBe(inPlanYears.toString());
    expect(r.net.toString()).toBe(r.added.subtract(r.removed).toString());
    // the scenario as the Budget tab projects it after "Use this plan": the same change, and nothing more a second time
    const used = toEngineScenario({ ...scenario, levers: { licensePlan: flow } }, model);
    expect(projectBudget(model, used).total.subtract(projectBudget(model, engine).total).toString()).toBe(r.net.toString());
    expect(reconcilePlan(model, used, planLever(PLAN_FLOWS[1], flow, model)).unchanged).toBe(true);
  });
});
