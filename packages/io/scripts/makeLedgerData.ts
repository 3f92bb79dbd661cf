/**
 * Writes the sample finance-system exports of the fictional Maple Valley School District to
 * examples/data/ledger/: a budget export (FY2023–FY2027, NCES layout fund-function-object-location-
 * program), monthly actuals (FY2023–FY2026 complete, FY2027 through December 2026), the same
 * FY2027 budget as a California SACS export (a second state's layout), and the account mappings
 * that read them. Amounts come from the sample district's own budget (examples/data/sample-district)
 * projected by @districtkit/budget; the split into accounts, the earlier years and the monthly
 * pattern are seeded, so the files are the same on every run. A few rows are wrong on purpose
 * (see BAD_ROWS below): the readers must report each one. Run from the repository root:
 *   node --conditions=@districtkit/source --import tsx packages/io/scripts/makeLedgerData.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AccountMappingInput, CALIFORNIA_SACS_MAPPING, compileAccountMapping, NCES_TECHNOLOGY_MAPPING, type ProjectionLine, prepareBudget, projectBudget } from "@districtkit/budget";
import { createRng } from "@districtkit/core";

const root = join(import.meta.dirname, "../../../examples/data");
const out = join(root, "ledger");
mkdirSync(out, { recursive: true });
const read = (name: string): unknown => JSON.parse(readFileSync(join(root, "sample-district", name), "utf8"));
const model = prepareBudget({ district: read("district.json"), budget: read("budget.json") } as never);
const baseline = projectBudget(model);
const rng = createRng("maple-valley-ledger").stream("split");
const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: readonly (readonly (string | number)[])[]): string => rows.map((r) => r.map((c) => q(String(c))).join(",")).join("\r\n") + "\r\n";
/** Dollars and cents with thousands separators; negatives in parentheses, as finance reports print them. */
const amount = (cents: number): string => {
  const a = Math.abs(cents);
  const text = `${String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${String(a % 100).padStart(2, "0")}`;
  return cents < 0 ? `(${text})` : text;
};

// ── How each budget line is coded in the district's chart (NCES 2014 codes)
const SCHOOL_CODE: Readonly<Record<string, string>> = { mves: "001", mvms: "002", mvhs: "003" };
const FUND_CODE: Readonly<Record<string, string>> = { "general-fund": "100", "erate-c1": "100", "erate-c2": "100", "title-iv-a": "211", "state-tech-grant": "285" };
const STUDENTS: Readonly<Record<string, number>> = { mves: 392, mvms: 231, mvhs: 289 };
interface Code {
  fn: string;
  obj: string;
  program?: string;
  /** Split a district-wide per-student item across the schools by enrollment. */
  bySchool?: boolean;
  /** Salary and benefits: 72 % object 1xx, 28 % object 2xx. */
  salary?: boolean;
}
function codeOf(line: ProjectionLine): Code {
  const id = line.itemId;
  if (line.category === "support-staff") return { fn: id === "coordinator" ? "2580" : "2230", obj: id === "interns" ? "120" : "110", salary: id !== "interns" };
  if (line.category === "professional-development") return { fn: id === "pd-travel" ? "2230" : "2213", obj: id === "pd-travel" ? "580" : "330" };
  if (line.category === "services") return { fn: id === "repair-service" ? "2230" : "2580", obj: id === "repair-service" ? "432" : id === "msp" ? "351" : "340" };
  if (line.category === "other") return id === "supplies" ? { fn: "2230", obj: "610" } : { fn: "2580", obj: "520" };
  if (line.category === "network") {
    if (["internet", "wan-fiber", "voip", "hotspots"].includes(id)) return { fn: "2580", obj: "530", bySchool: id === "hotspots" };
    if (["wlan-licences", "firewall-sub", "bmic"].includes(id)) return { fn: "2580", obj: "432" };
    return { fn: "2580", obj: "734" };
  }
  if (line.category === "software") {
    if (["sis", "helpdesk", "backup", "sso", "endpoint", "web-filter", "ipad-mdm", "chrome-mgmt"].includes(id))
      return { fn: "2580", obj: "735", bySchool: line.school === null && line.kind === "per-unit" };
    if (["reading", "math-es", "math-ms", "typing", "ebooks"].includes(id)) return { fn: "1000", obj: "530" };
    return { fn: "2230", obj: "735", program: id === "cte-creative" ? "300" : "100", bySchool: line.school === null && line.kind === "per-unit" };
  }
  // hardware
  const big = line.total.toCents() > 3_000_000;
  return { fn: "2230", obj: big ? "734" : "650", bySchool: line.school === null && id !== "staff-laptops" };
}

