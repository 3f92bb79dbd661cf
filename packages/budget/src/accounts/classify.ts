import { DistrictKitError, parseInput } from "@districtkit/core";
import { type AccountMapping, type AccountMappingInput, accountMappingSchema } from "./schema.js";

/**
 * What a mapping says about one account string: its segments, and the DistrictKit category, fund
 * and school it maps to — or why it does not (out of scope by a rule, unmapped, or not an account
 * string of this layout).
 *
 * @category Accounts
 */
export interface AccountClassification {
  /** The account string as given. */
  readonly account: string;
  /** `mapped` (category, fund and school found), `excluded` (out of scope by a rule), `unmapped` (some code has no rule), `invalid` (not of this layout). */
  readonly status: "mapped" | "excluded" | "unmapped" | "invalid";
  /** The codes by segment name (empty when invalid). */
  readonly segments: Readonly<Record<string, string>>;
  readonly category: string | null;
  readonly fund: string | null;
  /** School id; `null` for district-wide (or when not mapped). */
  readonly school: string | null;
  readonly eRate: "C1" | "C2" | null;
  /** The fiscal year read from a `year` segment, if the layout has one. */
  readonly fiscalYear: number | null;
  /** Title of the category rule that matched (its `name`, else the category). */
  readonly title: string | null;
  /** Index of the category rule that matched (`categories[i]`), or null. */
  readonly rule: number | null;
  /** The segment whose code found no rule, or that is malformed (null when mapped). */
  readonly segment: string | null;
  /** Why it is excluded, unmapped or invalid (null when mapped). */
  readonly reason: string | null;
  /** Notes about how it was read (a code padded with leading zeros…). */
  readonly notes: readonly string[];
  /** One sentence: what the account is and where its amounts go. */
  readonly explanation: string;
}

/**
 * A compiled account mapping: splits and classifies account strings (each distinct string once;
 * a ledger of 200,000 rows has a few thousand).
 *
 * @category Accounts
 */
export interface AccountClassifier {
  /** The validated mapping. */
  readonly mapping: AccountMapping;
  /**
   * Classifies one account string.
   *
   * @param account - e.g. `100-2230-734-001-100`
   * @param remember - keep the result for the next call with the same string (default true; a
   *   caller that sees each string once, such as a ledger read, saves the cache's memory)
   * @returns its classification
   */
  classify(account: string, remember?: boolean): AccountClassification;
  /**
   * Where one account string's amounts go: the same status, category, fund, school, E-Rate
   * category, fiscal year and rule as {@link AccountClassifier.classify}, faster and without the
   * explanation (a ledger reader calls it once per distinct account, and `classify` only for the
   * accounts it reports).
   *
   * @param account - e.g. `100-2230-734-001-100`
   * @returns the decision, one shared object per outcome
   */
  decide(account: string): AccountDecision;
}

/**
 * The part of an {@link AccountClassification} that says where an account's amounts go — without
 * the segments, notes and sentences, so a ledger of many accounts can be mapped without building
 * them. Every account with the same outcome gets the same (frozen) object, which can therefore
 * key a group.
 *
 * @category Accounts
 */
export interface AccountDecision {
  /** As in {@link AccountClassification.status}. */
  readonly status: "mapped" | "excluded" | "unmapped" | "invalid";
  readonly category: string | null;
  readonly fund: string | null;
  readonly school: string | null;
  readonly eRate: "C1" | "C2" | null;
  readonly fiscalYear: number | null;
  /** Index of the category rule that matched, or null. */
  readonly rule: number | null;
  /** Why it is excluded (the rule's reason); null otherwise — call `classify` for the reason an account is unmapped or invalid. */
  readonly reason: string | null;
}

/** A compiled code pattern. */
type Test = (code: string) => boolean;

function isDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

