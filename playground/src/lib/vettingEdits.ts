import { K12_RUBRIC, type Rubric } from "@districtkit/vetting";
import type { VettingEdits } from "../state/schema.js";

// The analyst's vetting edits (answers and weights changed in the Vetting view, kept in the app
// state) applied to the apps file: the one place the Vetting view and the Calendar's re-reviews
// (scored in the worker) both take them from, so the two never disagree.

/** An app of the apps file, as far as the edits need to know it. */
export interface AppLike {
  id: string;
  name: string;
  answers: Record<string, { value: unknown; [k: string]: unknown }>;
  [k: string]: unknown;
}

/** The apps of the sample (or imported) data: an array of apps, or `{ apps, asOf?, district? }`. */
export function readApps(data: unknown): { apps: AppLike[]; asOf?: string; state?: string } | null {
  if (Array.isArray(data)) return { apps: data as AppLike[] };
  if (data && typeof data === "object" && Array.isArray((data as { apps?: unknown }).apps)) {
    const d = data as { apps: AppLike[]; asOf?: string; district?: { state?: string } };
    return { apps: d.apps, ...(d.asOf ? { asOf: d.asOf } : {}), ...(d.district?.state ? { state: d.district.state } : {}) };
  }
  return null;
}

/** The apps with the analyst's answers in place of the file's (null: the answer is removed). */
export function withEdits(apps: AppLike[], answerEdits: VettingEdits["answers"]): AppLike[] {
  const byApp = answerEdits ?? {};
  return apps.map((app) => {
    const changes = byApp[app.id];
    if (!changes) return app;
    const answers = { ...app.answers };
    for (const [criterion, value] of Object.entries(changes)) {
      if (value === null) delete answers[criterion];
      else answers[criterion] = { ...(answers[criterion] ?? {}), value };
    }
    return { ...app, answers };
  });
}

/** The built-in K-12 rubric with the analyst's weights in place of its own. */
export function rubricWithWeights(weights: Record<string, number> | undefined): Rubric {
  if (!weights || Object.keys(weights).length === 0) return K12_RUBRIC;
  return { ...K12_RUBRIC, criteria: K12_RUBRIC.criteria.map((c) => (weights[c.id] !== undefined ? { ...c, weight: weights[c.id]! } : c)) } as Rubric;
}

/** The state whose rules the apps are scored under: the analyst's, the apps file's, the district's. */
export function vettingState(edits: VettingEdits, appsFileState: string | undefined, districtState: string | undefined): string {
  return edits.state ?? appsFileState ?? districtState ?? "";
}
