import { compareDamageCoverage, type DamageCoverageOptionResult, forecastRepairs, type RepairForecastResult } from "@districtkit/lifecycle";
import { useMemo, useState } from "preact/hooks";
import { DataTable } from "../components/DataTable.js";
import { ProblemList } from "../components/ProblemList.js";
import { formatMoney } from "../lib/format.js";
import { attempt } from "../lib/problems.js";
import { datasets } from "../lib/sample.js";

type Month = RepairForecastResult["byMonth"][number];
type Part = RepairForecastResult["parts"][number];

function MoneyInput({ label, value, onInput }: { label: string; value: string; onInput: (v: string) => void }) {
  return (
    <label>
      {label} <input type="number" min="0" step="1" inputMode="decimal" value={value} onInput={(e) => onInput((e.target as HTMLInputElement).value)} style={{ width: "6rem" }} />
    </label>
  );
}

export function RepairsView() {
  const history = datasets.value.repairs?.data;
  const district = datasets.value.district?.data as { schools?: { students?: number; nslpEligible?: number }[] } | undefined;
  const forecast = useMemo(() => attempt(() => forecastRepairs(history, { months: 12 })), [history]);
  const [premium, setPremium] = useState("14");
  const [copay, setCopay] = useState("25");
  const [feeStandard, setFeeStandard] = useState("25");
  const [feeNslp, setFeeNslp] = useState("5");
  if (!forecast.ok) {
    return (
      <section aria-labelledby="repairs-h">
        <h2 id="repairs-h">Repairs and damage</h2>
        <ProblemList title="The repair history could not be forecast" problems={forecast.problems} />
      </section>
    );
  }
  const f = forecast.value;
  const students = (district?.schools ?? []).reduce((a, s) => a + (s.students ?? 0), 0);
  const nslp = (district?.schools ?? []).reduce((a, s) => a + (s.nslpEligible ?? 0), 0);
  const nslpShare = students > 0 ? nslp / students : 0;
  return (
    <section aria-labelledby="repairs-h">
      <h2 id="repairs-h">Repairs and damage</h2>
      <p class="lede" data-testid="repairs-lede">
        {f.explanation}
      </p>
      <DataTable
        caption="Repairs expected by month of the school year"
        columns={[
          { key: "m", label: "Month", value: (m: Month) => m.month },
          { key: "s", label: "School-year month", kind: "num", value: (m: Month) => String(m.schoolMonth) },
          { key: "r", label: "Repairs", kind: "num", value: (m: Month) => m.expectedRepairs.toFixed(1) },
          { key: "x", label: "Beyond repair", kind: "num", value: (m: Month) => m.expectedReplacements.toFixed(1) },
        ]}
        rows={f.byMonth}
      />
      <DataTable
        caption="Parts to keep in stock (covers the busiest month 9 times in 10)"
        columns={[
          { key: "k", label: "Repair", value: (p: Part) => p.kind },
          { key: "e", label: "Expected a year", kind: "num", value: (p: Part) => p.expected.toFixed(1) },
          { key: "c", label: "Mean cost", kind: "num", value: (p: Part) => formatMoney(p.averageCost.toString()) },
          { key: "w", label: "Busiest month", value: (p: Part) => `${p.peakWindow} (${p.peakExpected.toFixed(1)})` },
          { key: "s", label: "Stock", kind: "num", value: (p: Part) => String(p.suggestedStock) },
        ]}
        rows={f.parts}
      />
      <section class="panel" aria-labelledby="damage-coverage">
        <h3 id="damage-coverage">Who pays for damage: self-insurance, a protection plan or a family fee</h3>
        <p class="hint">
          {f.devices} devices; {Math.round(nslpShare * 100)} % of students are NSLP-eligible (the district file). 2,000 simulated school years of the forecast's incidents, seed 2027; every option is
          priced on the same years.
        </p>
        <div class="no-print" role="group" aria-label="Option terms">
          <MoneyInput label="Plan premium per device ($)" value={premium} onInput={setPremium} /> <MoneyInput label="Plan co-pay per claim ($)" value={copay} onInput={setCopay} />{" "}
          <MoneyInput label="Family fee ($)" value={feeStandard} onInput={setFeeStandard} /> <MoneyInput label="Family fee with NSLP ($)" value={feeNslp} onInput={setFeeNslp} />
        </div>
        <Coverage forecast={f} nslpShare={nslpShare} premium={premium} copay={copay} feeStandard={feeStandard} feeNslp={feeNslp} />
      </section>
    </section>
  );
}

function Coverage({
  forecast,
  nslpShare,
  premium,
  copay,
  feeStandard,
  feeNslp,
}: {
  forecast: RepairForecastResult;
  nslpShare: number;
  premium: string;
  copay: string;
  feeStandard: string;
  feeNslp: string;
}) {
  const result = useMemo(
    () =>
      attempt(() =>
        compareDamageCoverage(
          {
            devices: forecast.devices,
            nslpDevices: Math.round(forecast.devices * nslpShare),
            incidents: forecast.incidents,
            options: [
              { kind: "selfInsurance", id: "self", name: "Self-insurance" },
              { kind: "protectionPlan", id: "plan", name: "Protection plan", premiumPerDevice: premium, copay, capPerClaim: "250", claimsPerDeviceYear: 2 },
              {
                kind: "familyFee",
                id: "fee",
                name: "Family fee",
                annualFee: { standard: feeStandard, nslp: feeNslp },
                strikes: [
                  { standard: "0", nslp: "0" },
                  { standard: "50", nslp: "15" },
                  { standard: "fullCost", nslp: "50" },
                ],
                collectionRate: 0.85,
              },
            ],
          },
          { seed: 2027, trials: 2000 },
        ),
      ),
    [forecast, nslpShare, premium, copay, feeStandard, feeNslp],
  );
  if (!result.ok) return <ProblemList title="The options could not be compared" problems={result.problems} testId="coverage-problems" />;
  const r = result.value;
  return (
    <>
      <p data-testid="coverage-summary">{r.summary}</p>
      <DataTable
        caption="Damage options, cheapest for the district first"
        columns={[
          { key: "n", label: "Option", value: (o: DamageCoverageOptionResult) => o.name },
          { key: "d", label: "District, expected", kind: "num", value: (o: DamageCoverageOptionResult) => formatMoney(o.districtExpected.toString()) },
          { key: "p", label: "District, 1 year in 10", kind: "num", value: (o: DamageCoverageOptionResult) => formatMoney(o.districtP90.toString()) },
          { key: "s", label: "Per device, standard", kind: "num", value: (o: DamageCoverageOptionResult) => formatMoney(o.perStandardDevice.toString()) },
          { key: "l", label: "Per device, NSLP", kind: "num", value: (o: DamageCoverageOptionResult) => formatMoney(o.perNslpDevice.toString()) },
        ]}
        rows={[...r.options].sort((a, b) => a.rank - b.rank)}
      />
      <ul>
        {[...r.options]
          .sort((a, b) => a.rank - b.rank)
          .map((o) => (
            <li key={o.id}>{o.explanation}</li>
          ))}
      </ul>
      <p class="hint">
        Plan: $250 cap a claim, 2 claims a device a year. Family fee: 85 % collected; a device's first incident of the year is free, the second costs $50 ($15 with NSLP), the third and later the full
        repair ($50 with NSLP), never more than the repair.
      </p>
    </>
  );
}
