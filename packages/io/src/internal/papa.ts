import Papa from "papaparse";
import type { RowReader } from "./rowReader.js";

const CANDIDATES = [",", ";", "\t", "|"] as const;

/** Picks the separator that occurs most in the first non-blank line (`,` on a tie or none). */
export function detectDelimiter(text: string): string {
  let start = 0;
  let line = "";
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    line = text.slice(start, end);
    if (line.trim() !== "") break;
    start = end + 1;
  }
  if (line.length > 10000) line = line.slice(0, 10000);
  let best: string = ",";
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const count = line.split(c).length - 1;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/** The papaparse configuration shared by the string and stream paths. */
export function papaConfig<R>(reader: RowReader<R>, delimiter: string, knownNewlines: boolean): Papa.ParseConfig<string[]> & { step: (r: Papa.ParseStepResult<string[]>) => void } {
  return {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step(results: Papa.ParseStepResult<string[]>) {
      reader.push(results.data, results.errors, results.meta.linebreak, knownNewlines ? 0 : undefined);
    },
  };
}

/** Runs papaparse over a whole text, feeding every row to the reader. */
export function tokenize<R>(reader: RowReader<R>, text: string, delimiter: string): void {
  // A row without a quote character cannot hold a line break inside a cell, so its lines need no
  // count; the next quote's position is found once and reused (native indexOf, O(n) in all).
  let nextQuote = text.indexOf('"');
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step(results: Papa.ParseStepResult<string[]>) {
      const end = results.meta.cursor;
      let newlines: number | undefined = 0;
      if (nextQuote !== -1 && nextQuote < end) {
        newlines = undefined; // the reader counts the line breaks in the cells
        nextQuote = text.indexOf('"', end);
      }
      reader.push(results.data, results.errors, results.meta.linebreak, newlines);
    },
  });
}
