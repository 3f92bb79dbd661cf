import { Money } from "@districtkit/core";
import type { LicensePlanResult } from "@districtkit/licenses";
import type { ForecastResult } from "@districtkit/lifecycle";
import type { Plain } from "./plain.js";

/**
 * One line of a plan as the "use this plan in the budget" panel takes it: its yearly amounts,
 * the budget category it belongs to by default, and the names that identify what it buys (for
 * matching it to the budget's own lines: `refs` are product or model ids and names, `keywords`
 * broader words such as a product category or a device category).
 */
export interface FlowLine {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly refs: readonly string[];
  readonly keywords: readonly string[];
  readonly amounts: Readonly<Record<string, string>>;
  /** The line's own E-Rate category (default: that of the budget item it replaces, else none). */
  readonly eRate?: "C1" | "C2" | "ineligible";
}

interface ProductInfo {
  readonly id: string;
  readonly name: string;
  readonly vendor?: string;
  readonly category?: string;
}

/** The optimized licence plan's budget lines (one per product or bundle), with each product's names and category. */
export function licenceFlowLines(plan: Plain<LicensePlanResult>, products: readonly ProductInfo[]): FlowLine[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  return plan.budgetLines.map((l) => {
    const infos = l.productIds.map((id) => byId.get(id)).filter((p): p is ProductInfo => p !== undefined);
    return {
      id: l.id,
      name: l.name,
      category: "software",
      refs: [...l.productIds, ...infos.map((p) => p.name)],
      keywords: [...new Set(infos.map((p) => p.category).filter((c): c is string => typeof c === "string"))],
      amounts: Object.fromEntries(l.amounts.map((a) => [String(a.fiscalYear), a.amount])),
    };
  });
}

/** Words a budget uses for each device category of the lifecycle engine. */
const DEVICE_WORDS: Readonly<Record<string, readonly string[]>> = {
  chromebook: ["Chromebook"],
  ipad: ["iPad"],
  "windows-laptop": ["laptop"],
  "mac-laptop": ["laptop", "MacBook"],
  laptop: ["laptop"],
  desktop: ["desktop"],
  "interactive-display": ["interactive display", "display"],
  network: [],
  server: ["server"],
  printer: ["printer"],
  other: [],
};

/** Device categories whose cost a budget keeps under network rather than hardware. */
const NETWORK_CATEGORIES = new Set(["network", "server"]);

interface ModelInfo {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly replacementModel?: string;
}

/**
 * The device forecast's purchases (capital: refresh, failure replacements, growth, spares) as
 * one budget line per model bought, from a forecast grouped by model. A model's line names the
 * models it replaces too (a Chromebook 400 bought for retiring 311s matches the 311 refresh).
 */
export function deviceFlowLines(forecast: Plain<ForecastResult>, models: readonly ModelInfo[]): FlowLine[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const amounts = new Map<string, Map<string, Money>>();
  for (const r of forecast.rows) {
    if (r.model === undefined) continue;
    const c = Money.of(r.capital);
    if (c.isZero()) continue;
    let m = amounts.get(r.model);
    if (!m) amounts.set(r.model, (m = new Map()));
    const y = String(r.fiscalYear);
    m.set(y, (m.get(y) ?? Money.ZERO).add(c));
  }
  return [...amounts].map(([id, a]) => {
    const m = byId.get(id);
    const replaced = models.filter((x) => x.replacementModel === id);
    const category = m?.category ?? "other";
    return {
      id,
      name: `Devices: ${m?.name ?? id} (refresh and replacements)`,
      category: NETWORK_CATEGORIES.has(category) ? "network" : "hardware",
      refs: [id, ...(m ? [m.name] : []), ...replaced.flatMap((x) => [x.id, x.name])],
      keywords: DEVICE_WORDS[category] ?? [],
      amounts: Object.fromEntries([...a].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([y, v]) => [y, v.toString()])),
    };
  });
}
