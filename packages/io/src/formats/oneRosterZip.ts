import { DistrictKitError } from "@districtkit/core";
import type { TextInput } from "../decode.js";
import { toBytes } from "../decode.js";
import { guardAsync } from "../internal/guard.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { type OneRosterResult, readOneRoster } from "./oneRoster.js";

function zipError(message: string): DistrictKitError {
  return new DistrictKitError("INVALID_INPUT", [{ path: ["file"], code: "invalid_zip", message }], message);
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  // the platform's own inflater (browsers, Node ≥ 20): no zip library needed
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** @internal The files of a zip archive (stored or deflated entries), by name. */
export async function unzip(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw zipError("the file is not a zip archive (no end-of-archive record); give the OneRoster CSV files themselves, or the .zip the SIS exported");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const files = Object.create(null) as Record<string, Uint8Array>; // entry names are data
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw zipError("the zip archive's directory is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (name.endsWith("/") || name.startsWith("__MACOSX/")) continue;
    if (flags & 1) throw zipError(`${name} is encrypted: export the roster without a password`);
    if (size === 0xffffffff) throw zipError(`${name} is in ZIP64 format, which is not supported: unzip the archive and give its files`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw zipError(`the zip entry ${name} is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (data.length !== size) throw zipError(`the zip entry ${name} is cut short`);
    if (method === 0) files[name] = data;
    else if (method === 8) {
      try {
        files[name] = await inflateRaw(data);
      } catch {
        throw zipError(`the zip entry ${name} cannot be decompressed (damaged data)`);
      }
    } else throw zipError(`${name} uses compression method ${method}; only stored and deflated entries are supported`);
  }
  return files;
}

/**
 * Reads a OneRoster CSV roster from the zip archive a SIS or rostering service exports (stored or
 * deflated entries, unzipped with the platform's own `DecompressionStream`, in Node and in
 * browsers), then counts it like {@link readOneRoster}. Files in folders are found by their names.
 *
 * @param zip - the .zip file's bytes (`Uint8Array`, `Buffer` or `ArrayBuffer` from `File.arrayBuffer()`)
 * @param options - column mapping, delimiter, date order (applied to every file)
 * @returns a promise of the counts, the row errors and the counts per file
 * @throws DistrictKitError (as a rejected promise) for a file that is not a zip, an encrypted or damaged archive, or a roster without orgs.csv and users.csv
 * @example
 * ```ts
 * await readOneRosterZip(new TextEncoder().encode("sourcedId,name")); // throws
 * ```
 * @category OneRoster
 */
export async function readOneRosterZip(zip: Exclude<TextInput, string>, options?: ReadOptions): Promise<OneRosterResult> {
  return guardAsync("OneRoster zip", async () => {
    const bytes = toBytes(zip);
    if (bytes === undefined) throw DistrictKitError.argument(["zip"], `expected the zip file's bytes (a Uint8Array or an ArrayBuffer), got ${zip === null ? "null" : typeof zip}`);
    const files = await unzip(bytes);
    return readOneRoster(files, options);
  });
}
