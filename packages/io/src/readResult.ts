import type { TextEncodingName } from "./decode.js";

/**
 * One problem with one row of a file: where it is, which column, and why it was not read.
 *
 * @category Reading
 */
export interface RowError {
  /** The file the row came from, when a reader takes several files (OneRoster). */
  readonly file?: string;
  /** The physical line of the file where the row starts (the header is usually line 1). */
  readonly line: number;
  /** The column's header as written in the file, or `null` for a problem with the whole row. */
  readonly column: string | null;
  /** The cell's text as found, or `null` for a problem with the whole row. */
  readonly value: string | null;
  /** Why the value was refused, e.g. `"13/45/2024" is not a date`. */
  readonly reason: string;
  /** The full sentence for a person: `line 214, Purchase Date: "13/45/2024" is not a date`. */
  readonly message: string;
}

/**
 * Counts of a read: every data row is either parsed or failed (`total = parsed + failed`).
 *
 * @category Reading
 */
export interface ReadStats {
  /** Data rows found (blank lines and the header excluded). */
  readonly total: number;
  /** Rows turned into records. */
  readonly parsed: number;
  /** Rows refused; each has at least one entry in `errors`. */
  readonly failed: number;
  /** Blank lines skipped (empty, or only separators). */
  readonly blankLines: number;
}

/**
 * How a field of the format was matched to a column of the file.
 *
 * @category Reading
 */
export interface ColumnMatch {
  /** The field of the record, e.g. `purchaseDate`. */
  readonly field: string;
  /** The header in the file, e.g. `Purchase Date`. */
  readonly header: string;
  /** `alias` when matched by a known header name, `mapping` when named in the options. */
  readonly by: "alias" | "mapping";
}

/**
 * What a CSV reader returns: the records, the rows it refused with their reasons, and counts that add up.
 *
 * @category Reading
 */
export interface ReadResult<R> {
  /** The records, in file order. */
  readonly rows: readonly R[];
  /** Every problem found, in file order (a failed row may have several). */
  readonly errors: readonly RowError[];
  /** Counts: `total = parsed + failed`. */
  readonly stats: ReadStats;
  /** The fields found and the column each came from. */
  readonly columns: readonly ColumnMatch[];
  /** Headers of the file that no field uses; their values are kept in each record's `attributes`. */
  readonly unknownColumns: readonly string[];
  /** The encoding the file was read with. */
  readonly encoding: TextEncodingName;
  /** Notes about the file as a whole (encoding fallback, duplicate headers…). */
  readonly warnings: readonly string[];
}

/**
 * Extra columns of a row that no field uses, by their header in the file (empty cells omitted).
 *
 * @category Reading
 */
export type Attributes = Readonly<Record<string, string>>;
