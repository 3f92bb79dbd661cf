import { DistrictKitError } from "@districtkit/core";
import Papa from "papaparse";
import type { CsvFormat } from "./csvFormat.js";
import { assertLooksLikeText } from "./decode.js";
import { ChunkBatcher } from "./internal/chunkBatcher.js";
import { guardAsync } from "./internal/guard.js";
import { detectDelimiter, papaConfig } from "./internal/papa.js";
import { RowReader } from "./internal/rowReader.js";
import { readerSettings } from "./internal/settings.js";
import { StreamDecoder } from "./internal/streamDecoder.js";
import type { ReadResult } from "./readResult.js";
import type { ReadOptions } from "./schema/readOptions.js";

/**
 * A file arriving in pieces: a web `ReadableStream` (from `File.stream()` in a browser or
 * `Readable.toWeb` in Node) or any async iterable of byte or text chunks (a Node read stream).
 *
 * @category Reading
 */
export type ChunkSource = ReadableStream<Uint8Array | string> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

async function* chunksOf(source: unknown): AsyncGenerator<unknown> {
  if (typeof source === "object" && source !== null && typeof (source as ReadableStream).getReader === "function") {
    const reader = (source as ReadableStream<unknown>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (typeof source === "object" && source !== null && typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    for await (const chunk of source as AsyncIterable<unknown>) yield chunk;
    return;
  }
  if (typeof source === "object" && source !== null && typeof (source as Iterable<unknown>)[Symbol.iterator] === "function") {
    for (const chunk of source as Iterable<unknown>) yield chunk;
    return;
  }
  throw DistrictKitError.argument(["source"], "expected a ReadableStream or an (async) iterable of text or byte chunks");
}

/** A minimal readable-stream look-alike papaparse accepts (it only needs `on`, `read`, `removeListener`). */
class Feed {
  readonly readable = true;
  private readonly listeners = new Map<string, (arg?: unknown) => void>();
  read(): void {}
  pause(): void {}
  resume(): void {}
  on(event: string, listener: (arg?: unknown) => void): void {
    this.listeners.set(event, listener);
  }
  removeListener(event: string): void {
    this.listeners.delete(event);
  }
  emit(event: string, arg?: unknown): void {
    this.listeners.get(event)?.(arg);
  }
}

function lineBreakOf(text: string): string {
  const n = text.indexOf("\n");
  const r = text.indexOf("\r");
  if (r !== -1 && (n === -1 || r < n - 1)) return "\r";
  if (r !== -1 && r === n - 1) return "\r\n";
  return "\n";
}

/**
 * Reads a CSV file as it arrives, chunk by chunk, so a large export never has to be held as one
 * string: the same decoding, header matching, row errors and counts as {@link readCsv}.
 *
 * @param format - the file format, e.g. {@link googleAdminDeviceFormat}
 * @param source - a `ReadableStream` or an (async) iterable of byte or text chunks
 * @param options - column mapping, delimiter, date order
 * @returns a promise of the records, the errors and the counts
 * @throws DistrictKitError (as a rejected promise) when the file cannot be read at all
 * @example
 * ```ts
 * const chunks = ["Product,User,Last Act", "ive\nReadWell,s1,2026-05-30\n"];
 * (await readCsvStream(usageFormat, chunks)).rows[0]?.lastActive; // => "2026-05-30"
 * ```
 * @category Reading
 */
export async function readCsvStream<R>(format: CsvFormat<R>, source: ChunkSource, options?: ReadOptions): Promise<ReadResult<R>> {
  return guardAsync("stream", async () => {
    const settings = readerSettings(options);
    const decoder = new StreamDecoder();
    let reader: RowReader<R> | undefined;
    let feed: Feed | undefined;
    let batcher: ChunkBatcher | undefined; // papaparse re-reads an unfinished row with each chunk: chunks wait until worth it
    let head = "";
    let done: Promise<void> | undefined;
    const start = (text: string): void => {
      assertLooksLikeText(text);
      reader = new RowReader(format, settings, decoder.encoding, decoder.warnings);
      feed = new Feed();
      const fed = feed;
      batcher = new ChunkBatcher((t) => fed.emit("data", t));
      const config = papaConfig(reader, settings.delimiter ?? detectDelimiter(text), false);
      let failure: unknown;
      done = new Promise<void>((resolve, reject) => {
        Papa.parse(feed as unknown as Papa.LocalFile, {
          ...config,
          newline: lineBreakOf(text) as "\n",
          step(results: Papa.ParseStepResult<string[]>) {
            if (failure !== undefined) return;
            batcher!.parsedTo = results.meta.cursor;
            try {
              config.step(results);
            } catch (error) {
              failure = error;
            }
          },
          complete: () => (failure === undefined ? resolve() : reject(failure)),
          error: (error: Error) => reject(error),
        });
      });
    };
    const send = (text: string): void => {
      if (text === "") return;
      if (feed === undefined) {
        head += text;
        // only the new text can hold the first line break (the head had none): no rescan of the head
        if (text.indexOf("\n") === -1 && text.indexOf("\r") === -1 && head.length < 65536) return;
        start(head);
        text = head;
        head = "";
      }
      batcher!.push(text);
    };
    for await (const chunk of chunksOf(source)) send(decoder.push(chunk));
    send(decoder.end());
    if (feed === undefined) {
      if (head === "") throw new DistrictKitError("INVALID_INPUT", [{ path: ["file"], code: "empty_file", message: "the file is empty: there is no header and no data" }]);
      start(head);
      feed!.emit("data", head);
    }
    batcher!.flush();
    feed!.emit("end");
    await done;
    return reader!.finish();
  });
}
