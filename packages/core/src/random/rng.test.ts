import { describe, expect, it } from "vitest";
import { DistrictKitError } from "../errors.js";
import { createRng } from "./rng.js";

describe("createRng", () => {
  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it("derives a child stream from the key alone, not from how much the parent drew", () => {
    const fresh = createRng("district").stream(417);
    const used = createRng("district");
    for (let i = 0; i < 1000; i++) used.next();
    const later = used.stream(417);
    expect(Array.from({ length: 4 }, () => later.next())).toEqual(Array.from({ length: 4 }, () => fresh.next()));
    expect(createRng("district").stream(418).next()).not.toBe(createRng("district").stream(417).next());
  });

  it("produces floats in [0, 1)", () => {
    const r = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  // Reproducibility vector: these values are part of the public contract (a seed is a promise);
  // they come from 32-bit integer arithmetic only, so every JS engine must produce them.
  it("keeps its published stream for seed 42 stable across versions", () => {
    const r = createRng(42);
    const first = Array.from({ length: 3 }, () => r.nextUint32());
    expect(first).toEqual(PINNED_42);
  });

  it("refuses seeds that are neither safe integers nor text", () => {
    expect(() => createRng(Number.NaN)).toThrow(DistrictKitError);
    expect(() => createRng(1.5)).toThrow(DistrictKitError);
    expect(() => createRng({} as never)).toThrow(DistrictKitError);
  });
});

const PINNED_42 = [103185375, 2697810452, 559356883];
