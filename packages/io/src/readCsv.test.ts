import { describe, expect, it } from "vitest";
import { thrown } from "../../core/test/thrown.js";
import { readGoogleAdminDevices } from "./formats/googleAdmin.js";
import { readUsage, usageFormat } from "./formats/licenses.js";
import { readSnipeItAssets } from "./formats/snipeIt.js";
import { readCsv } from "./readCsv.js";

describe("header matching", () => {
  it("matches headers ignoring case, spaces, underscores and dots, through the aliases", () => {
    const csv = "ASSET_TAG, serial number ,MODEL name,purchase-date,Model No.\nT1,S1,Acme,2023-01-23,X9";
    const r = readSnipeItAssets(csv);
    expect(r.rows[0]).toMatchObject({ assetTag: "T1", serial: "S1", model: "Acme", purchaseDate: "2023-01-23", modelNumber: "X9" });
    expect(r.columns.map((c) => c.field)).toEqual(["assetTag", "serial", "model", "modelNumber", "purchaseDate"]);
  });

  it("lets an explicit mapping override the aliases", () => {
    const csv = "Tag #,Model,Serial,Other Serial\nT1,Acme,S1,S2";
    const r = readSnipeItAssets(csv, { mapping: { assetTag: "tag #", serial: "Other Serial" } });
    expect(r.rows[0]).toMatchObject({ assetTag: "T1", serial: "S2" });
    expect(r.rows[0]?.attributes).toEqual({ Serial: "S1" });
    expect(r.columns.find((c) => c.field === "serial")).toEqual({ field: "serial", header: "Other Serial", by: "mapping" });
  });

  it("keeps unknown columns as attributes, not lost", () => {
    const r = readSnipeItAssets("Asset Tag,Model,Color,Grant\nT1,Acme,blue,\nT2,Acme,red,ESSER");
    expect(r.unknownColumns).toEqual(["Color", "Grant"]);
    expect(r.rows.map((x) => x.attributes)).toEqual([{ Color: "blue" }, { Color: "red", Grant: "ESSER" }]);
  });

  it("refuses a mapping to a column the file lacks, or to a field the format lacks", () => {
    const e = thrown(() => readSnipeItAssets("Asset Tag,Model\nT1,Acme", { mapping: { serial: "SN#", colour: "Color" } }));
    expect(e.issues.map((i) => i.pathText).sort()).toEqual(["options.mapping.colour", "options.mapping.serial"]);
  });

  it("says which required column is missing and what the file has", () => {
    const e = thrown(() => readGoogleAdminDevices("Serial Number,Status\nX1,ACTIVE"));
    expect(e.issues[0]?.message).toMatch(/needs a column for model.*"Serial Number", "Status"/);
  });

  it("names duplicate headers apart in the attributes", () => {
    const r = readSnipeItAssets("Asset Tag,Model,Note2,Note2\nT1,Acme,a,b");
    expect(r.rows[0]?.attributes).toEqual({ Note2: "a", "Note2 (2)": "b" });
    expect(r.warnings.join(" ")).toMatch(/more than once/);
  });

  it('reads a repeated known header (two Asset Tag columns) from the first, keeps the other as "Asset Tag (2)", and warns', () => {
    const r = readSnipeItAssets("Asset Tag,Model,asset tag,Asset Tag\nT1,Acme,OLD-1,X-1\nT2,Acme,,X-2");
    expect(r.rows.map((x) => x.assetTag)).toEqual(["T1", "T2"]);
    expect(r.rows.map((x) => x.attributes)).toEqual([{ "asset tag": "OLD-1", "Asset Tag (2)": "X-1" }, { "Asset Tag (2)": "X-2" }]);
    expect(r.unknownColumns).toEqual(["asset tag", "Asset Tag (2)"]);
    expect(r.warnings).toEqual([
      'the header "asset tag" appears again in column 3: column 1 ("Asset Tag") is read as assetTag, and column 3 is kept in attributes as "asset tag"',
      'the header "Asset Tag" appears again in column 4: column 1 ("Asset Tag") is read as assetTag, and column 4 is kept in attributes as "Asset Tag (2)"',
    ]);
  });

  it("never lets a repeat override the field, whichever column holds a value, nor a name already in the file", () => {
    // the first column is empty: the field stays empty rather than taking the repeat's value
    const r = readSnipeItAssets("Serial,Model,Asset Tag,Asset Tag (2),Asset Tag\nS1,Acme,,kept,repeat");
    expect(r.rows[0]?.assetTag).toBeUndefined();
    expect(r.rows[0]?.attributes).toEqual({ "Asset Tag (2)": "kept", "Asset Tag (3)": "repeat" });
    // a mapping picks the first of two equal headers too
    const m = readSnipeItAssets("Tag,Model,Tag\nA,Acme,B", { mapping: { assetTag: "Tag" } });
    expect([m.rows[0]?.assetTag, m.rows[0]?.attributes]).toEqual(["A", { "Tag (2)": "B" }]);
    expect(m.warnings).toHaveLength(1);
  });

  it('keeps a column the file itself calls "Asset Tag (2)" under its name when the repeat comes first', () => {
    // the repeat's name skips the file's own headers; before, the file's "Asset Tag (2)" became
    // "Asset Tag (2) (2)" with a warning that its header appeared more than once (it did not)
    const r = readSnipeItAssets("Asset Tag,Model,Asset Tag,Asset Tag (2)\nT1,Acme,repeat,kept");
    expect(r.rows[0]?.assetTag).toBe("T1");
    expect(r.rows[0]?.attributes).toEqual({ "Asset Tag (3)": "repeat", "Asset Tag (2)": "kept" });
    expect(r.warnings).toEqual(['the header "Asset Tag" appears again in column 3: column 1 ("Asset Tag") is read as assetTag, and column 3 is kept in attributes as "Asset Tag (3)"']);
    const notes = readSnipeItAssets("Asset Tag,Model,Fund,Fund,Fund (2)\nT1,Acme,a,b,c");
    expect(notes.rows[0]?.attributes).toEqual({ Fund: "a", "Fund (3)": "b", "Fund (2)": "c" });
    expect(notes.warnings).toEqual(['the header "Fund" appears more than once; later ones are kept as "Fund (3)"…']);
  });
});

