// The optimizer's input parse with a fast path for the demand cells (often hundreds of thousands):
// zod stays the source of truth. Plain, valid cells are checked by hand and built exactly as
// demandCellSchema outputs them (same keys, same order, `source` defaulting to "given"); the rest
// of the input goes through licensePlanInputSchema with no demand, and the demand's
// cross-references (known product and school, a year of the plan, no duplicate) are checked by
// hand. Anything the hand checks do not accept — a bad cell, a failed parse, any demand issue —
// re-runs the full zod parse, so errors are exactly zod's.
import { parseInput } from "@districtkit/core";
import { ROLES, licensePlanInputSchema, type DemandCell, type LicensePlanInput, type Role } from "../schema.js";

const SOURCES = new Set(["given", "roster", "usage"]);
const ROLE_INDEX = new Map<unknown, number>(ROLES.map((r, i) => [r, i]));

function cellOf(c: unknown): DemandCell | null {
  if (typeof c !== "object" || c === null || Array.isArray(c)) return null;
  const x = c as Record<string, unknown>;
  const productId = x.productId;
  const schoolId = x.schoolId;
  const role = x.role;
  const fiscalYear = x.fiscalYear;
  const seats = x.seats;
  const source = x.source;
  if (typeof productId !== "string" || productId.length === 0) return null;
  if (typeof schoolId !== "string" || schoolId.length === 0) return null;
  if (!ROLE_INDEX.has(role)) return null;
  if (typeof fiscalYear !== "number" || !Number.isSafeInteger(fiscalYear) || fiscalYear < 1000 || fiscalYear > 9998) return null;
  if (typeof seats !== "number" || !Number.isSafeInteger(seats) || seats < 0) return null;
  if (source !== undefined && !SOURCES.has(source as string)) return null;
  return { productId, schoolId, role: role as Role, fiscalYear, seats, source: (source ?? "given") as DemandCell["source"] };
}

/** parseInput(licensePlanInputSchema, input), faster on large demand arrays; same output and errors. */
export function parsePlanInput(input: unknown): LicensePlanInput {
  const full = (): LicensePlanInput => parseInput(licensePlanInputSchema, input);
  if (typeof input !== "object" || input === null || Array.isArray(input)) return full();
  const raw = (input as { demand?: unknown }).demand;
  if (!Array.isArray(raw) || raw.length < 1000) return full();
  const cells: DemandCell[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const cell = cellOf(raw[i]);
    if (cell === null) return full();
    cells[i] = cell;
  }
  const rest = licensePlanInputSchema.safeParse({ ...(input as object), demand: [] });
  if (!rest.success) return full();
  const out = rest.data;
  // the schema's demand checks: known product and school, a year of the plan, given once
  const products = new Map<string, number>();
  out.products.forEach((p, i) => products.set(p.id, i));
  const schools = new Map<string, number>();
  out.schools.forEach((s, i) => schools.set(s.id, i));
  const last = out.firstYear + out.years - 1;
  const size = products.size * schools.size * ROLES.length * out.years;
  const table = size <= 16_000_000 ? new Uint8Array(size) : null;
  const set = table === null ? new Set<number>() : null;
  for (const d of cells) {
    const p = products.get(d.productId);
    const s = schools.get(d.schoolId);
    if (p === undefined || s === undefined || d.fiscalYear < out.firstYear || d.fiscalYear > last) return full();
    const key = ((p * schools.size + s) * ROLES.length + ROLE_INDEX.get(d.role)!) * out.years + (d.fiscalYear - out.firstYear);
    if (table !== null) {
      if (table[key]) return full();
      table[key] = 1;
    } else {
      if (set!.has(key)) return full();
      set!.add(key);
    }
  }
  out.demand = cells;
  return out;
}
