import { NCES_TECHNOLOGY_MAPPING } from "../budget/dist/index.js";
import { generateLedgerExport, parseLedger, mapLedger } from "./dist/index.js";
const csv = generateLedgerExport({ rows: 200_000, seed: 16, schools: 30, fiscalYears: [2025, 2026, 2027] });
const mapping = { ...NCES_TECHNOLOGY_MAPPING, funds: [{ when: { fund: "100-199" }, fund: "general-fund" }, { when: { fund: "211" }, fund: "title-iv-a" }, { when: { fund: "285" }, fund: "state-tech-grant" }], schools: [{ when: { location: "000" }, school: null }, ...Array.from({ length: 30 }, (_, i) => ({ when: { location: String(i + 1).padStart(3, "0") }, school: `s${i + 1}` }))] };
const excl = { ...mapping, categories: [...mapping.categories, { when: {}, exclude: "not technology" }] };
const table = parseLedger("budget", csv);
const cpu = (f) => { const a = process.cpuUsage(); const t = performance.now(); const r = f(); const b = process.cpuUsage(a); return [r, ((b.user + b.system) / 1000).toFixed(0), (performance.now() - t).toFixed(0)]; };
for (let k = 0; k < 3; k++) {
  const [r, c1, w1] = cpu(() => mapLedger(table, mapping));
  const [r2, c2, w2] = cpu(() => mapLedger(table, excl));
  console.log("map cpu/wall", c1, w1, r.issues.length, "| with exclude-all", c2, w2, r2.issues.length);
}