describe("trailing columns with no name (an Excel artefact)", () => {
  it("reads rows that stop before the header's trailing empty-named columns, and warns once", () => {
    const r = readSnipeItAssets("Asset Tag,Model,Location,,,\nT1,Acme,MVH\nT2,Acme,MVE,,\nT3,Acme,MVM,,,\nT4,Acme,MVH,,,note");
    expect(r.stats).toEqual({ total: 4, parsed: 4, failed: 0, blankLines: 0 });
    expect(r.rows.map((x) => x.location)).toEqual(["MVH", "MVE", "MVM", "MVH"]);
    expect(r.rows[3]?.attributes).toEqual({ "Column 6": "note" });
    expect(r.warnings).toEqual(["the header ends with 3 columns with no name (as Excel saves formatted empty columns); 2 rows stopped before them and were read as they are"]);
  });

  it("still refuses a row short of a named column, and says nothing when no row was short", () => {
    const r = readSnipeItAssets("Asset Tag,Model,Location,\nT1,Acme\nT2,Acme,MVH,");
    expect(r.errors.map((e) => e.message)).toEqual(["line 2: the row has 2 cells but the header has 4 (a missing or extra separator, or an unquoted line break?)"]);
    expect(r.warnings).toEqual([]);
    // an unnamed column in the middle is not trailing: a row short of it is ragged
    const middle = readSnipeItAssets("Asset Tag,,Model\nT1,x");
    expect(middle.stats.failed).toBe(1);
  });

  it("reads the same through the streaming reader", async () => {
    const { readCsvStream } = await import("./readCsvStream.js");
    const { snipeItAssetFormat } = await import("./formats/snipeIt.js");
    const text = "Asset Tag,Model,Location,,\nT1,Acme,MVH\nT2,Acme,MVE\n";
    const chunks = [text.slice(0, 17), text.slice(17, 30), text.slice(30)];
    const r = await readCsvStream(snipeItAssetFormat, chunks);
    expect(r.stats.parsed).toBe(2);
    expect(r.warnings).toEqual(["the header ends with 2 columns with no name (as Excel saves formatted empty columns); 2 rows stopped before them and were read as they are"]);
  });
});

