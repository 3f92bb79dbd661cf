// The optimizer's input parse with a fast path for the demand cells (often hundreds of thousands):
// zod stays the source of truth. Plain cells are checked by hand against demandCellSchema (the
// fields the optimizer reads: product, school, role, fiscal year, seats; and `source` when given);
// the rest of the input goes through licensePlanInputSchema with no demand, and the demand's
// cross-references (known product and school, a year of the plan, no duplicate) are checked by
// hand. The checked cells are then used as they are (no copies: the optimizer reads their five
// fields once, while compiling). Anything the hand checks do not accept — a bad cell, a failed
// parse, any demand issue — re-runs the full zod parse, so errors are exactly zod's.
import { parseInput, safeParseInput } from "@districtkit/core";
import { licensePlanInputSchema, ROLES } from "../schema.js";
import type { DemandView, PlanInput } from "./model.js";

const SOURCES = new Set(["given", "roster", "usage"]);
const ROLE_INDEX = new Map<unknown, number>(ROLES.map((r, i) => [r, i]));

function valid(c: unknown): boolean {
  if (typeof c !== "object" || c === null || Array.isArray(c)) return false;
  const x = c as Record<string, unknown>;
  const productId = x.productId;
  const schoolId = x.schoolId;
  const role = x.role;
  const fiscalYear = x.fiscalYear;
  const seats = x.seats;
  const source = x.source;
  if (typeof productId !== "string" || productId.length === 0) return false;
  if (typeof schoolId !== "string" || schoolId.length === 0) return false;
  if (!ROLE_INDEX.has(role)) return false;
  if (typeof fiscalYear !== "number" || !Number.isSafeInteger(fiscalYear) || fiscalYear < 1000 || fiscalYear > 9998) return false;
  if (typeof seats !== "number" || !Number.isSafeInteger(seats) || seats < 0) return false;
  if (source !== undefined && !SOURCES.has(source as string)) return false;
  return true;
}

/**
 * parseInput(licensePlanInputSchema, input), faster on large demand arrays: the same output except
 * that valid demand cells are the caller's objects (equal on the five fields the optimizer reads);
 * the same errors.
 */
export function parsePlanInput(input: unknown): PlanInput {
  let out: PlanInput | undefined;
  try {
    out = fastPath(input);
  } catch {
    out = undefined; // a getter or proxy that throws: the full parse reports it
  }
  return out ?? parseInput(licensePlanInputSchema, input);
}

/** The parsed input, or undefined when the full parse must decide (and list every problem). */
function fastPath(input: unknown): PlanInput | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const raw = (input as { demand?: unknown }).demand;
  if (!Array.isArray(raw) || raw.length < 1000) return undefined;
  for (let i = 0; i < raw.length; i++) if (!valid(raw[i])) return undefined;
  const cells = raw as readonly DemandView[];
  const rest = safeParseInput(licensePlanInputSchema, { ...(input as object), demand: [] });
  if (!rest.success) return undefined;
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
  for (let i = 0; i < cells.length; i++) {
    const d = cells[i]!;
    const p = products.get(d.productId);
    const s = schools.get(d.schoolId);
    if (p === undefined || s === undefined || d.fiscalYear < out.firstYear || d.fiscalYear > last) return undefined;
    const key = ((p * schools.size + s) * ROLES.length + ROLE_INDEX.get(d.role)!) * out.years + (d.fiscalYear - out.firstYear);
    if (table !== null) {
      if (table[key]) return undefined;
      table[key] = 1;
    } else {
      if (set!.has(key)) return undefined;
      set!.add(key);
    }
  }
  return { ...out, demand: cells };
}
