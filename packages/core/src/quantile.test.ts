import { describe, expect, it } from "vitest";
import { DistrictKitError } from "./errors.js";
import { quantile, quantiles } from "./quantile.js";

describe("quantiles (R type 7)", () => {
  // Published: R `quantile(c(1, 2, 3, 4), c(.1, .5, .9))` → 1.3 2.5 3.7; `quantile(1:10, .33)` → 3.97;
  // NumPy `np.percentile([15, 20, 35, 40, 50], 40)` → 29.0 (method "linear" = type 7).
  it("matches R and NumPy's default", () => {
    expect(quantiles([4, 1, 3, 2], [0.1, 0.5, 0.9]).map((x) => +x.toFixed(10))).toEqual([1.3, 2.5, 3.7]);
    expect(
      +quantile(
        Array.from({ length: 10 }, (_, i) => i + 1),
        0.33,
      ).toFixed(10),
    ).toBe(3.97);
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBe(29);
    expect(quantiles([5], [0, 0.5, 1])).toEqual([5, 5, 5]);
  });

  it("refuses empty samples, non-finite values and probabilities outside [0, 1]", () => {
    expect(() => quantile([], 0.5)).toThrow(DistrictKitError);
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(DistrictKitError);
    expect(() => quantile([1], 1.5)).toThrow(DistrictKitError);
  });
});
