import { keyedRecordSchema } from "@districtkit/core";
import { z } from "zod";

/**
 * The zod schema of the options every CSV reader takes.
 *
 * - `mapping`: field name → the header of the column that holds it in your file (overrides the
 *   built-in aliases, e.g. `{ assetTag: "Tag #" }`).
 * - `delimiter`: the field separator; found from the header line when not given.
 * - `dateOrder`: how to read `1/2/23` — `"mdy"` (US, the default) or `"dmy"`.
 *
 * @example
 * ```ts
 * readOptionsSchema.parse({ mapping: { assetTag: "Tag #" } }).mapping; // => { "assetTag": "Tag #" }
 * ```
 * @category Reading
 */
export const readOptionsSchema = z
  .object({
    mapping: keyedRecordSchema(z.string().min(1)).optional(),
    delimiter: z.enum([",", ";", "\t", "|"]).optional(),
    dateOrder: z.enum(["mdy", "dmy"]).optional(),
  })
  .strict();

/**
 * Options of a CSV reader (see {@link readOptionsSchema}).
 *
 * @category Reading
 */
export type ReadOptions = z.input<typeof readOptionsSchema>;
