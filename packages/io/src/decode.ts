import { DistrictKitError, guardInput } from "@districtkit/core";

/**
 * What a reader accepts: text already decoded, or the file's bytes (a `Uint8Array`, a Node
 * `Buffer`, or an `ArrayBuffer` from `File.arrayBuffer()` in a browser).
 *
 * @category Decoding
 */
export type TextInput = string | Uint8Array | ArrayBuffer;

/**
 * The character encodings DistrictKit recognises in a file; `text` means the caller passed a string.
 *
 * @category Decoding
 */
export type TextEncodingName = "text" | "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * A file's text after decoding, with the encoding that was found and any warning about it.
 *
 * @category Decoding
 */
export interface DecodedText {
  /** The text, without a byte-order mark. */
  readonly text: string;
  /** The encoding the bytes were read with. */
  readonly encoding: TextEncodingName;
  /** Whether the input started with a byte-order mark (which was removed). */
  readonly bom: boolean;
  /** Notes for the user, e.g. that the file was not valid UTF-8 and was read as Windows-1252. */
  readonly warnings: readonly string[];
}

function fileError(message: string): DistrictKitError {
  return new DistrictKitError("INVALID_INPUT", [{ path: ["file"], code: "invalid_file", message }], message);
}

/** @internal Bytes of any accepted binary input, or undefined for anything else. */
export function toBytes(input: unknown): Uint8Array | undefined {
  // brand checks first (a Proxy is not a byte array); reading anything else may run a caller's trap
  if (ArrayBuffer.isView(input)) return input instanceof Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return guardInput(() => otherBytes(input), ["file"], "the file");
}

function otherBytes(input: unknown): Uint8Array | undefined {
  // an ArrayBuffer, from this realm or another (an iframe, a worker): byteLength's getter is a brand check
  return isArrayBuffer(input) ? new Uint8Array(input) : undefined;
}

const byteLengthOf = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength")!.get!;

function isArrayBuffer(input: unknown): input is ArrayBuffer {
  try {
    byteLengthOf.call(input);
    return true;
  } catch {
    return false; // not an ArrayBuffer (a Proxy of one is not one either)
  }
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

function decodeWindows1252(bytes: Uint8Array): string {
  try {
    return decodeWith("windows-1252", bytes, false);
  } catch {
    // a runtime without the legacy single-byte decoders: ISO-8859-1 is the nearest
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return out;
  }
}

/** @internal Guesses UTF-16 without a byte-order mark from where the zero bytes are. */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** @internal Throws when decoded text is clearly not a text file (NUL or many control characters). */
export function assertLooksLikeText(text: string): void {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes("\u0000")) {
    throw fileError("the file is not a CSV text file: it contains NUL bytes (is it a spreadsheet .xlsx, a zip or an image? Save it as CSV first)");
  }
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 0 && control > sample.length * 0.01) {
    throw fileError(`the file is not a CSV text file: ${control} control characters in its first ${sample.length} characters`);
  }
}

/**
 * Turns a file's bytes (or text) into text: a UTF-8 or UTF-16 byte-order mark is honoured and
 * removed, UTF-16 without a mark is recognised by its zero bytes, and bytes that are not valid
 * UTF-8 are read as Windows-1252 (the "ANSI"/Latin-1 of Excel on Windows) with a warning.
 *
 * @param input - a string, a `Uint8Array`/`Buffer` or an `ArrayBuffer`
 * @returns the text, the encoding found, and warnings
 * @throws DistrictKitError when the input is neither text nor bytes, or looks binary (NUL bytes)
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x2c, 0x42])).text; // => "A,B"
 * decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9])).encoding; // => "windows-1252"
 * decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9])).text; // => "Café"
 * ```
 * @category Decoding
 */
export function decodeText(input: TextInput): DecodedText {
  if (typeof input === "string") {
    const bom = input.charCodeAt(0) === 0xfeff;
    const text = bom ? input.slice(1) : input;
    assertLooksLikeText(text);
    return { text, encoding: "text", bom, warnings: [] };
  }
  const bytes = toBytes(input);
  if (bytes === undefined) {
    throw fileError(`expected the file as text, a Uint8Array or an ArrayBuffer, got ${input === null ? "null" : typeof input}`);
  }
  const warnings: string[] = [];
  let text: string;
  let encoding: TextEncodingName;
  let bom = false;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    const body = bytes.subarray(3);
    try {
      text = decodeWith("utf-8", body, true);
      encoding = "utf-8";
    } catch {
      text = decodeWindows1252(body);
      encoding = "windows-1252";
      warnings.push("the file has a UTF-8 byte-order mark but is not valid UTF-8; it was read as Windows-1252");
    }
  } else if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    bom = true;
    encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    text = decodeWith(encoding, bytes.subarray(2), false);
    if (bytes.length % 2 === 1) warnings.push("the UTF-16 file has an odd number of bytes; its last byte was ignored");
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16 !== undefined) {
      encoding = utf16;
      text = decodeWith(utf16, bytes, false);
      warnings.push(`the file has no byte-order mark but looks like ${utf16 === "utf-16le" ? "UTF-16 little-endian" : "UTF-16 big-endian"}; it was read as such`);
    } else {
      try {
        text = decodeWith("utf-8", bytes, true);
        encoding = "utf-8";
      } catch {
        text = decodeWindows1252(bytes);
        encoding = "windows-1252";
        warnings.push('the file is not valid UTF-8; it was read as Windows-1252 (Latin-1), as Excel saves "CSV" on Windows');
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  assertLooksLikeText(text);
  return { text, encoding, bom, warnings };
}
