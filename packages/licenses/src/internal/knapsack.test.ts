import { describe, expect, it } from "vitest";
import { rangeKnapsack, rangeKnapsackLP } from "./knapsack.js";

// LK-1 and LK-2 — J. Burkardt, knapsack_01 data sets P01 and P02
// (https://people.sc.fsu.edu/~jburkardt/datasets/knapsack_01/knapsack_01.html). The optimizer's
// exact range knapsack maximises profit as the minimum of −profit with weight ≤ capacity.
describe("the exact range knapsack on Burkardt's knapsack_01", () => {
  it("LK-1 (P01): capacity 165 → profit 309 with items 1, 2, 3, 4, 6", () => {
    const w = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82];
    const p = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72];
    const r = rangeKnapsack(Float64Array.from(p.map((x) => -x)), Float64Array.from(w), 0, 165);
    expect(r.cost).toBe(-309);
    expect([...r.take].flatMap((x, i) => (x ? [i + 1] : []))).toEqual([1, 2, 3, 4, 6]);
    expect(rangeKnapsackLP(Float64Array.from(p.map((x) => -x)), Float64Array.from(w), 0, 165)).toBeLessThanOrEqual(-309);
  });
  it("LK-2 (P02): capacity 26 → profit 51 with items 2, 3, 4", () => {
    const w = [12, 7, 11, 8, 9];
    const p = [24, 13, 23, 15, 16];
    const r = rangeKnapsack(Float64Array.from(p.map((x) => -x)), Float64Array.from(w), 0, 26);
    expect(r.cost).toBe(-51);
    expect([...r.take].flatMap((x, i) => (x ? [i + 1] : []))).toEqual([2, 3, 4]);
  });
  it("honours a lower weight bound too", () => {
    const r = rangeKnapsack(Float64Array.from([5, 3, 4]), Float64Array.from([10, 6, 7]), 12, 14);
    expect(r.cost).toBe(7); // items 2 and 3: weight 13
  });
});