interface Row {
  account: string;
  description: string;
  fiscalYear: number;
  cents: number;
  category: string;
}
const rows: Row[] = [];
const YEARS = [2023, 2024, 2025, 2026, 2027];
const FACTOR: Readonly<Record<number, number>> = { 2023: 0.87, 2024: 0.9, 2025: 0.93, 2026: 0.965, 2027: 1 };
for (const line of baseline.lines) {
  const y = line.years.find((x) => x.fiscalYear === 2027)!;
  for (const [fundId, money] of Object.entries(y.byFund)) {
    const total = money.toCents();
    if (total === 0) continue;
    const code = codeOf(line);
    const fund = FUND_CODE[fundId]!;
    const parts: { location: string; cents: number }[] = [];
    if (code.bySchool) {
      const ids = Object.keys(STUDENTS);
      const sum = ids.reduce((s, k) => s + STUDENTS[k]!, 0);
      let left = total;
      ids.forEach((k, i) => {
        const c = i === ids.length - 1 ? left : Math.round((total * STUDENTS[k]!) / sum);
        left -= c;
        parts.push({ location: SCHOOL_CODE[k]!, cents: c });
      });
    } else parts.push({ location: line.school === null ? "000" : SCHOOL_CODE[line.school]!, cents: total });
    for (const part of parts) {
      for (const fy of YEARS) {
        // budgets are adopted in whole dollars; earlier years a little lower, with some noise
        const noise = fy === 2027 ? 1 : 1 + (rng.next() - 0.5) * 0.04;
        const cents = Math.round((part.cents * FACTOR[fy]! * noise) / 100) * 100;
        const objs = code.salary
          ? ([
              [code.obj, 0.72],
              [code.obj.replace(/^1/, "2"), 0.28],
            ] as const)
          : ([[code.obj, 1]] as const);
        let left = cents;
        objs.forEach(([obj, share], i) => {
          const c = i === objs.length - 1 ? left : Math.round((cents * share) / 100) * 100;
          left -= c;
          // the state technology grant is a one-time FY2027 award: earlier years' spending was the general fund's
          const f = fund === "285" && fy < 2027 ? "100" : fund;
          rows.push({ account: `${f}-${code.fn}-${obj}-${part.location}-${code.program ?? "100"}`, description: line.name, fiscalYear: fy, cents: c, category: line.category });
        });
      }
    }
  }
}
// merge rows that landed on the same account and year (a chart has one budget line per account)
const merged = new Map<string, Row>();
for (const r of rows) {
  const k = `${r.account}|${r.fiscalYear}`;
  const m = merged.get(k);
  if (m) {
    m.cents += r.cents;
    if (!m.description.includes(r.description)) m.description = `${m.description}; ${r.description}`.slice(0, 120);
  } else merged.set(k, { ...r });
}
// teacher salaries the export includes but a technology budget leaves out (the mapping excludes them)
for (const fy of YEARS) {
  for (const [loc, teachers] of [
    ["001", 28],
    ["002", 15],
    ["003", 19],
  ] as const) {
    merged.set(`100-1000-111-${loc}-100|${fy}`, {
      account: `100-1000-111-${loc}-100`,
      description: "Teacher salaries",
      fiscalYear: fy,
      cents: Math.round(teachers * 61_500 * FACTOR[fy]!) * 100,
      category: "excluded",
    });
  }
}
const budgetRows = [...merged.values()].sort((a, b) => a.fiscalYear - b.fiscalYear || (a.account < b.account ? -1 : 1));

// ── Deliberately bad rows (each must be reported by the reader, none dropped silently)
const BAD_ROWS = [
  // 1. an object code the mapping does not know, in a non-technology function (unmapped)
  { account: "100-2700-610-000-100", description: "Bus fuel (not technology)", fiscalYear: 2027, amount: amount(1_250_000) },
  // 2. a location code no school rule maps (a new building not in the mapping yet)
  { account: "100-2230-650-004-100", description: "Annex carts", fiscalYear: 2027, amount: amount(420_000) },
  // 3. a reduction: a mid-year cut to an account budgeted above (negative, in parentheses)
  { account: "100-2230-650-000-100", description: "Budget reduction (board action 2026-11)", fiscalYear: 2027, amount: amount(-150_000) },
  // 4. text in the amount column (left there by hand; the finance system's total does not include it)
  { account: "100-2230-735-000-100", description: "Pending quote", fiscalYear: 2027, amount: "TBD" },
  // 5. a duplicate account: the same line posted twice (the finance system's total counts both)
  { account: "100-2580-351-000-100", description: "Network support contract (posted twice)", fiscalYear: 2027, amount: "" },
];
const posted = budgetRows.find((r) => r.account === "100-2580-351-000-100" && r.fiscalYear === 2027)!;
BAD_ROWS[4]!.amount = amount(posted.cents);
const header = ["Account", "Description", "Fiscal Year", "Revised Budget"];
const lines: (string | number)[][] = [header];
const badAfter = new Map<number, typeof BAD_ROWS>([[Math.floor(budgetRows.length * 0.9), BAD_ROWS]]);
let yearTotal = 0;
let year = budgetRows[0]!.fiscalYear;
const fy2027Extra: Row[] = [];
const pushTotal = (fy: number, cents: number): void => void lines.push([`Total FY${fy}`, "", fy, amount(cents)]);
budgetRows.forEach((r, i) => {
  if (r.fiscalYear !== year) {
    pushTotal(year, yearTotal);
    year = r.fiscalYear;
    yearTotal = 0;
  }
  lines.push([r.account, r.description, r.fiscalYear, amount(r.cents)]);
  yearTotal += r.cents;
  for (const b of badAfter.get(i) ?? []) {
    lines.push([b.account, b.description, b.fiscalYear, b.amount]);
    if (b.amount !== "TBD")
      fy2027Extra.push({ account: b.account, description: b.description, fiscalYear: 2027, cents: Number(b.amount.replace(/[(),]/g, "")) * 100 * (b.amount.startsWith("(") ? -1 : 1), category: "" });
    if (b.amount !== "TBD") yearTotal += Number(b.amount.replace(/[(),]/g, "")) * 100 * (b.amount.startsWith("(") ? -1 : 1);
  }
});
pushTotal(year, yearTotal);
writeFileSync(join(out, "maple-valley-budget.csv"), csv(lines));

