// The scaling cases of the io package (issue 18; packages/core/bench/scaling.ts): every entry point
// that takes a list (or a text of rows) that can be long, with a seeded generator of its input (the
// same size and seed give the same input). Exports of a large district: devices, assets, usage,
// contracts, rosters, vetting answers; results written back as CSV and JSON.
import { createRng, Money, type Rng } from "@districtkit/core";
import { forecastReplacements, generateInventory } from "@districtkit/lifecycle";
import { z } from "zod";
import { scalingCase } from "../../core/bench/scaling.js";
import {
  autoUpdateExpirationByModel,
  budgetComparisonCsv,
  budgetComparisonTable,
  budgetSchoolsFromRoster,
  decodeText,
  exportJson,
  forecastTables,
  generateGoogleAdminExport,
  groupVettingAnswers,
  inventoryFromExports,
  licenseContractsToCurrent,
  licenseEnrollmentFromRoster,
  matchDeviceModels,
  mergeCalendarItems,
  modelOptionsFromMatches,
  neutraliseFormula,
  parseJsonInput,
  readCsv,
  readCsvStream,
  readGoogleAdminDevices,
  readLicenseContracts,
  readOneRoster,
  readPrivacyRegister,
  readSnipeItAssets,
  readUsage,
  readVettingAnswers,
  readVettingAnswersJson,
  resultToCsvFiles,
  tidyTables,
  toCsv,
  usageFormat,
  usageToLicenseUsers,
  vettingAppsFromAnswers,
  writeCsv,
  writePrivacyRegister,
} from "../src/index.js";

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
const date = (rng: Rng, y0: number, y1: number): string => `${int(rng, y0, y1)}-${String(int(rng, 1, 12)).padStart(2, "0")}-${String(int(rng, 1, 28)).padStart(2, "0")}`;
const MODELS = ["Acme Chromebook 300", "Acme Chromebook 311 G2", "Latitude 3440", "OptiPlex 7010", "iPad 9th gen", "Promethean ActivPanel", "Meraki MR46", "ThinkPad L13"];
const CATEGORIES = ["Chromebook", "Chromebook", "Laptop", "Desktop", "Tablet", "Display", "Network", "Laptop"];

/** A Snipe-IT asset export of n rows over n/500 schools (serials S0… match the Google Admin generator's shape only by chance). */
function snipeItCsv(n: number, seed: number): string {
  const rng = createRng(seed);
  const schools = Math.max(1, Math.round(n / 500));
  const lines = ["Asset Tag,Serial,Model,Category,Manufacturer,Location,Status,Purchase Date,Purchase Cost,Warranty Months,Notes"];
  for (let i = 0; i < n; i++) {
    const m = int(rng, 0, MODELS.length - 1);
    lines.push(
      `T${String(i).padStart(7, "0")},S${i},${MODELS[m]},${CATEGORIES[m]},Acme,School ${int(rng, 1, schools)},${pick(rng, ["Deployed", "Ready to Deploy", "Archived", "Deployed"])},${date(rng, 2018, 2026)},${int(rng, 200, 1500)}.00,${pick(rng, ["12", "36", ""])},${rng.next() < 0.1 ? '"Cracked screen, replaced"' : ""}`,
    );
  }
  return lines.join("\n");
}

/** A licence contract list of n rows. */
function contractsCsv(n: number, seed: number): string {
  const rng = createRng(seed);
  const lines = ["Product,Vendor,Plan,School,Seats,Unit Price,Annual Cost,Start Date,End Date,Notice Days,Auto Renew"];
  for (let i = 0; i < n; i++)
    lines.push(
      `Product ${i % 3000},Vendor ${i % 97},Site,School ${i % 200},${int(rng, 10, 900)},${int(rng, 1, 40)}.50,,2025-07-01,${date(rng, 2026, 2028)},${int(rng, 0, 90)},${pick(rng, ["yes", "no"])}`,
    );
  return lines.join("\n");
}

/** A usage export of n rows over 30 products and n/400 schools. */
function usageCsv(n: number, seed: number): string {
  const rng = createRng(seed);
  const schools = Math.max(1, Math.round(n / 400));
  const lines = ["Product,User,Role,School,Last Active,Minutes"];
  for (let i = 0; i < n; i++)
    lines.push(
      `Product ${int(rng, 1, 30)},u${i}@example.org,${pick(rng, ["Student", "Student", "Teacher", "Staff"])},School ${int(rng, 1, schools)},${rng.next() < 0.1 ? "" : date(rng, 2025, 2026)},${int(rng, 0, 900)}`,
    );
  return lines.join("\n");
}

