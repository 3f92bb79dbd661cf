import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { throwingProxy, thrown } from "../../core/test/thrown.js";
import {
  budgetComparisonCsv,
  calendarToCsv,
  decodeText,
  districtCalendar,
  exportJson,
  inventoryFromExports,
  ledgerRow,
  licenseContractsToCurrent,
  neutraliseFormula,
  parseLedger,
  readActuals,
  readLedger,
  readLicenseContracts,
  readOneRoster,
  readSnipeItAssets,
} from "./index.js";
import { parseLedgerXlsx, readLedgerXlsx } from "./xlsx/index.js";

// Regressions of issue #18 for io, one per class of fault.

describe("io: ids and headers that are JavaScript words", () => {
  it("1. the JSON export and the comparison CSV keep a fund called __proto__", () => {
    const byFund = Object.fromEntries([
      ["__proto__", Money.of("10")],
      ["constructor", Money.of("5")],
    ]);
    expect(exportJson({ byFund }, { indent: 0 })).toBe('{"byFund":{"__proto__":"10","constructor":"5"}}');
    const comparison = {
      a: { name: "A" },
      b: { name: "B" },
      years: [{ fiscalYear: 2027, total: { a: "15", b: "16" }, byFund: JSON.parse('{"__proto__": {"a": "10", "b": "11"}, "constructor": {"a": "5", "b": "5"}}') as object }],
    };
    const csv = budgetComparisonCsv(comparison, { bom: false, newline: "\n", sections: ["fund"] });
    expect(csv.split("\n").filter((l) => l.startsWith("Fund,"))).toEqual(["Fund,__proto__,10.00,11.00,1.00,10.00,11.00,1.00", "Fund,constructor,5.00,5.00,0.00,5.00,5.00,0.00"]);
  });

  it("1. a column headed __proto__ is kept in attributes; a role or grade code called constructor is counted", () => {
    const assets = readSnipeItAssets("Asset Tag,Model,__proto__,constructor\nA1,Chromebook 300,x,y\n");
    expect(JSON.stringify(assets.rows[0]!.attributes)).toBe('{"__proto__":"x","constructor":"y"}');
    const roster = readOneRoster({
      "orgs.csv": "sourcedId,name,type\nmvh,Maple Valley High,school",
      "users.csv": "sourcedId,role,orgSourcedIds,grades\nu1,student,mvh,constructor\nu2,__proto__,mvh,\nu3,teacher,mvh,",
    });
    const school = roster.value.schools[0]!;
    expect([school.byRole["__proto__"], school.studentsByGrade["constructor"], roster.value.totals.byRole["__proto__"]]).toEqual([1, 1, 1]);
  });

  it("1. option maps are read by own key: a model called constructor is not Object", () => {
    const snipeIt = readSnipeItAssets("Asset Tag,Model,Category,Location,Purchase Date,Purchase Cost\nA1,constructor,Chromebook,toString,2023-08-01,300\n").rows;
    const r = inventoryFromExports({ snipeIt }, { asOf: "2026-07-01", schools: JSON.parse('{"__proto__": "hs"}') as Record<string, string> });
    expect(r.devices?.[0]?.school).toBe("toString");
    expect(r.devices?.[0]?.model).toBe("constructor");
  });
});

describe("io: out-of-range cells and wrong kinds", () => {
  it("3. a notice period of 2^31 days is a row error, and never reaches the renewal calendar", () => {
    const r = readLicenseContracts("Product,Annual Cost,Renewal Date,Notice Days,Term Months\nReadWell,100,2026-07-01,2147483648,12\nMathly,100,2026-07-01,30,1200\n");
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "Notice Days"],
      [3, "Term Months"],
    ]);
    expect(thrown(() => licenseContractsToCurrent([{ line: 2, product: "ReadWell", annualCost: "100", renewalDate: "2026-07-01", noticeDays: 2 ** 31, attributes: {} }])).issues[0]?.pathText).toMatch(
      /noticeDays/,
    );
  });

  it("5. neutraliseFormula of NaN or of a non-text is refused, never returned", () => {
    expect(thrown(() => neutraliseFormula(Number.NaN as never)).issues[0]?.path).toEqual(["text"]);
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
  });

  it("7. a Proxy of a byte array is not bytes, and a throwing one is wrapped with its cause", () => {
    const denied = new Error("denied");
    expect(thrown(() => decodeText(new Proxy(new Uint8Array([65]), {}) as never)).code).toBe("INVALID_INPUT");
    const error = thrown(() =>
      decodeText(
        new Proxy(
          {},
          {
            getPrototypeOf: () => {
              throw denied;
            },
            get: () => {
              throw denied;
            },
          },
        ) as never,
      ),
    );
    expect(error.code).toBe("INVALID_INPUT");
  });
});

