import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enrollmentCountsSchema } from "../src/formats/oneRoster.js";
import {
  autoUpdateExpirationByModel,
  googleAdminDeviceSchema,
  groupVettingAnswers,
  licenseContractSchema,
  readGoogleAdminDevices,
  readLicenseContracts,
  readOneRoster,
  readSnipeItAssets,
  readUsage,
  readVettingAnswers,
  readVettingAnswersJson,
  snipeItAssetSchema,
  usageRecordSchema,
  vettingAnswerRowSchema,
} from "../src/index.js";

// The sample exports of the fictional Maple Valley School District (SAMPLE-DISTRICT.md),
// written by packages/io/scripts/makeSampleData.ts. Read as bytes, the way a browser's File gives them.
const data = join(import.meta.dirname, "../../../examples/data");
const file = (path: string): Uint8Array => readFileSync(join(data, path));

describe("Snipe-IT sample export (examples/data/snipe-it/assets.csv)", () => {
  const result = readSnipeItAssets(file("snipe-it/assets.csv"));

  it("reads the 1,310 assets of SAMPLE-DISTRICT.md, with the two flawed rows in the error list", () => {
    expect(result.stats).toEqual({ total: 1310, parsed: 1308, failed: 2, blankLines: 0 });
    expect(result.errors.map((e) => e.message)).toEqual([
      'line 215, Purchased: "13/45/2024" is not a date (expected YYYY-MM-DD or M/D/YYYY)',
      'line 1208, Cost: "TBD" is not an amount (expected e.g. 1234.56 or $1,234.56)',
    ]);
    expect(result.encoding).toBe("utf-8");
  });

  it("matches the UI export headers through the aliases and keeps the rest as attributes", () => {
    const by = Object.fromEntries(result.columns.map((c) => [c.field, c.header]));
    expect(by).toMatchObject({ purchaseDate: "Purchased", purchaseCost: "Cost", eolDate: "EOL", warrantyMonths: "Warranty", modelNumber: "Model No." });
    expect(result.unknownColumns).toEqual(["ID", "Default Location", "Funding Source"]);
    expect(result.rows[0]?.attributes["Funding Source"]).toBe("General Fund");
  });

  it("turns 8/14/23 into 2023-08-14, '36 months' into 36 and 289.00 into an exact amount", () => {
    expect(result.rows[0]).toMatchObject({ assetTag: "MVH-0001", model: "Acme Chromebook 311 G2", purchaseDate: "2023-08-14", purchaseCost: "289", warrantyMonths: 36, location: "Maple Valley High" });
    for (const row of result.rows) expect(snipeItAssetSchema.safeParse(row).success).toBe(true);
  });

  it("counts the groups of the sample district", () => {
    const count = (model: string) => result.rows.filter((r) => r.model === model).length;
    expect(count("Acme Chromebook 311 G2")).toBe(329); // 330, less the one with "13/45/2024"
    expect(count("Acme Chromebook 300")).toBe(150);
    expect(count("OptiPlex 7010")).toBe(96);
    expect(result.rows.filter((r) => r.category === "Interactive Display" && r.eolDate !== undefined)).toHaveLength(62);
  });
});

describe("Google Admin sample exports (examples/data/google-admin)", () => {
  it("reads the console export: 480 Chromebooks, AUE 'June 2031' as the month's last day", () => {
    const result = readGoogleAdminDevices(file("google-admin/chrome-devices.csv"));
    expect(result.stats).toEqual({ total: 480, parsed: 480, failed: 0, blankLines: 0 });
    expect(result.rows[0]).toMatchObject({ serialNumber: "ACF52408D7", autoUpdateExpiration: "2031-06-30", lastSync: "2026-05-17", annotatedAssetId: "MVH-0001" });
    expect(result.unknownColumns).toEqual(["MAC Address"]);
    for (const row of result.rows) expect(googleAdminDeviceSchema.safeParse(row).success).toBe(true);
    expect(autoUpdateExpirationByModel(result.rows).map((m) => [m.model, m.autoUpdateExpiration, m.devices])).toEqual([
      ["Acme Chromebook 300", "2026-06-30", 150],
      ["Acme Chromebook 311 G2", "2031-06-30", 330],
    ]);
  });

  it("reads a GAM print cros file with autoUpdateThrough", () => {
    const result = readGoogleAdminDevices(file("google-admin/gam-print-cros-high-older.csv"));
    expect(result.stats.parsed).toBe(40);
    expect(result.columns.find((c) => c.field === "autoUpdateExpiration")?.header).toBe("autoUpdateThrough");
    expect(new Set(result.rows.map((r) => r.autoUpdateExpiration))).toEqual(new Set(["2026-06-30"]));
    expect(new Set(result.rows.map((r) => r.model))).toEqual(new Set(["Acme Chromebook 300"]));
  });
});

