import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readOneRoster } from "./oneRoster.js";

// Every user of users.csv is either in a school's count or in excluded.users with its reason,
// never both and never neither (INVARIANTS.md, io: nothing is dropped silently).
const ORGS = "sourcedId,status,name,type\ns1,active,North,school\ns2,active,South,school\nd,active,District,district\nold,tobedeleted,Closed,school";
const userArb = fc.record({
  status: fc.constantFrom("active", "tobedeleted"),
  enabled: fc.constantFrom("true", "false", ""),
  role: fc.constantFrom("student", "teacher", "aide"),
  orgs: fc.subarray(["s1", "s2", "d", "old", "x9"]),
});

describe("OneRoster: every user is counted or says why not", () => {
  it("excluded.users lists exactly the users in no school's count, with the reason a simple model gives", () => {
    fc.assert(
      fc.property(fc.array(userArb, { minLength: 1, maxLength: 25 }), (users) => {
        const csv = ["sourcedId,status,enabledUser,role,orgSourcedIds", ...users.map((u, i) => `u${i},${u.status},${u.enabled},${u.role},${u.orgs.join(";")}`)].join("\n");
        const r = readOneRoster({ "orgs.csv": ORGS, "users.csv": csv });
        const expected = users.flatMap((u, i) => {
          if (u.status === "tobedeleted" || u.enabled === "false") return [[`u${i}`, "inactive"]];
          if (u.orgs.some((o) => o === "s1" || o === "s2")) return [];
          if (u.orgs.length === 0) return [[`u${i}`, "no-org"]];
          return [[`u${i}`, u.orgs.includes("d") ? "org-not-a-school" : "org-not-in-orgs"]];
        });
        const got = r.value.excluded.users.map((x) => [x.sourcedId, x.reason]);
        const order = (xs: string[][]) => [...xs].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
        expect(order(got)).toEqual(order(expected));
        expect(r.value.excluded.inactiveUsers + r.value.excluded.usersWithoutSchool).toBe(got.length);
        const countedIds = users.length - got.length;
        const inSchools = new Set(users.flatMap((_u, i) => (expected.some((e) => e[0] === `u${i}`) ? [] : [`u${i}`])));
        expect(inSchools.size).toBe(countedIds);
        expect(Object.values(r.value.totals.byRole).reduce((a, b) => a + b, 0)).toBe(countedIds);
      }),
      { numRuns: 200 },
    );
  });
});
