// A validated rubric compiled for the scoring loop: criteria as an array with their kind's
// lookup tables, conditions as closures (three-valued: 0 false, 1 true, 2 unknown), and a hash.
import { parseInput } from "@districtkit/core";
import type { Condition, UseMode } from "../schema/condition.js";
import { COMMON_CRITERION_FIELDS, type Criterion } from "../schema/criterion.js";
import { type Rubric, rubricSchema } from "../schema/rubric.js";
import { HASH_SEED, hashText, hex } from "./hash.js";

/** What a condition reads. */
export interface CondContext {
  readonly state: string;
  readonly minAge: number;
  readonly useMode: UseMode;
  readonly asOf: string;
  /** The apps' answer values by criterion index (undefined = unanswered), the app's from `base` on. */
  readonly values: readonly unknown[];
  readonly base: number;
}

export type CondFn = (ctx: CondContext) => 0 | 1 | 2;

export interface CompiledCriterion {
  readonly c: Criterion;
  readonly index: number;
  readonly id: string;
  readonly weight: number;
  /** weight > 0 and a scorable kind */
  readonly scored: boolean;
  /** 0 none, 1 passes when s > 0, 2 passes when s ≥ gateMin */
  readonly gateMode: 0 | 1 | 2;
  readonly gateMin: number;
  readonly cond: CondFn | null;
  /** the index of its condition among the rubric's distinct conditions (-1: none): one app evaluates each once */
  readonly condIndex: number;
  readonly condText: string | null;
  /** "applies only when …" (precomputed for the hot path) */
  readonly naDetail: string | null;
  /** index of the domain in DOMAIN_LIST */
  readonly domainIndex: number;
  /** "<title>: valid until " */
  readonly validUntilPrefix: string;
  /** the condition of use an approval carries when this criterion is not fully met (hot path copy of c.conditionIfNotMet) */
  readonly conditionIfNotMet: string | null;
  /** sentences without an evidence note, made once: [not met, expired, unclear, unanswered] */
  readonly said: (string | undefined)[];
  /** other criteria's conditions read this answer */
  referenced: boolean;
  /**
   * The criterion's answer definition (id, kind and the kind's fields, without weight, gate,
   * condition and texts) as JSON: two criteria with the same key read every answer the same way.
   */
  readonly evalKey: string;
  /** a kind whose answers carry evidence dates or notes (date, document, ACR, study): only these keep them in cells */
  readonly evidence: boolean;
  /** hashText(HASH_SEED, id): where the hash of each of its answers starts */
  readonly idHash: number;
  readonly options: ReadonlyMap<string, number> | null;
  readonly kinds: ReadonlyMap<string, number> | null;
  readonly editions: ReadonlyMap<string, { readonly score: number; readonly validUntil: string | null }> | null;
  readonly vocabulary: ReadonlySet<string> | null;
}

export interface CompiledRubric {
  readonly rubric: Rubric;
  readonly criteria: readonly CompiledCriterion[];
  readonly byId: ReadonlyMap<string, CompiledCriterion>;
  readonly hash: string;
  /** how many distinct conditions the criteria have */
  readonly conditionCount: number;
}

const compiled = new WeakMap<object, CompiledRubric>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Validates (unless already prepared), freezes and compiles a rubric. */
export function compileRubric(input: unknown, path: readonly (string | number)[] = ["rubric"]): CompiledRubric {
  if (input !== null && typeof input === "object") {
    const hit = compiled.get(input);
    if (hit) return hit;
  }
  const rubric = deepFreeze(parseInput(rubricSchema, input, path));
  const out = build(rubric);
  compiled.set(rubric, out);
  return out;
}

/** The domains in a fixed order (indexes of per-domain accumulators). */
export const DOMAIN_LIST = ["privacy", "security", "accessibility", "interoperability", "evidence", "other"] as const;