describe("row errors", () => {
  it("reports line, column and reason, and the counts add up", () => {
    const csv = ["Asset Tag,Model,Purchase Date,Purchase Cost", "T1,Acme,1/23/23,289", "T2,Acme,13/45/2024,289", "T3,,2024-01-01,abc", "T4,Acme,,"].join("\n");
    const r = readSnipeItAssets(csv);
    expect(r.stats).toEqual({ total: 4, parsed: 2, failed: 2, blankLines: 0 });
    expect(r.errors.map((e) => e.message)).toEqual([
      'line 3, Purchase Date: "13/45/2024" is not a date (expected YYYY-MM-DD or M/D/YYYY)',
      "line 4, Model: is empty (a value is required)",
      'line 4, Purchase Cost: "abc" is not an amount (expected e.g. 1234.56 or $1,234.56)',
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 5]);
  });

  it("counts physical lines across quoted cells holding line breaks, CRLF included", () => {
    const csv = 'Asset Tag,Model,Notes\r\nT1,Acme,"two\r\nlines"\r\n\r\nT2,Acme,x\r\nT3,Acme,"a\nb\nc"\r\nT4,Acme,"x",y\r\n';
    const r = readSnipeItAssets(csv);
    expect(r.rows.map((x) => [x.assetTag, x.line])).toEqual([
      ["T1", 2],
      ["T2", 5],
      ["T3", 6],
    ]);
    expect(r.rows[0]?.notes).toBe("two\r\nlines");
    expect(r.errors[0]?.line).toBe(9);
    expect(r.stats.blankLines).toBe(1);
  });

  it("reports a ragged row instead of guessing", () => {
    const r = readSnipeItAssets("Asset Tag,Model,Location\nT1,Acme\nT2,Acme,MVH,extra\nT3,Acme,MVH,,");
    expect(r.errors.map((e) => e.message)).toEqual([
      "line 2: the row has 2 cells but the header has 3 (a missing or extra separator, or an unquoted line break?)",
      "line 3: the row has 4 cells but the header has 3 (a missing or extra separator, or an unquoted comma?)",
    ]);
    expect(r.rows.map((x) => x.assetTag)).toEqual(["T3"]);
  });

  it("reports an unclosed quote on the row where it starts", () => {
    const r = readSnipeItAssets('Asset Tag,Model\nT1,Acme\nT2,"Acme\nT3,Acme\n');
    expect(r.stats).toMatchObject({ total: 2, parsed: 1, failed: 1 });
    expect(r.errors[0]?.message).toMatch(/^line 3: a quoted cell is never closed/);
  });

  it("says which lines a malformed quote swallowed into one row, so none goes missing unexplained", () => {
    // papaparse reads on from a malformed quote to the next quote it can close a cell with
    const r = readUsage('Product,User\nA,u1\nA,"bad"x\nA,u3\nA,"u4"\nA,u5');
    expect(r.errors.map((e) => e.message)).toEqual(['line 3: a quoted cell is malformed (text after its closing "); lines 3–5 were read as this one row']);
    expect(r.rows.map((x) => [x.line, x.user])).toEqual([
      [2, "u1"],
      [6, "u5"],
    ]);
    expect(r.stats).toEqual({ total: 3, parsed: 2, failed: 1, blankLines: 0 });
  });

  it("needs an asset tag or a serial on every Snipe-IT row", () => {
    const r = readSnipeItAssets("Asset Tag,Serial,Model\n,,Acme\n,S2,Acme");
    expect(r.errors[0]?.message).toBe("line 2, Asset Tag: is empty, and so is the serial (a row needs an asset tag or a serial)");
    expect(r.stats.parsed).toBe(1);
  });
});

describe("files that are not what they should be", () => {
  it("refuses an empty file and a blank one with a clear message", () => {
    expect(thrown(() => readUsage("")).message).toMatch(/the file is empty/);
    expect(thrown(() => readUsage("\n \n,,\n")).message).toMatch(/only blank lines/);
    expect(thrown(() => readUsage(new Uint8Array())).message).toMatch(/the file is empty/);
  });

  it("refuses a binary file (a zip, an xlsx) instead of reading garbage", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(thrown(() => readUsage(zip)).message).toMatch(/not a CSV text file/);
  });

  it("says a text that is not this format lacks its columns", () => {
    expect(thrown(() => readUsage("Dear colleague,\nplease find attached the export.")).message).toMatch(/needs a column for product/);
  });

  it("warns about a header with no rows", () => {
    const r = readUsage("Product,User\n");
    expect(r.stats.total).toBe(0);
    expect(r.warnings).toContain("the file has a header but no data rows");
  });

  it("reads semicolon and tab separated files (European Excel, Google Sheets TSV)", () => {
    expect(readUsage("Product;User;Last Active\nReadWell;s1;30/05/2026", { dateOrder: "dmy" }).rows[0]?.lastActive).toBe("2026-05-30");
    expect(readUsage("Product\tUser\nReadWell\ts1").rows[0]?.user).toBe("s1");
  });

  it("reads UTF-8 with a BOM, UTF-16 LE and BE with or without a BOM, and Windows-1252", () => {
    const text = "Product,User,School\nLectura,José,Maple Valley Middle\n";
    const utf16le = (bom: boolean) => {
      const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
      if (bom) out.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        out[(bom ? 2 : 0) + i * 2] = text.charCodeAt(i) & 0xff;
        out[(bom ? 2 : 0) + i * 2 + 1] = text.charCodeAt(i) >> 8;
      }
      return out;
    };
    const utf16be = (le: Uint8Array) => {
      const out = new Uint8Array(le.length);
      for (let i = 0; i < le.length; i += 2) [out[i], out[i + 1]] = [le[i + 1]!, le[i]!];
      return out;
    };
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const utf8bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    for (const [bytes, encoding] of [
      [utf8bom, "utf-8"],
      [utf16le(true), "utf-16le"],
      [utf16le(false), "utf-16le"],
      [utf16be(utf16le(true)), "utf-16be"],
      [latin1, "windows-1252"],
      [latin1.buffer, "windows-1252"],
    ] as const) {
      const r = readUsage(bytes);
      expect(r.encoding).toBe(encoding);
      expect(r.rows[0]?.user).toBe("José");
      expect(r.columns[0]?.header).toBe("Product");
    }
    expect(readUsage(latin1).warnings[0]).toMatch(/Windows-1252/);
  });

  it("refuses what is neither text nor bytes", () => {
    expect(thrown(() => readCsv(usageFormat, 42 as unknown as string)).message).toMatch(/expected the file as text/);
    expect(thrown(() => readUsage("Product,User\nA,b", { mapping: "x" } as never)).issues[0]?.pathText).toBe("options.mapping");
  });
});