/** n vetting answer rows: n/40 apps × 40 criteria of the K-12 rubric. */
const CRITERIA = ["privacyPolicyAvailable", "sellsData", "targetedAds", "dpa", "dataDeletion", "encryptionInTransit", "encryptionAtRest", "mfaForAdmins", "ssoSupport", "rosteringStandard"];
function vettingRows(n: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    app: `App ${Math.floor(i / 40)}`,
    criterion: CRITERIA[i % CRITERIA.length]! + (i % 40 >= CRITERIA.length ? `.${Math.floor((i % 40) / CRITERIA.length)}` : ""),
    answer: pick(rng, ["yes", "no", "unclear", "n/a"]),
    reviewer: "R. Reviewer",
    answeredOn: "2026-05-01",
    attributes: {},
  }));
}
const vettingCsv = (n: number, seed: number): string =>
  ["App,Criterion,Answer,Reviewer,Answered On", ...vettingRows(n, seed).map((r) => `${r.app},${r.criterion},${r.answer},${r.reviewer},${r.answeredOn}`)].join("\n");

/** OneRoster orgs, users (n) and enrollments (n) of n/500 schools and a district org (staff sit at the district too). */
function oneRosterFiles(n: number, seed: number): Record<string, string> {
  const rng = createRng(seed);
  const schools = Math.max(1, Math.round(n / 500));
  const orgs = ["sourcedId,status,name,type", "district,active,The District,district", ...Array.from({ length: schools }, (_, s) => `s${s},active,School ${s},school`)];
  const users = ["sourcedId,status,role,orgSourcedIds,grades"];
  const enrollments = ["sourcedId,status,classSourcedId,schoolSourcedId,userSourcedId,role"];
  const classes = ["sourcedId,status,title,grades,schoolSourcedId"];
  for (let c = 0; c < Math.max(1, Math.round(n / 25)); c++) classes.push(`c${c},active,Class ${c},${String(int(rng, 1, 12)).padStart(2, "0")},s${c % schools}`);
  for (let i = 0; i < n; i++) {
    const s = int(rng, 0, schools - 1);
    const teacher = rng.next() < 0.07;
    users.push(`u${i},active,${teacher ? "teacher" : "student"},"s${s}${teacher ? ",district" : ""}",${teacher ? "" : String(int(rng, 1, 12)).padStart(2, "0")}`);
    enrollments.push(`e${i},active,c${int(rng, 0, Math.max(0, Math.round(n / 25) - 1))},s${s},u${i},${teacher ? "teacher" : "student"}`);
  }
  return { "orgs.csv": orgs.join("\n"), "users.csv": users.join("\n"), "enrollments.csv": enrollments.join("\n"), "classes.csv": classes.join("\n") };
}

/** Roster counts of n/13 schools (13 grades each): what readOneRoster returns. */
function rosterCounts(n: number, seed: number) {
  const rng = createRng(seed);
  const grades = ["KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
  const schools = Array.from({ length: Math.max(1, Math.round(n / 13)) }, (_, s) => {
    const studentsByGrade = Object.fromEntries(grades.map((g) => [g, int(rng, 20, 140)]));
    const students = Object.values(studentsByGrade).reduce((a, b) => a + b, 0);
    const teachers = int(rng, 20, 90);
    return { sourcedId: `s${s}`, name: `School ${s}`, students, teachers, byRole: { student: students, teacher: teachers, aide: int(rng, 1, 20) }, studentsByGrade };
  });
  const counts = schools.flatMap((s) => Object.entries(s.studentsByGrade).map(([grade, count]) => ({ schoolSourcedId: s.sourcedId, schoolName: s.name, grade, role: "student", count })));
  const students = schools.reduce((a, s) => a + s.students, 0);
  const teachers = schools.reduce((a, s) => a + s.teachers, 0);
  return { schools, counts, totals: { students, teachers, byRole: { student: students, teacher: teachers } }, excluded: { inactiveUsers: 0, usersWithoutSchool: 0, users: [] } };
}

/** A budget comparison of 10 years with n/10 schools per year: n deltas of the bySchool section. */
function comparison(n: number, seed: number) {
  const rng = createRng(seed);
  const schools = Math.max(1, Math.round(n / 10));
  return {
    a: { name: "Baseline" },
    b: { name: "Refresh plan" },
    years: Array.from({ length: 10 }, (_, t) => ({
      fiscalYear: 2027 + t,
      total: { a: "1000000", b: "1100000" },
      byCategory: { devices: { a: "600000", b: "650000" }, software: { a: "400000", b: "450000" } },
      bySchool: Object.fromEntries(Array.from({ length: schools }, (_, s) => [`s${s}`, { a: `${int(rng, 1000, 90000)}.25`, b: `${int(rng, 1000, 90000)}.75` }])),
    })),
  };
}

/** A result with n records, each with a nested object, money and a list of plain values. */
function result(n: number, seed: number) {
  const rng = createRng(seed);
  return {
    asOf: "2026-07-01",
    total: Money.of("1234567.89"),
    records: Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      school: `S${int(rng, 1, 500)}`,
      cost: { capital: Money.fromCents(int(rng, 10_000, 900_000)), repair: Money.fromCents(int(rng, 0, 90_000)) },
      tags: ["a", "b"],
      fiscalYear: int(rng, 2027, 2036),
    })),
  };
}

