// The same licence-plan model written as a MILP (CPLEX LP format) for HiGHS, the independent
// reference solver (a dev-dependency used only in tests and the benchmark). One model per
// component of products linked by bundles. Costs are the compiled whole cents (weighted).
import { createRequire } from "node:module";
import { components } from "../src/internal/component.js";
import { compileModel, demandAt, type Model } from "../src/internal/model.js";
import { licensePlanInputSchema } from "../src/schema.js";

export interface Highs {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
}
let highsPromise: Promise<Highs> | null = null;
export function loadHighs(): Promise<Highs> {
  if (!highsPromise) {
    const require = createRequire(import.meta.url);
    const factory = require("highs") as (o?: unknown) => Promise<Highs>;
    highsPromise = factory();
  }
  return highsPromise;
}

class Lp {
  readonly obj: string[] = [];
  readonly rows: string[] = [];
  readonly bin: string[] = [];
  readonly int: string[] = [];
  readonly bounds: string[] = [];
  #n = 0;
  v(prefix: string): string {
    return `${prefix}${this.#n++}`;
  }
  cost(c: number, x: string): void {
    if (c !== 0) this.obj.push(`${c >= 0 ? "+" : "-"} ${Math.abs(c)} ${x}`);
  }
  row(terms: [number, string][], sense: ">=" | "<=" | "=", rhs: number): void {
    const t = terms.filter(([c]) => c !== 0);
    if (t.length === 0) {
      if ((sense === ">=" && 0 < rhs) || (sense === "<=" && 0 > rhs) || (sense === "=" && rhs !== 0)) this.rows.push(` r${this.rows.length}: 0 x_zero >= 1`);
      return;
    }
    this.rows.push(` r${this.rows.length}: ${t.map(([c, x]) => `${c >= 0 ? "+" : "-"} ${Math.abs(c)} ${x}`).join(" ")} ${sense} ${rhs}`);
  }
  text(): string {
    return [
      "Minimize",
      ` obj: ${this.obj.length ? this.obj.join(" ") : "0 x_zero"}`,
      "Subject To",
      ...this.rows,
      " fix_zero: x_zero = 0",
      "Bounds",
      ...this.bounds,
      this.int.length ? "Generals" : "",
      ...this.int.map((x) => ` ${x}`),
      this.bin.length ? "Binaries" : "",
      ...this.bin.map((x) => ` ${x}`),
      "End",
    ].join("\n");
  }
}

