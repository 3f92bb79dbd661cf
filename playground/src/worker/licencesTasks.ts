import { buildLicensePlanInput, type LicensePlanResult, optimizeLicenses, type ReclaimResult, type RenewalEntry, reclaimableSeats, renewalCalendar } from "@districtkit/licenses";
import { type Plain, plain } from "../lib/plain.js";
import { problemsOf } from "../lib/problems.js";
import type { TaskOutcome } from "./budgetTasks.js";

/** The exact licence optimizer (P1), off the main thread, on a ready optimizer input. */
export function licencesOptimize(input: unknown): TaskOutcome<LicensePlanResult> {
  try {
    const t0 = performance.now();
    const value = plain(optimizeLicenses(input));
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

export interface LicenceReport {
  readonly plan: LicensePlanResult;
  readonly renewals: readonly RenewalEntry[] | null;
  readonly reclaim: readonly ReclaimResult[] | null;
}

/**
 * A district licence file (rosters × adoption, given seats, contracts) and its usage export:
 * demand and the optimizer's input built by the engine (`buildLicensePlanInput`), the optimal
 * plan, the renewal calendar as of the district's date (`asOf`, default: the file's planning
 * date), and the seats to reclaim from usage (as of the usage export's own date).
 */
export function licencesReport(data: unknown, usage: unknown, inactiveDays: number, asOf?: string): { ok: true; value: Plain<LicenceReport>; ms: number } | { ok: false; problems: string[] } {
  try {
    const t0 = performance.now();
    const d = data as {
      planningDate?: string;
      currentContracts?: { productId: string; optionId?: string }[];
      options?: { id: string; kind: string; schedule?: { type: string; unitPrice?: string } }[];
    };
    const u = (usage ?? null) as { asOf?: string; users?: unknown[] } | null;
    const plan = optimizeLicenses(buildLicensePlanInput(data, u?.users ?? []));
    // the district's one as-of date (the header's), else the licence file's planning date
    const on = asOf ?? d.planningDate;
    const renewals = on && d.currentContracts ? renewalCalendar({ asOf: on, contracts: d.currentContracts }) : null;
    // a seat's price is the unit price of the option each current contract buys (a lookup in the data)
    const seatPrices: Record<string, string> = {};
    for (const c of d.currentContracts ?? []) {
      const o = d.options?.find((x) => x.id === c.optionId);
      if (o?.schedule?.type === "unit" && o.schedule.unitPrice !== undefined) seatPrices[c.productId] = String(o.schedule.unitPrice);
    }
    const reclaim = u?.asOf && u.users ? reclaimableSeats({ asOf: u.asOf, inactiveDays, users: u.users, seatPrices }) : null;
    return { ok: true, value: plain({ plan, renewals, reclaim }), ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}
