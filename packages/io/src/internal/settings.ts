import { parseInput } from "@districtkit/core";
import { type ReadOptions, readOptionsSchema } from "../schema/readOptions.js";
import type { ReaderSettings } from "./rowReader.js";

/** Validates a reader's options. */
export function readerSettings(options: ReadOptions | undefined, file?: string): ReaderSettings & { readonly delimiter?: string | undefined } {
  const o = parseInput(readOptionsSchema, options ?? {}, ["options"]);
  return { mapping: o.mapping, dateOrder: o.dateOrder ?? "mdy", delimiter: o.delimiter, file };
}
