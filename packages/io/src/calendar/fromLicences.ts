import { currentContractSchema, renewalCalendar } from "@districtkit/licenses";
import { z } from "zod";
import { inSection, item } from "./internal.js";
import type { CalendarItem } from "./item.js";

/**
 * The licence part of a district calendar: the current contracts (as the licence optimizer and
 * `renewalCalendar` take them) and, optionally, the products' names.
 *
 * @example
 * ```ts
 * calendarLicencesSchema.parse({ contracts: [] }).products; // => []
 * ```
 * @category Calendar
 */
export const calendarLicencesSchema = z.object({
  contracts: z.array(z.unknown()).max(100_000),
  products: z
    .array(z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(300) }))
    .max(100_000)
    .default([]),
});

/** @internal One item per contract: the next renewal, with the notice deadline as the last day to act. */
export function licenceItems(asOf: string, l: z.output<typeof calendarLicencesSchema>): CalendarItem[] {
  const contracts = inSection(["licences"], () => {
    const r = z.array(currentContractSchema).safeParse(l.contracts);
    if (r.success) return r.data;
    // let the engine's own validation report every problem, with its paths
    return renewalCalendar({ asOf, contracts: l.contracts }) as never;
  });
  const names = new Map(l.products.map((p) => [p.id, p.name]));
  // one engine call for all contracts (it validates once; 300 calls cost 0.8 ms each): each is
  // tagged with its index as its id, and the engine's entries (sorted by deadline) are put back
  const entries = inSection(["licences"], () => renewalCalendar({ asOf, contracts: contracts.map((c, i) => ({ ...c, id: String(i) })) }));
  const byIndex = new Map(entries.map((e) => [Number(e.contractId), e]));
  return contracts.map((c, i) => {
    const e = byIndex.get(i)!;
    const name = names.get(c.productId) ?? c.productId;
    const id = c.id ?? `${c.productId}#${i + 1}`;
    return item({
      id: `licenses:renewal:${id}`,
      date: e.renewalDate,
      lastDayToAct: e.noticeDeadline,
      kind: "licence-renewal",
      source: "licenses",
      title: `${name} renews${e.autoRenew ? " automatically" : ""} (notice by ${e.noticeDeadline})`,
      action: e.autoRenew
        ? `right-size the seats or give notice by ${e.noticeDeadline}, or it renews for ${c.termYears} year${c.termYears > 1 ? "s" : ""} as is`
        : `renew, re-bid or let it lapse; the contract ends ${e.renewalDate}`,
      atStake: { amount: c.annualCost, amountLabel: "annual cost", units: c.seats ?? null, unit: c.seats !== undefined ? "seats" : null },
      explanation: `${e.sentence}${e.warning ? ` ${e.warning}` : ""}`,
      facts: [
        ["product", `${name} (${c.productId})`],
        ["contract", c.id ?? "—"],
        ["renewal", e.renewalDate],
        ["notice", `${c.noticeDays} days before: ${e.noticeDeadline}`],
        ["milestones", e.milestones.map((m) => `${m.daysBefore} days: ${m.date}`).join("; ")],
        ["annual cost", c.annualCost.format()],
        ["term", `${c.termYears} year${c.termYears > 1 ? "s" : ""}${c.escalator ? `, escalator ${c.escalator.toString()}` : ""}`],
      ],
      refs: [{ kind: "product", id: c.productId }, ...(c.id ? [{ kind: "contract", id: c.id }] : [])],
    });
  });
}
