// The ledger workload of issue 16 (shared by ledger.bench.ts, ledgercpu.ts and profiling): a
// 200,000-row budget export in the NCES layout from the seeded generator that ships with the
// package, and the two mappings a district would use on it.
import { type AccountMappingInput, NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
import { generateLedgerExport } from "@districtkit/io";

export const csv = generateLedgerExport({ rows: 200_000, seed: 16, schools: 30, fiscalYears: [2025, 2026, 2027] });
export const bytes = new TextEncoder().encode(csv);
/** NCES technology rules, the district's funds and its 30 schools: what the rules do not take is unmapped (reported with every line). */
export const mapping: AccountMappingInput = {
  ...NCES_TECHNOLOGY_MAPPING,
  funds: [
    { when: { fund: "100-199" }, fund: "general-fund" },
    { when: { fund: "211" }, fund: "title-iv-a" },
    { when: { fund: "285" }, fund: "state-tech-grant" },
  ],
  schools: [{ when: { location: "000" }, school: null }, ...Array.from({ length: 30 }, (_, i) => ({ when: { location: String(i + 1).padStart(3, "0") }, school: `s${i + 1}` }))],
};
/** A district-wide GL export: what the technology rules do not take is out of scope (one exclude rule at the end). */
export const districtWide: AccountMappingInput = { ...mapping, categories: [...mapping.categories, { when: {}, exclude: "not a technology account" }] };
