import { describe, expect, it } from "vitest";
import { ERATE_FILING_WINDOWS, eRateProcurementCalendar } from "../index.js";

// Published fixtures:
// - FY2025 window 2025-01-15 – 2025-03-26, last Form 470 2025-02-26 (USAC E-Rate News Brief,
//   20 February 2025); FY2026 window 2026-01-21 – 2026-04-01, last Form 470 2026-03-04 (E-Rate
//   Central, 12 January and 23 February 2026).
// - Invoice deadlines 28 October (recurring) and 28 January (non-recurring) (E-Rate Central,
//   20 October 2014: "120 days after the last date to receive services"); FY2024 non-recurring
//   invoices due 2026-01-28, recurring 2025-10-28 (Funds For Learning, "FY2024 Invoicing Deadlines
//   Approaching"; E-Rate Central, 6 October 2025).
// - Form 486: first FY2025 deadline 2025-10-29 for commitments made by 1 July (E-Rate Central,
//   6 October 2025: "First FY 2025 Form 486 deadline … October 29").
describe("eRateProcurementCalendar", () => {
  it("derives the last Form 470 day from the window and the 28-day rule, as USAC published it", () => {
    for (const w of ERATE_FILING_WINDOWS) {
      const cal = eRateProcurementCalendar({ fundingYear: w.fundingYear });
      expect(cal.milestones.find((m) => m.id === "last-form-470")?.date).toBe(w.lastForm470);
    }
  });

  it("gives the published invoice and Form 486 deadlines", () => {
    const fy24 = eRateProcurementCalendar({ fundingYear: 2024, window: { form471Opens: "2024-01-17", form471Closes: "2024-03-27", source: "test" } });
    const by = new Map(fy24.milestones.map((m) => [m.id, m.date]));
    expect(by.get("recurring-invoice-deadline")).toBe("2025-10-28");
    expect(by.get("non-recurring-invoice-deadline")).toBe("2026-01-28");
    const fy25 = new Map(eRateProcurementCalendar({ fundingYear: 2025 }).milestones.map((m) => [m.id, m.date]));
    expect(fy25.get("form-486-earliest")).toBe("2025-10-29");
    expect(fy25.get("c2-install-from")).toBe("2025-04-01");
    expect(fy25.get("non-recurring-service-end")).toBe("2026-09-30");
  });

  it("keeps milestones in date order", () => {
    const cal = eRateProcurementCalendar({ fundingYear: 2026, purchases: [{ id: "p", name: "P", category: "C2", kind: "non-recurring", form470PostedOn: "2026-02-01" }] });
    const dates = cal.milestones.map((m) => m.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("warns for every rule a purchase's dates break, and only those", () => {
    const cal = eRateProcurementCalendar({
      fundingYear: 2026,
      eligibilityAsOf: "2026-01-15",
      purchases: [
        {
          id: "ok",
          name: "Switches",
          category: "C2",
          kind: "non-recurring",
          service: "switches",
          form470PostedOn: "2026-01-05",
          contractSignedOn: "2026-02-02",
          form471FiledOn: "2026-02-03",
          serviceStartOn: "2026-04-01",
          serviceEndOn: "2026-08-15",
        },
        { id: "late470", name: "Cabling", category: "C2", kind: "non-recurring", form470PostedOn: "2026-03-05" },
        {
          id: "early",
          name: "Internet",
          category: "C1",
          kind: "recurring",
          form470PostedOn: "2026-01-05",
          contractSignedOn: "2026-01-20",
          form471FiledOn: "2026-04-02",
          serviceStartOn: "2026-06-01",
          serviceEndOn: "2027-07-31",
        },
        { id: "nob", name: "Bus Wi-Fi", category: "C1", kind: "recurring", service: "school-bus-wifi", contractSignedOn: "2026-02-01" },
        { id: "inv", name: "APs", category: "C2", kind: "non-recurring", form470PostedOn: "2026-01-05", fcdlOn: "2026-09-01", form486FiledOn: "2027-01-05", invoiceFiledOn: "2028-06-01" },
      ],
    });
    const codes = (id: string) => cal.warnings.filter((w) => w.purchase === id).map((w) => w.code);
    expect(codes("ok")).toEqual([]);
    expect(codes("late470")).toEqual(["form470-too-late"]);
    expect(codes("early")).toEqual(["contract-before-wait", "form471-outside-window", "service-start-early", "service-end-late"]);
    expect(codes("nob")).toEqual(["form470-missing", "ineligible"]);
    expect(codes("inv")).toEqual(["form486-late", "invoice-late"]);
    const inv = cal.purchases.find((p) => p.id === "inv")!;
    expect([inv.form486Due, inv.invoiceDue, inv.invoiceDueWithExtension]).toEqual(["2026-12-30", "2028-01-28", "2028-05-27"]);
    expect(cal.warnings.find((w) => w.purchase === "inv" && w.code === "invoice-late")?.message).toContain("even with the one-time extension");
    expect(cal.purchases.find((p) => p.id === "ok")!.explanation).toMatch(/no rule broken\.$/);
  });

  it("asks for the window of a funding year USAC has not published", () => {
    expect(() => eRateProcurementCalendar({ fundingYear: 2027 })).toThrow(/FY2027 Form 471 window is not in DistrictKit's table/);
    const cal = eRateProcurementCalendar({ fundingYear: 2027, window: { form471Opens: "2027-01-20", form471Closes: "2027-03-31", source: "our estimate" } });
    expect(cal.milestones.find((m) => m.id === "last-form-470")?.date).toBe("2027-03-03");
  });
});