describe("OneRoster 1.2 sample (examples/data/oneroster)", () => {
  const names = ["orgs", "users", "roles", "enrollments", "classes", "courses", "academicSessions", "manifest"];
  const result = readOneRoster(Object.fromEntries(names.map((n) => [`${n}.csv`, file(`oneroster/${n}.csv`)])));

  it("counts 912 students and 62 teachers, by school as in SAMPLE-DISTRICT.md", () => {
    expect(result.value.totals).toMatchObject({ students: 912, teachers: 62 });
    expect(result.value.schools.map((s) => [s.name, s.students, s.teachers])).toEqual([
      ["Maple Valley Elementary", 392, 28],
      ["Maple Valley Middle", 231, 15],
      ["Maple Valley High", 289, 19],
    ]);
    expect(result.value.schools[0]?.studentsByGrade).toEqual({ KG: 62, "01": 64, "02": 66, "03": 66, "04": 67, "05": 67 });
    expect(enrollmentCountsSchema.safeParse(result.value).success).toBe(true);
  });

  it("leaves out the three withdrawn students and says which files it did not use", () => {
    expect(result.value.excluded.inactiveUsers).toBe(3);
    expect(result.warnings).toEqual([
      "courses.csv is not used (DistrictKit reads orgs, users, roles, enrollments and classes)",
      "academicSessions.csv is not used (DistrictKit reads orgs, users, roles, enrollments and classes)",
      "manifest.csv is not used (DistrictKit reads orgs, users, roles, enrollments and classes)",
    ]);
    expect(result.stats.total).toBe(result.stats.parsed + result.stats.failed);
    expect(result.stats.files["users.csv"]?.total).toBe(1018);
  });
});

describe("licence sample exports (examples/data/licenses)", () => {
  it("reads the contract list with its vendor-style headers", () => {
    const result = readLicenseContracts(file("licenses/contracts.csv"));
    expect(result.stats).toEqual({ total: 9, parsed: 9, failed: 0, blankLines: 0 });
    const readWell = result.rows.find((r) => r.product === "ReadWell");
    // the ReadWell contract of examples/data/sample-district/licenses.json, as a vendor portal writes it
    expect(readWell).toMatchObject({ seats: 912, unitPrice: "12", annualCost: "10944", startDate: "2025-07-01", renewalDate: "2026-07-01", termMonths: 12, noticeDays: 90, autoRenew: true });
    expect(readWell?.attributes).toEqual({ "Contract Owner": "Technology Coordinator" });
    for (const row of result.rows) expect(licenseContractSchema.safeParse(row).success).toBe(true);
  });

  it("reads the usage export: every user of usage.json, never-used seats with no date", () => {
    const result = readUsage(file("licenses/usage.csv"));
    expect(result.stats).toEqual({ total: 1500, parsed: 1500, failed: 0, blankLines: 0 });
    const readWell = result.rows.filter((r) => r.product === "ReadWell");
    expect(readWell).toHaveLength(912);
    expect(readWell.filter((r) => r.lastActive === undefined)).toHaveLength(127);
    for (const row of result.rows) expect(usageRecordSchema.safeParse(row).success).toBe(true);
  });
});

describe("vetting sample answers (examples/data/vetting)", () => {
  it("reads the CSV and the JSON into the same answers", () => {
    const csv = readVettingAnswers(file("vetting/answers.csv"));
    expect(csv.stats).toEqual({ total: 81, parsed: 81, failed: 0, blankLines: 0 });
    for (const row of csv.rows) expect(vettingAnswerRowSchema.safeParse(row).success).toBe(true);
    const fromCsv = groupVettingAnswers(csv.rows);
    const fromJson = groupVettingAnswers(readVettingAnswersJson(file("vetting/answers.json")));
    expect(fromCsv.map((s) => s.app)).toEqual(["ReadWell", "QuizBlitz", "WriteMate AI"]);
    expect(fromJson.map((s) => [s.app, s.answers.length])).toEqual([
      ["ReadWell", 40],
      ["QuizBlitz", 17],
      ["WriteMate AI", 21],
    ]);
    const answered = (sets: typeof fromCsv) => sets.map((s) => s.answers.filter((a) => a.answer !== undefined).map((a) => [a.criterion, a.answer, a.answeredOn]));
    expect(answered(fromCsv)).toEqual(answered(fromJson));
    expect(fromCsv[1]?.answers.find((a) => a.criterion === "essaEvidence")?.answer).toBeUndefined();
  });
});
