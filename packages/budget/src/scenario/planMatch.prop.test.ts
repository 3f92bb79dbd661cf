import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BudgetModelInput } from "../schema/budget.js";
import type { LineItem } from "../schema/lineItem.js";
import { matchPlanLines, nameTokens, squash } from "./planFlow.js";

// matchPlanLines looks each line up in indexes of the items (by reference, by squashed id and name,
// by word). The reference is the plain scan it replaced: every item tried against every line, in
// the items' order. Same matches, same reasons, same words quoted, same order, on random items and
// lines whose ids, names, references and keywords share a small vocabulary (so that they match
// often), JavaScript words included.

const VOCAB = ["Chromebook", "chromebooks", "model", "1", "2", "LMS", "Reading", "program", "Ré-ading", "licence", "__proto__", "constructor", "—"];
const phrase = fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
const itemArb = fc.record({
  name: phrase,
  category: fc.constantFrom("software", "hardware"),
  refs: fc.option(fc.array(phrase, { maxLength: 3 }), { nil: undefined }),
});
const lineArb = fc.record({
  id: phrase,
  name: phrase,
  category: fc.constantFrom("software", "hardware"),
  refs: fc.array(phrase, { maxLength: 2 }),
  keywords: fc.array(phrase, { maxLength: 2 }),
});

const contains = (words: ReadonlySet<string>, p: string): boolean => {
  const t = nameTokens(p);
  return t.length > 0 && t.every((w) => words.has(w));
};

/** The plain scan: per line, every item tried, references and names first, then keywords. */
function reference(items: readonly LineItem[], lines: readonly { id: string; refs: string[]; keywords: string[] }[]) {
  const found = new Map<string, [string, string, string][]>();
  const note = (it: LineItem, line: string, reason: string, on: string) => {
    const l = found.get(it.id) ?? [];
    l.push([line, reason, on]);
    found.set(it.id, l);
  };
  const words = new Map(items.map((it) => [it.id, new Set([...nameTokens(it.id), ...nameTokens(it.name)])]));
  const byLine: [string, string[]][] = [];
  for (const line of lines) {
    const names = [line.id, ...line.refs];
    const squashed = new Set(names.map(squash).filter((s) => s !== ""));
    const hits: string[] = [];
    for (const it of items) {
      if (it.planRefs !== undefined) {
        const ref = it.planRefs.find((r) => squashed.has(squash(r)));
        if (ref !== undefined) {
          note(it, line.id, "reference", ref);
          hits.push(it.id);
        }
        continue;
      }
      const on = names.find((n) => squash(n) === squash(it.id) || squash(n) === squash(it.name) || contains(words.get(it.id)!, n));
      if (on !== undefined) {
        note(it, line.id, "product", on);
        hits.push(it.id);
      }
    }
    const named = new Set(hits);
    for (const it of items) {
      if (it.planRefs !== undefined || named.has(it.id)) continue;
      const on = line.keywords.find((k) => contains(words.get(it.id)!, k));
      if (on !== undefined) {
        note(it, line.id, "category", on);
        hits.push(it.id);
      }
    }
    byLine.push([line.id, hits]);
  }
  return { found, byLine };
}

describe("matchPlanLines through its indexes", () => {
  it("finds exactly what the plain scan of every item for every line finds, in the same order", () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 12 }), fc.array(lineArb, { minLength: 1, maxLength: 5 }), (specs, lines) => {
        const lineItems = specs.map((s, i) => ({
          id: i % 4 === 0 ? `${VOCAB[i % VOCAB.length]}-${i}` : `item ${s.name} ${i}`,
          name: s.name === "" ? "unnamed" : s.name,
          category: s.category,
          kind: "recurring" as const,
          amount: "100",
          ...(s.refs === undefined ? {} : { planRefs: s.refs }),
        }));
        const input = {
          district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
          budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }], lineItems },
        } as unknown as BudgetModelInput;
        const got = matchPlanLines(input, { lines });
        const eligible = new Set(lines.map((l) => l.category));
        const items = lineItems.filter((it) => eligible.has(it.category)) as unknown as LineItem[];
        const ref = reference(items, lines);
        expect(got.lines.map((l) => [l.lineId, l.itemIds])).toEqual(ref.byLine);
        for (const c of got.candidates) expect(c.matchedBy.map((m) => [m.lineId, m.reason, m.on])).toEqual(ref.found.get(c.itemId) ?? []);
      }),
      { numRuns: 400 },
    );
  });
});
