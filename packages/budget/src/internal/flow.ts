/**
 * @internal Min-cost max-flow by successive shortest paths (SPFA / Bellman–Ford on the residual
 * graph). Capacities are whole cents (safe integers), costs small integers. Used to assign
 * restricted funds exactly: the max flow minimises the general-fund draw; the costs break ties
 * (money that expires first, then preference, then earlier years).
 */
export class FlowGraph {
  readonly #to: number[] = [];
  readonly #cap: number[] = [];
  readonly #cost: number[] = [];
  readonly #head: number[] = [];
  readonly #next: number[] = [];
  #nodes = 0;

  /** Adds a node and returns its index. */
  node(): number {
    this.#head.push(-1);
    return this.#nodes++;
  }

  /** Adds an arc (and its residual twin); returns the arc index (its flow is read with `flow`). */
  arc(from: number, to: number, cap: number, cost: number): number {
    const e = this.#to.length;
    this.#to.push(to, from);
    this.#cap.push(cap, 0);
    this.#cost.push(cost, -cost);
    this.#next.push(this.#head[from]!, this.#head[to]!);
    this.#head[from] = e;
    this.#head[to] = e + 1;
    return e;
  }

  /** Flow on an arc after `solve`. */
  flow(arc: number): number {
    return this.#cap[arc + 1]!;
  }

  /** Sends as much flow as possible from `s` to `t` at minimum cost; returns [flow, cost]. */
  solve(s: number, t: number): [number, number] {
    const n = this.#nodes;
    let flow = 0;
    let cost = 0;
    const dist = new Float64Array(n);
    const inQueue = new Uint8Array(n);
    const prevArc = new Int32Array(n);
    for (;;) {
      dist.fill(Number.POSITIVE_INFINITY);
      prevArc.fill(-1);
      dist[s] = 0;
      const queue: number[] = [s];
      inQueue[s] = 1;
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi]!;
        inQueue[u] = 0;
        for (let e = this.#head[u]!; e !== -1; e = this.#next[e]!) {
          if (this.#cap[e]! <= 0) continue;
          const v = this.#to[e]!;
          const nd = dist[u]! + this.#cost[e]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            prevArc[v] = e;
            if (!inQueue[v]) {
              inQueue[v] = 1;
              queue.push(v);
            }
          }
        }
      }
      if (dist[t] === Number.POSITIVE_INFINITY) break;
      let push = Number.MAX_SAFE_INTEGER;
      for (let v = t; v !== s; v = this.#to[prevArc[v]! ^ 1]!) push = Math.min(push, this.#cap[prevArc[v]!]!);
      for (let v = t; v !== s; v = this.#to[prevArc[v]! ^ 1]!) {
        const e = prevArc[v]!;
        this.#cap[e] = this.#cap[e]! - push;
        this.#cap[e ^ 1] = this.#cap[e ^ 1]! + push;
      }
      flow += push;
      cost += push * dist[t]!;
    }
    return [flow, cost];
  }
}

/** @internal A capacity that never binds. */
export const UNLIMITED = Number.MAX_SAFE_INTEGER;
