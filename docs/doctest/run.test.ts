import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { instrument, runBlock } from "./run.js";

describe("the doc-test runner itself", () => {
  it("turns `expr; // => literal` into an assertion that can fail", async () => {
    expect(instrument("1 + 1; // => 2").assertions).toBe(1);
    await expect(runBlock("1 + 1; // => 2", {}, {})).resolves.toBe(1);
    await expect(runBlock("1 + 1; // => 3", {}, {})).rejects.toThrow(/expected 3, got 2/);
  });

  it("checks `// throws` lines throw a DistrictKitError", async () => {
    const scope = {
      boom: () => {
        throw new DistrictKitError("INVALID_ARGUMENT", [{ message: "x" }]);
      },
      fine: () => 1,
    };
    await expect(runBlock("boom(); // throws", scope, {})).resolves.toBe(1);
    await expect(runBlock("fine(); // throws", scope, {})).rejects.toThrow(/nothing was thrown/);
  });

  it("refuses imports of names a package does not export", async () => {
    await expect(runBlock('import { nope } from "@districtkit/core";\n1;', {}, { "@districtkit/core": { Money: 1 } })).rejects.toThrow(/does not export/);
  });
});
