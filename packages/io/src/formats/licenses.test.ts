import { describe, expect, it } from "vitest";
import { readLicenseContracts, readUsage } from "./licenses.js";

describe("licence contracts and usage", () => {
  it("lets the user map a vendor's own headers, and the mapping wins over the aliases", () => {
    const csv = "Title,Licenses,Total,Net Price,Renews On,Cancel By (days)\nMathQuest,623,4516.75,7.25,7/1/2026,30";
    const r = readLicenseContracts(csv, { mapping: { unitPrice: "Net Price", renewalDate: "Renews On", noticeDays: "Cancel By (days)" } });
    expect(r.rows[0]).toMatchObject({ product: "MathQuest", seats: 623, annualCost: "4516.75", unitPrice: "7.25", renewalDate: "2026-07-01", noticeDays: 30 });
    expect(r.columns.filter((c) => c.by === "mapping").map((c) => c.field)).toEqual(["unitPrice", "renewalDate", "noticeDays"]);
  });

  it("reads yes/no, true/false and 1/0 as auto-renewal, and refuses anything else", () => {
    const r = readLicenseContracts("Product,Auto Renew\nA,Yes\nB,no\nC,1\nD,maybe");
    expect(r.rows.map((x) => x.autoRenew)).toEqual([true, false, true]);
    expect(r.errors[0]?.reason).toBe('"maybe" is not yes/no (expected true, false, yes, no, 1 or 0)');
  });

  it("keeps a user who never signed in, with no last-active date", () => {
    const r = readUsage("Application,User Email,Last Login\nReadWell,a@x.org,5/30/2026\nReadWell,b@x.org,");
    expect(r.rows.map((x) => x.lastActive)).toEqual(["2026-05-30", undefined]);
  });

  it("refuses a negative seat count", () => {
    const r = readLicenseContracts("Product,Seats\nA,-5");
    expect(r.errors[0]?.message).toBe('line 2, Seats: "-5" is negative (expected a count ≥ 0)');
  });
});
