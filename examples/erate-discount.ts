// Maple Valley's E-Rate: the district discount, the Category Two five-year budget, what the
// FY2028 Wi-Fi refresh costs the district, and how the rules differ (CEP, the legacy rule).
// Run: node --conditions=@districtkit/source --import tsx examples/erate-discount.ts
import { readFileSync } from "node:fs";
import { c2Budget, cepEligibility, eRateCostShare, eRateDiscount, legacyWeightedDiscount, pmt, projectBudget, trackC2Cycle } from "@districtkit/budget";
import { districtFiscalYearOfFundingYear, eRateFundingYearOf } from "@districtkit/core";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/sample-district/${name}`, import.meta.url), "utf8"));
const district = read("district.json") as { name: string; schools: { id: string; name: string; students: number; nslpEligible: number; locale: "urban" | "rural" }[] };
const budget = read("budget.json");

const fundingYear = eRateFundingYearOf(2027);
console.log(`District FY2027 (2026-07-01 … 2027-06-30) is E-Rate funding year FY${fundingYear}; E-Rate FY2027 is district FY${districtFiscalYearOfFundingYear(2027)}.\n`);

const d = eRateDiscount({ fundingYear, schools: district.schools });
console.log(`Discount: ${d.explanation}`);

const c2 = c2Budget({ fundingYear, schools: district.schools });
console.log(`\nCategory Two budget: ${c2.explanation}`);

const refresh = eRateCostShare({ amount: "168600", category: "C2", discountPercent: d.c1, fundingYear: 2027 });
console.log(`\nFY2028 Wi-Fi, switches and cabling: ${refresh.explanation}`);

// Track the cycle with the projected enrollment and the plan's C2 requests.
const p = projectBudget({ district, budget } as never, undefined, { detail: "items" });
const c2Lines = p.lines.filter((l) => l.eRate === "C2");
const years = p.years
  .filter((y) => y.eRateFundingYear <= 2030)
  .map((y, i) => ({
    fundingYear: y.eRateFundingYear,
    schools: district.schools.map((s) => ({ students: Math.round(p.years[i]!.students * (s.students / 912)) })),
    committed: c2Lines.reduce((a, l) => a + l.years[i]!.cost.toNumber(), 0).toFixed(2),
  }));
const cycle = trackC2Cycle({ years });
console.log(`\nCycle ${cycle.cycle}, year by year:`);
for (const y of cycle.years) console.log(`  ${y.explanation}`);

const cep = cepEligibility({ students: 392, identifiedStudentPercent: 31.5 });
console.log(`\nIf the elementary school joined CEP: ${cep.explanation}`);
// with every school under CEP, the CEP rule's whole percent is what is banded
const allCep = eRateDiscount({ fundingYear, schools: district.schools.map((s) => ({ students: s.students, cep: { identifiedStudentPercent: 46.6 }, locale: s.locale })) });
console.log(`If every school joined CEP with an ISP of 46.6 %: ${allCep.explanation}`);

// the district's share of the refresh, financed over five years at 4.5 % (Excel's PMT)
const share = refresh.districtPays;
const payment = pmt(0.045, 5, share).negate().roundToCents();
console.log(
  `\nFinancing the district's ${share.format()} over 5 years at 4.5 %: ${payment.format()} a year (Excel: =PMT(4.5%, 5, ${share.toString()})), ${payment.multiply(5).subtract(share).format()} of interest in all.`,
);

const legacy = legacyWeightedDiscount({ fundingYear: 2014, schools: district.schools });
console.log(`Before FY2015 the same schools got: ${legacy.explanation}`);
