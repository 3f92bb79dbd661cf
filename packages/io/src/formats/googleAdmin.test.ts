import { describe, expect, it } from "vitest";
import { autoUpdateExpirationByModel } from "./aueByModel.js";
import { readGoogleAdminDevices } from "./googleAdmin.js";

describe("Google Admin and GAM Chrome device exports", () => {
  it("reads GAM's lower-case headers and the deprecated autoUpdateExpiration as epoch milliseconds", () => {
    // GAM writes Directory API names; older versions print autoUpdateExpiration as epoch ms (DOMAIN-lifecycle.md §1)
    const csv = "serialnumber,model,orgunitpath,autoupdateexpiration,lastsync\nX1,Acme Chromebook 300,/Students,1782777600000,2026-05-01T10:00:00.000Z";
    const r = readGoogleAdminDevices(csv);
    expect(r.rows[0]).toMatchObject({ serialNumber: "X1", orgUnitPath: "/Students", autoUpdateExpiration: "2026-06-30", lastSync: "2026-05-01" });
  });

  it("reads AUE written as a month alone, in the forms districts type it", () => {
    const csv = ["Serial Number,Model,AUE", "A,M,June 2031", "B,M,Jun 2031", "C,M,2031-06", "D,M,6/30/2031", "E,M,"].join("\n");
    expect(readGoogleAdminDevices(csv).rows.map((x) => x.autoUpdateExpiration)).toEqual(["2031-06-30", "2031-06-30", "2031-06-30", "2031-06-30", undefined]);
  });

  it("needs a serial number on every row, and says where one is missing", () => {
    const r = readGoogleAdminDevices("Serial Number,Model\n,Acme Chromebook 300\nX2,Acme Chromebook 300");
    expect(r.errors[0]?.message).toBe("line 2, Serial Number: is empty (a value is required)");
    expect(r.stats).toMatchObject({ total: 2, parsed: 1, failed: 1 });
  });

  it("gives each model the AUE most of its devices report, listing disagreements", () => {
    const models = autoUpdateExpirationByModel([
      { model: "Acme 300", autoUpdateExpiration: "2026-06-30" },
      { model: "Acme 300", autoUpdateExpiration: "2026-06-30" },
      { model: "Acme 300", autoUpdateExpiration: "2029-06-30" },
      { model: "Bolt 14e" },
    ]);
    expect(models).toEqual([
      { model: "Acme 300", autoUpdateExpiration: "2026-06-30", devices: 3, agreeing: 2, otherDates: [{ date: "2029-06-30", devices: 1 }] },
      { model: "Bolt 14e", autoUpdateExpiration: null, devices: 1, agreeing: 0, otherDates: [] },
    ]);
  });
});
