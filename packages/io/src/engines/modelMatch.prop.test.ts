import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchDeviceModels } from "./modelMatch.js";

// The reference for matchDeviceModels' candidates: the sort it replaced (every fitting catalogue
// model with its shared words, sorted by shared words then name, the first eight).
function tokens(s: string): string[] {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "");
}
type Model = { id: string; name?: string; category: string };
function referenceCandidates(x: { name: string; category?: string }, catalogue: readonly Model[]) {
  const label = (m: Model) => m.name ?? m.id;
  const words = catalogue.map((m) => new Set([...tokens(m.id), ...tokens(label(m))]));
  const category = x.category ?? null;
  const ownSet = new Set(tokens(x.name));
  return catalogue
    .map((m, i) => ({ m, shared: [...words[i]!].filter((w) => ownSet.has(w)).length }))
    .filter((c) => (category === null || c.m.category === category) && (c.shared > 0 || category !== null))
    .sort((a, b) => b.shared - a.shared || label(a.m).localeCompare(label(b.m)))
    .slice(0, 8)
    .map((c) => ({ id: c.m.id, name: label(c.m), sharedWords: c.shared }));
}

// names from a small vocabulary, so words are shared, names repeat (ties) and case differs
const word = fc.constantFrom("Acme", "acme", "Chromebook", "311", "G2", "Latitude", "3440", "5440", "Dell", "iPad", "9", "Pro", "Él", "el");
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));
const category = fc.constantFrom("chromebook", "windows-laptop", "ipad");
const catalogueArb = fc
  .array(fc.record({ name: fc.option(name, { nil: undefined }), category }), { maxLength: 30 })
  .map((ms) => ms.map((m, i) => ({ id: `m${i}`, ...(m.name === undefined ? {} : { name: m.name }), category: m.category, unitPrice: "100" })));
const importedArb = fc.array(fc.record({ name, category: fc.option(category, { nil: undefined }) }), { minLength: 1, maxLength: 10 });

describe("matchDeviceModels' candidates (the fast path: names ranked once, the best eight kept in one pass)", () => {
  it("are those of the sort they replaced, ties included", () => {
    fc.assert(
      fc.property(catalogueArb, importedArb, (catalogue, imported) => {
        const input = imported.map((x) => (x.category === undefined ? { name: x.name } : { name: x.name, category: x.category }));
        const out = matchDeviceModels({ imported: input as never, catalogue: catalogue as never });
        out.forEach((m, k) => expect(m.candidates).toEqual(referenceCandidates(input[k]!, catalogue)));
      }),
      { numRuns: 500 },
    );
  });
});