// ── Actuals: FY2025 and FY2026 complete, FY2027 through December 2026 (period 6)
// Monthly shape of spending by category (periods 1 = July … 12 = June), from the way a district buys
const SHAPE: Readonly<Record<string, readonly number[]>> = {
  hardware: [14, 18, 9, 6, 5, 6, 7, 6, 6, 7, 7, 9],
  software: [46, 12, 6, 4, 3, 5, 4, 3, 3, 4, 4, 6],
  network: [10, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9],
  "support-staff": [8, 8, 8, 9, 9, 8, 8, 8, 9, 8, 8, 9],
  "professional-development": [16, 22, 8, 9, 5, 3, 7, 9, 6, 5, 4, 6],
  services: [9, 8, 8, 8, 9, 8, 8, 8, 9, 8, 8, 9],
  other: [20, 10, 6, 6, 6, 6, 8, 8, 8, 8, 6, 8],
  excluded: [8, 8, 8, 9, 9, 8, 8, 8, 9, 8, 8, 9],
};
const act = createRng("maple-valley-ledger").stream("actuals");
const actualLines: (string | number)[][] = [["Account", "Fiscal Year", "Period", "Expended", "Encumbered"]];
for (const r of budgetRows) {
  const last = r.fiscalYear === 2027 ? 6 : 12;
  const spendRate = 0.88 + act.next() * 0.14; // spending lands a little under budget
  const annual = Math.round(r.cents * spendRate);
  const shape = SHAPE[r.category]!;
  const sum = shape.reduce((a, b) => a + b, 0);
  let left = annual;
  for (let p = 1; p <= 12; p++) {
    const c = p === 12 ? left : Math.round((annual * shape[p - 1]!) / sum);
    left -= c;
    if (p > last) continue;
    // encumbrances: open purchase orders for hardware and services in the current year's last two months
    const enc = r.fiscalYear === 2027 && p >= 5 && (r.category === "hardware" || r.category === "services") ? Math.round(c * 0.6) : 0;
    if (c === 0 && enc === 0) continue;
    actualLines.push([r.account, r.fiscalYear, p, amount(c), amount(enc)]);
  }
}
// deliberately bad actual rows: a period that does not exist, an amount in European notation, an unmapped account
actualLines.splice(40, 0, ["100-2230-734-003-100", 2026, 13, amount(99_900), amount(0)]);
actualLines.splice(120, 0, ["100-2580-735-000-100", 2026, 4, "1.234,56", amount(0)]);
actualLines.push(["100-2700-610-000-100", 2027, 3, amount(310_000), amount(0)]);
writeFileSync(join(out, "maple-valley-actuals.csv"), csv(actualLines));

