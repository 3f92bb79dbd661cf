import { NCES_TECHNOLOGY_MAPPING, type AccountMappingInput } from "@districtkit/budget";
import Papa from "papaparse";
import { bench, describe } from "vitest";
import { generateLedgerExport, parseLedger, readLedger } from "../src/index.js";

// Ledger import (issue 16): a 200,000-row budget export in the NCES layout (seeded generator that
// ships with the package), read and mapped into line items with the tie-out; target ≤ 1.5 s. The
// peer is papaparse alone tokenising the same text, as for I1.
const csv = generateLedgerExport({ rows: 200_000, seed: 16, schools: 30, fiscalYears: [2025, 2026, 2027] });
const bytes = new TextEncoder().encode(csv);
const mapping: AccountMappingInput = {
  ...NCES_TECHNOLOGY_MAPPING,
  funds: [
    { when: { fund: "100-199" }, fund: "general-fund" },
    { when: { fund: "211" }, fund: "title-iv-a" },
    { when: { fund: "285" }, fund: "state-tech-grant" },
  ],
  schools: [{ when: { location: "000" }, school: null }, ...Array.from({ length: 30 }, (_, i) => ({ when: { location: String(i + 1).padStart(3, "0") }, school: `s${i + 1}` }))],
};
// a district-wide GL export: what the technology rules do not take is out of scope (one exclude rule at the end)
const districtWide: AccountMappingInput = { ...mapping, categories: [...mapping.categories, { when: {}, exclude: "not a technology account" }] };
const options = { iterations: 6, time: 1000, warmupIterations: 1 };

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
    "papaparse alone (peer: tokenise only)",
    () => {
      Papa.parse<string[]>(csv);
    },
    options,
  );
});
