import * as core from "@districtkit/core";
import * as zod from "zod";
import { fuzzEveryExport } from "../../core/test/fuzz.js";
import { scalingCases } from "../bench/scalingCases.js";
import * as licenses from "./index.js";

// Every public function of @districtkit/licenses, given malformed input, throws a DistrictKitError
// that says what was wrong — never a TypeError, never NaN or Infinity in a result (issue #5, "Bad input").
// Every export, read from index.ts (a new export is fuzzed without anyone adding it here), with
// the examples' calls as seeds (issue #18).
await fuzzEveryExport({
  scaling: {
    cases: scalingCases.map((c) => c.name),
    exempt: {
      siteLicensePrice: "one school's price from a handful of enrollment bands",
      scheduleIssues: "checks one price schedule's handful of brackets",
    },
  },
  name: "@districtkit/licenses",
  exports: licenses,
  dir: new URL("..", import.meta.url),
  modules: { "@districtkit/core": core, "@districtkit/licenses": licenses, zod },
  allow: {},
});