function compilePattern(p: string): Test {
  if (p === "*") return () => true;
  if (p.endsWith("*")) {
    const prefix = p.slice(0, -1).toUpperCase();
    return (c) => c.startsWith(prefix);
  }
  const dash = p.indexOf("-");
  if (dash > 0) {
    const lo = p.slice(0, dash).toUpperCase();
    const hi = p.slice(dash + 1).toUpperCase();
    if (isDigits(lo) && isDigits(hi)) {
      const a = Number(lo);
      const b = Number(hi);
      return (c) => {
        const v = codeValue(c);
        return v >= a && v <= b;
      };
    }
    return (c) => c.length === lo.length && c >= lo && c <= hi;
  }
  const exact = p.toUpperCase();
  return (c) => c === exact;
}

function compileWhen(when: Readonly<Record<string, string | readonly string[]>>, index: ReadonlyMap<string, number>): (codes: readonly string[]) => boolean {
  const at: number[] = [];
  const tests: Test[] = [];
  for (const [seg, pattern] of Object.entries(when)) {
    const list = typeof pattern === "string" ? [pattern] : pattern;
    const ts = list.map(compilePattern);
    at.push(index.get(seg)!);
    tests.push(ts.length === 1 ? ts[0]! : (c) => ts.some((t) => t(c)));
  }
  const n = at.length;
  return (codes) => {
    for (let i = 0; i < n; i++) if (!tests[i]!(codes[at[i]!]!)) return false;
    return true;
  };
}

