import { type AccountDecision, type AccountMapping, type AccountMappingInput, compileAccountMapping, type LineItemInput } from "@districtkit/budget";
import { DistrictKitError, fiscalYearLabel, Money, parseInput } from "@districtkit/core";
import { guard } from "../internal/guard.js";
import type { LedgerImport, LedgerIssue, LedgerTieOut } from "./ledgerImport.js";
import { type MapLedgerOptions, mapLedgerOptionsSchema } from "./schema.js";
import type { LedgerTable } from "./table.js";
import { dollars, fileTotals, tieOutOf } from "./tieOut.js";

const BUILT_IN = new Set(["hardware", "software", "network", "professional-development", "support-staff", "services", "other"]);

function linesText(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 8).join(", ");
  return `lines ${shown}${lines.length > 8 ? ` … (${lines.length} rows)` : ""}`;
}

/** Whole cents of an amount column and the encumbered column. */
interface Sums {
  amount: number;
  encumbered: number;
}

interface Group {
  /** fund, category, school and E-Rate category, joined by U+0000: the line item the group goes to. */
  key: string;
  fund: string;
  category: string;
  school: string | null;
  eRate: "C1" | "C2" | null;
  fiscalYear: number;
  amount: number;
  encumbered: number;
  rows: number;
  lines: number[];
  /** Distinct account strings, sorted. */
  accounts: string[];
  byPeriod: Map<number, Sums>;
}

/** Where rows go that make no line item: an excluded rule (no lines: nothing reports them) or an unmapped account (every line, for its issue). */
interface Owner {
  reason: string;
  amount: number;
  encumbered: number;
  rows: number;
  lines: number[] | null;
  byYear: Map<number, Sums>;
  /** Its target for each fiscal year. */
  targets: Map<number, Target>;
}

interface Miss extends Owner {
  account: string;
  kind: LedgerIssue["kind"];
  lines: number[];
}

/** Where the rows of one account and fiscal year go: a group, or an owner and its sums for the year; and the year's totals (null without a year). */
interface Target {
  readonly group: Group | null;
  readonly owner: Owner | null;
  readonly by: Sums | null;
  readonly yt: Sums | null;
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}

/**
 * Maps a read ledger or actuals file ({@link parseLedger}) with an account mapping (step 2 of
 * {@link readLedger} / {@link readActuals}; fast enough to run again on every edit of the mapping):
 * each account string is classified once; mapped rows are summed by fund × category × school ×
 * fiscal year (× period for actuals) into budget `series` line items or actual rows; excluded and
 * unmapped accounts are listed with every line; duplicates, negative nets, several years, a year
 * that ends mid-way and a file that does not add up to its own total are reported; the tie-out
 * accounts for every cent. Reductions (negative rows) are netted into their group.
 *
 * @param table - a file read by {@link parseLedger}
 * @param mapping - the account mapping (e.g. `NCES_TECHNOLOGY_MAPPING` edited for the district)
 * @param options - the general fund's id, the line items' id prefix
 * @returns line items or actuals, groups, issues and tie-out
 * @throws DistrictKitError for an invalid mapping or options
 * @example
 * ```ts
 * import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
 * const table = parseLedger("budget", "Account,FY,Budget\n100-2230-734-000-100,2027,1000\n100-2230-734-000-100,2027,-200\n100-2700-610-000-100,2027,75\nGrand Total,,875");
 * const r = mapLedger(table, NCES_TECHNOLOGY_MAPPING);
 * r.lineItems[0]; // => { "id": "ledger-general-fund-hardware-district", "name": "Hardware, district-wide (general-fund)", "category": "hardware", "kind": "series", "amounts": { "2027": "800" }, "source": "ledger: 2 rows, 1 account (100-2230-734-000-100)" }
 * r.issues.map((i) => i.kind); // => ["duplicate-account", "unmapped"]
 * r.tieOut[0]?.ties; // => true
 * r.tieOut[0]?.unmapped.toString(); // => "75"
 * ```
 * @category Ledger
 */
