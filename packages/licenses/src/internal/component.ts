// Products linked by bundles (a connected component) are solved together; products are otherwise
// independent. In plain words: every combination of the component's bundle contracts is
// enumerated (few), each product then solved with the years its bundles cover (its answers cached
// by covered years, solve.ts), and combinations whose bundle contracts alone cost as much as the
// best plan are skipped. Past `maxCombinations`, the best of "no bundle" and each bundle alone is
// returned with a bound that shares each bundle contract's cost among its products.
// References in the tests: optimize.prop.test.ts (brute force over contract sets, HiGHS per
// component on seeded markets).
import type { Model } from "./model.js";
import { ProductSolver } from "./solve.js";
import { type Choice, closes, combine, INFEASIBLE, type Solved } from "./solved.js";

export interface ComponentResult extends Solved {
  readonly products: readonly number[];
  readonly combinations: number;
}

/** Products linked by bundles, each list sorted. */
export function components(model: Model): number[][] {
  const parent = model.products.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const b of model.bundles) {
    if (b.option.kind !== "bundle") continue;
    const ids = b.option.productIds.map((id) => model.productIndex.get(id) ?? -1);
    for (const i of ids.slice(1)) parent[find(i)] = find(ids[0]!);
  }
  const groups = new Map<number, number[]>();
  model.products.forEach((_, i) => {
    const r = find(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

export function solveComponent(model: Model, products: readonly number[], maxNodes: number, maxCombinations: number): ComponentResult {
  const solvers = new Map(products.map((i) => [i, new ProductSolver(model, model.products[i]!, maxNodes)]));
  const inComponent = new Set(products);
  const pairs: { choice: Choice; masks: Map<number, number> }[] = [];
  for (const b of model.bundles) {
    if (b.option.kind !== "bundle") continue;
    const idx = b.option.productIds.map((id) => model.productIndex.get(id) ?? -1);
    if (!idx.every((i) => inComponent.has(i))) continue;
    b.blocks.forEach((block, bi) => {
      if (!Number.isFinite(b.cost[bi]!)) return;
      pairs.push({
        choice: { kind: "bundle", variant: b, block: bi, productIndices: idx, cash: b.cash[bi]!, cost: b.cost[bi]! },
        masks: new Map(idx.map((i) => [i, block.mask])),
      });
    });
  }
  let best: Solved = INFEASIBLE;
  let lb = Number.POSITIVE_INFINITY;
  let proven = true;
  let nodes = 0;
  let combinations = 0;
  const evaluate = (chosen: number[]): void => {
    combinations++;
    let cost = 0;
    for (const k of chosen) cost += pairs[k]!.choice.cost;
    // the bundle contracts alone cost as much as the best plan: no cheaper plan with them
    if (cost >= best.cost) return;
    const choices: Choice[] = [];
    const covered = new Map<number, number>();
    for (const k of chosen) {
      const pair = pairs[k]!;
      choices.push(pair.choice);
      for (const [i, mk] of pair.masks) covered.set(i, (covered.get(i) ?? 0) | mk);
    }
    const parts = products.map((i) => solvers.get(i)!.solve(covered.get(i) ?? 0));
    const r = combine(parts, cost, choices);
    nodes += parts.reduce((a, x) => a + x.nodes, 0);
    lb = Math.min(lb, r.lowerBound);
    proven &&= r.proven;
    if (r.cost < best.cost) best = r;
  };
  const total = 2 ** pairs.length;
  if (total <= maxCombinations) {
    for (let mask = 0; mask < total; mask++) {
      const chosen: number[] = [];
      for (let k = 0; k < pairs.length; k++) if ((mask >> k) & 1) chosen.push(k);
      evaluate(chosen);
    }
  } else {
    // Too many bundle combinations: best of "none" and each bundle contract alone, with a bound.
    // Share each bundle contract's cost equally among its products: any plan then costs at least
    // Σ over products of (the cheapest shares whose contracts cover the years m the product gets
    // from bundles + the product's own lower bound with m covered), minimised over m per product.
    // (Letting products take bundle coverage for free instead gives a bound of 0 as soon as one
    // contract covers every year.)
    evaluate([]);
    pairs.forEach((_, k) => evaluate([k]));
    proven = false;
    const full = (1 << model.Y) - 1;
    let bound = 0;
    for (const i of products) {
      const cover = new Float64Array(full + 1).fill(Number.POSITIVE_INFINITY);
      cover[0] = 0;
      for (const pair of pairs) {
        const mk = pair.masks.get(i);
        if (mk === undefined) continue;
        const share = pair.choice.cost / pair.masks.size;
        // using a contract twice never helps (costs ≥ 0, coverage is a union): one pass suffices
        for (let m = full; m >= 0; m--) if (cover[m]! + share < cover[m | mk]!) cover[m | mk] = cover[m]! + share;
      }
      let best = Number.POSITIVE_INFINITY;
      for (let m = 0; m <= full; m++) if (Number.isFinite(cover[m]!)) best = Math.min(best, cover[m]! + solvers.get(i)!.solve(m).lowerBound);
      bound += best;
    }
    lb = Math.min(lb, bound);
  }
  const lowerBound = Math.min(lb, best.cost);
  // a proven lower bound that reaches the plan's cost proves it optimal, whatever stopped a search
  const closed = closes(lowerBound, best.cost, model.integral);
  return { ...best, lowerBound, proven: (proven && best.proven) || (Number.isFinite(best.cost) && closed), nodes, products, combinations };
}
