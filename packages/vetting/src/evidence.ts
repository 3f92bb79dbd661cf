import { parseInput } from "@districtkit/core";
import { type StudyAnswer, studyAnswerSchema } from "./schema/evidence.js";

/**
 * The ESSA tier of one study, with the rule that gave it.
 *
 * @category Evidence
 */
export interface EssaTierResult {
  /** 1 Strong, 2 Moderate, 3 Promising, 4 Demonstrates a Rationale; null when none applies. */
  readonly tier: 1 | 2 | 3 | 4 | null;
  /** The tier's name. */
  readonly label: string;
  /** Why, in plain words (each unmet requirement of the next tier up is named). */
  readonly reasons: readonly string[];
}

/** Minimum sample and sites for tiers 1 and 2 (WWC operationalization). */
export const ESSA_LARGE_SAMPLE = { students: 350, sites: 2 } as const;

const LABELS = { 1: "Tier 1 — Strong", 2: "Tier 2 — Moderate", 3: "Tier 3 — Promising", 4: "Tier 4 — Demonstrates a Rationale" } as const;

/** @internal The tier alone, without building reasons (the scoring loop); equal to tierOf(s).tier (a property test says so). */
export function tierOnly(s: Extract<StudyAnswer, { present: true }>): 1 | 2 | 3 | 4 | null {
  if (!s.negativeFindings && s.significantPositive) {
    const large = s.n >= ESSA_LARGE_SAMPLE.students && s.sites >= ESSA_LARGE_SAMPLE.sites;
    if (s.wwcRating === "meetsWithoutReservations" && large) return 1;
    if ((s.wwcRating === "meetsWithoutReservations" || s.wwcRating === "meetsWithReservations") && large) return 2;
    if (s.design === "correlational" && s.statisticalControls) return 3;
    if (s.design === "rct" || s.design === "quasiExperimental") return 3;
  }
  return s.evaluationUnderWay ? 4 : null;
}

/** @internal Hot-path tier without validation. */
export function tierOf(s: Extract<StudyAnswer, { present: true }>): EssaTierResult {
  const reasons: string[] = [];
  const large = s.n >= ESSA_LARGE_SAMPLE.students && s.sites >= ESSA_LARGE_SAMPLE.sites;
  const causal = s.design === "rct" || s.design === "quasiExperimental";
  if (s.negativeFindings) reasons.push("causal studies found overriding negative effects, which rules out tiers 1–3");
  else if (!s.significantPositive) reasons.push("the study found no statistically significant positive effect, which rules out tiers 1–3");
  else {
    if (s.wwcRating === "meetsWithoutReservations" && large)
      return { tier: 1, label: LABELS[1], reasons: [`meets WWC standards without reservations, significant positive effect, ${s.n} students at ${s.sites} sites`] };
    if (s.wwcRating === "meetsWithoutReservations" && !large) reasons.push(`tier 1 needs ≥ ${ESSA_LARGE_SAMPLE.students} students at ≥ ${ESSA_LARGE_SAMPLE.sites} sites (has ${s.n} at ${s.sites})`);
    else reasons.push("tier 1 needs a study meeting WWC standards without reservations");
    if ((s.wwcRating === "meetsWithoutReservations" || s.wwcRating === "meetsWithReservations") && large) {
      return { tier: 2, label: LABELS[2], reasons: [...reasons, `meets WWC standards with reservations, significant positive effect, ${s.n} students at ${s.sites} sites`] };
    }
    if (s.design === "correlational" && s.statisticalControls)
      return { tier: 3, label: LABELS[3], reasons: [...reasons, "correlational study with statistical controls for selection bias and a significant positive effect"] };
    if (causal)
      return { tier: 3, label: LABELS[3], reasons: [...reasons, "experiment or quasi-experiment with a significant positive effect, without the large multi-site sample or WWC rating tier 2 needs"] };
    reasons.push(s.design === "correlational" ? "tier 3 needs statistical controls for selection bias" : "tier 3 needs a correlational study with controls, or an experiment");
  }
  if (s.design === "logicModel" || s.evaluationUnderWay) {
    if (s.evaluationUnderWay) return { tier: 4, label: LABELS[4], reasons: [...reasons, "a research-based logic model with an evaluation under way"] };
    reasons.push("tier 4 needs an evaluation under way");
  }
  return { tier: null, label: "No ESSA tier", reasons };
}

/**
 * The ESSA tier of evidence a study supports (WWC operationalization): tier 1 Strong — meets WWC
 * standards without reservations, significant positive effect, ≥ 350 students at ≥ 2 sites;
 * tier 2 Moderate — meets WWC standards with or without reservations, same effect and sample;
 * tier 3 Promising — a correlational study with statistical controls and a significant positive
 * effect (an experiment lacking the large multi-site sample also lands here); tier 4 Demonstrates
 * a Rationale — a logic model with an evaluation under way. Tiers 1–3 require no overriding
 * negative findings. A badge refers to one study at one point in time.
 *
 * Source: WWC, ESSA Tiers of Evidence (https://ies.ed.gov/ncee/wwc/essa).
 *
 * @param study - the study's facts (see {@link studyAnswerSchema})
 * @returns the tier and why
 * @throws DistrictKitError when the facts are not valid
 * @example
 * ```ts
 * essaTier({ present: true, design: "rct", wwcRating: "meetsWithoutReservations", significantPositive: true, n: 1200, sites: 9 }).tier; // => 1
 * essaTier({ present: true, design: "quasiExperimental", wwcRating: "meetsWithReservations", significantPositive: true, n: 400, sites: 3 }).tier; // => 2
 * essaTier({ present: true, design: "rct", wwcRating: "meetsWithoutReservations", significantPositive: true, n: 120, sites: 1 }).tier; // => 3
 * essaTier({ present: true, design: "logicModel", evaluationUnderWay: true }).tier; // => 4
 * essaTier({ present: false }).tier; // => null
 * ```
 * @category Evidence
 */
export function essaTier(study: StudyAnswer | Readonly<Record<string, unknown>>): EssaTierResult {
  const s = parseInput(studyAnswerSchema, study, ["study"]);
  if (!s.present) return { tier: null, label: "No ESSA tier", reasons: ["no study of the app's effect was provided"] };
  return tierOf(s);
}