export function writeComponent(m: Model, products: readonly number[]): string {
  const lp = new Lp();
  const Y = m.Y;
  const S = m.S;
  const inComp = new Set(products);
  // full-year coverage variables per product-year
  const fullCover = new Map<string, [number, string][]>(); // `${p}|${t}` → terms
  const addCover = (p: number, t: number, x: string): void => {
    const k = `${p}|${t}`;
    fullCover.set(k, [...(fullCover.get(k) ?? []), [1, x]]);
  };
  for (const b of m.bundles) {
    if (b.option.kind !== "bundle") continue;
    const ps = b.option.productIds.map((id) => m.products.findIndex((p) => p.id === id));
    if (!ps.every((p) => inComp.has(p))) continue;
    b.blocks.forEach((bl, bi) => {
      if (!Number.isFinite(b.cost[bi]!)) return;
      const x = lp.v("b");
      lp.bin.push(x);
      lp.cost(b.cost[bi]!, x);
      for (const p of ps) for (const t of bl.years) if (t < Y) addCover(p, t, x);
    });
  }
  for (const pi of products) {
    const p = m.products[pi]!;
    const need = p.demandMask & ~p.committedMask;
    for (const v of p.districts) {
      v.blocks.forEach((bl, bi) => {
        if (!Number.isFinite(v.cost[bi]!)) return;
        const x = lp.v("d");
        lp.bin.push(x);
        lp.cost(v.cost[bi]!, x);
        for (const t of bl.years) if (t < Y) addCover(pi, t, x);
      });
    }
    // cov[t] ≤ Σ full-cover vars, ≤ 1
    const cov = new Map<number, string>();
    for (let t = 0; t < Y; t++) {
      if (!((need >> t) & 1)) continue;
      const c = lp.v("cov");
      cov.set(t, c);
      lp.bounds.push(` 0 <= ${c} <= 1`);
      lp.row([[1, c], ...(fullCover.get(`${pi}|${t}`) ?? []).map(([k, x]) => [-k, x] as [number, string])], "<=", 0);
    }
    // sites
    const siteTerms = new Map<string, [number, string][]>(); // `${s}|${t}`
    for (const v of p.sites) {
      v.blocks.forEach((bl, bi) => {
        for (let s = 0; s < S; s++) {
          const per = v.perSchool[s];
          if (!per || !Number.isFinite(per.cost[bi]!)) continue;
          let ok = true;
          for (const t of bl.years) {
            if (t >= Y) continue;
            let n = 0;
            for (let r = 0; r < 3; r++) n += demandAt(p, Y, s, r, t);
            if (n > v.maxSeats) ok = false;
          }
          if (!ok) continue;
          const x = lp.v("y");
          lp.bin.push(x);
          lp.cost(per.cost[bi]!, x);
          for (const t of bl.years) if (t < Y) siteTerms.set(`${s}|${t}`, [...(siteTerms.get(`${s}|${t}`) ?? []), [1, x]]);
        }
      });
    }
    // seat contracts
    const serveTerms = new Map<string, [number, string][]>(); // `${s}|${r}|${t}` → w vars
    let bigN = 0;
    for (let t = 0; t < Y; t++) {
      let n = 0;
      for (let s = 0; s < S; s++) for (let r = 0; r < 3; r++) n += demandAt(p, Y, s, r, t);
      bigN = Math.max(bigN, n);
    }
    for (const v of p.seats) {
      v.blocks.forEach((bl) => {
        const years = bl.years.filter((t) => cov.has(t));
        if (years.length === 0) return;
        const sel = lp.v("sel");
        lp.bin.push(sel);
        const roles = v.key === "any" ? [0, 1, 2] : [["student", "teacher", "staff"].indexOf(v.key)];
        const q = lp.v("q");
        lp.int.push(q);
        const head = v.schedules[bl.years[0]!]!;
        const weightOf = (t: number): number => (v.prepaid ? m.weight(bl.years[0]!) : m.weight(t));
        const cap = Math.min(bigN + Math.max(0, ...head.tiers.map((x) => x.from)) + head.packSize + head.min, Number.isFinite(head.max) ? head.max : Number.POSITIVE_INFINITY);
        lp.bounds.push(` 0 <= ${q} <= ${cap}`);
        for (const t of years) {
          const terms: [number, string][] = [[1, q]];
          for (let s = 0; s < S; s++) {
            for (const r of roles) {
              const d = demandAt(p, Y, s, r, t);
              if (d === 0) continue;
              const w = lp.v("w");
              lp.bounds.push(` 0 <= ${w} <= 1`);
              lp.row(
                [
                  [1, w],
                  [-1, sel],
                ],
                "<=",
                0,
              );
              terms.push([-d, w]);
              const key = `${s}|${r}|${t}`;
              serveTerms.set(key, [...(serveTerms.get(key) ?? []), [1, w]]);
            }
          }
          lp.row(terms, ">=", 0);
        }
        // cost of quantity q held over the block: fee·u + schedule(Q), Q ≥ q, Q ≥ min·u
        const u = lp.v("u");
        lp.bin.push(u);
        const Q = lp.v("Q");
        lp.int.push(Q);
        lp.bounds.push(` 0 <= ${Q} <= ${cap}`);
        lp.row(
          [
            [1, Q],
            [-1, q],
          ],
          ">=",
          0,
        );
        lp.row(
          [
            [1, Q],
            [-head.min, u],
          ],
          ">=",
          0,
        );
        lp.row(
          [
            [1, Q],
            [-cap, u],
          ],
          "<=",
          0,
        );
        let fee = 0;
        for (const t of bl.years) fee += weightOf(t) * v.schedules[t]!.fee;
        lp.cost(fee, u);
        if (head.type === 0) {
          let unit = 0;
          for (const t of bl.years) unit += weightOf(t) * v.schedules[t]!.unit;
          lp.cost(unit, Q);
        } else if (head.type === 3) {
          const mPacks = lp.v("m");
          lp.int.push(mPacks);
          let price = 0;
          for (const t of bl.years) price += weightOf(t) * v.schedules[t]!.packPrice;
          lp.cost(price, mPacks);
          lp.row(
            [
              [head.packSize, mPacks],
              [-1, Q],
            ],
            ">=",
            0,
          );
        } else if (head.type === 1) {
          const parts: [number, string][] = [[1, Q]];
          const zs: [number, string][] = [[-1, u]];
          head.tiers.forEach((tier, i) => {
            const z = lp.v("z");
            lp.bin.push(z);
            const qi = lp.v("qi");
            const hi = Math.min(Number.isFinite(tier.to) ? tier.to : cap, cap);
            if (tier.from > hi) {
              lp.row([[1, z]], "<=", 0);
            }
            lp.bounds.push(` 0 <= ${qi} <= ${Math.max(hi, 0)}`);
            lp.row(
              [
                [1, qi],
                [-tier.from, z],
              ],
              ">=",
              0,
            );
            lp.row(
              [
                [1, qi],
                [-Math.max(hi, 0), z],
              ],
              "<=",
              0,
            );
            let price = 0;
            for (const t of bl.years) price += weightOf(t) * v.schedules[t]!.tiers[i]!.price;
            lp.cost(price, qi);
            parts.push([-1, qi]);
            zs.push([1, z]);
          });
          lp.row(parts, "=", 0);
          lp.row(zs, "=", 0);
        } else {
          const parts: [number, string][] = [[1, Q]];
          const ys: string[] = [];
          const ds: string[] = [];
          head.tiers.forEach((tier, i) => {
            const width = Math.min(Number.isFinite(tier.to) ? tier.to : cap, cap) - tier.from + 1;
            const dlt = lp.v("dl");
            lp.bounds.push(` 0 <= ${dlt} <= ${Math.max(width, 0)}`);
            let price = 0;
            for (const t of bl.years) price += weightOf(t) * v.schedules[t]!.tiers[i]!.price;
            lp.cost(price, dlt);
            parts.push([-1, dlt]);
            ds.push(dlt);
            if (i > 0) {
              const y = lp.v("fy");
              lp.bin.push(y);
              ys.push(y);
              const prevWidth = Math.min(Number.isFinite(head.tiers[i - 1]!.to) ? head.tiers[i - 1]!.to : cap, cap) - head.tiers[i - 1]!.from + 1;
              lp.row(
                [
                  [1, ds[i - 1]!],
                  [-Math.max(prevWidth, 0), y],
                ],
                ">=",
                0,
              );
              lp.row(
                [
                  [1, dlt],
                  [-Math.max(width, 0), y],
                ],
                "<=",
                0,
              );
              if (i > 1)
                lp.row(
                  [
                    [1, y],
                    [-1, ys[i - 2]!],
                  ],
                  "<=",
                  0,
                );
            }
          });
          lp.row(parts, "=", 0);
        }
      });
    }
    // (no "one option per key and year": the covering rows sum every seat contract's seats, the
    // shares w of a demand cell served by each contract being fractional — a transport problem)
    // covering rows
    for (const [t, c] of cov) {
      for (let s = 0; s < S; s++) {
        for (let r = 0; r < 3; r++) {
          const d = demandAt(p, Y, s, r, t);
          if (d === 0) continue;
          lp.row([[1, c], ...(siteTerms.get(`${s}|${t}`) ?? []), ...(serveTerms.get(`${s}|${r}|${t}`) ?? [])], ">=", 1);
        }
      }
    }
  }
  return lp.text();
}

