import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkBatcher } from "./chunkBatcher.js";

// A model of papaparse's streamer: each batch is read together with the row left unfinished by the
// previous one (the characters read are counted), and it gives back the position after the last
// complete row (here: after the last line break). Rows are read a bounded number of times however
// the text is cut — the complexity class, counted instead of timed.
function read(text: string, cut: (i: number) => number, minimum: number): { read: number; handed: string } {
  let partial = "";
  let count = 0;
  let handed = "";
  const batcher: ChunkBatcher = new ChunkBatcher((t) => {
    count += partial.length + t.length;
    handed += t;
    const all = partial + t;
    const end = all.lastIndexOf("\n") + 1;
    partial = all.slice(end);
    batcher.parsedTo = handed.length - partial.length;
  }, minimum);
  for (let i = 0; i < text.length; ) {
    const n = Math.max(1, cut(i));
    batcher.push(text.slice(i, i + n));
    i += n;
  }
  batcher.flush();
  return { read: count, handed };
}

describe("ChunkBatcher (readCsvStream's batches)", () => {
  it("a 200,000-character line in 1-character chunks is read at most three times over, not once per chunk", () => {
    const line = `a,"${"x".repeat(200_000)}"\n`;
    for (const minimum of [0, 100, 65_536]) {
      const r = read(line, () => 1, minimum);
      expect(r.handed).toBe(line);
      expect(r.read).toBeLessThanOrEqual(3 * line.length + minimum);
    }
  });

  it("hands over every character once, in order, and reads at most three times the text, for any cuts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant("\n"), fc.string({ minLength: 0, maxLength: 300 })), { maxLength: 60 }).map((xs) => xs.join("")),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(0, 16, 4096),
        (text, sizes, minimum) => {
          let k = 0;
          const r = read(text, () => sizes[k++ % sizes.length]!, minimum);
          expect(r.handed).toBe(text);
          expect(r.read).toBeLessThanOrEqual(3 * text.length + minimum);
        },
      ),
      { numRuns: 300 },
    );
  });
});
