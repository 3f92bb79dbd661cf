/**
 * Row lists returned by this package's readers, exactly as returned. Their rows were built and
 * checked field by field while reading, so a function taking them (`inventoryFromExports`) need
 * not validate 100,000 rows a second time with zod; any other list is validated in full.
 */
const TRUSTED = new WeakSet<object>();

/** Marks a reader's row list as built by the reader. */
export function trust<T extends object>(rows: T): T {
  TRUSTED.add(rows);
  return rows;
}

/** Whether a list is a reader's row list, unchanged in identity. */
export function isTrusted(rows: unknown): boolean {
  return typeof rows === "object" && rows !== null && TRUSTED.has(rows);
}
