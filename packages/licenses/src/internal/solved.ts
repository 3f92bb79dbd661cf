// What the exact search answers for a piece of the problem (a product, a set of years, a pool):
// its cost, a proven lower bound, whether it is proven, and the purchases (Choice), listed only
// when read. Pieces are combined by adding costs and bounds (they cover disjoint parts of the
// model), so a combined answer is proven when every part is.
import type { SeatKey, Variant } from "./model.js";

export interface Choice {
  readonly kind: "seat" | "site" | "district" | "concurrent" | "bundle";
  readonly variant: Variant;
  readonly block: number;
  readonly productIndices: readonly number[];
  readonly schoolIndex?: number;
  readonly key?: SeatKey;
  /** Seats needed (the largest year of the block). */
  readonly need?: number;
  /** Seats paid for (after buying up, minimums and whole packs). */
  readonly paid?: number;
  /** Cents per year index. */
  readonly cash: readonly number[];
  readonly cost: number;
}

export interface Solved {
  readonly cost: number;
  readonly lowerBound: number;
  readonly proven: boolean;
  readonly choices: readonly Choice[];
  readonly nodes: number;
}

export const INFEASIBLE: Solved = { cost: Number.POSITIVE_INFINITY, lowerBound: Number.POSITIVE_INFINITY, proven: true, choices: [], nodes: 0 };
export const EMPTY: Solved = { cost: 0, lowerBound: 0, proven: true, choices: [], nodes: 0 };

/**
 * A Solved whose choices are listed only when read: most candidate plans are compared by cost and
 * dropped, only the answer's purchases are ever needed.
 */
export function lazy(fields: Omit<Solved, "choices">, build: () => readonly Choice[]): Solved {
  let memo: readonly Choice[] | null = null;
  return {
    ...fields,
    get choices(): readonly Choice[] {
      return (memo ??= build());
    },
  };
}

/** The same plan with another bound, proof flag or node count. */
export function withBound(s: Solved, lowerBound: number, proven: boolean, nodes = s.nodes): Solved {
  return lazy({ cost: s.cost, lowerBound, proven, nodes }, () => s.choices);
}

/**
 * Whether a proven lower bound reaches a plan's cost (a whole number of cents when the objective
 * is integral: the bound rounded up), up to float error.
 */
export function closes(lb: number, ub: number, integral: boolean): boolean {
  return integral ? Math.ceil(lb - 1e-9 * Math.abs(lb) - 1e-7) >= ub : lb >= ub - 1e-9 * Math.abs(ub) - 1e-7;
}

/**
 * Two answers to the same problem: the cheaper plan with the higher of the two proven bounds,
 * proven when that bound reaches the plan's cost (a proven answer's bound is its cost).
 */
export function better(a: Solved, b: Solved, integral: boolean): Solved {
  const plan = b.cost < a.cost ? b : a;
  const lb = Math.min(plan.cost, Math.max(a.lowerBound, b.lowerBound));
  const proven = plan.proven || closes(lb, plan.cost, integral);
  return withBound(plan, proven ? plan.cost : lb, proven, a.nodes + b.nodes);
}

export function combine(parts: readonly Solved[], extraCost = 0, extraChoices: readonly Choice[] = []): Solved {
  let cost = extraCost;
  let lowerBound = extraCost;
  let proven = true;
  let nodes = 0;
  for (const p of parts) {
    cost += p.cost;
    lowerBound += p.lowerBound;
    proven &&= p.proven;
    nodes += p.nodes;
  }
  return lazy({ cost, lowerBound, proven, nodes }, () => {
    const choices: Choice[] = [...extraChoices];
    for (const p of parts) choices.push(...p.choices);
    return choices;
  });
}

export const bitsOf = (mask: number, Y: number): number[] => Array.from({ length: Y }, (_, t) => t).filter((t) => (mask >> t) & 1);
