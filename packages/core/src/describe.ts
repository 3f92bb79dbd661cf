/**
 * @internal Describes any value for an error message without ever throwing (BigInt, symbols,
 * null-prototype objects and cycles included).
 */
export function describeValue(value: unknown): string {
  try {
    if (value === undefined) return "undefined";
    if (value === null) return "null";
    if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (typeof value === "bigint") return `${value.toString()}n`;
    if (typeof value === "symbol" || typeof value === "function") return `a ${typeof value}`;
    if (Array.isArray(value)) return `an array of ${value.length}`;
    if (value instanceof Date) return "a Date object";
    if (value instanceof Map) return "a Map";
    if (value instanceof Set) return "a Set";
    return "an object";
  } catch {
    return "an unreadable value";
  }
}
