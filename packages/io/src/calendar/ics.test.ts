import { isDistrictKitError } from "@districtkit/core";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarToCsv } from "./csv.js";
import { calendarToIcs } from "./ics.js";
import type { CalendarItemInput } from "./item.js";

const renewal: CalendarItemInput = {
  id: "licenses:renewal:readwell",
  date: "2027-07-01",
  lastDayToAct: "2027-04-02",
  kind: "licence-renewal",
  source: "licenses",
  title: "ReadWell renews automatically (notice by 2027-04-02)",
  action: "right-size the seats or give notice by 2027-04-02, or it renews for 1 year as is",
  atStake: { amount: "10944", amountLabel: "annual cost", units: 912, unit: "seats" },
  explanation: "ReadWell renews on 2027-07-01; notice is due 90 days before, on 2027-04-02.",
  budgetLines: [{ id: "sw-readwell", name: "ReadWell licences", how: "named" }],
};
const review: CalendarItemInput = {
  id: "vetting:re-review:quiz",
  date: "2027-01-15",
  lastDayToAct: "2027-01-15",
  kind: "vetting-review",
  source: "vetting",
  title: "QuizBlast: re-review",
  action: "vet QuizBlast again",
  explanation: "",
};

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    start: String(e.getFirstPropertyValue("dtstart")),
    end: String(e.getFirstPropertyValue("dtend")),
    summary: String(e.getFirstPropertyValue("summary")),
    description: String(e.getFirstPropertyValue("description")),
    stamp: String(e.getFirstPropertyValue("dtstamp")),
  }));
}

describe("calendarToIcs", () => {
  const ics = calendarToIcs({ asOf: "2026-07-01", items: [review, renewal] });

  it("ends every line with CRLF and never has a bare LF or a line over 75 octets", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(/[^\r]\n/.test(ics)).toBe(false);
    for (const l of ics.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(ics.split("\r\n").slice(0, 3)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DistrictKit//Calendar//EN"]);
  });

  it("gives each item an all-day event on its date and an 'Act by' event when the last day to act comes first", () => {
    const e = events(ics);
    expect(e.map((x) => [x.uid, x.start, x.end])).toEqual([
      ["vetting:re-review:quiz@districtkit", "2027-01-15", "2027-01-16"],
      ["licenses:renewal:readwell@districtkit", "2027-07-01", "2027-07-02"],
      ["licenses:renewal:readwell#act@districtkit", "2027-04-02", "2027-04-03"],
    ]);
    expect(e[2]?.summary).toBe("Act by: ReadWell renews automatically (notice by 2027-04-02)");
    expect(e[0]?.stamp).toBe("2026-07-01T00:00:00Z");
  });

  it("puts the action, the stake, the explanation and the budget lines in the description (ical.js reads them back)", () => {
    const d = events(ics)[1]!.description;
    expect(d).toBe(
      [
        "Date: 2027-07-01",
        "Last day to act: 2027-04-02",
        "Action: right-size the seats or give notice by 2027-04-02, or it renews for 1 year as is",
        "At stake: $10,944.00 (annual cost); 912 seats",
        "",
        "ReadWell renews on 2027-07-01; notice is due 90 days before, on 2027-04-02.",
        "",
        "Budget lines: ReadWell licences",
      ].join("\n"),
    );
  });

  it("takes the DTSTAMP day from the options, and fails without one", () => {
    expect(calendarToIcs({ items: [review] }, { stamp: "2026-12-03" })).toContain("DTSTAMP:20261203T000000Z\r\n");
    expect(() => calendarToIcs({ items: [review] })).toThrow(/stamp/);
  });

  it("lists every invalid item with its path", () => {
    try {
      calendarToIcs({
        asOf: "2026-07-01",
        items: [
          { ...review, date: "2027-02-30" },
          { ...renewal, kind: "nope" as never },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(isDistrictKitError(e)).toBe(true);
      expect((e as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join("."))).toEqual(["items.0.date", "items.1.kind"]);
    }
  });
});

describe("calendarToCsv", () => {
  it("writes one row per item with the amount as a decimal and the budget lines joined", () => {
    const csv = calendarToCsv({ items: [renewal] }, { newline: "\n" });
    expect(csv.split("\n")[0]).toBe("last day to act,date,status,kind,source,title,action,amount,amount is,units,unit,budget lines,explanation,id");
    expect(csv).toContain(",10944,annual cost,912,seats,ReadWell licences,");
  });
  it("neutralises a title a spreadsheet would run as a formula", () => {
    const csv = calendarToCsv({ items: [{ ...review, title: '=HYPERLINK("http://x")' }] });
    expect(csv).toContain("'=HYPERLINK");
  });
});
