/**
 * Writes the sample exports of the fictional Maple Valley School District
 * (/work/shared/design/SAMPLE-DISTRICT.md) to examples/data/{snipe-it,google-admin,oneroster,licenses,vetting}.
 * Deterministic (seeded). Run from the repository root:
 *   node --conditions=@districtkit/source --import tsx packages/io/scripts/makeSampleData.ts
 * Every person, serial and product here is made up.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRng } from "@districtkit/core";
import { wcagCriteria } from "@districtkit/vetting";

const root = join(import.meta.dirname, "../../../examples/data");
const rng = createRng("maple-valley-sample-exports");
const r = (key: string) => rng.stream(key);
const pickOf = <T>(g: ReturnType<typeof r>, xs: readonly T[]): T => xs[Math.floor(g.next() * xs.length)]!;
const int = (g: ReturnType<typeof r>, lo: number, hi: number) => lo + Math.floor(g.next() * (hi - lo + 1));
const hex = (g: ReturnType<typeof r>, n: number) => Array.from({ length: n }, () => "0123456789ABCDEF"[Math.floor(g.next() * 16)]).join("");
const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: readonly (readonly (string | number)[])[]) => rows.map((row) => row.map((c) => q(String(c))).join(",")).join("\r\n") + "\r\n";
const write = (dir: string, file: string, text: string) => {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, file), text);
};
const mdy = (iso: string, short = true) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${m}/${d}/${short ? String(y).slice(2) : y}`;
};
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const dayIn = (g: ReturnType<typeof r>, year: number, month: number, lo = 1, hi = 28) => `${year}-${pad(month, 2)}-${pad(int(g, lo, hi), 2)}`;

// ───────────────────────── devices ─────────────────────────
const SCHOOLS = { MVE: "Maple Valley Elementary", MVM: "Maple Valley Middle", MVH: "Maple Valley High", DO: "District Office" } as const;
type School = keyof typeof SCHOOLS;
interface Group {
  model: string;
  modelNumber: string;
  category: string;
  manufacturer: string;
  count: number | Partial<Record<School, number>>;
  purchased: string;
  cost: string;
  warranty: number;
  supplier: string;
  order: string;
  role: string;
  status?: string;
  chrome?: string;
  funding?: string;
  eolYears?: number;
}
const GROUPS: Group[] = [
  {
    model: "Acme Chromebook 311 G2",
    modelNumber: "CB311-G2",
    category: "Chromebook",
    manufacturer: "Acme",
    count: { MVH: 300 },
    purchased: "2023-08-14",
    cost: "289.00",
    warranty: 36,
    supplier: "K12 Tech Supply",
    order: "PO-24-0117",
    role: "student",
    chrome: "2031-06-30",
    funding: "General Fund",
  },
  {
    model: "Acme Chromebook 300",
    modelNumber: "CB300",
    category: "Chromebook",
    manufacturer: "Acme",
    count: { MVH: 40 },
    purchased: "2020-09-02",
    cost: "259.00",
    warranty: 36,
    supplier: "K12 Tech Supply",
    order: "PO-21-0042",
    role: "student",
    chrome: "2026-06-30",
    funding: "ESSER I",
  },
  {
    model: "Acme Chromebook 300",
    modelNumber: "CB300",
    category: "Chromebook",
    manufacturer: "Acme",
    count: { MVE: 110 },
    purchased: "2021-07-20",
    cost: "259.00",
    warranty: 36,
    supplier: "K12 Tech Supply",
    order: "PO-22-0008",
    role: "cart",
    chrome: "2026-06-30",
    funding: "ESSER II",
  },
  {
    model: "iPad 10th gen",
    modelNumber: "A2696",
    category: "Tablet",
    manufacturer: "Apple",
    count: { MVM: 240 },
    purchased: "2024-08-05",
    cost: "329.00",
    warranty: 24,
    supplier: "Apple Education",
    order: "PO-25-0031",
    role: "student",
    funding: "General Fund",
  },
  {
    model: "iPad 9th gen",
    modelNumber: "A2602",
    category: "Tablet",
    manufacturer: "Apple",
    count: { MVE: 120 },
    purchased: "2021-08-09",
    cost: "309.00",
    warranty: 12,
    supplier: "Apple Education",
    order: "PO-22-0019",
    role: "cart",
    funding: "ESSER II",
  },
  {
    model: "Latitude 3440",
    modelNumber: "3440",
    category: "Laptop",
    manufacturer: "Dell",
    count: { MVE: 28, MVM: 15, MVH: 19 },
    purchased: "2022-08-01",
    cost: "849.00",
    warranty: 48,
    supplier: "Dell EDU",
    order: "PO-23-0011",
    role: "teacher",
    funding: "General Fund",
  },
  {
    model: "Latitude 5440",
    modelNumber: "5440",
    category: "Laptop",
    manufacturer: "Dell",
    count: { DO: 22, MVE: 6, MVM: 6, MVH: 6 },
    purchased: "2023-10-10",
    cost: "899.00",
    warranty: 36,
    supplier: "Dell EDU",
    order: "PO-24-0140",
    role: "staff",
    funding: "General Fund",
  },
  {
    model: "OptiPlex 3000",
    modelNumber: "3000",
    category: "Desktop",
    manufacturer: "Dell",
    count: { DO: 12, MVE: 6, MVM: 6, MVH: 6 },
    purchased: "2019-11-18",
    cost: "650.00",
    warranty: 36,
    supplier: "Dell EDU",
    order: "PO-20-0077",
    role: "staff",
    funding: "General Fund",
  },
  {
    model: "Latitude 5420",
    modelNumber: "5420",
    category: "Laptop",
    manufacturer: "Dell",
    count: { DO: 8, MVE: 4, MVM: 4, MVH: 4 },
    purchased: "2021-09-27",
    cost: "820.00",
    warranty: 36,
    supplier: "Dell EDU",
    order: "PO-22-0051",
    role: "staff",
    funding: "General Fund",
  },
  {
    model: "OptiPlex 7010",
    modelNumber: "7010",
    category: "Desktop",
    manufacturer: "Dell",
    count: { MVH: 96 },
    purchased: "2020-07-28",
    cost: "780.00",
    warranty: 60,
    supplier: "Dell EDU",
    order: "PO-21-0003",
    role: "lab",
    funding: "Perkins V",
  },
  {
    model: 'ViewBoard 75"',
    modelNumber: "IFP7550",
    category: "Interactive Display",
    manufacturer: "ViewSonic",
    count: { MVE: 28, MVM: 15, MVH: 19 },
    purchased: "2018-08-20",
    cost: "2900.00",
    warranty: 60,
    supplier: "AV Solutions",
    order: "PO-19-0090",
    role: "classroom",
    funding: "General Fund",
    eolYears: 7,
  },
  {
    model: "Acme Chromebook 311 G2",
    modelNumber: "CB311-G2",
    category: "Chromebook",
    manufacturer: "Acme",
    count: { MVH: 20, MVE: 10 },
    purchased: "2023-08-14",
    cost: "289.00",
    warranty: 36,
    supplier: "K12 Tech Supply",
    order: "PO-24-0117",
    role: "spare",
    status: "Ready to Deploy",
    chrome: "2031-06-30",
    funding: "General Fund",
  },
  {
    model: "iPad 10th gen",
    modelNumber: "A2696",
    category: "Tablet",
    manufacturer: "Apple",
    count: { MVM: 20, MVE: 10 },
    purchased: "2024-08-05",
    cost: "329.00",
    warranty: 24,
    supplier: "Apple Education",
    order: "PO-25-0031",
    role: "spare",
    status: "Ready to Deploy",
    funding: "General Fund",
  },
  {
    model: "AP-515",
    modelNumber: "Q9H62A",
    category: "Wireless Access Point",
    manufacturer: "Aruba",
    count: { MVE: 36, MVM: 28, MVH: 32 },
    purchased: "2020-08-17",
    cost: "650.00",
    warranty: 60,
    supplier: "NetEd Partners",
    order: "PO-21-0015",
    role: "network",
    funding: "E-Rate C2",
  },
  {
    model: "48-port PoE switch",
    modelNumber: "CX6100-48G",
    category: "Switch",
    manufacturer: "Aruba",
    count: { MVE: 8, MVM: 7, MVH: 9 },
    purchased: "2020-08-17",
    cost: "3800.00",
    warranty: 60,
    supplier: "NetEd Partners",
    order: "PO-21-0015",
    role: "network",
    funding: "E-Rate C2",
  },
  {
    model: "PA-440 Firewall",
    modelNumber: "PA-440",
    category: "Firewall",
    manufacturer: "Palo Alto Networks",
    count: { DO: 2 },
    purchased: "2021-09-13",
    cost: "4200.00",
    warranty: 36,
    supplier: "NetEd Partners",
    order: "PO-22-0060",
    role: "infrastructure",
    funding: "General Fund",
  },
  {
    model: "PowerEdge R650",
    modelNumber: "R650",
    category: "Server",
    manufacturer: "Dell",
    count: { DO: 2 },
    purchased: "2021-09-13",
    cost: "7800.00",
    warranty: 60,
    supplier: "Dell EDU",
    order: "PO-22-0061",
    role: "infrastructure",
    funding: "General Fund",
  },
  {
    model: "Smart-UPS 3000",
    modelNumber: "SMT3000RM2U",
    category: "UPS",
    manufacturer: "APC",
    count: { DO: 2, MVE: 1, MVM: 1, MVH: 2 },
    purchased: "2021-09-13",
    cost: "1650.00",
    warranty: 36,
    supplier: "NetEd Partners",
    order: "PO-22-0062",
    role: "infrastructure",
    funding: "General Fund",
  },
];

interface Device {
  tag: string;
  serial: string;
  group: Group;
  school: School;
  purchased: string;
  user: string;
  notes: string;
  status: string;
}
const devices: Device[] = [];
{
  const g = r("devices");
  const tagPrefix: Record<School, string> = { MVE: "MVE", MVM: "MVM", MVH: "MVH", DO: "MVD" };
  const next: Record<School, number> = { MVE: 0, MVM: 0, MVH: 0, DO: 0 };
  const notes = ["", "", "", "", "", "", "", "", "Screen replaced", "Keyboard replaced, ticket #4471", "Charger missing", "Loaner, return by Friday", "Cracked case; still usable"];
  for (const group of GROUPS) {
    const counts = typeof group.count === "number" ? { MVH: group.count } : group.count;
    for (const [school, n] of Object.entries(counts) as [School, number][]) {
      for (let i = 0; i < n; i++) {
        next[school]++;
        const tag = `${tagPrefix[school]}-${pad(next[school], 4)}`;
        const serial = `${group.manufacturer.slice(0, 2).toUpperCase()}${hex(g, 8)}`;
        // displays were bought over five years (FY2019–FY2023)
        const purchased = group.eolYears ? `${2018 + (i % 5)}-08-${pad(int(g, 10, 28), 2)}` : group.purchased;
        const student = group.role === "student";
        devices.push({
          tag,
          serial,
          group,
          school,
          purchased,
          user:
            student && g.next() < 0.92 ? `s${int(g, 100000, 999999)}@mvsd.example.org` : group.role === "teacher" || group.role === "staff" ? `staff${pad(int(g, 1, 140), 3)}@mvsd.example.org` : "",
          notes: student ? pickOf(g, notes) : "",
          status:
            group.status ??
            (group.chrome === "2026-06-30" && group.role === "student" && g.next() < 0.15
              ? "Out for Repair"
              : group.role === "student" && g.next() < 0.01
                ? "Lost/Stolen"
                : g.next() < 0.02
                  ? "Pending"
                  : "Deployed"),
        });
      }
    }
  }
}

// Snipe-IT list export (Admin › Assets › Export): the UI headers, dates as re-saved by Excel (M/D/YY), one custom field.
{
  const header = [
    "ID",
    "Company",
    "Asset Name",
    "Asset Tag",
    "Model",
    "Model No.",
    "Category",
    "Manufacturer",
    "Serial",
    "Purchased",
    "Cost",
    "EOL",
    "Warranty",
    "Warranty Expires",
    "Order Number",
    "Supplier",
    "Location",
    "Default Location",
    "Status",
    "Checked Out To",
    "Notes",
    "Funding Source",
  ];
  const rows: (string | number)[][] = [header];
  devices.forEach((d, i) => {
    const [y, m, day] = d.purchased.split("-").map(Number) as [number, number, number];
    const warrantyEnd = `${y + Math.floor((m - 1 + d.group.warranty) / 12)}-${pad(((m - 1 + d.group.warranty) % 12) + 1, 2)}-${pad(Math.min(day, 28), 2)}`;
    const eol = d.group.eolYears ? mdy(`${y + d.group.eolYears}-${pad(m, 2)}-${pad(day, 2)}`) : "";
    rows.push([
      i + 1,
      "Maple Valley School District",
      d.group.role === "student" ? `${d.school}-${d.group.category}-${pad(i + 1, 4)}` : "",
      d.tag,
      d.group.model,
      d.group.modelNumber,
      d.group.category,
      d.group.manufacturer,
      d.serial,
      mdy(d.purchased),
      d.group.cost,
      eol,
      `${d.group.warranty} months`,
      mdy(warrantyEnd),
      d.group.order,
      d.group.supplier,
      SCHOOLS[d.school],
      SCHOOLS[d.school],
      d.status,
      d.user,
      d.notes,
      d.group.funding ?? "",
    ]);
  });
  // two rows as they really turn up: a day-first date typed by hand, and a cost not yet known
  const typo = rows[214]!;
  typo[9] = "13/45/2024";
  const tbd = rows[1207]!;
  tbd[10] = "TBD";
  write("snipe-it", "assets.csv", csv(rows));
}

// Google Admin console export (Devices › Chrome › Download): every Chromebook, console headers, AUE as "Month YYYY".
const MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const chromebooks = devices.filter((d) => d.group.chrome !== undefined);
{
  const g = r("google-admin");
  const header = [
    "Serial Number",
    "Model",
    "Status",
    "Org Unit Path",
    "Last Sync",
    "Auto Update Expiration",
    "Order Number",
    "Manufacture Date",
    "Enrollment Time",
    "Annotated Asset ID",
    "Annotated Location",
    "Annotated User",
    "OS Version",
    "Notes",
    "MAC Address",
  ];
  const rows: string[][] = [header];
  const gam: string[][] = [
    [
      "deviceId",
      "serialNumber",
      "status",
      "lastSync",
      "annotatedUser",
      "annotatedLocation",
      "annotatedAssetId",
      "notes",
      "model",
      "osVersion",
      "orgUnitPath",
      "autoUpdateThrough",
      "orderNumber",
      "manufactureDate",
      "firstEnrollmentTime",
      "macAddress",
    ],
  ];
  for (const d of chromebooks) {
    const old = d.group.chrome === "2026-06-30";
    const [ay, am] = d.group.chrome!.split("-").map(Number) as [number, number];
    const ou =
      d.group.role === "spare" ? `/Spares/${d.school === "MVH" ? "High" : "Elementary"}` : d.school === "MVH" ? (old ? "/Students/High/Older" : "/Students/High") : "/Students/Elementary/Carts";
    // Google's advice: disable a lost or stolen device
    const status = d.status === "Lost/Stolen" ? "DISABLED" : "ACTIVE";
    const lastSync = `${dayIn(g, 2026, int(g, 4, 6), 1, 28)}T${pad(int(g, 7, 16), 2)}:${pad(int(g, 0, 59), 2)}:${pad(int(g, 0, 59), 2)}.000Z`;
    const [py] = d.purchased.split("-").map(Number) as [number];
    const made = dayIn(g, py - (g.next() < 0.5 ? 1 : 0), int(g, 1, 6));
    const enrolled = `${dayIn(g, py, d.purchased.slice(5, 7) === "07" ? 8 : 9)}T${pad(int(g, 8, 15), 2)}:00:00.000Z`;
    const os = old ? `126.0.${6478 + int(g, 0, 3)}.${int(g, 100, 250)}` : `138.0.${7204 + int(g, 0, 3)}.${int(g, 100, 250)}`;
    const mac = hex(g, 12).toLowerCase();
    rows.push([d.serial, d.group.model, status, ou, lastSync, `${MONTH[am - 1]} ${ay}`, d.group.order, made, enrolled, d.tag, SCHOOLS[d.school], d.user, os, d.notes, mac]);
    if (d.school === "MVH" && old) {
      gam.push([
        `${hex(g, 8)}-${hex(g, 4)}-${hex(g, 4)}-${hex(g, 4)}-${hex(g, 12)}`.toLowerCase(),
        d.serial,
        status,
        lastSync,
        d.user,
        SCHOOLS[d.school],
        d.tag,
        d.notes,
        d.group.model,
        os,
        ou,
        d.group.chrome!,
        d.group.order,
        made,
        enrolled,
        mac,
      ]);
    }
  }
  write("google-admin", "chrome-devices.csv", csv(rows));
  write("google-admin", "gam-print-cros-high-older.csv", csv(gam));
}

// ───────────────────────── OneRoster 1.2 ─────────────────────────
const FIRST = [
  "Avery",
  "Jordan",
  "Riley",
  "Quinn",
  "Rowan",
  "Emerson",
  "Harper",
  "Sawyer",
  "Finley",
  "Reese",
  "Parker",
  "Hayden",
  "Skyler",
  "Dakota",
  "Kendall",
  "Marlowe",
  "Ellis",
  "Remy",
  "Sutton",
  "Lennox",
  "Arden",
  "Blair",
  "Corey",
  "Devon",
  "Eden",
  "Frankie",
  "Gray",
  "Indy",
  "Jules",
  "Kai",
  "Lane",
  "Morgan",
  "Noel",
  "Oakley",
  "Peyton",
  "Robin",
  "Sage",
  "Tatum",
  "Val",
  "Wren",
  "José",
  "Zoë",
  "Amélie",
  "Noémie",
  "Mateo",
  "Chloé",
];
const LAST = [
  "Alder",
  "Birchwood",
  "Cedarholm",
  "Dunmore",
  "Elmhurst",
  "Fairbrook",
  "Glenwood",
  "Hollins",
  "Ivesdale",
  "Juniper",
  "Kettering",
  "Larchmont",
  "Millbrook",
  "Northcote",
  "Oakridge",
  "Pinecrest",
  "Quarry",
  "Riverside",
  "Stonebridge",
  "Thornbury",
  "Underhill",
  "Valewood",
  "Westbrook",
  "Yarrow",
  "Zephyr",
  "Muñoz-Vale",
  "O'Hollow",
];
const GRADES: Record<"MVE" | "MVM" | "MVH", [string, number][]> = {
  MVE: [
    ["KG", 62],
    ["01", 64],
    ["02", 66],
    ["03", 66],
    ["04", 67],
    ["05", 67],
  ],
  MVM: [
    ["06", 76],
    ["07", 77],
    ["08", 78],
  ],
  MVH: [
    ["09", 75],
    ["10", 73],
    ["11", 71],
    ["12", 70],
  ],
};
const TEACHERS = { MVE: 28, MVM: 15, MVH: 19 } as const;
const STAFF = { MVE: 12, MVM: 9, MVH: 11, DO: 9 } as const; // 41 other staff
interface Person {
  id: string;
  first: string;
  last: string;
  role: "student" | "teacher" | "aide" | "administrator";
  org: string;
  grade: string;
  status: "active" | "tobedeleted";
  email: string;
}
const people: Person[] = [];
const orgId = { DO: "org-mvsd", MVE: "org-mve", MVM: "org-mvm", MVH: "org-mvh" } as const;
{
  const g = r("oneroster");
  let sid = 0;
  for (const school of ["MVE", "MVM", "MVH"] as const) {
    for (const [grade, n] of GRADES[school]) {
      for (let i = 0; i < n; i++) {
        sid++;
        const first = pickOf(g, FIRST);
        const last = pickOf(g, LAST);
        people.push({
          id: `stu-${pad(sid, 5)}`,
          first,
          last,
          role: "student",
          org: orgId[school],
          grade,
          status: "active",
          email: `${first
            .toLowerCase()
            .normalize("NFD")
            .replace(/[^a-z]/g, "")}.${last.toLowerCase().replace(/[^a-z]/g, "")}${pad(sid, 4)}@students.mvsd.example.org`,
        });
      }
    }
  }
  // three students who left mid-year, marked for deletion by the SIS
  for (let i = 0; i < 3; i++) {
    sid++;
    people.push({
      id: `stu-${pad(sid, 5)}`,
      first: pickOf(g, FIRST),
      last: pickOf(g, LAST),
      role: "student",
      org: orgId.MVH,
      grade: "10",
      status: "tobedeleted",
      email: `withdrawn${i}@students.mvsd.example.org`,
    });
  }
  let tid = 0;
  for (const school of ["MVE", "MVM", "MVH"] as const) {
    for (let i = 0; i < TEACHERS[school]; i++) {
      tid++;
      const first = pickOf(g, FIRST);
      const last = pickOf(g, LAST);
      people.push({
        id: `tch-${pad(tid, 4)}`,
        first,
        last,
        role: "teacher",
        org: orgId[school],
        grade: "",
        status: "active",
        email: `${first[0]!.toLowerCase()}${last.toLowerCase().replace(/[^a-z]/g, "")}${tid}@mvsd.example.org`,
      });
    }
  }
  let xid = 0;
  for (const school of ["MVE", "MVM", "MVH", "DO"] as const) {
    for (let i = 0; i < STAFF[school]; i++) {
      xid++;
      const first = pickOf(g, FIRST);
      const last = pickOf(g, LAST);
      people.push({
        id: `stf-${pad(xid, 4)}`,
        first,
        last,
        role: i < 2 || school === "DO" ? "administrator" : "aide",
        org: orgId[school],
        grade: "",
        status: "active",
        email: `${first[0]!.toLowerCase()}${last.toLowerCase().replace(/[^a-z]/g, "")}.staff${xid}@mvsd.example.org`,
      });
    }
  }
  const stamp = "2026-06-15T04:00:00.000Z";
  write(
    "oneroster",
    "manifest.csv",
    csv([
      ["propertyName", "value"],
      ["manifest.version", "1.0"],
      ["oneroster.version", "1.2"],
      ["file.academicSessions", "bulk"],
      ["file.categories", "absent"],
      ["file.classes", "bulk"],
      ["file.classResources", "absent"],
      ["file.courses", "bulk"],
      ["file.courseResources", "absent"],
      ["file.demographics", "absent"],
      ["file.enrollments", "bulk"],
      ["file.lineItemLearningObjectiveIds", "absent"],
      ["file.lineItems", "absent"],
      ["file.lineItemScoreScales", "absent"],
      ["file.orgs", "bulk"],
      ["file.resources", "absent"],
      ["file.results", "absent"],
      ["file.roles", "bulk"],
      ["file.scoreScales", "absent"],
      ["file.users", "bulk"],
      ["file.userProfiles", "absent"],
      ["source.systemName", "Maple Valley SIS (fictional)"],
      ["source.systemCode", "MVSIS"],
    ]),
  );
  write(
    "oneroster",
    "orgs.csv",
    csv([
      ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
      [orgId.DO, "active", stamp, "Maple Valley School District", "district", "9900001", ""],
      [orgId.MVE, "active", stamp, SCHOOLS.MVE, "school", "990000100001", orgId.DO],
      [orgId.MVM, "active", stamp, SCHOOLS.MVM, "school", "990000100002", orgId.DO],
      [orgId.MVH, "active", stamp, SCHOOLS.MVH, "school", "990000100003", orgId.DO],
    ]),
  );
  write(
    "oneroster",
    "academicSessions.csv",
    csv([
      ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
      ["as-2026", "active", stamp, "2025-2026", "schoolYear", "2025-08-18", "2026-06-05", "", "2026"],
    ]),
  );
  write(
    "oneroster",
    "users.csv",
    csv([
      [
        "sourcedId",
        "status",
        "dateLastModified",
        "enabledUser",
        "username",
        "userIds",
        "givenName",
        "familyName",
        "middleName",
        "identifier",
        "email",
        "sms",
        "phone",
        "agentSourcedIds",
        "grades",
        "password",
        "userMasterIdentifier",
        "resourceSourcedIds",
        "preferredGivenName",
        "preferredMiddleName",
        "preferredFamilyName",
        "primaryOrgSourcedId",
        "pronouns",
      ],
      ...people.map((p) => [
        p.id,
        p.status,
        stamp,
        p.status === "active" ? "true" : "false",
        p.email.split("@")[0]!,
        `{SIS:${p.id.slice(4)}}`,
        p.first,
        p.last,
        "",
        p.id.slice(4),
        p.email,
        "",
        "",
        "",
        p.grade,
        "",
        "",
        "",
        "",
        "",
        "",
        p.org,
        "",
      ]),
    ]),
  );
  write(
    "oneroster",
    "roles.csv",
    csv([
      ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"],
      ...people.map((p, i) => [`role-${pad(i + 1, 5)}`, p.status, stamp, p.id, "primary", p.role, "2025-08-18", "", p.org, ""]),
    ]),
  );
  // classes: elementary homerooms (one per teacher, by grade); MS/HS four core subjects per grade, sections taught by the school's teachers
  const classes: string[][] = [
    ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"],
  ];
  const courses: string[][] = [["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"]];
  const enrollments: string[][] = [["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"]];
  let eid = 0;
  const enrol = (cls: string, school: string, user: string, role: string, primary: boolean) =>
    enrollments.push([`enr-${pad(++eid, 6)}`, "active", stamp, cls, school, user, role, primary ? "true" : "false", "2025-08-18", "2026-06-05"]);
  const teachersOf = (school: string) => people.filter((p) => p.role === "teacher" && p.org === school);
  const studentsOf = (school: string, grade: string) => people.filter((p) => p.role === "student" && p.status === "active" && p.org === school && p.grade === grade);
  for (const school of ["MVE", "MVM", "MVH"] as const) {
    const teachers = teachersOf(orgId[school]);
    let t = 0;
    const subjects = school === "MVE" ? ["Homeroom"] : ["English", "Mathematics", "Science", "Social Studies"];
    for (const [grade] of GRADES[school]) {
      const kids = studentsOf(orgId[school], grade);
      for (const subject of subjects) {
        const course = `crs-${school.toLowerCase()}-${grade}-${subject.toLowerCase().replace(/ /g, "")}`;
        courses.push([course, "active", stamp, "as-2026", `${subject} ${grade === "KG" ? "K" : Number(grade)}`, `${subject.slice(0, 3).toUpperCase()}${grade}`, grade, orgId[school], subject, ""]);
        const sections = school === "MVE" ? Math.round(teachers.length / 6) + (grade === "05" ? teachers.length - 6 * Math.round(teachers.length / 6) : 0) : 3;
        for (let s = 0; s < sections; s++) {
          const cls = `cls-${school.toLowerCase()}-${grade}-${subject.toLowerCase().replace(/ /g, "")}-${s + 1}`;
          const teacher = teachers[t++ % teachers.length]!;
          classes.push([
            cls,
            "active",
            stamp,
            `${subject} ${grade} (${s + 1})`,
            grade,
            course,
            `${subject.slice(0, 3).toUpperCase()}${grade}-${s + 1}`,
            school === "MVE" ? "homeroom" : "scheduled",
            `Room ${100 + t}`,
            orgId[school],
            "as-2026",
            subject,
            "",
            String(s + 1),
          ]);
          enrol(cls, orgId[school], teacher.id, "teacher", true);
          for (let k = s; k < kids.length; k += sections) enrol(cls, orgId[school], kids[k]!.id, "student", false);
        }
      }
    }
  }
  write("oneroster", "courses.csv", csv(courses));
  write("oneroster", "classes.csv", csv(classes));
  write("oneroster", "enrollments.csv", csv(enrollments));
}

// ───────────────────────── licences ─────────────────────────
// The contracts and usage of examples/data/sample-district/{licenses,usage}.json (the one copy the
// licences engine uses), written the way a vendor portal or a SaaS manager exports them.
{
  const lic = JSON.parse(readFileSync(join(root, "sample-district/licenses.json"), "utf8")) as {
    schools: { id: string; name: string }[];
    products: { id: string; name: string; vendor?: string }[];
    currentContracts: {
      productId: string;
      description?: string;
      annualCost: string;
      seats?: number;
      startDate: string;
      renewalDate: string;
      termYears?: number;
      noticeDays?: number;
      autoRenew?: boolean;
    }[];
  };
  const usage = JSON.parse(readFileSync(join(root, "sample-district/usage.json"), "utf8")) as {
    users: { userId: string; productId: string; schoolId: string; role: string; lastActive: string | null }[];
  };
  const productName = new Map(lic.products.map((p) => [p.id, p.name]));
  const schoolName = new Map(lic.schools.map((x) => [x.id, x.name]));
  const money = (cents: number) => `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const cents = (text: string) => Math.round(Number(text) * 100);
  const rows: string[][] = [["Product", "Plan", "Qty", "Price per Seat", "Annual Cost", "Term (months)", "Start Date", "Renewal Date", "Notice Period (days)", "Auto-Renew", "Contract Owner"]];
  for (const c of lic.currentContracts) {
    const total = cents(c.annualCost);
    rows.push([
      productName.get(c.productId) ?? c.productId,
      c.description ?? "",
      String(c.seats ?? ""),
      c.seats ? money(total / c.seats) : "",
      money(total),
      String(12 * (c.termYears ?? 1)),
      mdy(c.startDate, false),
      mdy(c.renewalDate, false),
      String(c.noticeDays ?? 0),
      c.autoRenew === false ? "No" : "Yes",
      "Technology Coordinator",
    ]);
  }
  rows.push(["Google Workspace for Education Fundamentals", "Fundamentals (free)", "1015", "$0.00", "$0.00", "12", "7/1/2025", "7/1/2026", "0", "Yes", "Technology Coordinator"]);
  write("licenses", "contracts.csv", csv(rows));
  const out: string[][] = [["Application", "User ID", "User Type", "Building", "Last Login"]];
  for (const u of usage.users)
    out.push([
      productName.get(u.productId) ?? u.productId,
      u.userId,
      u.role === "student" ? "Student" : u.role === "teacher" ? "Teacher" : "Staff",
      schoolName.get(u.schoolId) ?? u.schoolId,
      u.lastActive === null ? "" : mdy(u.lastActive, false),
    ]);
  write("licenses", "usage.csv", csv(out));
}

// ───────────────────────── vetting ─────────────────────────
// Criterion ids of @districtkit/vetting's K12_RUBRIC; answers in the words a reviewer types.
{
  const acr = JSON.stringify({
    present: true,
    date: "2025-11-03",
    edition: "WCAG",
    wcagVersion: "2.1",
    method: "manualAndAssistiveTech",
    entries: Object.fromEntries(wcagCriteria("2.1", "AA").map((c, i) => [c.id, i % 17 === 5 ? "Partially Supports" : "Supports"])),
    url: "https://readwell.example.com/accessibility/acr-2025.pdf",
  });
  const study = JSON.stringify({ present: true, design: "quasiExperimental", wwcRating: "meetsWithReservations", significantPositive: true, n: 1840, sites: 12, studyDate: "2023-05-01" });
  type A = [criterion: string, answer: string, evidence: string, notes: string];
  const apps: { app: string; reviewer: string; on: string; answers: A[] }[] = [
    {
      app: "ReadWell",
      reviewer: "T. Coordinator",
      on: "2026-05-12",
      answers: [
        ["privacyPolicyAvailable", "Yes", "https://readwell.example.com/privacy", ""],
        ["sellsData", "Does not", "Privacy policy §4", ""],
        ["thirdPartyMarketing", "Does not", "Privacy policy §4", ""],
        ["targetedAds", "Does not", "Privacy policy §6", "No ads of any kind"],
        ["thirdPartyTracking", "Does not", "Privacy policy §6", ""],
        ["crossAppTracking", "Does not", "Privacy policy §6", ""],
        ["commercialProfiling", "Does not", "Privacy policy §4", ""],
        ["collectsPII", "Does", "Privacy policy §2", "Name, class, reading level"],
        ["piiCategories", "Student Name; Student Identifiers; Student In-App Performance", "NDPA Exhibit B", ""],
        ["under13Intended", "Yes", "", "K-5 reading"],
        ["studentsIntended", "Yes", "", ""],
        ["aiTrainingOnStudentData", "Does not", "Privacy policy §7", ""],
        ["deletionOnRequest", "Does", "DPA art. 9", ""],
        ["retentionLimit", "Does", "DPA art. 9", ""],
        ["deleteAtContractEnd", "Does", "DPA art. 9", ""],
        ["dpa", "NDPA", "Signed NDPA v2, 2025-07-15", "Expires 2028-07-14"],
        ["schoolOfficialTerms", "Yes", "DPA art. 2", ""],
        ["parentAccess", "Yes", "", ""],
        ["coppaConsent", "Yes", "School authorization in the DPA", ""],
        ["coppaRetentionPolicy", "Yes", "", ""],
        ["coppaSecurityProgram", "Yes", "", ""],
        ["coppaThirdPartyConsent", "N/A", "", "No disclosure to third parties"],
        ["encryptionInTransit", "Does", "Security whitepaper", ""],
        ["encryptionAtRest", "Does", "Security whitepaper", ""],
        ["breachNotice", "Does", "DPA art. 7", "72 hours"],
        ["ppraProtectedSurveys", "Does not", "", "No surveys"],
        ["mfaForAdmins", "Yes", "", ""],
        ["ssoSupported", "Yes", "", "Google and Clever"],
        ["soc2", JSON.stringify({ present: true, kind: "typeII", periodEnd: "2026-03-31" }), "SOC 2 Type II report", ""],
        ["pentestDate", "3/15/2026", "Letter from the testing firm", ""],
        ["breachHistory", "none", "", ""],
        ["dataLocation", "United States", "", ""],
        ["wcagClaim", "WCAG 2.1 AA", "Accessibility statement", ""],
        ["acr", acr, "ACR (VPAT 2.5 WCAG) dated 2025-11-03", "Partially supports 3 of 50"],
        ["accessibilityContact", "Yes", "", ""],
        ["accessibilityRoadmap", "Yes", "", ""],
        ["lti13", "Yes", "", ""],
        ["oneRoster", "Yes", "", ""],
        ["rosteringService", "Yes", "", "Clever"],
        ["essaEvidence", study, "ESSA Tier 2 study, 2023", ""],
      ],
    },
    {
      app: "QuizBlitz",
      reviewer: "T. Specialist",
      on: "2026-05-20",
      answers: [
        ["privacyPolicyAvailable", "Yes", "https://quizblitz.example.com/privacy", "Generic consumer policy"],
        ["sellsData", "Unclear", "", "Policy silent on sale"],
        ["thirdPartyMarketing", "Does", "Privacy policy §3", 'Shares with "partners" for marketing'],
        ["targetedAds", "Does", "Privacy policy §5", "Interest-based ads in the free tier"],
        ["thirdPartyTracking", "Does", "Privacy policy §5", ""],
        ["crossAppTracking", "Unclear", "", ""],
        ["commercialProfiling", "Does", "Privacy policy §3", ""],
        ["collectsPII", "Does", "", ""],
        ["under13Intended", "Yes", "", ""],
        ["studentsIntended", "Yes", "", ""],
        ["dpa", "None", "", "Vendor declined to sign the NDPA"],
        ["deletionOnRequest", "Does not", "", "Deletes only on account closure"],
        ["encryptionInTransit", "Does", "", ""],
        ["encryptionAtRest", "Unclear", "", ""],
        ["breachNotice", "Unclear", "", ""],
        ["wcagClaim", "No claim", "", ""],
        ["acr", "None", "", ""],
        ["essaEvidence", "", "", "No evidence provided"],
      ],
    },
    {
      app: "WriteMate AI",
      reviewer: "T. Coordinator",
      on: "2026-06-02",
      answers: [
        ["privacyPolicyAvailable", "Yes", "https://writemate.example.com/privacy", ""],
        ["sellsData", "Does not", "Privacy policy §2", ""],
        ["thirdPartyMarketing", "Does not", "Privacy policy §2", ""],
        ["targetedAds", "Does not", "Privacy policy §2", ""],
        ["thirdPartyTracking", "Unclear", "", "Uses an analytics SDK; purpose unclear"],
        ["crossAppTracking", "Does not", "", ""],
        ["commercialProfiling", "Does not", "", ""],
        ["collectsPII", "Does", "", "Student writing"],
        ["under13Intended", "Yes", "", "Grades 3-12"],
        ["studentsIntended", "Yes", "", ""],
        ["aiTrainingOnStudentData", "Does not", "DPA art. 4", ""],
        ["dpa", "State data privacy agreement", "Signed 2026-05-28", ""],
        ["deletionOnRequest", "Does", "DPA", ""],
        ["deleteAtContractEnd", "Does", "DPA", ""],
        ["coppaConsent", "Yes", "", ""],
        ["encryptionInTransit", "Does", "", ""],
        ["encryptionAtRest", "Does", "", ""],
        ["breachNotice", "Does", "DPA", ""],
        ["ssoSupported", "Yes", "", ""],
        ["wcagClaim", "Partial conformance", "", ""],
        ["acr", "", "", "ACR requested 2026-06-02"],
        ["lti13", "Yes", "", ""],
        ["essaEvidence", "", "", "Logic model only"],
      ],
    },
  ];
  const rows: string[][] = [["App", "Criterion", "Answer", "Evidence", "Notes", "Reviewer", "Date"]];
  for (const a of apps) for (const [criterion, answer, evidence, notes] of a.answers) rows.push([a.app, criterion, answer, evidence, notes, a.reviewer, mdy(a.on, false)]);
  write("vetting", "answers.csv", csv(rows));
  const asJson = (answer: string): unknown => (answer.startsWith("{") ? JSON.parse(answer) : answer);
  write(
    "vetting",
    "answers.json",
    JSON.stringify(
      {
        apps: apps.map((a) => ({
          app: a.app,
          reviewer: a.reviewer,
          answeredOn: a.on,
          answers: Object.fromEntries(
            a.answers.filter(([, ans]) => ans !== "").map(([c, ans, evidence, notes]) => [c, { answer: asJson(ans), ...(evidence ? { evidence } : {}), ...(notes ? { notes } : {}) }]),
          ),
        })),
      },
      null,
      2,
    ) + "\n",
  );
}
console.log(`wrote ${devices.length} assets, ${chromebooks.length} Chromebooks, ${people.length} roster users`);
