import { bench, describe } from "vitest";
import { Money } from "../src/money.js";
import { createRng } from "../src/random/rng.js";

// Workload: 1,000,000 amounts in whole cents up to $10,000, from a fixed seed.
const N = 1_000_000;
const rng = createRng("core-bench");
const cents = Array.from({ length: N }, () => Math.floor(rng.next() * 1_000_000));
const amounts = cents.map((c) => Money.fromCents(c));
const floats = cents.map((c) => c / 100);

describe("sum 1,000,000 amounts", () => {
  bench(
    "Money.sum (exact decimals)",
    () => {
      Money.sum(amounts);
    },
    { iterations: 5, time: 1000 },
  );
  bench(
    "plain numbers (peer; inexact)",
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += floats[i]!;
      if (s < 0) throw new Error("unreachable");
    },
    { iterations: 5, time: 1000 },
  );
});
