import { parseInput } from "@districtkit/core";
import { z } from "zod";
import { type FailureModel, failureModelSchema } from "../schema.js";

/**
 * Yearly conditional failure probabilities by age, with how they were obtained.
 *
 * @category Survival
 */
export interface AnnualFailureProbabilities {
  /** `q[a] = 1 − S(a+1)/S(a)`: the chance that a device of age a (whole years) fails within the year. */
  readonly probabilities: readonly number[];
  /** The first age whose value is held rather than estimated (beyond the data), or null. */
  readonly heldFromAge: number | null;
  readonly explanation: string;
}

/** q by age for a validated model (internal; no validation). */
export function annualProbabilitiesOf(model: FailureModel, ages: number): AnnualFailureProbabilities {
  const q = new Array<number>(ages);
  switch (model.kind) {
    case "annual": {
      const v = model.malfunction + model.accident - model.malfunction * model.accident;
      q.fill(v);
      return { probabilities: q, heldFromAge: null, explanation: `constant ${(v * 100).toFixed(2)} % a year (malfunction ${model.malfunction}, accident ${model.accident}: 1 − (1 − m)(1 − a))` };
    }
    case "weibull": {
      const { shape, scale } = model;
      for (let a = 0; a < ages; a++) {
        // 1 − S(a+1)/S(a) = 1 − exp((a/η)^β − ((a+1)/η)^β), computed with expm1 for small values
        const d = (a / scale) ** shape - ((a + 1) / scale) ** shape;
        // past the survival function's underflow (a scale of 5e-324 years: both powers Infinity) no
        // unit is left to survive the year: its limit, 1, not Infinity − Infinity
        q[a] = Number.isNaN(d) ? 1 : -Math.expm1(d);
      }
      return { probabilities: q, heldFromAge: null, explanation: `Weibull shape ${shape}, scale ${scale} years: q(a) = 1 − S(a+1)/S(a)` };
    }
    case "age-table": {
      const t = model.probabilities;
      for (let a = 0; a < ages; a++) q[a] = t[Math.min(a, t.length - 1)]!;
      return {
        probabilities: q,
        heldFromAge: ages > t.length ? t.length : null,
        explanation: `yearly probabilities by age from a table of ${t.length} years${ages > t.length ? `, the last held from age ${t.length}` : ""}`,
      };
    }
    case "kaplan-meier": {
      const { times, survival } = model;
      const sAt = (t: number): number => {
        let s = 1;
        for (let i = 0; i < times.length && times[i]! <= t; i++) s = survival[i]!;
        return s;
      };
      const last = times[times.length - 1]!;
      let held: number | null = null;
      let lastQ = 1 - sAt(last);
      for (let a = 0; a < ages; a++) {
        if (a + 1 <= last) {
          const s0 = sAt(a);
          q[a] = s0 === 0 ? 1 : 1 - sAt(a + 1) / s0;
          lastQ = q[a]!;
        } else {
          if (held === null) held = a;
          q[a] = lastQ;
        }
      }
      return {
        probabilities: q,
        heldFromAge: held,
        explanation: `empirical Kaplan–Meier curve to age ${last}${held !== null ? `; beyond it the last yearly estimate (${(lastQ * 100).toFixed(2)} %) is held from age ${held}` : ""}`,
      };
    }
  }
}

/**
 * The annual conditional failure probability by age, `q(a) = 1 − S(a+1)/S(a)`, from any failure
 * model (constant rates, Weibull, an empirical Kaplan–Meier curve or an age table). Beyond the
 * last Kaplan–Meier observation q is undefined: the last estimate is held, and the result says
 * from which age.
 *
 * @param model - a failure model ({@link failureModelSchema})
 * @param ages - how many ages (0 … ages − 1)
 * @returns q by age, and the rule
 * @throws DistrictKitError for an invalid model (a Weibull shape ≤ 0…) or a bad number of ages
 * @example
 * ```ts
 * const q = annualFailureProbabilities({ kind: "weibull", shape: 1, scale: 10 }, 3).probabilities;
 * q.map((x) => +x.toFixed(6)); // => [0.095163, 0.095163, 0.095163]
 * annualFailureProbabilities({ kind: "weibull", shape: -1, scale: 10 }, 3); // throws
 * ```
 * @category Survival
 */
export function annualFailureProbabilities(model: unknown, ages: number): AnnualFailureProbabilities {
  const m = parseInput(failureModelSchema, model, ["model"]);
  const n = parseInput(z.number().int().min(1).max(200), ages, ["ages"]);
  return annualProbabilitiesOf(m, n);
}
