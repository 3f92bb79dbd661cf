import { keyedRecordSchema } from "@districtkit/core";
import { z } from "zod";
import { isIsoDay } from "../internal/cells.js";

/**
 * The zod schema of the extra columns of a row: header → text.
 *
 * @example
 * ```ts
 * attributesSchema.parse({ "Asset Color": "blue" }); // => { "Asset Color": "blue" }
 * ```
 * @category Records
 */
export const attributesSchema = keyedRecordSchema(z.string()).describe("Columns no field uses, by header");

/**
 * The zod schema of an amount as an exact decimal string (`"289"`, `"-12.5"`), as records hold money.
 *
 * @example
 * ```ts
 * decimalStringSchema.safeParse("1,234").success; // => false
 * ```
 * @category Records
 */
export const decimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, { error: 'expected a decimal amount such as "1234.56"' });

/**
 * The zod schema of a calendar day `YYYY-MM-DD` (kept as a string).
 *
 * @example
 * ```ts
 * isoDayStringSchema.safeParse("2026-02-30").success; // => false
 * ```
 * @category Records
 */
export const isoDayStringSchema = z.string().refine(isIsoDay, { error: "expected an ISO date (YYYY-MM-DD)" });
