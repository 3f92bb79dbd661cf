// A scoring call's rubric and options, validated and compiled once (scoreApps, compileScorer and
// compare share it), with the hash of everything a result's inputsHash covers besides the app.
import { DistrictKitError, parseInput } from "@districtkit/core";
import type { z } from "zod";
import { type DistrictContext, scoreOptionsSchema } from "../schema/answers.js";
import { dayNumber } from "./cells.js";
import type { RawIssue } from "./checkApp.js";
import { type CompiledRubric, compileRubric } from "./compile.js";
import { hashText } from "./hash.js";

/** @internal */
export interface Prepared {
  readonly cr: CompiledRubric;
  readonly district: DistrictContext;
  readonly asOf: string;
  readonly baseHash: number;
  /** asOf as the number YYYYMMDD */
  readonly asOfDay: number;
}

/** @internal */
export function prepare(rubric: unknown, options: unknown): Prepared {
  const issues: RawIssue[] = [];
  let cr: CompiledRubric | null = null;
  try {
    cr = compileRubric(rubric);
  } catch (error) {
    if (!(error instanceof DistrictKitError) || error.cause !== undefined) throw error; // a caller's getter or Proxy: as wrapped, with its cause
    issues.push(...error.issues.map((i) => ({ path: [...i.path], code: i.code, message: i.message })));
  }
  let o: z.output<typeof scoreOptionsSchema> | null = null;
  try {
    o = parseInput(scoreOptionsSchema, options, ["options"]);
  } catch (error) {
    if (!(error instanceof DistrictKitError) || error.cause !== undefined) throw error; // a caller's getter or Proxy: as wrapped, with its cause
    issues.push(...error.issues.map((i) => ({ path: [...i.path], code: i.code, message: i.message })));
  }
  if (!cr || !o) throw new DistrictKitError("INVALID_INPUT", issues);
  let h = hashText(Number.parseInt(cr.hash, 16) | 0, o.asOf);
  h = hashText(h, `${o.district.state}|${o.district.population ?? ""}|${o.district.specialDistrict}|${o.district.userAges.min}-${o.district.userAges.max}`);
  return { cr, district: o.district, asOf: o.asOf, baseHash: h, asOfDay: dayNumber(o.asOf) };
}