/** A code's value when it is all digits (NaN otherwise), and whether it is letters and digits only. */
function codeValue(c: string): number {
  let v = 0;
  for (let i = 0; i < c.length; i++) {
    const d = c.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return c.length === 0 ? Number.NaN : v;
}

function isAlphanumeric(c: string): boolean {
  for (let i = 0; i < c.length; i++) {
    const x = c.charCodeAt(i);
    if (!((x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122))) return false;
  }
  return true;
}

const CACHE_LIMIT = 200_000;
/** Shared by every classification without notes (read-only). */
const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

/**
 * Validates an account mapping and compiles it for fast classification of account strings.
 * Category, fund and school rules are tried in order, the first match winning; an account string
 * is `mapped` when all three are found, `excluded` when its category rule says it is out of scope,
 * `unmapped` (with the segment and the reason) when a rule is missing, and `invalid` when it does
 * not have the layout's segments. A numeric code shorter than its segment's width is read with
 * leading zeros (spreadsheets drop them: `1` → `001`), and the classification notes it.
 *
 * @param mapping - the mapping (plain JSON; see {@link accountMappingSchema})
 * @returns the classifier
 * @throws DistrictKitError listing every problem of the mapping
 * @example
 * ```ts
 * const c = compileAccountMapping(NCES_TECHNOLOGY_MAPPING);
 * c.classify("100-2580-100-000-100").category; // => "support-staff"
 * c.classify("100-1000-610-001-100").status; // => "unmapped"
 * c.classify("100-1000-610-001-100").reason; // => "no category rule matches fund 100, function 1000, object 610, location 001, program 100"
 * c.classify("100-2230-734").status; // => "invalid"
 * ```
 * @category Accounts
 */
export function compileAccountMapping(mapping: AccountMappingInput | AccountMapping): AccountClassifier {
  const m = parseInput(accountMappingSchema, mapping, ["mapping"]);
  const segs = m.layout.segments;
  const index = new Map(segs.map((s, i) => [s.name, i] as const));
  const sep = m.layout.separator;
  const widths = segs.map((s) => s.width);
  const total = widths.reduce<number>((a, w) => a + (w ?? 0), 0);
  const yearAt = segs.findIndex((s) => s.role === "year");
  const objectSeg = segs.find((x) => x.role === "object")?.name ?? null;
  const fundSeg = segs.find((x) => x.role === "fund")?.name ?? null;
  const locSeg = segs.find((x) => x.role === "location")?.name ?? null;
  const cats = m.categories.map((r) => ({ rule: r, test: compileWhen(r.when, index) }));
  const funds = m.funds.map((r) => ({ rule: r, test: compileWhen(r.when, index) }));
  const schools = m.schools.map((r) => ({ rule: r, test: compileWhen(r.when, index) }));
  const label = (i: number): string => segs[i]!.label ?? segs[i]!.name;
  const nameOf = (seg: string, code: string): string => {
    const names = Object.hasOwn(m.codeNames, seg) ? m.codeNames[seg]! : undefined;
    const n = names && Object.hasOwn(names, code) ? names[code] : undefined;
    return n === undefined ? `${seg} ${code}` : `${seg} ${code} (${n})`;
  };
  const cache = new Map<string, AccountClassification>();
  const layoutText =
    sep === ""
      ? `${segs.length} fixed-width segments (${segs.map((s) => `${s.name} ${s.width}`).join(", ")})`
      : `${segs.length} segments separated by ${JSON.stringify(sep)} (${segs.map((s) => s.name).join(sep)})`;

  function invalid(account: string, reason: string, segment: string | null = null): AccountClassification {
    return {
      account,
      status: "invalid",
      segments: {},
      category: null,
      fund: null,
      school: null,
      eRate: null,
      fiscalYear: null,
      title: null,
      rule: null,
      segment,
      reason,
      notes: [],
      explanation: `"${account}" is not an account string of this layout: ${reason}`,
    };
  }

  function run(account: string): AccountClassification {
    const text = account.length > 0 && (account.charCodeAt(0) <= 32 || account.charCodeAt(account.length - 1) <= 32) ? account.trim() : account;
    if (text === "") return invalid(account, "the account is empty");
    let codes: string[];
    if (sep === "") {
      const compact = text.replace(/\s+/g, "");
      if (compact.length !== total) return invalid(account, `expected ${total} characters (${layoutText}), got ${compact.length}`);
      codes = [];
      let at = 0;
      for (const w of widths) {
        codes.push(compact.slice(at, at + w!));
        at += w!;
      }
    } else {
      codes = text.split(sep);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i]!;
        if (c.length > 0 && (c.charCodeAt(0) <= 32 || c.charCodeAt(c.length - 1) <= 32)) codes[i] = c.trim();
      }
      if (codes.length !== segs.length) return invalid(account, `expected ${layoutText}, got ${codes.length} part${codes.length === 1 ? "" : "s"}`);
    }
    let notes: string[] = NO_NOTES;
    for (let i = 0; i < codes.length; i++) {
      let c = codes[i]!;
      if (c === "") return invalid(account, `the ${label(i)} segment is empty`, segs[i]!.name);
      if (!isAlphanumeric(c)) return invalid(account, `the ${label(i)} code "${c}" has characters other than letters and digits`, segs[i]!.name);
      if (/[a-z]/.test(c)) c = c.toUpperCase();
      const w = widths[i];
      if (w !== undefined && c.length !== w) {
        if (c.length < w && isDigits(c)) {
          const padded = c.padStart(w, "0");
          if (notes === NO_NOTES) notes = [];
          notes.push(`${segs[i]!.name} "${c}" read as "${padded}" (leading zeros restored)`);
          c = padded;
        } else return invalid(account, `the ${label(i)} code "${c}" should have ${w} character${w === 1 ? "" : "s"}`, segs[i]!.name);
      }
      codes[i] = c;
    }
    // segment names are validated (a lowercase letter first), so no name is __proto__
    const segments: Record<string, string> = {};
    segs.forEach((s, i) => (segments[s.name] = codes[i]!));
    let fiscalYear: number | null = null;
    if (yearAt >= 0) {
      const y = codes[yearAt]!;
      if (!isDigits(y) || (y.length !== 2 && y.length !== 4)) return invalid(account, `the fiscal-year code "${y}" is not a 2- or 4-digit year`, segs[yearAt]!.name);
      fiscalYear = y.length === 2 ? 2000 + Number(y) : Number(y);
    }
    const described = (): string => segs.map((s, i) => `${s.name} ${codes[i]}`).join(", ");
    let cat = -1;
    for (let i = 0; i < cats.length; i++) {
      if (cats[i]!.test(codes)) {
        cat = i;
        break;
      }
    }
    if (cat === -1) {
      const reason = `no category rule matches ${described()}`;
      return {
        account,
        segments,
        fiscalYear,
        notes,
        status: "unmapped",
        category: null,
        fund: null,
        school: null,
        eRate: null,
        title: null,
        rule: null,
        segment: objectSeg,
        reason,
        explanation: `${account}: ${reason}; add a rule (or an exclude rule) to the mapping.`,
      };
    }
    const rule = cats[cat]!.rule;
    if (rule.exclude !== undefined) {
      return {
        account,
        segments,
        fiscalYear,
        notes,
        status: "excluded",
        category: null,
        fund: null,
        school: null,
        eRate: null,
        title: null,
        rule: cat,
        segment: null,
        reason: rule.exclude,
        explanation: `${account}: out of scope by categories[${cat}] (${rule.exclude}).`,
      };
    }
    const title = rule.name ?? rule.category!;
    const f = funds.find((x) => x.test(codes));
    const s = schools.find((x) => x.test(codes));
    if (!f || !s) {
      const what = !f
        ? `no fund rule matches ${fundSeg ? nameOf(fundSeg, segments[fundSeg]!) : described()}${
            segs.some((x) => x.role === "resource" || x.role === "project")
              ? ` (${segs
                  .filter((x) => x.role === "resource" || x.role === "project")
                  .map((x) => nameOf(x.name, segments[x.name]!))
                  .join(", ")})`
              : ""
          }`
        : `no school rule matches ${locSeg ? nameOf(locSeg, segments[locSeg]!) : described()}`;
      return {
        account,
        segments,
        fiscalYear,
        notes,
        status: "unmapped",
        category: rule.category!,
        fund: f?.rule.fund ?? null,
        school: null,
        eRate: rule.eRate ?? null,
        title,
        rule: cat,
        segment: !f ? fundSeg : locSeg,
        reason: what,
        explanation: `${account}: ${title} (${rule.category}), but ${what}; add a ${!f ? "fund" : "school"} rule to the mapping.`,
      };
    }
    const school = s.rule.school;
    const fund = f.rule.fund;
    return {
      account,
      segments,
      fiscalYear,
      notes,
      status: "mapped",
      category: rule.category!,
      fund,
      school,
      eRate: rule.eRate ?? null,
      title,
      rule: cat,
      segment: null,
      reason: null,
      explanation: `${account}: ${objectSeg ? nameOf(objectSeg, segments[objectSeg]!) : title} → ${rule.category} (categories[${cat}]: ${title}), paid by ${fund}, ${school === null ? "district-wide" : `school ${school}`}${rule.eRate ? `, E-Rate ${rule.eRate}` : ""}.`,
    };
  }

  // decide(), the fast path. How it works: whether an account is mapped, and where, depends only
  // on the codes of the segments some rule reads (and the year segment); every other segment only
  // has to be a well-formed code. So decide() finds the segment boundaries with indexOf (no split,
  // no regex, no substring per segment), checks each segment's characters in place, and looks the
  // outcome up in a memo keyed by the account's text up to the end of the last segment a rule reads
  // (`100-2230-734-001` for the NCES rules, which never read the program): a ledger of 66,667
  // accounts has a few thousand such keys, and a decision is one shared object per outcome. A memo
  // miss, and any account the scan does not take as it is (spaces, a short or malformed code, a
  // wrong number of parts), is decided by run() — the full classification, the reference — so the
  // two cannot disagree; a property test compares them on random mappings and accounts. A key is
  // memoised only when all of its segments were read as they are, so on a hit only the segments
  // after it are checked.
  const readSegments = new Set<number>();
  for (const list of [m.categories, m.funds, m.schools]) for (const r of list) for (const seg of Object.keys(r.when)) readSegments.add(index.get(seg)!);
  if (yearAt >= 0) readSegments.add(yearAt);
  const lastRead = readSegments.size === 0 ? -1 : Math.max(...readSegments);
  const nSegs = segs.length;
  const starts = new Int32Array(nSegs);
  const ends = new Int32Array(nSegs);
  const sepLength = sep.length;
  const outcomes = new Map<string, AccountDecision>();
  const memo = new Map<string, AccountDecision>();

  /** The shared decision object of a classification's outcome. */
  function decisionOf(c: AccountClassification): AccountDecision {
    const reason = c.status === "excluded" ? c.reason : null;
    const k = JSON.stringify([c.status, c.category, c.fund, c.school, c.eRate, c.fiscalYear, c.rule, reason]);
    let d = outcomes.get(k);
    if (d === undefined)
      outcomes.set(k, (d = Object.freeze({ status: c.status, category: c.category, fund: c.fund, school: c.school, eRate: c.eRate, fiscalYear: c.fiscalYear, rule: c.rule, reason })));
    return d;
  }

  /** Whether account[from, to) is a code run() reads as it is: letters and digits, of the segment's width (or a shorter number). */
  function plainCode(account: string, from: number, to: number, width: number | undefined): boolean {
    if (to <= from) return false;
    let digits = true;
    for (let i = from; i < to; i++) {
      const x = account.charCodeAt(i);
      if (x >= 48 && x <= 57) continue;
      if ((x >= 65 && x <= 90) || (x >= 97 && x <= 122)) digits = false;
      else return false;
    }
    return width === undefined || to - from === width || (to - from < width && digits);
  }

  function decide(account: string): AccountDecision {
    const len = account.length;
    if (len === 0 || account.charCodeAt(0) <= 32 || account.charCodeAt(len - 1) <= 32) return decisionOf(run(account));
    // the segment boundaries
    if (sepLength === 0) {
      if (len !== total) return decisionOf(run(account));
      let at = 0;
      for (let i = 0; i < nSegs; i++) {
        starts[i] = at;
        ends[i] = at += widths[i]!;
      }
    } else {
      let from = 0;
      for (let i = 0; i < nSegs; i++) {
        const at = account.indexOf(sep, from);
        const last = i === nSegs - 1;
        if (last ? at !== -1 : at === -1) return decisionOf(run(account));
        starts[i] = from;
        ends[i] = last ? len : at;
        from = at + sepLength;
      }
    }
    const key = lastRead < 0 ? "" : account.slice(0, ends[lastRead]!);
    let d = memo.get(key);
    // a known key: its segments were read as they are before; only the ones after it are checked
    for (let i = d === undefined ? 0 : lastRead + 1; i < nSegs; i++) {
      if (!plainCode(account, starts[i]!, ends[i]!, widths[i])) return decisionOf(run(account));
    }
    if (d === undefined) {
      d = decisionOf(run(account));
      if (memo.size >= CACHE_LIMIT) memo.clear();
      memo.set(key, d);
    }
    return d;
  }

  return {
    mapping: m,
    decide(account: string): AccountDecision {
      if (typeof account !== "string") throw DistrictKitError.argument(["account"], `expected an account string, got ${account === null ? "null" : typeof account}`);
      return decide(account);
    },
    classify(account: string, remember = true): AccountClassification {
      if (typeof account !== "string") throw DistrictKitError.argument(["account"], `expected an account string, got ${account === null ? "null" : typeof account}`);
      if (remember === false) return run(account);
      let c = cache.get(account);
      if (c === undefined) {
        c = run(account);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(account, c);
      }
      return c;
    },
  };
}