// ── The mapping that reads Maple Valley's chart: the NCES one, with the district's funds, schools and network equipment
const mapleValley: AccountMappingInput = {
  ...NCES_TECHNOLOGY_MAPPING,
  id: "maple-valley-nces",
  name: "Maple Valley School District chart (NCES 2014 layout)",
  categories: [
    { when: { function: "2580", object: "734" }, category: "network", name: "Network equipment (switches, access points, servers)" },
    { when: { function: "2580", object: "432" }, category: "network", name: "Network maintenance and subscriptions" },
    ...NCES_TECHNOLOGY_MAPPING.categories,
  ],
  funds: [
    { when: { fund: "100-199" }, fund: "general-fund", note: "General Fund" },
    { when: { fund: "211" }, fund: "title-iv-a", note: "Title IV-A (special revenue fund 211)" },
    { when: { fund: "285" }, fund: "state-tech-grant", note: "State technology grant (special revenue fund 285)" },
  ],
  schools: [
    { when: { location: "000" }, school: null, note: "district office, district-wide" },
    { when: { location: "001" }, school: "mves", note: "Maple Valley Elementary" },
    { when: { location: "002" }, school: "mvms", note: "Maple Valley Middle" },
    { when: { location: "003" }, school: "mvhs", note: "Maple Valley High" },
  ],
};
writeFileSync(join(out, "maple-valley-mapping.json"), `${JSON.stringify(mapleValley, null, 2)}\n`);

// ── The same FY2027 budget in California's SACS layout (fund-resource-projectYear-goal-function-object-school):
// every FY2027 row the Maple Valley mapping maps or excludes, recoded and summed by SACS account. Maple
// Valley's SACS chart keeps its network, services and other technology costs apart in the goal field
// (0001, 0002, 0003), so the two files give the same line items.
const RESOURCE: Readonly<Record<string, string>> = { "100": "0000", "211": "4127", "285": "7810" };
const SACS_OBJECT: Readonly<Record<string, string>> = {
  "734": "4400",
  "650": "4300",
  "735": "5800",
  "530": "5900",
  "432": "5600",
  "443": "5600",
  "351": "5800",
  "340": "5800",
  "330": "5200",
  "580": "5200",
  "110": "2200",
  "210": "3202",
  "120": "2900",
  "111": "1100",
  "520": "5400",
  "610": "4300",
};
const GOAL: Readonly<Record<string, string>> = { network: "0001", services: "0002", other: "0003" };
const mv = compileAccountMapping(mapleValley);
const sacsRows = new Map<string, { description: string; cents: number }>();
for (const r of [...budgetRows.filter((x) => x.fiscalYear === 2027), ...fy2027Extra]) {
  const c = mv.classify(r.account);
  if (c.status !== "mapped" && c.status !== "excluded") continue;
  const [fund, fn, obj, loc] = r.account.split("-") as [string, string, string, string];
  const caFunction = fn === "2580" ? "7700" : fn === "1000" ? "1000" : "2420";
  const goal = (c.category !== null ? GOAL[c.category] : undefined) ?? (obj === "111" ? "1110" : "0000");
  // online subscriptions charged to instruction (NCES 530) are operating services (5800) in SACS
  const caObject = obj === "530" && fn === "1000" ? "5800" : SACS_OBJECT[obj]!;
  const account = `01-${RESOURCE[fund]}-0-${goal}-${caFunction}-${caObject}-${loc}`;
  const x = sacsRows.get(account);
  if (x) x.cents += r.cents;
  else sacsRows.set(account, { description: r.description, cents: r.cents });
}
const sacs: (string | number)[][] = [["Account", "Description", "Fiscal Year", "Budget"]];
let sacsTotal = 0;
for (const [account, x] of [...sacsRows].sort(([a], [b]) => (a < b ? -1 : 1))) {
  sacs.push([account, x.description, 2027, amount(x.cents)]);
  sacsTotal += x.cents;
}
sacs.push(["Grand Total", "", "", amount(sacsTotal)]);
writeFileSync(join(out, "california-sacs-budget.csv"), csv(sacs));
const california: AccountMappingInput = {
  ...CALIFORNIA_SACS_MAPPING,
  id: "maple-valley-sacs",
  name: "Maple Valley School District, as if it kept California SACS accounts",
  categories: [
    { when: { goal: "0001" }, category: "network", name: "Network (goal 0001 in Maple Valley's chart)" },
    { when: { goal: "0002" }, category: "services", name: "Technology services (goal 0002)" },
    { when: { goal: "0003" }, category: "other", name: "Other technology costs (goal 0003)" },
    { when: { object: "5200", function: ["1000", "2420", "7700"] }, category: "professional-development", name: "Technology training and travel" },
    ...CALIFORNIA_SACS_MAPPING.categories,
  ],
  funds: [...CALIFORNIA_SACS_MAPPING.funds, { when: { fund: "01", resource: "7810" }, fund: "state-tech-grant", note: "the district's resource code for the state technology grant" }],
  schools: [
    { when: { school: "000" }, school: null },
    { when: { school: "001" }, school: "mves" },
    { when: { school: "002" }, school: "mvms" },
    { when: { school: "003" }, school: "mvhs" },
  ],
};
writeFileSync(join(out, "california-sacs-mapping.json"), `${JSON.stringify(california, null, 2)}\n`);
console.log(`budget: ${lines.length - 1} lines; actuals: ${actualLines.length - 1}; SACS: ${sacs.length - 1} → ${out}`);
