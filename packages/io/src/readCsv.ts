import type { CsvFormat } from "./csvFormat.js";
import { decodeText, type TextInput } from "./decode.js";
import { guard } from "./internal/guard.js";
import { detectDelimiter, tokenize } from "./internal/papa.js";
import { RowReader } from "./internal/rowReader.js";
import { readerSettings } from "./internal/settings.js";
import type { ReadResult } from "./readResult.js";
import type { ReadOptions } from "./schema/readOptions.js";

/** @internal The read, with an optional file name for messages. */
export function readCsvFile<R>(format: CsvFormat<R>, input: TextInput, options: ReadOptions | undefined, file?: string): ReadResult<R> {
  return guard(file ?? "file", () => {
    const settings = readerSettings(options, file);
    const decoded = decodeText(input);
    const reader = new RowReader(format, settings, decoded.encoding, decoded.warnings);
    tokenize(reader, decoded.text, settings.delimiter ?? detectDelimiter(decoded.text));
    return reader.finish();
  });
}

/**
 * Reads a CSV file of any {@link CsvFormat}: decodes the bytes, matches the header (ignoring case
 * and spaces, with the format's aliases, or your `mapping`), and turns every row into a record
 * or into errors with its line, column and reason. The counts add up: `total = parsed + failed`.
 *
 * @param format - the file format, e.g. {@link snipeItAssetFormat}
 * @param input - the file as text, bytes or an `ArrayBuffer`
 * @param options - column mapping, delimiter, date order
 * @returns the records, the errors and the counts
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, a required column missing)
 * @example
 * ```ts
 * const result = readCsv(usageFormat, "Product,User,Last Active\nReadWell,s1,2026-05-30\nReadWell,s2,soon");
 * result.stats; // => { "total": 2, "parsed": 1, "failed": 1, "blankLines": 0 }
 * result.errors[0]?.message; // => "line 3, Last Active: \"soon\" is not a date (expected YYYY-MM-DD or M/D/YYYY)"
 * ```
 * @category Reading
 */
export function readCsv<R>(format: CsvFormat<R>, input: TextInput, options?: ReadOptions): ReadResult<R> {
  return readCsvFile(format, input, options);
}
