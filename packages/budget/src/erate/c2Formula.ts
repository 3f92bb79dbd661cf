import { Dec } from "@districtkit/core";
import { C2_SMALL_APPLICANT_MAX_ENTITIES, type C2Cycle } from "../tables/c2BudgetCycles.js";

/**
 * @internal The district C2 formula budget in cents (the same rule as {@link c2Budget}, without
 * validation or explanation, for the projection's yearly loop). `null` when the cycle lacks figures.
 */
export function c2FormulaCents(cycle: C2Cycle, students: readonly number[]): number | null {
  if (cycle.perStudent === null || cycle.floorPerEntity === null) return null;
  const counts = students.filter((s) => s > 0);
  const mult = new Dec(cycle.perStudent);
  const floor = new Dec(cycle.floorPerEntity);
  const total = counts.reduce((a, b) => a + b, 0);
  const perStudent = mult.times(total);
  const perEntity = floor.times(counts.length);
  let best = Dec.max(perStudent, perEntity);
  const perSchool = cycle.basis === "per-school" || cycle.basis === "transition";
  if (perSchool || (cycle.hybridForSmall && counts.length <= C2_SMALL_APPLICANT_MAX_ENTITIES)) {
    const hybrid = counts.reduce((a, s) => a.plus(Dec.max(mult.times(s), floor)), new Dec(0));
    best = perSchool ? hybrid : Dec.max(best, hybrid);
  }
  return best.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}
