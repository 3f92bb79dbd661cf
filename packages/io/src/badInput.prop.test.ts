import * as budget from "@districtkit/budget";
import * as core from "@districtkit/core";
import * as licenses from "@districtkit/licenses";
import * as lifecycle from "@districtkit/lifecycle";
import * as vetting from "@districtkit/vetting";
import * as zod from "zod";
import { fuzzEveryExport } from "../../core/test/fuzz.js";
import { scalingCases } from "../bench/scalingCases.js";
import * as io from "./index.js";

// Every export of io, read from index.ts (a new export is fuzzed without anyone adding it here),
// given hostile input, throws a DistrictKitError that says what was wrong — never a TypeError,
// never NaN or Infinity in a result (issue #18). The examples' calls are the seeds.
await fuzzEveryExport({
  scaling: {
    cases: scalingCases.map((c) => c.name),
    exempt: {
      ledgerRow: "reads one row of a table already read (readLedger and readActuals, which read every row, have cases)",
    },
  },
  name: "@districtkit/io",
  exports: io,
  dir: new URL("..", import.meta.url),
  modules: {
    "@districtkit/core": core,
    "@districtkit/budget": budget,
    "@districtkit/lifecycle": lifecycle,
    "@districtkit/licenses": licenses,
    "@districtkit/vetting": vetting,
    "@districtkit/io": io,
    zod,
  },
  allow: {},
});