describe("io: the exports merged after the fuzz (ledger, calendar) under the one rule", () => {
  const denied = new Error("denied");
  const hostile = throwingProxy({}, denied);
  const csv = "Account,Fiscal Year,Amount\n100-2230-734-000-100,2027,12.50\n";

  it("7. parseLedger, readLedger and readActuals wrap a hostile options Proxy with its cause", () => {
    for (const call of [
      () => parseLedger("budget", csv, hostile as never),
      () => readLedger(csv, NCES_TECHNOLOGY_MAPPING, hostile as never),
      () => readActuals(csv, NCES_TECHNOLOGY_MAPPING, hostile as never),
    ]) {
      const error = thrown(call);
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.cause).toBe(denied);
    }
    const getter = {
      get file(): string {
        throw denied;
      },
    };
    expect(thrown(() => readActuals(csv, NCES_TECHNOLOGY_MAPPING, getter)).cause).toBe(denied);
  });

  it("7. the XLSX ledger readers reject (never throw) with a hostile options Proxy as the cause (found by the xlsx entry's fuzz)", async () => {
    const bytes = new Uint8Array([80, 75, 3, 4]);
    for (const call of [() => parseLedgerXlsx("budget", bytes, hostile as never), () => readLedgerXlsx(bytes, NCES_TECHNOLOGY_MAPPING, hostile as never)]) {
      let promise: Promise<unknown> | undefined;
      expect(() => {
        promise = call();
      }).not.toThrow();
      const error = await promise!.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: "DistrictKitError", code: "INVALID_INPUT" });
      expect((error as Error).cause).toBe(denied);
    }
  });

  it("7. ledgerRow wraps a hostile table with its cause; 5. a NaN cell is refused at its column and row", () => {
    const error = thrown(() => ledgerRow(hostile as never, 0));
    expect(error.cause).toBe(denied);
    const t = parseLedger("budget", csv);
    expect(ledgerRow(t, 0).amount).toBe(1250);
    const broken = { ...t, amount: [Number.NaN] };
    expect(thrown(() => ledgerRow(broken, 0)).issues.map((i) => i.pathText)).toEqual(["table.amount[0]"]);
    // found by the export fuzz (seed -492767579): a cell that is a throwing Proxy lost its cause
    const cell = throwingProxy({}, denied);
    expect(thrown(() => ledgerRow({ ...t, description: [cell] } as never, 0)).cause).toBe(denied);
  });

  it("7. districtCalendar keeps the cause of a getter that throws inside a section", () => {
    const model = {
      name: "Acme Chromebook 300",
      category: "chromebook",
      unitPrice: "259",
      autoUpdateExpiration: "2027-06",
      get id(): string {
        throw denied;
      },
    };
    const error = thrown(() => districtCalendar({ asOf: "2026-07-01", devices: { models: [model], cohorts: [] } } as never));
    expect(error.cause).toBe(denied);
    expect(error.issues[0]?.path[0]).toBe("devices");
  });

  it("1. calendarToCsv writes an id with quotes verbatim, quoted as RFC 4180 says", () => {
    const out = calendarToCsv(
      {
        items: [
          {
            id: 'id with spaces and "quotes"',
            date: "2027-07-01",
            lastDayToAct: "2027-04-02",
            kind: "licence-renewal",
            source: "licenses",
            title: "ReadWell renews",
            action: "give notice",
            explanation: "",
          },
        ],
      },
      { newline: "\n" },
    );
    expect(out.split("\n")[1]?.endsWith(',"id with spaces and ""quotes"""')).toBe(true);
  });
});
