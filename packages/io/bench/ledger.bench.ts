import Papa from "papaparse";
import { bench, describe } from "vitest";
import { mapLedger, parseLedger, readLedger } from "../src/index.js";
import { bytes, csv, districtWide, mapping } from "./ledgerWorkload.js";

// Ledger import (issue 16): a 200,000-row budget export in the NCES layout (the seeded generator
// that ships with the package, seed 16: 66,667 accounts × 3 fiscal years; ledgerWorkload.ts), read
// and mapped into line items with the tie-out; target ≤ 1.5 s. The peer is papaparse alone
// tokenising the same text, as for I1. On a loaded machine, compare CPU time instead:
// `pnpm run bench:cpu packages/io/bench/ledgercpu.ts`.
const options = { iterations: 6, time: 1000, warmupIterations: 1 };
const table = parseLedger("budget", bytes);

// sanity: every row is read and accounted for, and the file ties out (a silent drop would make the figure meaningless)
for (const m of [districtWide, mapping]) {
  const check = readLedger(bytes, m);
  if (check.counts.dataRows !== 200_000 || check.counts.unreadable !== 0 || !check.tieOut[0]!.ties) throw new Error(`ledger workload: ${JSON.stringify(check.counts)} ${check.tieOut[0]!.explanation}`);
}

describe("ledger import: 200,000-row budget export", () => {
  bench(
    "readLedger, district-wide GL (decode, header, amounts to the cent, classify 66,667 accounts, line items, tie-out)",
    () => {
      readLedger(bytes, districtWide);
    },
    options,
  );
  bench(
    "readLedger, technology rules only (the same, and 16,112 unmapped accounts reported with every line)",
    () => {
      readLedger(bytes, mapping);
    },
    options,
  );
  bench(
    "parseLedger only (rows in cents, no mapping)",
    () => {
      parseLedger("budget", bytes);
    },
    options,
  );
  bench(
    "mapLedger only, district-wide GL (the table read once, mapped again: what an edit of the mapping costs)",
    () => {
      mapLedger(table, districtWide);
    },
    options,
  );
  bench(
    "papaparse alone (peer: tokenise only)",
    () => {
      Papa.parse<string[]>(csv);
    },
    options,
  );
});