export function mapLedger(table: LedgerTable, mapping: AccountMappingInput | AccountMapping, options?: MapLedgerOptions): LedgerImport {
  return guard("ledger", () => run(table, mapping, options));
}

function run(table: LedgerTable, mapping: AccountMappingInput | AccountMapping, options: MapLedgerOptions | undefined): LedgerImport {
  if (table === null || typeof table !== "object" || !Array.isArray(table.account) || !Array.isArray(table.amount) || (table.kind !== "budget" && table.kind !== "actuals")) {
    throw DistrictKitError.argument(["table"], "expected a table read by parseLedger");
  }
  const classifier = compileAccountMapping(mapping);
  const o = parseInput(mapLedgerOptionsSchema, options ?? {}, ["options"]);
  const m = classifier.mapping;
  const cal = table.calendar;
  const kind = table.kind;
  const file = table.file;
  const accountColumn = table.accountColumn ?? (table.segmentColumns.length > 0 ? "segment columns" : "Account");
  // a file with one column per segment: put the segments in the layout's order
  let rebuild: ((a: string) => string) | null = null;
  const missingSegments: string[] = [];
  if (table.accountColumn === null && table.segmentColumns.length > 0) {
    const found = new Set(table.columns.filter((c) => c.field.startsWith("seg:")).map((c) => c.field.slice(4)));
    const at = m.layout.segments.map((s) => table.segmentColumns.indexOf(s.name));
    m.layout.segments.forEach((s, i) => {
      if (at[i]! < 0 || !found.has(s.name)) missingSegments.push(s.name);
    });
    const sep = m.layout.separator === "" ? "" : m.layout.separator;
    rebuild = (a) => {
      const parts = a.split("\u001f");
      return at.map((j) => (j < 0 ? "" : (parts[j] ?? ""))).join(sep);
    };
  }

  const groups: Group[] = [];
  const misses = new Map<string, Miss>();
  const excluded = new Map<number, Owner>();
  const years = new Set<number>();
  const lastPeriod = new Map<number, number>();
  const periodsSeen = new Map<number, Set<number>>();
  let mapped = 0;
  let nExcluded = 0;
  let nUnmapped = 0;
  const totalAll = { amount: 0, encumbered: 0 };
  const totalByYear = new Map<number, Sums>();
  /** The groups of a fund × category × school × E-Rate prefix, by fiscal year (decisions with the same prefix share it). */
  const groupsByPrefix = new Map<string, Map<number, Target>>();
  const groupsByDecision = new Map<AccountDecision, Map<number, Target>>();
  /** One fiscal year of an account: where its rows go, the line of its first row, and its lines when it repeats (a list of these, one small object each). */
  interface Slot {
    readonly fy: number;
    readonly t: Target;
    readonly line: number;
    dup: number[] | null;
    next: Slot | null;
  }
  /** One distinct account string: its decision and its years. */
  interface Account {
    readonly account: string;
    readonly d: AccountDecision;
    slots: Slot | null;
  }
  const accounts = new Map<string, Account>();
  const duplicates: { account: string; fiscalYear: number; lines: number[] }[] = [];

  function yearTotals(fy: number): Sums | null {
    if (fy === 0) return null;
    years.add(fy);
    let yt = totalByYear.get(fy);
    if (yt === undefined) totalByYear.set(fy, (yt = { amount: 0, encumbered: 0 }));
    return yt;
  }
  /** The target of an owner (an excluded rule, an unmapped account) for one year: the owner and its sums for that year. */
  function ownerTarget(o: Owner, fy: number): Target {
    let t = o.targets.get(fy);
    if (t === undefined) {
      const by = { amount: 0, encumbered: 0 };
      o.byYear.set(fy, by);
      o.targets.set(fy, (t = { group: null, owner: o, by, yt: yearTotals(fy) }));
    }
    return t;
  }
  function targetFor(a: Account, fy: number): Target {
    const d = a.d;
    if (d.status === "excluded") {
      let e = excluded.get(d.rule!);
      if (!e) excluded.set(d.rule!, (e = { reason: d.reason!, amount: 0, encumbered: 0, rows: 0, lines: null, byYear: new Map(), targets: new Map() }));
      return ownerTarget(e, fy);
    }
    if (d.status !== "mapped" || fy === 0) {
      const key = d.status === "mapped" ? `\u0000noyear\u0000${a.account}` : a.account;
      let miss = misses.get(key);
      if (!miss) {
        // the full classification (its reason) only for the accounts reported
        const c = d.status === "mapped" ? null : classifier.classify(a.account, false);
        misses.set(
          key,
          (miss = {
            account: a.account,
            kind: d.status === "invalid" ? "invalid-account" : d.status === "unmapped" ? "unmapped" : "no-fiscal-year",
            reason: c === null ? "the row has no fiscal year (add a Fiscal Year column, a year segment, or options.fiscalYear)" : c.reason!,
            rows: 0,
            amount: 0,
            encumbered: 0,
            lines: [],
            byYear: new Map(),
            targets: new Map(),
          }),
        );
      }
      return ownerTarget(miss, fy);
    }
    let byYear = groupsByDecision.get(d);
    if (byYear === undefined) {
      const prefix = `${d.fund}\u0000${d.category}\u0000${d.school ?? ""}\u0000${d.eRate ?? ""}`;
      byYear = groupsByPrefix.get(prefix);
      if (byYear === undefined) groupsByPrefix.set(prefix, (byYear = new Map()));
      groupsByDecision.set(d, byYear);
    }
    let t = byYear.get(fy);
    if (t === undefined) {
      const g: Group = {
        key: `${d.fund}\u0000${d.category}\u0000${d.school ?? ""}\u0000${d.eRate ?? ""}`,
        fund: d.fund!,
        category: d.category!,
        school: d.school,
        eRate: d.eRate,
        fiscalYear: fy,
        amount: 0,
        encumbered: 0,
        rows: 0,
        lines: [],
        accounts: [],
        byPeriod: new Map(),
      };
      groups.push(g);
      byYear.set(fy, (t = { group: g, owner: null, by: null, yt: yearTotals(fy) }));
    }
    return t;
  }

  const budget = kind === "budget";
  const { line: lineCol, account: accountCol, fiscalYear: yearCol, period: periodCol, amount: amountCol, encumbered: encCol } = table;
  const n = table.rowCount;
  // Sums are whole cents in plain numbers: exact while every partial sum is a safe integer, which
  // holds when the absolute amounts of the whole file add up to at most Number.MAX_SAFE_INTEGER
  // (checked after the loop; about $90 trillion).
  let absolute = 0;
  for (let ri = 0; ri < n; ri++) {
    const rAccount = accountCol[ri]!;
    const rLine = lineCol[ri]!;
    let a = accounts.get(rAccount);
    if (a === undefined) {
      const account = rebuild ? rebuild(rAccount) : rAccount;
      a = { account, d: classifier.decide(account), slots: null };
      accounts.set(rAccount, a);
    }
    const rYear = yearCol[ri]!;
    const fy = rYear !== 0 ? rYear : (a.d.fiscalYear ?? 0);
    let slot = a.slots;
    while (slot !== null && slot.fy !== fy) slot = slot.next;
    let t: Target;
    if (slot === null) {
      t = targetFor(a, fy);
      a.slots = { fy, t, line: rLine, dup: null, next: a.slots };
    } else {
      t = slot.t;
      if (budget && t.group !== null) {
        // the same account twice in one year of a budget: a double posting, or amendments
        let d = slot.dup;
        if (d === null) {
          d = slot.dup = [slot.line];
          duplicates.push({ account: a.account, fiscalYear: fy, lines: d });
        }
        d.push(rLine);
      }
    }
    const amount = amountCol[ri]!;
    const enc = encCol[ri]!;
    absolute += (amount < 0 ? -amount : amount) + (enc < 0 ? -enc : enc);
    totalAll.amount += amount;
    totalAll.encumbered += enc;
    const yt = t.yt;
    if (yt !== null) {
      yt.amount += amount;
      yt.encumbered += enc;
    }
    const g = t.group;
    if (g !== null) {
      mapped++;
      g.amount += amount;
      g.encumbered += enc;
      g.rows++;
      if (!budget) {
        const p = periodCol[ri]!;
        const bp = g.byPeriod.get(p);
        if (bp) {
          bp.amount += amount;
          bp.encumbered += enc;
        } else g.byPeriod.set(p, { amount, encumbered: enc });
        if (p > (lastPeriod.get(fy) ?? 0)) lastPeriod.set(fy, p);
        let ps = periodsSeen.get(fy);
        if (!ps) periodsSeen.set(fy, (ps = new Set()));
        ps.add(p);
      }
    } else {
      const o = t.owner!;
      o.amount += amount;
      o.encumbered += enc;
      o.rows++;
      if (o.lines !== null) o.lines.push(rLine);
      const by = t.by!;
      by.amount += amount;
      by.encumbered += enc;
      if (a.d.status === "excluded") nExcluded++;
      else nUnmapped++;
    }
  }
  if (absolute > Number.MAX_SAFE_INTEGER) {
    throw DistrictKitError.argument(["table", "amount"], `the amounts of the file add up to more than ${dollars(Number.MAX_SAFE_INTEGER)} in absolute value: too large to total to the cent`);
  }
  // the accounts of each group, sorted: the mapped accounts of each fund × category × school ×
  // E-Rate prefix sorted (a few dozen each, not all of them at once), each then added to its
  // groups (an account string once per group, even when segment columns build the same one twice)
  const byPrefix = new Map<Map<number, Target>, Account[]>();
  for (const a of accounts.values()) {
    if (a.d.status !== "mapped") continue;
    const key = groupsByDecision.get(a.d);
    if (key === undefined) continue; // rows without a fiscal year only
    let list = byPrefix.get(key);
    if (list === undefined) byPrefix.set(key, (list = []));
    list.push(a);
  }
  const byAccount = (x: Account, y: Account): number => (x.account < y.account ? -1 : x.account > y.account ? 1 : 0);
  for (const list of byPrefix.values()) {
    list.sort(byAccount);
    for (const a of list) {
      for (let slot = a.slots; slot !== null; slot = slot.next) {
        const accs = slot.t.group?.accounts;
        if (accs !== undefined && (accs.length === 0 || accs[accs.length - 1] !== a.account)) accs.push(a.account);
      }
    }
  }

  const issues: LedgerIssue[] = [];
  const issue = (i: Omit<LedgerIssue, "message" | "file">): void => {
    const where = `${file ? `${file} ` : ""}${i.lines.length > 0 ? linesText(i.lines) : "the file"}${i.column ? `, ${i.column}` : ""}`;
    issues.push({ ...i, file, message: `${where}: ${i.value !== null ? `${i.value}: ` : ""}${i.reason}` });
  };
  if (missingSegments.length > 0) {
    issue({
      kind: "invalid-account",
      severity: "error",
      lines: [],
      column: null,
      value: null,
      amount: null,
      reason: `the file has no column for the segment${missingSegments.length === 1 ? "" : "s"} ${missingSegments.join(", ")} of the mapping's layout (name ${missingSegments.length === 1 ? "it" : "them"} in options.columns.segments)`,
    });
  }
  for (const d of duplicates) {
    issue({
      kind: "duplicate-account",
      severity: "warning",
      lines: d.lines,
      column: accountColumn,
      value: d.account,
      amount: null,
      reason: `appears ${d.lines.length} times for FY${d.fiscalYear}; the amounts were added together (a double posting, or budget amendments?)`,
    });
  }
  for (const miss of misses.values()) {
    issue({
      kind: miss.kind,
      severity: "error",
      lines: miss.lines,
      column: miss.kind === "no-fiscal-year" ? "Fiscal Year" : accountColumn,
      value: miss.account,
      amount: Money.fromCents(miss.amount),
      reason: `${miss.reason}; ${dollars(miss.amount)}${kind === "actuals" && miss.encumbered !== 0 ? ` posted and ${dollars(miss.encumbered)} encumbered` : ""} left out of the ${kind === "budget" ? "line items" : "actuals"}`,
    });
  }

  // line items (budget) and actual rows
  const sorted = [...groups].sort(
    (a, b) =>
      (a.fund < b.fund ? -1 : a.fund > b.fund ? 1 : 0) ||
      (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) ||
      ((a.school ?? "") < (b.school ?? "") ? -1 : (a.school ?? "") > (b.school ?? "") ? 1 : 0) ||
      ((a.eRate ?? "") < (b.eRate ?? "") ? -1 : (a.eRate ?? "") > (b.eRate ?? "") ? 1 : 0) ||
      a.fiscalYear - b.fiscalYear,
  );
  const lineItems: LineItemInput[] = [];
  const plan: { fund: string; category: string; school: string | null; fiscalYear: number; amount: string }[] = [];
  const actuals: { fund: string; category: string; school: string | null; fiscalYear: number; period: number; posted: string; encumbered: string }[] = [];
  const negByYear = new Map<number, number>();
  let negAll = 0;
  if (kind === "budget" && sorted.some((g) => g.amount < 0)) {
    // the lines of groups that net below zero (rare): one more pass over the rows
    for (let ri = 0; ri < n; ri++) {
      const a = accounts.get(accountCol[ri]!)!;
      const rYear = yearCol[ri]!;
      const fy = rYear !== 0 ? rYear : (a.d.fiscalYear ?? 0);
      let slot = a.slots!;
      while (slot.fy !== fy) slot = slot.next!;
      const g = slot.t.group;
      if (g !== null && g.amount < 0) g.lines.push(lineCol[ri]!);
    }
  }
  if (kind === "budget") {
    const items = new Map<string, { g: Group; amounts: Record<string, string>; rows: number }>();
    // the accounts of each line item, sorted: those of its groups that do not net below zero
    const itemAccounts = new Map<string, string[]>();
    for (const accs of byPrefix.values()) {
      for (const a of accs) {
        for (let slot = a.slots; slot !== null; slot = slot.next) {
          const g = slot.t.group;
          if (g === null || g.amount < 0) continue;
          let list = itemAccounts.get(g.key);
          if (list === undefined) itemAccounts.set(g.key, (list = []));
          if (list.length === 0 || list[list.length - 1] !== a.account) list.push(a.account);
        }
      }
    }
    for (const g of sorted) {
      plan.push({ fund: g.fund, category: g.category, school: g.school, fiscalYear: g.fiscalYear, amount: Money.fromCents(g.amount).toString() });
      if (g.amount < 0) {
        negAll += g.amount;
        negByYear.set(g.fiscalYear, (negByYear.get(g.fiscalYear) ?? 0) + g.amount);
        issue({
          kind: "negative-net",
          severity: "error",
          lines: g.lines,
          column: table.amountColumns.amount,
          value: null,
          amount: Money.fromCents(g.amount),
          reason: `${g.category} of ${g.school ?? "the district"} paid by ${g.fund} nets to ${dollars(g.amount)} in FY${g.fiscalYear} (reductions exceed the budget): not a cost line item, so it is left out of the line items`,
        });
        continue;
      }
      let it = items.get(g.key);
      if (!it) items.set(g.key, (it = { g, amounts: Object.create(null) as Record<string, string>, rows: 0 }));
      it.amounts[String(g.fiscalYear)] = Money.fromCents(g.amount).toString();
      it.rows += g.rows;
    }
    const ids = new Set<string>();
    for (const { g, amounts, rows } of items.values()) {
      let id = `${o.idPrefix}-${slug(g.fund)}-${slug(g.category)}-${g.school === null ? "district" : slug(g.school)}${g.eRate ? `-${g.eRate.toLowerCase()}` : ""}`;
      for (let n = 2; ids.has(id); n++) id = `${id}-${n}`;
      ids.add(id);
      const label = g.category.charAt(0).toUpperCase() + g.category.slice(1).replace(/-/g, " ");
      const acc = itemAccounts.get(g.key) ?? [];
      const item: Record<string, unknown> = {
        id,
        name: `${label}, ${g.school === null ? "district-wide" : `school ${g.school}`} (${g.fund})`,
        category: g.category,
        ...(g.school === null ? {} : { school: g.school }),
        kind: "series",
        amounts: { ...amounts },
        ...(g.eRate ? { eRate: g.eRate } : {}),
        ...(g.fund === o.generalFund ? {} : { funds: [g.fund] }),
        source: `${file ?? "ledger"}: ${rows} row${rows === 1 ? "" : "s"}, ${acc.length} account${acc.length === 1 ? "" : "s"} (${acc.slice(0, 5).join(", ")}${acc.length > 5 ? ", …" : ""})`,
      };
      lineItems.push(item as LineItemInput);
    }
  } else {
    for (const g of sorted) {
      for (const p of [...g.byPeriod.keys()].sort((a, b) => a - b)) {
        const v = g.byPeriod.get(p)!;
        actuals.push({
          fund: g.fund,
          category: g.category,
          school: g.school,
          fiscalYear: g.fiscalYear,
          period: p,
          posted: Money.fromCents(v.amount).toString(),
          encumbered: Money.fromCents(v.encumbered).toString(),
        });
      }
    }
    for (const [fy, last] of [...lastPeriod].sort((a, b) => a[0] - b[0])) {
      const ps = periodsSeen.get(fy)!;
      const gaps = Array.from({ length: last }, (_, i) => i + 1).filter((p) => !ps.has(p));
      if (last < 12) {
        const start = cal.startMonth;
        const month = ((start - 1 + last - 1) % 12) + 1;
        const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        issue({
          kind: "mid-year",
          severity: "info",
          lines: [],
          column: null,
          value: null,
          amount: null,
          reason: `the actuals of ${fiscalYearLabel(fy, cal)} end at period ${last} (${names[month - 1]}): ${12 - last} period${12 - last === 1 ? "" : "s"} of the year to come; budgetVsActual projects the year end from them${gaps.length > 0 ? `; no rows for period${gaps.length === 1 ? "" : "s"} ${gaps.join(", ")}` : ""}`,
        });
      } else if (gaps.length > 0) {
        issue({
          kind: "mid-year",
          severity: "warning",
          lines: [],
          column: null,
          value: null,
          amount: null,
          reason: `${fiscalYearLabel(fy, cal)} has no rows for period${gaps.length === 1 ? "" : "s"} ${gaps.join(", ")}`,
        });
      }
    }
  }
  const fiscalYears = [...years].sort((a, b) => a - b);
  if (fiscalYears.length > 1) {
    issue({
      kind: "several-years",
      severity: "info",
      lines: [],
      column: null,
      value: null,
      amount: null,
      reason: `the file holds ${fiscalYears.length} fiscal years (${fiscalYears.map((y) => fiscalYearLabel(y, cal)).join(", ")}); each is kept apart and tied out on its own`,
    });
  }

  // tie-out
  const sumMisses = (y: number | null, enc: boolean): number => {
    let s = 0;
    for (const miss of misses.values()) {
      if (y === null) s += enc ? miss.encumbered : miss.amount;
      else {
        const v = miss.byYear.get(y);
        if (v) s += enc ? v.encumbered : v.amount;
      }
    }
    return s;
  };
  const sumExcluded = (y: number | null, enc: boolean): number => {
    let s = 0;
    for (const e of excluded.values()) {
      if (y === null) s += enc ? e.encumbered : e.amount;
      else {
        const v = e.byYear.get(y);
        if (v) s += enc ? v.encumbered : v.amount;
      }
    }
    return s;
  };
  const sumGroups = (y: number | null, enc: boolean): number => {
    let s = 0;
    for (const g of groups) if (y === null || g.fiscalYear === y) s += enc ? g.encumbered : g.amount;
    return s;
  };
  // the file's own totals (its total rows, or the total given in the options)
  const totals = table.controlTotals;
  const own = fileTotals(table);
  for (const i of own.issues) issue({ ...i, column: accountColumn, value: null, amount: null });
  const tie = (column: string, y: number | null, enc: boolean, fileTotal: number | null): LedgerTieOut => {
    const rows = y === null ? (enc ? totalAll.encumbered : totalAll.amount) : ((enc ? totalByYear.get(y)?.encumbered : totalByYear.get(y)?.amount) ?? 0);
    const negativeNet = enc || kind !== "budget" ? 0 : y === null ? negAll : (negByYear.get(y) ?? 0);
    return tieOutOf({
      kind,
      column,
      fiscalYear: y,
      label: y === null ? "the file" : fiscalYearLabel(y, cal),
      rows,
      inLineItems: sumGroups(y, enc) - negativeNet,
      negativeNet,
      excluded: sumExcluded(y, enc),
      unmapped: sumMisses(y, enc),
      unreadableRows: y === null ? table.stats.failed : 0,
      fileTotal,
    });
  };
  const amountHeader = table.amountColumns.amount;
  const tieOut: LedgerTieOut[] = [tie(amountHeader, null, false, own.all)];
  for (const y of fiscalYears) tieOut.push(tie(amountHeader, y, false, own.byYear.get(y) ?? null));
  if (kind === "actuals" && table.amountColumns.encumbered !== null) {
    tieOut.push(tie(table.amountColumns.encumbered, null, true, own.allEncumbered === null || own.all === null ? null : own.allEncumbered));
    for (const y of fiscalYears) tieOut.push(tie(table.amountColumns.encumbered, y, true, null));
  }
  for (const t of tieOut) {
    if (!t.ties) {
      issue({ kind: "unbalanced", severity: "error", lines: [], column: t.column, value: null, amount: t.difference, reason: t.explanation });
    }
  }
  issues.sort((a, b) => (a.lines[0] ?? Number.MAX_SAFE_INTEGER) - (b.lines[0] ?? Number.MAX_SAFE_INTEGER));
  const extraCategories = [...new Set(groups.map((g) => g.category))].filter((c) => !BUILT_IN.has(c)).sort();
  const counts = { dataRows: table.rowCount + table.stats.failed, mapped, excluded: nExcluded, unmapped: nUnmapped, unreadable: table.stats.failed, totalRows: totals.length };
  const main = tieOut[0]!;
  const explanation =
    `${file ?? "The file"}: ${counts.dataRows} data row${counts.dataRows === 1 ? "" : "s"} — ${mapped} mapped, ${nExcluded} excluded by the mapping, ${nUnmapped} unmapped (${misses.size} distinct account${misses.size === 1 ? "" : "s"}), ${counts.unreadable} unreadable; ` +
    `${kind === "budget" ? `${lineItems.length} line item${lineItems.length === 1 ? "" : "s"}` : `${actuals.length} actual row${actuals.length === 1 ? "" : "s"}`} over ${fiscalYears.map((y) => fiscalYearLabel(y, cal)).join(", ") || "no fiscal year"}. ${main.explanation}`;
  return {
    kind,
    file,
    mappingId: m.id,
    lineItems,
    plan,
    actuals,
    groups: sorted.map((g) => ({
      fund: g.fund,
      category: g.category,
      school: g.school,
      eRate: g.eRate,
      fiscalYear: g.fiscalYear,
      amount: Money.fromCents(g.amount),
      encumbered: Money.fromCents(g.encumbered),
      rows: g.rows,
      accounts: g.accounts,
    })),
    extraCategories,
    fiscalYears,
    lastPeriod: Object.fromEntries([...lastPeriod].map(([y, p]) => [String(y), p])),
    issues,
    errors: table.errors,
    tieOut,
    counts,
    explanation,
  };
}
