import { readUsage, type SharedRosterImport, sharedRosterFromOneRoster } from "@districtkit/io";
import { checkRosterSharing, findUnvettedApps, type RosterSharingResult, type UnvettedAppsResult } from "@districtkit/vetting";
import { type Plain, plain } from "../lib/plain.js";
import { problemsOf } from "../lib/problems.js";
import type { TaskOutcome } from "./budgetTasks.js";

// The Privacy tab's heavy part, off the main thread: the sample district's whole OneRoster export
// (users, roles, enrollments: about 4,600 rows) read for the app being checked, and the licence
// usage file (1,500 lines) read to find the apps in use that the register does not clear. The
// worker loads these files itself (each its own chunk, from this server), so their text never
// crosses from the page; only the register (a few rows) goes in and the engines' results come back.

const rosterFiles = (): Promise<Record<string, string>> =>
  Promise.all([
    import("../../../examples/data/oneroster/users.csv?raw").then((m) => ["users.csv", m.default] as const),
    import("../../../examples/data/oneroster/roles.csv?raw").then((m) => ["roles.csv", m.default] as const),
    import("../../../examples/data/oneroster/enrollments.csv?raw").then((m) => ["enrollments.csv", m.default] as const),
  ]).then((pairs) => Object.fromEntries(pairs));
const usageCsv = (): Promise<string> => import("../../../examples/data/licenses/usage.csv?raw").then((m) => m.default);

let roster: Promise<Record<string, string>> | null = null;
let usage: Promise<ReturnType<typeof readUsage>["rows"]> | null = null;
// what the roster sends each app does not depend on the register or the date: read once per app
const sentTo = new Map<string, SharedRosterImport>();

/** What the sample roster sync sends an app, against its agreement in the register on the date. */
export async function privacyRosterCheck(register: unknown, appId: string, asOf: string): Promise<TaskOutcome<{ result: RosterSharingResult; warnings: readonly string[] }>> {
  try {
    const t0 = performance.now();
    const files = await (roster ??= rosterFiles());
    let imported = sentTo.get(appId);
    if (!imported) {
      imported = sharedRosterFromOneRoster(appId, files);
      sentTo.set(appId, imported);
    }
    const result = checkRosterSharing(register, imported.shared, { asOf });
    return { ok: true, value: plain({ result, warnings: imported.warnings }), ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

/** The apps in the sample's licence usage that the register does not clear on the date. */
export async function privacyUnvetted(register: unknown, asOf: string): Promise<TaskOutcome<UnvettedAppsResult>> {
  try {
    const t0 = performance.now();
    const rows = await (usage ??= usageCsv().then((text) => readUsage(text).rows));
    return { ok: true, value: plain(findUnvettedApps(register, rows, { asOf })), ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

export type RosterCheck = Plain<{ result: RosterSharingResult; warnings: readonly string[] }>;
