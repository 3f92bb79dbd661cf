import type { Levers } from "../state/schema.js";
import { formatMoney } from "./format.js";

/**
 * What the lever the search moves does to the open scenario, in words: the inflation and E-Rate
 * levers of the search *replace* the scenario's own (the engine applies the later lever of a
 * kind over the earlier one, and an inflation rate "set" replaces each line's own escalator);
 * an enrollment change is applied on top of the scenario's.
 */
export function goalSeekEffect(leverId: string, levers: Levers): string {
  if (leverId === "inflation") {
    return levers.inflationPercent !== undefined
      ? `The rate found replaces the scenario's inflation (${levers.inflationPercent} % a year): one rate on every line.`
      : "The rate found replaces the scenario's inflation — today each line's own escalator, as in the baseline — with one rate on every line.";
  }
  if (leverId === "erate") {
    return levers.eRateDiscountPercent !== undefined
      ? `The discount found replaces the scenario's E-Rate discount (${levers.eRateDiscountPercent} %), for Category One and Two.`
      : "The discount found replaces the scenario's E-Rate discount (today the one the district's free and reduced-price lunch share gives), for Category One and Two.";
  }
  const e = levers.enrollmentChangePercent;
  return e !== undefined && e !== 0
    ? `The change found comes on top of the scenario's own enrollment change (${e > 0 ? "+" : "−"}${Math.abs(e)} %, ${levers.enrollmentMode === "annual" ? "every year" : "once"}).`
    : "The change found is a one-time step in the first year; the scenario has no enrollment change of its own.";
}

/** The answer of a goal seek in plain words, from its figures (the engine's sentence names its parameters). */
export function goalSeekAnswer(
  r: { found: boolean; value: number | null; metricAtValue: string | null; binding: string; monotone: boolean; evaluations: readonly { value: number; metric: string }[] },
  o: { leverLabel: string; metricLabel: string; seek: "min" | "max"; constraint: "at-most" | "at-least"; target: string; range: { min: number; max: number }; format: (v: number) => string },
): string {
  const cmp = o.constraint === "at-most" ? "at most" : "at least";
  const target = formatMoney(o.target, { cents: false });
  if (!r.found || r.value === null) {
    return `No ${o.leverLabel} between ${o.format(o.range.min)} and ${o.format(o.range.max)} keeps ${o.metricLabel} ${cmp} ${target}.`;
  }
  const at = r.metricAtValue ? formatMoney(r.metricAtValue, { cents: false }) : "—";
  const way = o.seek === "max" ? "highest" : "lowest";
  const main =
    r.binding === "range-end"
      ? `Even at ${o.format(r.value)}, the end of the range searched, ${o.metricLabel} stays ${cmp} ${target} (${at} there).`
      : `The ${way} ${o.leverLabel} for which ${o.metricLabel} stays ${cmp} ${target} is ${o.format(r.value)}; ${o.metricLabel} is then ${at}.`;
  return r.monotone ? main : `${main} The measure went up and down as the lever moved: this is the first value, from the start of the search, past which the target is missed.`;
}
