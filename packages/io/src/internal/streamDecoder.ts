import type { TextEncodingName } from "../decode.js";
import { sniffUtf16, toBytes } from "../decode.js";

/** Decodes a stream of byte (or text) chunks, finding the encoding from the first bytes. */
export class StreamDecoder {
  encoding: TextEncodingName = "utf-8";
  readonly warnings: string[] = [];
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private head: Uint8Array[] = [];
  private headLength = 0;
  private started = false;
  private sawNonAscii = false;

  /** Decodes the next chunk; returns the text that is ready (maybe empty). */
  push(chunk: unknown): string {
    if (typeof chunk === "string") {
      if (!this.started) {
        this.started = true;
        this.encoding = "text";
        return chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      }
      return chunk;
    }
    const bytes = toBytes(chunk);
    if (bytes === undefined) throw new TypeError(`a chunk of the stream is neither text nor bytes (${chunk === null ? "null" : typeof chunk})`);
    if (this.decoder === undefined) {
      this.head.push(bytes);
      this.headLength += bytes.length;
      if (this.headLength < 512) return "";
      return this.start();
    }
    return this.decode(bytes, true);
  }

  /** Flushes what is left at the end of the stream. */
  end(): string {
    let text = "";
    if (this.decoder === undefined) {
      if (this.headLength === 0) return "";
      text = this.start();
    }
    try {
      return text + this.decoder!.decode();
    } catch {
      this.fallBack();
      return text;
    }
  }

  private start(): string {
    this.started = true;
    const all = new Uint8Array(this.headLength);
    let at = 0;
    for (const part of this.head) {
      all.set(part, at);
      at += part.length;
    }
    this.head = [];
    let body = all;
    if (all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf) {
      body = all.subarray(3);
      this.use("utf-8");
    } else if (all.length >= 2 && all[0] === 0xff && all[1] === 0xfe) {
      body = all.subarray(2);
      this.use("utf-16le");
    } else if (all.length >= 2 && all[0] === 0xfe && all[1] === 0xff) {
      body = all.subarray(2);
      this.use("utf-16be");
    } else {
      const utf16 = sniffUtf16(all);
      if (utf16 !== undefined) {
        this.use(utf16);
        this.warnings.push(`the file has no byte-order mark but looks like ${utf16 === "utf-16le" ? "UTF-16 little-endian" : "UTF-16 big-endian"}; it was read as such`);
      } else this.use("utf-8");
    }
    const text = this.decode(body, true);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  private use(encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252"): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8", ignoreBOM: true });
  }

  private fallBack(): void {
    this.warnings.push(
      this.sawNonAscii
        ? "the file mixes UTF-8 and other bytes; the part after the first invalid byte was read as Windows-1252"
        : 'the file is not valid UTF-8; it was read as Windows-1252 (Latin-1), as Excel saves "CSV" on Windows',
    );
    this.use("windows-1252");
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    if (this.encoding === "utf-8") {
      try {
        const text = this.decoder!.decode(bytes, { stream });
        if (!this.sawNonAscii)
          for (let i = 0; i < text.length; i++)
            if (text.charCodeAt(i) > 127) {
              this.sawNonAscii = true;
              break;
            }
        return text;
      } catch {
        this.fallBack();
      }
    }
    return this.decoder!.decode(bytes, { stream });
  }
}