/**
 * `imported` model names (half of them in the catalogue under another spelling) and a catalogue of
 * `models` models. Each imported model is ranked against the whole catalogue (its candidates), so
 * the work is imported × catalogue by definition: the cases grow one list with the other fixed.
 */
function modelMatchInput(imported: number, models: number, seed: number) {
  const rng = createRng(seed);
  const catalogue = Array.from({ length: models }, (_, i) => ({
    id: `cat-${i}`,
    name: `Vendor${i % 50} Model ${i} G${i % 5}`,
    category: i % 3 === 0 ? ("windows-laptop" as const) : ("chromebook" as const),
    unitPrice: "300",
  }));
  const names = Array.from({ length: imported }, (_, i) => {
    const j = i % models;
    return rng.next() < 0.5 ? { name: `vendor${j % 50}  model ${j} g${j % 5}`, category: catalogue[j]!.category } : { name: `Unknown ${i} Box` };
  });
  return { imported: names, catalogue };
}

const sizesOf = (n: number) => Math.max(1, Math.round(n / 500));
const googleCsv = (n: number, seed: number) => generateGoogleAdminExport({ devices: n, seed, schools: Math.min(5000, sizesOf(n)) });

/** A privacy register of n agreements (two a product, signed FY2021–26 for three years). */
function privacyRegister(n: number, seed: number) {
  const rng = createRng(seed);
  return {
    district: { name: "Large SD", state: "OR" },
    agreements: Array.from({ length: n }, (_, i) => {
      const y = 2021 + Math.floor(rng.next() * 6);
      const app = Math.floor(i / 2);
      return {
        id: `g${i}`,
        appId: `app${app}`,
        appName: `App ${app}`,
        status: "signed",
        signedOn: `${y}-07-01`,
        expiresOn: `${y + 3}-06-30`,
        decision: i % 7 === 0 ? "denied" : "approved",
        dataElements: ["Student Name"],
      };
    }),
  };
}

const CALENDAR_KINDS_USED = ["erate-deadline", "fund-obligation", "licence-renewal", "agreement-expiry", "device-support-end", "device-warranty-end", "vetting-review", "custom"] as const;
const SOURCES = ["erate", "budget", "licenses", "privacy", "lifecycle", "lifecycle", "vetting", "district"] as const;

/** A district's calendar of n items in 4 lists (the engines' and the district's own), dated 2026–2031; ids are unique within a list and one in twenty is taken in another list too (renamed `~2`…). */
function calendarLists(n: number, seed: number) {
  const rng = createRng(seed);
  const lists: object[][] = [[], [], [], []];
  for (let i = 0; i < n; i++) {
    const k = int(rng, 0, CALENDAR_KINDS_USED.length - 1);
    const day = date(rng, 2026, 2031);
    const list = i % 4;
    lists[list]!.push({
      id: rng.next() < 0.05 ? `${CALENDAR_KINDS_USED[k]}-shared-${i % Math.max(1, Math.floor(n / 20))}` : `${CALENDAR_KINDS_USED[k]}-${list}-${i}`,
      date: day,
      lastDayToAct: rng.next() < 0.7 ? `${Number(day.slice(0, 4)) - 1}${day.slice(4)}` : null,
      kind: CALENDAR_KINDS_USED[k],
      source: SOURCES[k],
      title: `Item ${i}`,
      action: "review and decide",
      explanation: `Item ${i} of the district's calendar.`,
      atStake: { amount: Money.fromCents(int(rng, 0, 10_000_000)).toString(), amountLabel: "annual cost", units: int(rng, 1, 5000), unit: "seats" },
    });
  }
  return lists;
}

