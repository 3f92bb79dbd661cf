import { type BudgetModel, checkEquipmentRules, type EquipmentRulesResult } from "@districtkit/budget";
import { useMemo } from "preact/hooks";
import { DataTable } from "../../components/DataTable.js";
import { ProblemList } from "../../components/ProblemList.js";
import { formatMoney } from "../../lib/format.js";
import { type Plain, plain } from "../../lib/plain.js";
import { attempt } from "../../lib/problems.js";
import type { ERateSettings } from "../../state/schema.js";
import { type C2Cohort, c2Cohorts } from "./data.js";
import { setERate } from "./settings.js";

type Result = Plain<EquipmentRulesResult>;
const SEVERITY = { ok: "Fine", notice: "Notice", early: "Early", violation: "Breaks the rule" } as const;

/** Section 5: the lifecycle plan's retirements of C2 equipment checked against the equipment rules (checkEquipmentRules): early retirements are flagged. */
export function EquipmentSection({ model, devices, cycleYears, settings }: { model: BudgetModel; devices: unknown; cycleYears: number | undefined; settings: ERateSettings }) {
  const cohorts = useMemo(() => c2Cohorts(devices, cycleYears), [devices, cycleYears]);
  const chosen = new Map((settings.retire ?? []).map((r) => [r.cohort, r.fiscalYear]));
  const retireOf = (c: C2Cohort) => chosen.get(c.key) ?? c.planRetire;
  const schoolName = new Map(model.district.schools.map((s) => [s.id, s.name]));
  const key = cohorts.map((c) => `${c.key}:${retireOf(c)}`).join("|");
  const outcome = useMemo(
    () =>
      attempt(() =>
        plain(
          checkEquipmentRules({
            items: cohorts.map((c) => ({
              id: c.key,
              name: `${c.name}, ${schoolName.get(c.school) ?? c.school}`,
              building: c.school,
              installedFiscalYear: c.installedFiscalYear,
              count: c.count,
              cost: c.cost,
            })),
            plan: cohorts.map((c) => ({ item: c.key, action: "retire" as const, fiscalYear: retireOf(c) })),
            calendar: model.district.calendar,
          }),
        ),
      ),
    [key, model],
  );
  const setRetire = (cohort: string, fiscalYear: number) => setERate((s) => ({ ...s, retire: [...(s.retire ?? []).filter((r) => r.cohort !== cohort), { cohort, fiscalYear }] }));
  type Finding = Result["findings"][number];
  const byItem = outcome.ok ? new Map(outcome.value.findings.map((f) => [f.item, f])) : new Map<string, Finding>();

  return (
    <section class="erate-section" aria-labelledby="er-eq-h">
      <h3 id="er-eq-h">5. Equipment rules: C2 equipment on the lifecycle plan</h3>
      <p class="hint">
        The inventory's Category Two equipment and the fiscal year the lifecycle plan retires it (bought + the model's expected life{cycleYears ? `; the Devices tab's ${cycleYears}-year cycle` : ""}).
        Change a year to see the rule move; installation is taken as the last day of the year bought, so no early step is missed.
      </p>
      {cohorts.length === 0 && <p class="muted">The inventory has no Category Two equipment.</p>}
      {!outcome.ok ? (
        <ProblemList title="The plan could not be checked" problems={outcome.problems} />
      ) : (
        cohorts.length > 0 && (
          <>
            <p class="lede" data-testid="equipment-explanation">
              {outcome.value.explanation}
            </p>
            <DataTable
              id="er-equipment"
              caption="C2 equipment, planned retirement and the disposal rule"
              columns={[
                { key: "n", label: "Equipment", value: (c: C2Cohort) => `${c.name}, ${schoolName.get(c.school) ?? c.school}` },
                { key: "c", label: "Count", kind: "num", value: (c: C2Cohort) => String(c.count) },
                { key: "v", label: "Cost", kind: "num", value: (c: C2Cohort) => formatMoney(c.cost) },
                { key: "i", label: "Bought", value: (c: C2Cohort) => `FY${c.installedFiscalYear}` },
                {
                  key: "r",
                  label: "Retired in",
                  value: (c: C2Cohort) => (
                    <select
                      aria-label={`Retirement year of ${c.name}, ${schoolName.get(c.school) ?? c.school}`}
                      value={String(retireOf(c))}
                      onChange={(e) => setRetire(c.key, Number((e.currentTarget as HTMLSelectElement).value))}
                    >
                      {Array.from({ length: 12 }, (_, k) => c.installedFiscalYear + 1 + k).map((y) => (
                        <option value={y} key={y}>
                          FY{y}
                          {y === c.planRetire ? " (plan)" : ""}
                        </option>
                      ))}
                    </select>
                  ),
                },
                { key: "a", label: "Disposal allowed from", value: (c: C2Cohort) => byItem.get(c.key)?.allowedFrom ?? "—" },
                { key: "s", label: "Finding", value: (c: C2Cohort) => <span data-severity={byItem.get(c.key)?.severity}>{SEVERITY[byItem.get(c.key)?.severity ?? "ok"]}</span> },
              ]}
              rows={cohorts}
            />
            {outcome.value.flagged.length > 0 && (
              <div class="notice notice-error" data-testid="equipment-flagged">
                <strong>
                  {outcome.value.flagged.length} flagged ({outcome.value.rules.disposalYears}-year rule)
                </strong>
                <ul>
                  {outcome.value.flagged.map((f, i) => (
                    <li key={i}>
                      {f.explanation} <span class="muted">({f.rule})</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )
      )}
    </section>
  );
}
