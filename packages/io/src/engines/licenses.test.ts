import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DistrictKitError } from "@districtkit/core";
import { demandFromRosters, reclaimableSeats, renewalCalendar } from "@districtkit/licenses";
import { describe, expect, it } from "vitest";
import { readLicenseContracts, readUsage } from "../formats/licenses.js";
import { readOneRoster } from "../formats/oneRoster.js";
import { licenseContractsToCurrent, licenseEnrollmentFromRoster, usageToLicenseUsers } from "./licenses.js";

const data = join(import.meta.dirname, "../../../../examples/data");
const json = (path: string) => JSON.parse(readFileSync(join(data, path), "utf8")) as Record<string, unknown>;
const licenses = json("sample-district/licenses.json") as { products: { id: string; name: string }[]; schools: { id: string; name: string }[]; currentContracts: Record<string, unknown>[] };
const usageJson = json("sample-district/usage.json") as { users: Record<string, unknown>[] };
const products = Object.fromEntries(licenses.products.map((p) => [p.name, p.id]));
const schools = Object.fromEntries(licenses.schools.map((s) => [s.name, s.id]));

describe("licence exports → @districtkit/licenses (the sample district)", () => {
  it("gives back the licences engine's own current contracts from the vendor-style contract list", () => {
    const { contracts, skipped } = licenseContractsToCurrent(readLicenseContracts(readFileSync(join(data, "licenses/contracts.csv"))).rows, { products });
    expect(skipped).toEqual([]);
    const plain = (c: Record<string, unknown>) => ({
      productId: c["productId"],
      annualCost: String(c["annualCost"]),
      seats: c["seats"],
      startDate: c["startDate"],
      renewalDate: c["renewalDate"],
      termYears: c["termYears"] ?? 1,
      noticeDays: c["noticeDays"],
      autoRenew: c["autoRenew"],
    });
    const expected = licenses.currentContracts.map((c) => plain({ ...c, annualCost: String(Number(c["annualCost"])) }));
    expect(contracts.slice(0, expected.length).map((c) => plain({ ...c, annualCost: c.annualCost.toString() }))).toEqual(expected);
    expect(contracts.at(-1)?.productId).toBe("Google Workspace for Education Fundamentals"); // not in the engine's products: kept by name
    expect(renewalCalendar({ asOf: "2026-03-15", contracts }).length).toBeGreaterThan(0);
  });

  it("gives back the usage records of usage.json from the usage export", () => {
    const { users, skipped } = usageToLicenseUsers(readUsage(readFileSync(join(data, "licenses/usage.csv"))).rows, { products, schools, source: "sso-launches" });
    expect(skipped).toEqual([]);
    const withoutSource = (list: readonly Record<string, unknown>[]) => list.map(({ source: _s, ...rest }) => rest);
    expect(withoutSource(users)).toEqual(withoutSource(usageJson.users));
    const reclaim = reclaimableSeats({ asOf: "2026-06-30", users });
    expect(reclaim.length).toBeGreaterThan(0);
  });

  it("turns the roster into the licences engine's enrolment by school and grade", () => {
    const names = ["orgs", "users", "roles", "enrollments", "classes"];
    const roster = readOneRoster(Object.fromEntries(names.map((n) => [`${n}.csv`, readFileSync(join(data, `oneroster/${n}.csv`))])));
    const demand = licenseEnrollmentFromRoster(roster.value, { schools: { "org-mve": "mves", "org-mvm": "mvms", "org-mvh": "mvhs" } });
    expect(demand.enrollment.filter((e) => e.schoolId === "mves")).toEqual([0, 1, 2, 3, 4, 5].map((grade, i) => ({ schoolId: "mves", grade, students: [62, 64, 66, 66, 67, 67][i] })));
    expect(demand.staff).toContainEqual({ schoolId: "mvhs", role: "teacher", count: 19 });
    // K–8 math for every student: 623 seats, as the contract has
    const cells = demandFromRosters({ productId: "math", fiscalYears: [2027], enrollment: demand.enrollment, staff: demand.staff, adoption: { grades: { low: 0, high: 8 }, students: 1 } });
    expect(cells.reduce((n, c) => n + c.seats, 0)).toBe(623);
  });
});

describe("licence mappings on small cases", () => {
  it("skips a contract line the engine cannot use, saying why", () => {
    const { rows } = readLicenseContracts("Product,Seats\nReadWell,400");
    expect(licenseContractsToCurrent(rows).skipped).toEqual([{ line: 2, reason: "ReadWell: no an annual cost (or seats and a unit price) and no a renewal or end date" }]);
  });

  it("skips a usage line without a school, and maps user types to roles", () => {
    const { rows } = readUsage("Product,User,Role,School\nA,u1,Faculty,S\nA,u2,Learner,S\nA,u3,Aide,S\nA,u4,Student,");
    const r = usageToLicenseUsers(rows);
    expect(r.users.map((u) => u.role)).toEqual(["teacher", "student", "staff"]);
    expect(r.skipped).toEqual([{ line: 5, reason: "u4: no school" }]);
  });

  it("validates rows that did not come from a reader", () => {
    expect(() => usageToLicenseUsers([{ line: 2, product: "A" }] as never)).toThrow(DistrictKitError);
  });
});