/** Minimum weighted cost (cents) of the plan, solved by HiGHS component by component. */
export async function highsCost(raw: unknown, timeLimit = 600): Promise<{ cost: number; ms: number; optimal: boolean }> {
  return highsCostWith(await loadHighs(), raw, timeLimit);
}

/** highsCost with a loaded solver, synchronously (for CPU-time benchmarks). */
export function highsCostWith(highs: Highs, raw: unknown, timeLimit = 600): { cost: number; ms: number; optimal: boolean } {
  const m = compileModel(licensePlanInputSchema.parse(raw));
  let cost = 0;
  let optimal = true;
  const t0 = performance.now();
  for (const comp of components(m)) {
    const text = writeComponent(m, comp);
    const r = highs.solve(text, { mip_rel_gap: 0, mip_abs_gap: 1e-6, output_flag: false, time_limit: timeLimit, mip_feasibility_tolerance: 1e-9, primal_feasibility_tolerance: 1e-9 });
    if (r.Status !== "Optimal") optimal = false;
    cost += r.ObjectiveValue;
  }
  return { cost, ms: performance.now() - t0, optimal };
}

/**
 * The MILP's optimum with the site licences fixed to a plan's (one binary per school, site option
 * and contract, in writeComponent's order): equal to the plan's cost when the plan is feasible in
 * the MILP's terms and the rest of it (seats, district, bundles) is optimal for those sites.
 */
