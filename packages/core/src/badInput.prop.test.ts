import * as zod from "zod";
import { scalingCases } from "../bench/scalingCases.js";
import { fuzzEveryExport } from "../test/fuzz.js";
import * as core from "./index.js";

// Every export of core, given hostile input, throws a DistrictKitError that says what was wrong —
// never a TypeError, never a silent NaN (issues #2 and #18). The export list is read from
// index.ts, so a new export is fuzzed without anyone adding it here.
await fuzzEveryExport({
  scaling: {
    cases: scalingCases.map((c) => c.name),
    exempt: {
      formatPath: "formats one issue's path: a few segments into one input",
    },
  },
  name: "@districtkit/core",
  exports: core,
  dir: new URL("..", import.meta.url),
  modules: { "@districtkit/core": core, zod },
  numRuns: 60,
  allow: {
    Dec: "decimal.js's own constructor, re-exported as DistrictKit's configured clone: its contract is decimal.js's (it throws decimal.js errors and can hold NaN by design); amounts go through Money",
    "DistrictKitError.argument": "builds DistrictKit's own error from a path and a message the calling code writes; it is how errors are made, not a door for data",
    "DistrictKitError.wrap": "turns what was thrown into DistrictKit's own error (it never throws); it echoes the message it wraps",
    guardInput: "runs the calling code's own reader under the one rule; its path and text are written by code, not data",
  },
});
