// Issue 16's ledger import in CPU time, papaparse alone (tokenising the same text) as the peer in
// the same run; the machine is shared, so wall time says little. Run from the repository root:
//   pnpm run bench:cpu packages/io/bench/ledgercpu.ts [rounds] [case prefix] [--processes N [--built]]
// (scripts/cpu-bench.mjs: rounds in one process with a full collection before each case, or each
// case alone in N fresh processes; --built measures dist/, which this module reaches by importing
// the package by name)

import { mapLedger, parseLedger, readLedger } from "@districtkit/io";
import Papa from "papaparse";
import { bytes, csv, districtWide, mapping } from "./ledgerWorkload.js";

const table = parseLedger("budget", bytes);

/** The measured cases: read + map (the target), each step alone, and the tokenizer alone. */
export const cases: [string, () => unknown][] = [
  ["readLedger, district-wide GL", () => readLedger(bytes, districtWide)],
  ["readLedger, technology rules only", () => readLedger(bytes, mapping)],
  ["parseLedger only", () => parseLedger("budget", bytes)],
  ["mapLedger only, district-wide GL", () => mapLedger(table, districtWide)],
  ["papaparse alone", () => Papa.parse<string[]>(csv)],
];
/** The case the others are compared with. */
export const peer = "papaparse alone";
