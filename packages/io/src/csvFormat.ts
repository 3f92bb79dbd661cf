import type { Attributes } from "./readResult.js";

/**
 * The kind of value a column holds: `text`; `date` (ISO, `1/23/23` — a two-digit year 00–68 is 20xx —, `Jan 23, 2023`…, read as
 * `YYYY-MM-DD`); `monthEndDate` (a date, or a month alone such as `June 2027`, meaning its last
 * day); `money` (a decimal string such as `"289.5"`); `integer`; `count` (an integer ≥ 0);
 * `boolean`; `list` (comma- or semicolon-separated texts).
 *
 * @category Formats
 */
export type FieldKind = "text" | "date" | "monthEndDate" | "money" | "integer" | "count" | "boolean" | "list";

/**
 * One field of a file format: the record property, the header written on export, the headers
 * it is recognised by on import, and its kind.
 *
 * @category Formats
 */
export interface FieldSpec {
  /** The record property, e.g. `purchaseDate`. */
  readonly key: string;
  /** The header written on export, e.g. `Purchase Date`. */
  readonly header: string;
  /** Other headers the field is known by (matched ignoring case, spaces, `_`, `-` and `.`). */
  readonly aliases: readonly string[];
  /** What the cells hold. */
  readonly kind: FieldKind;
  /** The file must have this column. */
  readonly requiredColumn?: boolean;
  /** Every row must have a value in this column. */
  readonly requiredValue?: boolean;
}

/**
 * A CSV file format DistrictKit reads and writes: its fields and how a row becomes a record.
 * The built-in ones are {@link snipeItAssetFormat}, {@link googleAdminDeviceFormat},
 * {@link licenseContractFormat}, {@link usageFormat}, {@link vettingAnswerFormat} and the OneRoster files.
 *
 * @category Formats
 */
export interface CsvFormat<R> {
  /** A name for messages, e.g. `Snipe-IT asset export`. */
  readonly name: string;
  /** The fields, in the order they are written on export. */
  readonly fields: readonly FieldSpec[];
  /** Groups of fields of which at least one column must be present (e.g. a serial or an asset tag). */
  readonly requireOneOf?: readonly (readonly string[])[];
  /**
   * Checks a row whose cells all parsed; returns the field and reason of a problem, or undefined.
   *
   * @param values - the parsed values by field key (absent when the cell was empty)
   */
  readonly check?: (values: Readonly<Record<string, unknown>>) => { readonly field: string; readonly reason: string } | undefined;
  /**
   * Builds the record of a row whose cells all parsed.
   *
   * @param values - the parsed values by field key (absent when the cell was empty)
   * @param attributes - the row's cells in columns no field uses
   * @param line - the line where the row starts
   */
  readonly build: (values: Readonly<Record<string, unknown>>, attributes: Attributes, line: number) => R;
}
