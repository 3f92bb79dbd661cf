import { Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { readUsage, usageFormat } from "../formats/licenses.js";
import { toCsv, writeCsv } from "./csv.js";
import { neutraliseFormula } from "./neutralise.js";

describe("formula injection (OWASP 'CSV Injection')", () => {
  const payloads = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", '=HYPERLINK("http://evil.example","Click")', "|calc"];

  it("prefixes every payload with a quote so a spreadsheet shows it as text", () => {
    for (const p of payloads) expect(neutraliseFormula(p)).toBe(`'${p}`);
  });

  it("leaves numbers, dates and ordinary text alone", () => {
    for (const t of ["-12.50", "+3", "1e5", "2026-07-01", "Maple Valley High", "a=b", ""]) expect(neutraliseFormula(t)).toBe(t);
  });

  it("neutralises cells and headers on export, and the reader gives back the original text", () => {
    const csv = writeCsv(
      usageFormat,
      payloads.map((p, i) => ({ line: i + 2, product: p, user: `u${i}`, attributes: { "=note": p } })),
    );
    for (const line of csv.split("\r\n").slice(1, -1)) expect(line).toMatch(/^"?'/);
    expect(csv.split("\r\n")[0]).toContain("'=note");
    const back = readUsage(csv);
    expect(back.rows.map((r) => r.product)).toEqual(payloads);
    expect(back.rows[0]?.attributes).toEqual({ "=note": payloads[0] });
  });
});

describe("toCsv", () => {
  it("writes money as exact decimal strings and refuses NaN", () => {
    expect(toCsv({ columns: ["item", "amount"], rows: [["Chromebooks", Money.of("86700.1")]] }, { newline: "\n" })).toBe("item,amount\nChromebooks,86700.1\n");
    expect(() => toCsv({ columns: ["x"], rows: [[Number.NaN]] })).toThrow(/cannot be written/);
  });

  it("refuses a row with the wrong number of cells", () => {
    expect(() => toCsv({ columns: ["a", "b"], rows: [["1"]] })).toThrow(/expected 2 cells/);
  });

  it("adds a BOM for Excel when asked", () => {
    expect(toCsv({ columns: ["école"], rows: [] }, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});
