// The generated row makers (rowMakers.generated.ts) are exactly what their generator writes, one
// per grouping; rowMakers.prop.test.ts compares them with their plain reference.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupings, rowMakersSource } from "../../scripts/rowMakers.js";
import { ROW_MAKERS } from "./rowMakers.generated.js";

describe("generated row makers", () => {
  it("the checked-in file is what scripts/rowMakers.ts writes (regenerate it after changing the row's fields)", () => {
    const file = readFileSync(new URL("./rowMakers.generated.ts", import.meta.url), "utf8");
    expect(file).toBe(rowMakersSource());
  });

  it("there is one maker for every order of every non-empty subset of the four dimensions", () => {
    expect(ROW_MAKERS.size).toBe(4 + 12 + 24 + 24);
    for (const g of groupings()) expect(ROW_MAKERS.has(g.join(","))).toBe(true);
  });
});