function build(rubric: Rubric): CompiledRubric {
  const byId = new Map<string, CompiledCriterion>();
  const indexOf = new Map(rubric.criteria.map((c, i) => [c.id, i]));
  const conditionKeys = new Map<string, number>();
  const conditionIndex = (key: string): number => {
    let k = conditionKeys.get(key);
    if (k === undefined) conditionKeys.set(key, (k = conditionKeys.size));
    return k;
  };
  const lookup = (id: string): number => indexOf.get(id) ?? -1;
  const criteria = rubric.criteria.map((c, index) => {
    const gate = c.gate;
    const cc: CompiledCriterion = {
      c,
      index,
      id: c.id,
      weight: c.weight,
      scored: c.weight > 0 && c.kind !== "list" && c.kind !== "text",
      gateMode: gate === undefined || gate === false ? 0 : gate === true ? 1 : 2,
      gateMin: typeof gate === "object" ? gate.minScore : 0,
      cond: c.appliesWhen ? compileCondition(c.appliesWhen, lookup) : null,
      condIndex: c.appliesWhen ? conditionIndex(JSON.stringify(c.appliesWhen)) : -1,
      condText: c.appliesWhen ? describeCondition(c.appliesWhen, rubric) : null,
      naDetail: c.appliesWhen ? `applies only when ${describeCondition(c.appliesWhen, rubric)}` : null,
      domainIndex: DOMAIN_LIST.indexOf(c.domain),
      validUntilPrefix: `${c.title}: valid until `,
      conditionIfNotMet: c.conditionIfNotMet ?? null,
      said: [undefined, undefined, undefined, undefined],
      referenced: false,
      evalKey: evalKeyOf(c),
      idHash: hashText(HASH_SEED, c.id),
      evidence: c.kind === "date" || c.kind === "document" || c.kind === "acr" || c.kind === "study",
      options: c.kind === "choice" ? new Map(c.options.map((o) => [o.value, o.score])) : null,
      kinds: c.kind === "document" && c.kinds ? new Map(c.kinds.map((o) => [o.value, o.score])) : null,
      editions: c.kind === "document" && c.editions ? new Map(c.editions.map((e) => [e.value, { score: e.score, validUntil: e.validUntil ?? null }])) : null,
      vocabulary: c.kind === "list" && c.vocabulary ? new Set(c.vocabulary) : null,
    };
    byId.set(c.id, cc);
    return cc;
  });
  const mark = (cond: Condition): void => {
    if (cond.type === "answer") {
      const t = byId.get(cond.criterion);
      if (t) t.referenced = true;
    } else if (cond.type === "all" || cond.type === "any") cond.of.forEach(mark);
    else if (cond.type === "not") mark(cond.of);
  };
  for (const c of rubric.criteria) if (c.appliesWhen) mark(c.appliesWhen);
  let h = HASH_SEED;
  h = hashText(h, JSON.stringify(rubric));
  return { rubric, criteria, byId, hash: hex(h), conditionCount: conditionKeys.size };
}

function evalKeyOf(c: Criterion): string {
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(c).sort()) if (!COMMON_CRITERION_FIELDS.includes(k)) rest[k] = (c as Record<string, unknown>)[k];
  return JSON.stringify(rest);
}

function normalise(v: unknown): unknown {
  return v === true ? "yes" : v === false ? "no" : v;
}

export function compileCondition(cond: Condition, indexOf: (id: string) => number): CondFn {
  switch (cond.type) {
    case "usersYoungerThan": {
      const age = cond.age;
      return (ctx) => (ctx.minAge < age ? 1 : 0);
    }
    case "state": {
      const set = new Set(cond.in);
      return (ctx) => (set.has(ctx.state) ? 1 : 0);
    }
    case "useMode": {
      const set = new Set<string>(cond.in);
      return (ctx) => (set.has(ctx.useMode) ? 1 : 0);
    }
    case "onOrAfter": {
      const date = cond.date;
      return (ctx) => (ctx.asOf >= date ? 1 : 0);
    }
    case "answer": {
      const k = indexOf(cond.criterion);
      const values = cond.in;
      const m = values.length;
      return (ctx) => {
        const v = ctx.values[ctx.base + k];
        if (v === undefined || v === "unclear") return 2;
        const x = normalise(v);
        for (let t = 0; t < m; t++) if (values[t] === v || values[t] === x) return 1;
        return 0;
      };
    }
    case "all": {
      const fs = cond.of.map((c) => compileCondition(c, indexOf));
      return (ctx) => {
        let unknown = false;
        for (const f of fs) {
          const r = f(ctx);
          if (r === 0) return 0;
          if (r === 2) unknown = true;
        }
        return unknown ? 2 : 1;
      };
    }
    case "any": {
      const fs = cond.of.map((c) => compileCondition(c, indexOf));
      return (ctx) => {
        let unknown = false;
        for (const f of fs) {
          const r = f(ctx);
          if (r === 1) return 1;
          if (r === 2) unknown = true;
        }
        return unknown ? 2 : 0;
      };
    }
    case "not": {
      const f = compileCondition(cond.of, indexOf);
      return (ctx) => {
        const r = f(ctx);
        return r === 2 ? 2 : r === 1 ? 0 : 1;
      };
    }
  }
}

/** The condition in words: "the users include children under 13". */
export function describeCondition(cond: Condition, rubric: Rubric): string {
  switch (cond.type) {
    case "usersYoungerThan":
      return `some users are younger than ${cond.age}`;
    case "state":
      return cond.in.length === 1 ? `the district is in ${cond.in[0]}` : `the district is in one of ${cond.in.join(", ")}`;
    case "useMode":
      return `the app is used in mode ${cond.in.join(" or ")}`;
    case "onOrAfter":
      return `the date is on or after ${cond.date}`;
    case "answer": {
      const title = rubric.criteria.find((c) => c.id === cond.criterion)?.title ?? cond.criterion;
      return `the answer to "${title}" is ${cond.in.map((v) => JSON.stringify(v)).join(" or ")}`;
    }
    case "all":
      return cond.of.map((c) => describeCondition(c, rubric)).join(" and ");
    case "any":
      return `(${cond.of.map((c) => describeCondition(c, rubric)).join(" or ")})`;
    case "not":
      return `not (${describeCondition(cond.of, rubric)})`;
  }
}
