// Survival data as columns (internal): what the estimators run on. Public inputs are either
// observation objects or the columnar form (times, failed, entries), which validates and runs
// much faster on 100,000 records.
import { DistrictKitError } from "@districtkit/core";
import { z } from "zod";
import { type SurvivalObservation, survivalObservationSchema } from "../schema.js";

export interface Columns {
  readonly time: Float64Array;
  readonly failed: Uint8Array;
  readonly entry: Float64Array;
}

// One loop instead of two zod checks per element (the columnar form carries 100,000s of times).
const timesSchema = z.array(z.number()).check((ctx) => {
  const xs = ctx.value;
  let bad = 0;
  for (let i = 0; i < xs.length && bad < 20; i++) {
    const x = xs[i]!;
    if (!(x >= 0 && x <= 1e12)) {
      ctx.issues.push({ code: "custom", path: [i], message: `expected a time in [0, 1e12], got ${x}`, input: x });
      bad++;
    }
  }
});

/** The fields shared by the survival inputs (observations, shorthand lists, columns). */
export const survivalDataShape = {
  observations: z.array(survivalObservationSchema).default([]),
  failures: timesSchema.default([]),
  censored: timesSchema.default([]),
  /** Columnar form: time of each subject… */
  times: timesSchema.default([]),
  /** …whether it failed at that time (else censored)… */
  failed: z.array(z.boolean()).default([]),
  /** …and its entry age (late entry; default 0). */
  entries: timesSchema.optional(),
};

export function checkColumns(ctx: { value: { times: number[]; failed: boolean[]; entries?: number[] | undefined }; issues: unknown[] }): void {
  const { times, failed, entries } = ctx.value;
  const push = (path: (string | number)[], message: string, input: unknown): void => {
    (ctx.issues as { code: string; path: (string | number)[]; message: string; input: unknown }[]).push({ code: "custom", path, message, input });
  };
  if (failed.length !== times.length) push(["failed"], `expected one flag per time (${times.length}), got ${failed.length}`, failed.length);
  if (entries) {
    if (entries.length !== times.length) push(["entries"], `expected one entry age per time (${times.length}), got ${entries.length}`, entries.length);
    else {
      let bad = 0;
      for (let i = 0; i < times.length && bad < 20; i++) {
        if (entries[i]! > times[i]!) {
          push(["entries", i], `expected an entry age ≤ the time (${times[i]}), got ${entries[i]}`, entries[i]);
          bad++;
        }
      }
    }
  }
}

export function toColumns(d: { observations: SurvivalObservation[]; failures: number[]; censored: number[]; times: number[]; failed: boolean[]; entries?: number[] | undefined }): Columns {
  const n = d.observations.length + d.failures.length + d.censored.length + d.times.length;
  if (n === 0) throw new DistrictKitError("INVALID_INPUT", [{ path: ["observations"], code: "too_small", message: "expected at least one observation" }]);
  const time = new Float64Array(n);
  const failed = new Uint8Array(n);
  const entry = new Float64Array(n);
  let k = 0;
  for (const o of d.observations) {
    time[k] = o.time;
    failed[k] = o.failed ? 1 : 0;
    entry[k++] = o.entry;
  }
  for (const t of d.failures) {
    time[k] = t;
    failed[k++] = 1;
  }
  for (const t of d.censored) time[k++] = t;
  for (let i = 0; i < d.times.length; i++) {
    time[k] = d.times[i]!;
    failed[k] = d.failed[i] ? 1 : 0;
    entry[k++] = d.entries ? d.entries[i]! : 0;
  }
  return { time, failed, entry };
}

export function columnsOf(obs: readonly SurvivalObservation[]): Columns {
  return toColumns({ observations: [...obs], failures: [], censored: [], times: [], failed: [] });
}