/** The cases (scaling.bench.ts registers them). */
export const scalingCases = [
  scalingCase("readGoogleAdminDevices (rows)", (n) => new TextEncoder().encode(googleCsv(n, 1)), readGoogleAdminDevices),
  scalingCase("readSnipeItAssets (rows)", (n) => snipeItCsv(n, 2), readSnipeItAssets),
  scalingCase("readLicenseContracts (rows)", (n) => contractsCsv(n, 3), readLicenseContracts),
  scalingCase("readUsage (rows)", (n) => usageCsv(n, 4), readUsage),
  scalingCase(
    "readCsv (rows)",
    (n) => usageCsv(n, 5),
    (text) => readCsv(usageFormat, text),
  ),
  scalingCase("readVettingAnswers (rows)", (n) => vettingCsv(n, 6), readVettingAnswers),
  scalingCase(
    "readOneRoster (users and enrollments)",
    (n) => oneRosterFiles(n, 7),
    (files) => readOneRoster(files),
  ),
  scalingCase("decodeText (rows of bytes)", (n) => new TextEncoder().encode(usageCsv(n, 8)), decodeText),
  scalingCase(
    "readCsvStream (rows, 64 KB chunks)",
    (n) => chunks(usageCsv(n, 9), 65_536),
    (cs) => readCsvStream(usageFormat, cs),
  ),
  scalingCase(
    "readCsvStream (one long cell in 100-character chunks)",
    (n) => chunks(`Product,User,Last Active\nReadWell,"${"x".repeat(n * 100)}",2026-05-30\n`, 100),
    (cs) => readCsvStream(usageFormat, cs),
  ),
  scalingCase("neutraliseFormula (characters)", (n) => `=${"A1+".repeat(n)}`, neutraliseFormula),
  scalingCase(
    "readVettingAnswersJson (answers)",
    (n) => ({ apps: groupVettingAnswers(vettingRows(n, 10)).map((s) => ({ app: s.app, answers: Object.fromEntries(s.answers.map((a) => [a.criterion, a.answer ?? ""])) })) }),
    readVettingAnswersJson,
  ),
  scalingCase("groupVettingAnswers (rows)", (n) => vettingRows(n, 11), groupVettingAnswers),
  scalingCase(
    "vettingAppsFromAnswers (rows, K-12 rubric)",
    (n) => vettingRows(n, 12),
    (rows) => vettingAppsFromAnswers(rows),
  ),
  scalingCase("autoUpdateExpirationByModel (devices)", (n) => readGoogleAdminDevices(googleCsv(n, 13)).rows, autoUpdateExpirationByModel),
  scalingCase(
    "inventoryFromExports (Snipe-IT and Google Admin rows, detail: cohorts)",
    (n) => ({
      exports: { snipeIt: readSnipeItAssets(snipeItCsv(Math.round(n / 2), 14)).rows, googleAdmin: readGoogleAdminDevices(googleCsv(Math.round(n / 2), 15)).rows },
      options: inventoryOptions(n),
    }),
    ({ exports, options }) => inventoryFromExports(exports, { ...options, detail: "cohorts" }),
  ),
  scalingCase(
    "inventoryFromExports (Snipe-IT and Google Admin rows, detail: devices)",
    (n) => ({
      exports: { snipeIt: readSnipeItAssets(snipeItCsv(Math.round(n / 2), 16)).rows, googleAdmin: readGoogleAdminDevices(googleCsv(Math.round(n / 2), 17)).rows },
      options: inventoryOptions(n),
    }),
    ({ exports, options }) => inventoryFromExports(exports, options),
  ),
  scalingCase("matchDeviceModels (imported models; a catalogue of 500)", (n) => modelMatchInput(n, 500, 18), matchDeviceModels),
  scalingCase("matchDeviceModels (catalogue models; 50 imported)", (n) => modelMatchInput(50, n, 18), matchDeviceModels),
  scalingCase(
    "modelOptionsFromMatches (matches and catalogue)",
    (n) => {
      const { imported, catalogue } = modelMatchInput(n, n, 19);
      return { matches: Object.fromEntries(imported.map((x, i) => [x.name, i % 3 === 0 ? null : `cat-${i}`])), catalogue };
    },
    ({ matches, catalogue }) => modelOptionsFromMatches(matches, catalogue),
  ),
  scalingCase(
    "licenseContractsToCurrent (contracts)",
    (n) => ({ rows: readLicenseContracts(contractsCsv(n, 20)).rows, options: { products: productMap(), schools: schoolMap(200) } }),
    ({ rows, options }) => licenseContractsToCurrent(rows, options),
  ),
  scalingCase(
    "usageToLicenseUsers (usage rows)",
    (n) => ({ rows: readUsage(usageCsv(n, 21)).rows, options: { products: productMap(), schools: schoolMap(sizesOf(n) * 2) } }),
    ({ rows, options }) => usageToLicenseUsers(rows, options),
  ),
  scalingCase(
    "licenseEnrollmentFromRoster (schools × grades)",
    (n) => rosterCounts(n, 22),
    (counts) => licenseEnrollmentFromRoster(counts),
  ),
  scalingCase(
    "budgetSchoolsFromRoster (schools × grades)",
    (n) => rosterCounts(n, 23),
    (counts) => budgetSchoolsFromRoster(counts, { fiscalYear: 2026, locale: "urban" }),
  ),
  scalingCase(
    "budgetComparisonTable (deltas: 10 years × schools)",
    (n) => comparison(n, 24),
    (c) => budgetComparisonTable(c),
  ),
  scalingCase(
    "budgetComparisonCsv (deltas: 10 years × schools)",
    (n) => comparison(n, 25),
    (c) => budgetComparisonCsv(c),
  ),
  scalingCase(
    "tidyTables (records)",
    (n) => result(n, 26),
    (r) => tidyTables(r),
  ),
  scalingCase(
    "resultToCsvFiles (records)",
    (n) => result(n, 27),
    (r) => resultToCsvFiles(r),
  ),
  scalingCase(
    "forecastTables (forecast cohorts)",
    (n) => forecastReplacements(generateInventory({ devices: n * 40, schools: Math.max(1, Math.round(n / 13)), models: 30, years: 8, seed: 28 })),
    forecastTables,
    { iterations: 3 },
  ),
  scalingCase(
    "toCsv (rows)",
    (n) => tidyTables(result(n, 29))["records"]!,
    (t) => toCsv(t),
  ),
  scalingCase(
    "writeCsv (records)",
    (n) => readUsage(usageCsv(n, 30)).rows,
    (rows) => writeCsv(usageFormat, rows),
  ),
  scalingCase(
    "exportJson (records)",
    (n) => result(n, 31),
    (r) => exportJson(r),
  ),
  scalingCase(
    "parseJsonInput (records)",
    (n) => exportJson(result(n, 32)),
    (text) => parseJsonInput(z.object({ records: z.array(z.object({ id: z.string() }).passthrough()) }).passthrough(), text),
  ),
  scalingCase("generateGoogleAdminExport (devices)", (n) => ({ devices: n, seed: 33, schools: Math.min(5000, sizesOf(n)) }), generateGoogleAdminExport),
  // the privacy register's CSV (added with issue 20), read and written
  scalingCase(
    "readPrivacyRegister (rows)",
    (n) => writePrivacyRegister(privacyRegister(n, 40)),
    (text) => readPrivacyRegister(text),
  ),
  scalingCase(
    "writePrivacyRegister (agreements)",
    (n) => privacyRegister(n, 41),
    (register) => writePrivacyRegister(register),
  ),
  scalingCase("mergeCalendarItems (items over 4 lists)", (n) => calendarLists(n, 31), mergeCalendarItems as (x: unknown) => unknown),
];

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Options of a district of n/500 schools: locations and org units (by prefix) to school ids, model prices. */
function inventoryOptions(n: number) {
  const schools = sizesOf(n);
  const map: Record<string, string> = {};
  for (let s = 1; s <= schools; s++) {
    map[`School ${s}`] = `S${s}`;
    map[`/Students/School ${String(s).padStart(3, "0")}`] = `S${s}`;
  }
  return {
    asOf: "2026-07-01",
    schools: map,
    models: Object.fromEntries([...MODELS, "Cirrus Chromebook 3100", "Cirrus Chromebook 3110", "Nimbus Chromebook 14", "Stratus Chromebook 11"].map((m) => [m, { unitPrice: "300" }])),
  };
}

const productMap = () => Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`product ${i}`, `p${i}`]));
const schoolMap = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`school ${i}`, `s${i}`]));
