// I1 (PERFORMANCE.md) in CPU time; the machine is shared, so wall time says little. Run from the
// repository root:
//   pnpm run bench:cpu packages/io/bench/i1cpu.ts [rounds] [case prefix] [--processes N [--built]]
// (scripts/cpu-bench.mjs: rounds in one process with a full collection before each case, or each
// case alone in N fresh processes; --built measures dist/, which this module reaches by importing
// the package by name; the ratio is to papaparse alone on the same text, the I1 peer, target ≤ 2×)

import { generateGoogleAdminExport, readGoogleAdminDevices } from "@districtkit/io";
import Papa from "papaparse";

const csv = generateGoogleAdminExport({ devices: 100_000, seed: 1, schools: 30 });
const bytes = new TextEncoder().encode(csv);
const check = readGoogleAdminDevices(bytes);
if (check.stats.parsed !== 100_000 || check.stats.failed !== 0) throw new Error(`I1 workload: expected 100,000 devices, got ${JSON.stringify(check.stats)}`);

/** The I1 peer. */
export const peer = "papaparse alone (tokenise only)";

/** The measured cases: the I1 read from bytes and from text, and the peer. */
export const cases: [string, () => unknown][] = [
  ["readGoogleAdminDevices (bytes)", () => readGoogleAdminDevices(bytes)],
  ["readGoogleAdminDevices (text)", () => readGoogleAdminDevices(csv)],
  [peer, () => Papa.parse<string[]>(csv)],
];
