import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readOneRoster } from "./oneRoster.js";
import { readOneRosterZip } from "./oneRosterZip.js";

const fixtures = join(import.meta.dirname, "../../test/fixtures");
const data = join(import.meta.dirname, "../../../../examples/data/oneroster");

describe("OneRoster from a zip archive", () => {
  it("reads the deflated export of the sample district exactly as its folder", async () => {
    // test/fixtures/oneroster-maple-valley.zip = `zip -9` of examples/data/oneroster/*.csv
    const fromZip = await readOneRosterZip(readFileSync(join(fixtures, "oneroster-maple-valley.zip")));
    const names = ["orgs", "users", "roles", "enrollments", "classes", "courses", "academicSessions", "manifest"];
    const fromFolder = readOneRoster(Object.fromEntries(names.map((n) => [`${n}.csv`, readFileSync(join(data, `${n}.csv`))])));
    expect(fromZip.value).toEqual(fromFolder.value);
    expect(fromZip.value.totals).toMatchObject({ students: 912, teachers: 62 });
  });

  it("reads stored (uncompressed) entries inside a folder, from an ArrayBuffer", async () => {
    const bytes = readFileSync(join(fixtures, "oneroster-stored-in-folder.zip"));
    const r = await readOneRosterZip(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(r.value.schools[0]).toMatchObject({ name: "North Elementary", students: 1, teachers: 1, studentsByGrade: { KG: 1 } });
  });

  it("says so when the file is not a zip, or a damaged one", async () => {
    await expect(readOneRosterZip(new TextEncoder().encode("sourcedId,name\n"))).rejects.toThrow(/not a zip archive/);
    const zip = new Uint8Array(readFileSync(join(fixtures, "oneroster-maple-valley.zip")));
    zip.fill(0, 100, 2000);
    await expect(readOneRosterZip(zip)).rejects.toBeInstanceOf(DistrictKitError);
  });

  it("never rejects with anything but a DistrictKitError on random bytes", async () => {
    const zip = new Uint8Array(readFileSync(join(fixtures, "oneroster-stored-in-folder.zip")));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.array(fc.tuple(fc.nat({ max: zip.length - 1 }), fc.nat({ max: 255 })), { maxLength: 6 }).map((edits) => {
            const copy = zip.slice();
            for (const [i, v] of edits) copy[i] = v;
            return copy;
          }),
        ),
        async (bytes) => {
          try {
            await readOneRosterZip(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(DistrictKitError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
