// Exact 0/1 knapsack with a weight range: minimise Σ c_i x_i subject to lo ≤ Σ w_i x_i ≤ hi.
// Costs may be negative. Start from the greedy set (every negative-cost item), then search the
// cheapest set of flips (drop a negative item, add a positive one) that brings the weight into
// range, by depth-first branch and bound with the fractional (LP) bound.

export interface KnapsackResult {
  readonly cost: number;
  readonly take: Uint8Array;
  readonly nodes: number;
  readonly complete: boolean;
}

/** Lower bound of the range knapsack by its LP relaxation (fractional items). */
export function rangeKnapsackLP(c: Float64Array, w: Float64Array, lo: number, hi: number): number {
  const n = c.length;
  let base = 0;
  let W = 0;
  for (let i = 0; i < n; i++) {
    if (c[i]! < 0) {
      base += c[i]!;
      W += w[i]!;
    }
  }
  if (lo > hi) return Number.POSITIVE_INFINITY;
  if (W >= lo && W <= hi) return base;
  const reducing = W > hi;
  let need = reducing ? W - hi : lo - W;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (w[i]! > 0 && c[i]! < 0 === reducing) idx.push(i);
  idx.sort((a, b) => Math.abs(c[a]!) / w[a]! - Math.abs(c[b]!) / w[b]!);
  let cost = base;
  for (const i of idx) {
    const wi = w[i]!;
    if (wi >= need) return cost + (Math.abs(c[i]!) * need) / wi;
    cost += Math.abs(c[i]!);
    need -= wi;
  }
  return Number.POSITIVE_INFINITY;
}

/** Exact range knapsack by dynamic programming over whole weights (w integers), O(n · hi). */
function rangeKnapsackDP(c: Float64Array, w: Float64Array, lo: number, hi: number): KnapsackResult {
  const n = c.length;
  const H = Math.floor(hi);
  const best = new Float64Array(H + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  const words = (H + 32) >>> 5;
  const took = new Uint32Array(n * words);
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    const ci = c[i]!;
    if (wi > H) continue;
    for (let x = H; x >= wi; x--) {
      const v = best[x - wi]! + ci;
      if (v < best[x]!) {
        best[x] = v;
        took[i * words + (x >>> 5)] = took[i * words + (x >>> 5)]! | (1 << (x & 31));
      }
    }
  }
  let arg = -1;
  let cost = Number.POSITIVE_INFINITY;
  for (let x = Math.max(0, Math.ceil(lo)); x <= H; x++) {
    if (best[x]! < cost) {
      cost = best[x]!;
      arg = x;
    }
  }
  const take = new Uint8Array(n);
  if (arg < 0) return { cost, take, nodes: n, complete: true };
  let x = arg;
  for (let i = n - 1; i >= 0 && x > 0; i--) {
    if ((took[i * words + (x >>> 5)]! >>> (x & 31)) & 1) {
      take[i] = 1;
      x -= w[i]!;
    }
  }
  return { cost, take, nodes: n, complete: true };
}

export function rangeKnapsack(c: Float64Array, w: Float64Array, lo: number, hi: number, maxNodes = 1_000_000): KnapsackResult {
  const r = rangeKnapsackBB(c, w, lo, hi, Math.min(maxNodes, 3_000));
  if (r.complete) return r;
  if (c.length * (hi + 1) <= 60_000_000) return rangeKnapsackDP(c, w, lo, hi);
  return rangeKnapsackBB(c, w, lo, hi, maxNodes);
}

function rangeKnapsackBB(c: Float64Array, w: Float64Array, lo: number, hi: number, maxNodes: number): KnapsackResult {
  const n = c.length;
  const take = new Uint8Array(n);
  let base = 0;
  let W = 0;
  for (let i = 0; i < n; i++) {
    if (c[i]! < 0) {
      take[i] = 1;
      base += c[i]!;
      W += w[i]!;
    }
  }
  if (lo > hi) return { cost: Number.POSITIVE_INFINITY, take, nodes: 0, complete: true };
  if (W >= lo && W <= hi) return { cost: base, take, nodes: 0, complete: true };
  // Flip items: reduce (W > hi) uses taken items, increase (W < lo) uses untaken ones; the other
  // direction's items may still help land inside a narrow range.
  const reducing = W > hi;
  const items: number[] = [];
  for (let i = 0; i < n; i++) if (w[i]! > 0) items.push(i);
  const flipCost = (i: number): number => Math.abs(c[i]!);
  const dir = (i: number): number => ((take[i] === 1) === reducing ? 1 : -1); // +1 moves W toward the range
  const useful = items.filter((i) => dir(i) > 0).sort((a, b) => flipCost(a) / w[a]! - flipCost(b) / w[b]! || a - b);
  const harmful = items.filter((i) => dir(i) < 0).sort((a, b) => flipCost(a) / w[a]! - flipCost(b) / w[b]! || a - b);
  const order = [...useful, ...harmful];
  const usefulCount = useful.length;
  // need: how far W must move toward the range (at least `needMin`, at most `needMax`)
  const needMin = reducing ? W - hi : lo - W;
  const needMax = reducing ? W - lo : hi - W;
  let best = Number.POSITIVE_INFINITY;
  let bestFlip: Uint8Array | null = null;
  const flip = new Uint8Array(n);
  let nodes = 0;
  let complete = true;
  // fractional bound: cheapest items of order[from, to) (from position k on) to move `need`
  const lp = (k: number, need: number, from: number, to: number): number => {
    if (need <= 0) return 0;
    let cost = 0;
    for (let j = Math.max(k, from); j < to; j++) {
      const i = order[j]!;
      const wi = w[i]!;
      if (wi >= need) return cost + (flipCost(i) * need) / wi;
      cost += flipCost(i);
      need -= wi;
    }
    return Number.POSITIVE_INFINITY;
  };
  const dfs = (k: number, moved: number, cost: number): void => {
    if (++nodes > maxNodes) {
      complete = false;
      return;
    }
    if (moved >= needMin && moved <= needMax) {
      if (cost < best) {
        best = cost;
        bestFlip = Uint8Array.from(flip);
      }
      return; // further flips cost ≥ 0
    }
    if (k >= order.length) return;
    const lb = cost + (moved < needMin ? lp(k, needMin - moved, 0, usefulCount) : lp(k, moved - needMax, usefulCount, order.length));
    if (lb >= best - 1e-9 * Math.abs(best) - 1e-9) return;
    const i = order[k]!;
    const delta = k < usefulCount ? w[i]! : -w[i]!;
    flip[i] = 1;
    dfs(k + 1, moved + delta, cost + flipCost(i));
    flip[i] = 0;
    if (!complete) return;
    dfs(k + 1, moved, cost);
  };
  dfs(0, 0, 0);
  if (bestFlip === null) return { cost: Number.POSITIVE_INFINITY, take, nodes, complete };
  const chosen = bestFlip as Uint8Array;
  for (let i = 0; i < n; i++) if (chosen[i]) take[i] = take[i] ? 0 : 1;
  return { cost: base + best, take, nodes, complete };
}