export async function highsCostWithSites(
  raw: unknown,
  sited: ReadonlySet<string>, // `${productId}|${schoolId}|${first fiscal year of the contract}`
  timeLimit = 600,
): Promise<{ cost: number; optimal: boolean }> {
  const highs = await loadHighs();
  const m = compileModel(licensePlanInputSchema.parse(raw));
  let cost = 0;
  let optimal = true;
  for (const comp of components(m)) {
    const text = writeComponent(m, comp);
    const yIds = [...new Set([...text.matchAll(/\by(\d+)\b/g)].map((x) => Number(x[1])))].sort((a, b) => a - b);
    const fixes: string[] = [];
    for (const pi of comp) {
      const p = m.products[pi]!;
      for (const v of p.sites) {
        v.blocks.forEach((bl, bi) => {
          for (let s = 0; s < m.S; s++) {
            const per = v.perSchool[s];
            if (!per || !Number.isFinite(per.cost[bi]!)) continue;
            let ok = true;
            for (const t of bl.years) {
              if (t >= m.Y) continue;
              let n = 0;
              for (let r = 0; r < 3; r++) n += demandAt(p, m.Y, s, r, t);
              if (n > v.maxSeats) ok = false;
            }
            if (!ok) continue;
            const on = sited.has(`${p.id}|${m.input.schools[s]!.id}|${m.input.firstYear + bl.years[0]!}`);
            fixes.push(` fixy${fixes.length}: y${yIds[fixes.length]} = ${on ? 1 : 0}`);
          }
        });
      }
    }
    if (fixes.length !== yIds.length) throw new Error(`site variables: ${fixes.length} expected, ${yIds.length} in the model`);
    const r = highs.solve(text.replace("Subject To\n", `Subject To\n${fixes.join("\n")}\n`), {
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
      output_flag: false,
      time_limit: timeLimit,
      mip_feasibility_tolerance: 1e-9,
      primal_feasibility_tolerance: 1e-9,
    });
    if (r.Status !== "Optimal") optimal = false;
    cost += r.ObjectiveValue;
  }
  return { cost, optimal };
}
