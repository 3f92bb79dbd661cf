import { DistrictKitError, Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { c2Budget } from "./c2Budget.js";
import { trackC2Cycle } from "./c2Cycle.js";
import { cepEligibility } from "./cep.js";
import { eRateCostShare } from "./costShare.js";
import { eRateDiscount } from "./discount.js";
import { legacyWeightedDiscount } from "./legacyDiscount.js";

const district = (share: number, locales: ("urban" | "rural")[]) => locales.map((locale) => ({ students: 1000, nslpEligible: Math.round(share * 1000), locale }));

describe("E-Rate discount (current district-wide rule)", () => {
  // D-3: DOMAIN-budget.md §9 — USAC matrix and the C2 cap
  it("gives C1 90 % and C2 85 % at an 80 % NSLP share, urban or rural (D-3)", () => {
    for (const locale of ["urban", "rural"] as const) {
      const d = eRateDiscount({ fundingYear: 2026, schools: district(0.8, [locale]) });
      expect([d.c1, d.c2, d.c2Capped]).toEqual([90, 85, true]);
    }
  });

  // D-4: DOMAIN-budget.md §9 — USAC matrix
  it("gives 20 % urban and 25 % rural below a 1 % share (D-4)", () => {
    const urban = eRateDiscount({ fundingYear: 2026, schools: [{ students: 1000, nslpEligible: 5, locale: "urban" }] });
    const rural = eRateDiscount({ fundingYear: 2026, schools: [{ students: 1000, nslpEligible: 5, locale: "rural" }] });
    expect([urban.c1, urban.c2, rural.c1, rural.c2]).toEqual([20, 20, 25, 25]);
  });

  // D-5: DOMAIN-budget.md §9 — USAC FAQ: exactly half rural is urban
  it("uses the urban column when exactly half of the schools are rural (D-5)", () => {
    const d = eRateDiscount({ fundingYear: 2026, schools: district(0.4, ["rural", "rural", "urban", "urban"]) });
    expect(d.locale).toBe("urban");
    expect(d.c1).toBe(60);
    const more = eRateDiscount({ fundingYear: 2026, schools: district(0.4, ["rural", "rural", "rural", "urban"]) });
    expect(more.locale).toBe("rural");
    expect(more.c1).toBe(70);
  });

  it("gives the sample district 70 % (912 students, 389 eligible, all rural)", () => {
    const d = eRateDiscount({
      fundingYear: 2026,
      schools: [
        { students: 392, nslpEligible: 188, locale: "rural" },
        { students: 231, nslpEligible: 97, locale: "rural" },
        { students: 289, nslpEligible: 104, locale: "rural" },
      ],
    });
    expect([d.c1, d.c2, d.nslpEligible, d.students]).toEqual([70, 70, 389, 912]);
    expect(d.explanation).toMatch(/389 of 912/);
  });

  it("bands the exact share on half-open bands, and offers whole-percent rounding", () => {
    // 34.6 % is in 20–34 exactly, but rounds to 35 % with whole-percent rounding
    const schools = [{ students: 1000, nslpEligible: 346, locale: "urban" as const }];
    expect(eRateDiscount({ fundingYear: 2026, schools }).c1).toBe(50);
    const rounded = eRateDiscount({ fundingYear: 2026, schools, wholePercentRounding: true });
    expect([rounded.c1, rounded.banding]).toEqual([60, "whole-percent"]);
    // 0.999 % stays under 1 %
    expect(eRateDiscount({ fundingYear: 2026, schools: [{ students: 1000, nslpEligible: 9, locale: "urban" }] }).c1).toBe(20);
    expect(eRateDiscount({ fundingYear: 2026, schools: [{ students: 100, nslpEligible: 1, locale: "urban" }] }).c1).toBe(40);
  });

  it("counts CEP schools by ISP × 1.6 rounded up to a whole student", () => {
    const d = eRateDiscount({ fundingYear: 2026, schools: [{ students: 250, cep: { identifiedStudentPercent: 40.25 }, locale: "urban" }] });
    expect(d.nslpEligible).toBe(161);
    expect(d.cep[0]!.percent).toBe("64");
    expect(d.c1).toBe(80);
  });

  it("refuses NSLP above enrollment and districts with no students", () => {
    expect(() => eRateDiscount({ fundingYear: 2026, schools: [{ students: 10, nslpEligible: 11, locale: "urban" }] })).toThrow(DistrictKitError);
    expect(() => eRateDiscount({ fundingYear: 2026, schools: [{ students: 0, nslpEligible: 0, locale: "urban" }] })).toThrow(DistrictKitError);
  });
});

// DOMAIN-budget.md §2.3 (now explicit): an applicant whose whole enrollment is under CEP bands the
// CEP rule's whole percent. The steps and the 46–47 % ISP range where rounding decides 80 % vs
// 90 % are from E-Rate Central, "April 18, 2016" (DOMAIN-budget.md §10).
describe("CEP applicants: the whole-percent CEP figure is banded", () => {
  const cepSchool = (students: number, isp: number, locale: "urban" | "rural" = "urban") => ({ students, cep: { identifiedStudentPercent: isp }, locale });

  it("bands an independent CEP school's 74.6 % as 75 %: C1 90 %, C2 85 % (ISP 46.6)", () => {
    // 46.6 × 1.6 = 74.56 %; 1000 × 74.56 % = 745.6 → 746 eligible; 74.6 % → 75 %
    const d = eRateDiscount({ fundingYear: 2026, schools: [cepSchool(1000, 46.6)] });
    expect([d.nslpEligible, d.sharePercent, d.bandedPercent, d.banding, d.allCep]).toEqual([746, "74.6", "75", "cep-whole-percent", true]);
    expect([d.band.label, d.c1, d.c2]).toEqual(["75 % – 100 %", 90, 85]);
    expect(d.explanation).toContain("746 of 1000 students");
    expect(d.explanation).toContain("the CEP rule's whole percent 75 % is banded");
    expect(d.explanation).toContain("C1 90 %, C2 85 %");
  });

  it("keeps 80 % when the ISP is rounded down to 46 (the EPC defect E-Rate Central describes)", () => {
    // 46 × 1.6 = 73.6 %: 736 eligible, 73.6 % → 74 % → band 50–74
    const d = eRateDiscount({ fundingYear: 2026, schools: [cepSchool(1000, 46)] });
    expect([d.bandedPercent, d.c1, d.c2]).toEqual(["74", 80, 80]);
  });

  it("rounds half up: 49.5 % bands as 50 % (ISP 30.9, 200 students)", () => {
    // 30.9 × 1.6 = 49.44 %; 200 × 49.44 % = 98.88 → 99 eligible = 49.5 % → 50 %
    const d = eRateDiscount({ fundingYear: 2026, schools: [cepSchool(200, 30.9)] });
    expect([d.nslpEligible, d.bandedPercent, d.c1]).toEqual([99, "50", 80]);
    expect(eRateDiscount({ fundingYear: 2026, schools: [cepSchool(200, 30.9)], cepWholePercent: false }).c1).toBe(60);
  });

  it("bands the rounded percentage of the summed eligible counts of a district whose every school is CEP", () => {
    // 400 × 46.6 % × 1.6 = 298.24 → 299; 600 × 74.56 % = 447.36 → 448; 747 / 1000 = 74.7 % → 75 %
    const schools = [cepSchool(400, 46.6, "rural"), cepSchool(600, 46.6, "rural"), { students: 0, kind: "nif" as const, locale: "rural" as const }];
    const d = eRateDiscount({ fundingYear: 2026, schools });
    expect([d.nslpEligible, d.students, d.bandedPercent, d.banding, d.c1]).toEqual([747, 1000, "75", "cep-whole-percent", 90]);
    expect(d.cep.map((c) => c.eligibleStudents)).toEqual([299, 448]);
  });

  it("leaves a district that mixes CEP and non-CEP schools on the exact share (§2.2)", () => {
    // 746 (CEP) + 0 of 1 (non-CEP) = 746 / 1001 = 74.53 %: exact → 50–74 → 80 %
    const schools = [cepSchool(1000, 46.6), { students: 1, nslpEligible: 0, locale: "urban" as const }];
    const d = eRateDiscount({ fundingYear: 2026, schools });
    expect([d.allCep, d.banding, d.c1]).toEqual([false, "exact", 80]);
    // the district-wide whole-percent option (unconfirmed for non-CEP districts) still applies to a mixed district
    expect(eRateDiscount({ fundingYear: 2026, schools, wholePercentRounding: true }).banding).toBe("whole-percent");
  });
});

describe("CEP eligibility", () => {
  it("caps ISP × 1.6 at 100 % and uses exact decimals (no float ceil error)", () => {
    expect(cepEligibility({ students: 100, identifiedStudentPercent: 70 }).eligibleStudents).toBe(100);
    // 0.4 × 1.6 = 0.64 exactly: 100 × 64 % = 64, not 65
    expect(cepEligibility({ students: 100, identifiedStudentPercent: 40 }).eligibleStudents).toBe(64);
    expect(cepEligibility({ students: 33, identifiedStudentPercent: 10 }).eligibleStudents).toBe(6); // 5.28 → 6
  });
  it("takes an overriding multiplier", () => {
    expect(cepEligibility({ students: 100, identifiedStudentPercent: 40, multiplier: "1.25" }).percentEligible).toBe("50");
  });
});

describe("legacy weighted-average discount (before FY2015)", () => {
  it("weights each school's own discount by its students, unlike today's rule", () => {
    const schools = [
      { students: 300, nslpEligible: 240, locale: "urban" as const },
      { students: 100, nslpEligible: 10, locale: "urban" as const },
    ];
    expect(legacyWeightedDiscount({ fundingYear: 2014, schools }).exactPercent).toBe("77.5");
    // today's rule on the same data: 250/400 = 62.5 % → 80 %
    expect(eRateDiscount({ fundingYear: 2015, schools }).c1).toBe(80);
  });
  it("refuses funding years 2015 and later", () => {
    try {
      legacyWeightedDiscount({ fundingYear: 2015, schools: [{ students: 1, nslpEligible: 0, locale: "urban" }] });
      expect.unreachable();
    } catch (e) {
      expect((e as DistrictKitError).code).toBe("UNSUPPORTED");
    }
  });
});

describe("Category Two budgets", () => {
  // C2-1: E-Rate Central, 24 Aug 2020 (its table prints "1,732"; the schools sum to 1,723)
  it("gives a 4-school district $287,741 per student (C2-1)", () => {
    const r = c2Budget({ fundingYear: 2021, schools: [529, 576, 247, 371].map((students) => ({ students })) });
    expect(r.students).toBe(1723);
    expect(r.budget.toString()).toBe("287741");
    expect(r.perEntity.toString()).toBe("100000");
    expect(r.hybrid?.toString()).toBe("287741");
    expect(r.formula).toBe("per-student");
  });

  // C2-2: USAC Category Two budget page
  it("lifts a 149-student independent school to the $25,000 floor (C2-2)", () => {
    const r = c2Budget({ fundingYear: 2022, applicant: "independent-school", schools: [{ students: 149 }] });
    expect(r.perStudent.toString()).toBe("24883");
    expect(r.budget.toString()).toBe("25000");
  });

  // C2-3: USAC Category Two budget page
  it("lifts a 5,555 sq ft library to the $25,000 floor (C2-3)", () => {
    const r = c2Budget({ fundingYear: 2023, applicant: "independent-library", libraries: [{ squareFeet: 5555 }] });
    expect(r.perStudent.toString()).toBe("24997.5");
    expect(r.budget.toString()).toBe("25000");
  });

  // C2-4: computed from DOMAIN-budget.md §3.2
  it("gives 4 small schools (440 students) the per-entity $100,000 (C2-4)", () => {
    const r = c2Budget({ fundingYear: 2024, schools: [100, 120, 80, 140].map((students) => ({ students })) });
    expect([r.perStudent.toString(), r.perEntity.toString(), r.hybrid?.toString(), r.budget.toString()]).toEqual(["73480", "100000", "100000", "100000"]);
    expect(r.formula).toBe("per-entity");
  });

  it("uses the FY2026–30 figures from the table and excludes NIFs", () => {
    const r = c2Budget({ fundingYear: 2026, schools: [{ students: 912 }, { students: 0, kind: "nif" }] });
    expect(r.budget.toString()).toBe(Money.of("201.57").multiply(912).toString());
    expect(r.childEntities).toBe(1);
    expect(r.unconfirmed).toBe(true);
  });

  it("offers the hybrid only to small districts (≤ 10 schools)", () => {
    const schools = Array.from({ length: 11 }, (_, i) => ({ students: i === 0 ? 2000 : 10 }));
    const r = c2Budget({ fundingYear: 2021, schools });
    expect(r.small).toBe(false);
    expect(r.hybrid).toBeNull();
  });

  it("computes test-period and FY2020 budgets per school, FY2020 from the table (DOMAIN §3.1, FCC DA 19-1301)", () => {
    expect(c2Budget({ fundingYear: 2016, schools: [{ students: 10 }, { students: 100 }] }).budget.toString()).toBe("24200");
    // FY2020: max($195.63 × students, $11,998.43) per school
    const r = c2Budget({ fundingYear: 2020, schools: [{ students: 1000 }, { students: 50 }] });
    expect([r.cycle, r.formula, r.budget.toString(), r.multiplier, r.floor]).toEqual(["FY2020", "per-school", "207628.43", "195.63", "11998.43"]);
    expect(r.explanation).toContain("FY2020 budgets were per school");
    // libraries: $3.00 / sq ft, $6.52 in IMLS locales 11, 12, 21
    expect(c2Budget({ fundingYear: 2020, applicant: "independent-library", libraries: [{ squareFeet: 10000, imlsLocaleCode: 11 }] }).budget.toString()).toBe("65200");
    expect(c2Budget({ fundingYear: 2020, applicant: "independent-library", libraries: [{ squareFeet: 10000, imlsLocaleCode: 41 }] }).budget.toString()).toBe("30000");
    // the caller may still override
    expect(c2Budget({ fundingYear: 2020, schools: [{ students: 1000 }], parameters: { perStudent: "167", floorPerEntity: "25000" } }).budget.toString()).toBe("167000");
  });

  // C2-10: Alaska libraries E-Rate page
  it("splits a $100,000 C2 project at 80 % and at a capped 90 % (C2-10)", () => {
    const a = eRateCostShare({ amount: "100000", category: "C2", discountPercent: 80 });
    const b = eRateCostShare({ amount: "100000", category: "C2", discountPercent: 90 });
    expect([a.eRatePays.toString(), a.districtPays.toString(), a.c2BudgetConsumed.toString()]).toEqual(["80000", "20000", "100000"]);
    expect([b.eRatePays.toString(), b.districtPays.toString(), b.c2BudgetConsumed.toString(), b.capped]).toEqual(["85000", "15000", "100000", true]);
  });

  it("tracks a cycle: increases raise the budget, decreases never lower it", () => {
    const r = trackC2Cycle({
      years: [
        { fundingYear: 2026, schools: [{ students: 1000 }], committed: "150000" },
        { fundingYear: 2027, schools: [{ students: 900 }], committed: "60000" },
      ],
    });
    expect(r.years[1]!.budget.toString()).toBe("201570");
    expect(r.years[1]!.consumed.toString()).toBe("51570");
    expect(r.years[1]!.overBudget.toString()).toBe("8430");
    expect(r.remaining.toString()).toBe("0");
  });
});

describe("trackC2Cycle: the test period (FY2015–FY2019) and FY2020, per school", () => {
  // e-ratepa, "Category 2 Budget Calculations and Calculators", 12 April 2016 (http://e-ratepa.org/?p=12391):
  // School A, 250 students in FY2015 → $37,500; $25,000 committed → $12,500 left; 275 students in
  // FY2016 add 25 × $150 = $3,750 → $16,250.
  it("reproduces e-ratepa's School A: $12,500 left, then $16,250 after 25 more students", () => {
    const r = trackC2Cycle({
      years: [
        { fundingYear: 2015, schools: [{ id: "A", students: 250, committed: "25000" }] },
        { fundingYear: 2016, schools: [{ id: "A", students: 275 }] },
      ],
    });
    expect([r.cycle, r.basis]).toEqual(["FY2015-FY2020", "per-school"]);
    expect(r.years.map((y) => [y.cycle, y.budget.toString(), y.consumed.toString(), y.remaining.toString()])).toEqual([
      ["FY2015-FY2019", "37500", "25000", "12500"],
      ["FY2015-FY2019", "41250", "0", "16250"],
    ]);
    expect(r.years[1]!.schools[0]!.explanation).toBe("FY2016 A: max($150 × 275 students, $9,200.00) = $41,250.00; committed before $25,000.00; committed $0.00; remaining $16,250.00.");
  });

  it("keeps each school's budget apart: one school's surplus does not pay another's excess", () => {
    const r = trackC2Cycle({
      years: [
        {
          fundingYear: 2017,
          schools: [
            { id: "hs", students: 600, committed: "100000" },
            { id: "es", students: 300, committed: "10000" },
            { id: "nif", students: 0, kind: "nif" },
          ],
        },
      ],
    });
    const [hs, es, nif] = r.years[0]!.schools;
    expect([hs!.budget.toString(), hs!.consumed.toString(), hs!.overBudget.toString(), hs!.remaining.toString()]).toEqual(["90000", "90000", "10000", "0"]);
    expect([es!.budget.toString(), es!.remaining.toString()]).toEqual(["45000", "35000"]);
    expect(nif!.budget.toString()).toBe("0");
    expect([r.years[0]!.budget.toString(), r.years[0]!.overBudget.toString(), r.remaining.toString()]).toEqual(["135000", "10000", "35000"]);
    expect(r.years[0]!.explanation).toContain("$10,000.00 above the schools' budgets");
  });

  it("lowers a test-period school's budget when enrollment falls, and takes nothing back", () => {
    const r = trackC2Cycle({
      years: [
        { fundingYear: 2018, schools: [{ students: 400, committed: "55000" }] },
        { fundingYear: 2019, schools: [{ students: 300, committed: "1000" }] },
      ],
    });
    const y = r.years[1]!;
    expect([y.budget.toString(), y.consumed.toString(), y.overBudget.toString(), y.remaining.toString()]).toEqual(["45000", "0", "1000", "0"]);
    expect(y.schools[0]!.explanation).toContain("enrollment fell below what was already committed");
  });

  it("gives FY2020 the FY2020 multiplier × FY2020 students (or the floor) minus the FY2015–2019 commitments", () => {
    const r = trackC2Cycle({
      years: [
        {
          fundingYear: 2019,
          schools: [
            { id: "big", students: 1000, committedBefore: "100000", committed: "20000" },
            { id: "small", students: 50, committed: "9200" },
          ],
        },
        {
          fundingYear: 2020,
          schools: [
            { id: "big", students: 1000, committed: "0" },
            { id: "small", students: 50 },
          ],
        },
      ],
    });
    const y2020 = r.years[1]!;
    expect(y2020.cycle).toBe("FY2020");
    // big: 195.63 × 1000 = 195,630 − 120,000 = 75,630; small: floor 11,998.43 − 9,200 = 2,798.43
    expect(y2020.schools.map((s) => [s.budget.toString(), s.committedBefore.toString(), s.remaining.toString()])).toEqual([
      ["195630", "120000", "75630"],
      ["11998.43", "9200", "2798.43"],
    ]);
    expect(r.remaining.toString()).toBe("78428.43");
    expect(r.lapsesAtCycleEnd.toString()).toBe("78428.43");
  });

  it("takes a year's own figures (an inflation-adjusted test-period multiplier)", () => {
    const r = trackC2Cycle({ years: [{ fundingYear: 2019, schools: [{ students: 100 }], parameters: { perStudent: "159.67", floorPerEntity: "9793.33" } }] });
    expect(r.budget.toString()).toBe("15967");
  });

  it("throws UNSUPPORTED for a year with no C2 budget, as its docs say", () => {
    for (const fundingYear of [2014, 2031]) {
      try {
        trackC2Cycle({ years: [{ fundingYear, schools: [{ students: 10 }] }] });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DistrictKitError);
        expect((e as DistrictKitError).code).toBe("UNSUPPORTED");
        expect((e as DistrictKitError).issues[0]!.pathText).toBe("years[0].fundingYear");
      }
    }
  });

  it("throws INVALID_INPUT for years of two cycles, gaps, missing ids and a year total where schools' are needed", () => {
    const code = (input: unknown): string => {
      try {
        trackC2Cycle(input as never);
        return "none";
      } catch (e) {
        return (e as DistrictKitError).code;
      }
    };
    expect(
      code({
        years: [
          { fundingYear: 2020, schools: [{ students: 10 }] },
          { fundingYear: 2021, schools: [{ students: 10 }] },
        ],
      }),
    ).toBe("INVALID_INPUT");
    expect(
      code({
        years: [
          { fundingYear: 2025, schools: [{ students: 10 }] },
          { fundingYear: 2026, schools: [{ students: 10 }] },
        ],
      }),
    ).toBe("INVALID_INPUT");
    expect(
      code({
        years: [
          { fundingYear: 2016, schools: [{ students: 10 }] },
          { fundingYear: 2018, schools: [{ students: 10 }] },
        ],
      }),
    ).toBe("INVALID_INPUT");
    expect(code({ years: [{ fundingYear: 2016, schools: [{ students: 10 }, { students: 20 }] }] })).toBe("INVALID_INPUT");
    expect(
      code({
        years: [
          {
            fundingYear: 2016,
            schools: [
              { id: "a", students: 10 },
              { id: "b", students: 20 },
            ],
            committed: "100",
          },
        ],
      }),
    ).toBe("INVALID_INPUT");
    expect(
      code({
        years: [
          {
            fundingYear: 2016,
            schools: [
              { id: "a", students: 10 },
              { id: "a", students: 20 },
            ],
          },
        ],
      }),
    ).toBe("INVALID_INPUT");
    expect(
      code({
        years: [
          { fundingYear: 2016, schools: [{ students: 10 }] },
          { fundingYear: 2017, schools: [{ students: 10, committedBefore: "5" }] },
        ],
      }),
    ).toBe("INVALID_INPUT");
    // the FY2015–FY2019 test period and FY2020 track together
    expect(
      code({
        years: [
          { fundingYear: 2019, schools: [{ students: 10 }] },
          { fundingYear: 2020, schools: [{ students: 10 }] },
        ],
      }),
    ).toBe("none");
  });

  it("sums schools' commitments from FY2021 (one district-wide budget) and counts earlier commitments", () => {
    const r = trackC2Cycle({
      years: [
        {
          fundingYear: 2022,
          schools: [
            { students: 1000, committed: "100000", committedBefore: "50000" },
            { students: 723, committed: "7741" },
          ],
        },
      ],
    });
    // 1,723 × $167 = $287,741 − 50,000 − 107,741 = 130,000
    expect([r.basis, r.years[0]!.committed.toString(), r.remaining.toString()]).toEqual(["district-wide", "107741", "130000"]);
    expect(r.years[0]!.schools).toEqual([]);
  });
});
