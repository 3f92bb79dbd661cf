// Batches the text of a stream before papaparse reads it. papaparse's streamer keeps the row it
// has not finished (`partialLine`) and reads it again, whole, with every new chunk: a long line
// (a big quoted cell) arriving in many small chunks was read again for each of them — quadratic
// (a 1.6 MB cell in 100-character chunks: 56 s). How it works: chunks wait here until they are at
// least as long as that unfinished row (the characters handed over minus the position after the
// last row papaparse returned) and at least `minimum` long; then papaparse's reading of the old
// row and the new text together is at most twice the new text, so the whole file is read a
// bounded number of times. Rows and their order are those papaparse gives for any cut of the text
// (readCsv.prop.test.ts cuts files anywhere with a minimum of 0); chunkBatcher.test.ts counts the
// characters read.

/** The smallest batch handed to the parser (tests set 0 to cut files at every chunk). */
export const batchSettings = { minimum: 65_536 };

/** Holds chunks of text until a batch is worth parsing. */
export class ChunkBatcher {
  private pending: string[] = [];
  private pendingLength = 0;
  /** Characters handed to the parser so far. */
  handed = 0;
  /** Position after the last complete row the parser returned (its cursor). */
  parsedTo = 0;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly minimum = batchSettings.minimum,
  ) {}

  /** Takes the next chunk; hands the batch over when it is long enough. */
  push(text: string): void {
    if (text === "") return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= Math.max(this.minimum, this.handed - this.parsedTo)) this.flush();
  }

  /** Hands over whatever waits (at the end of the stream). */
  flush(): void {
    if (this.pendingLength === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join("");
    this.pending = [];
    this.pendingLength = 0;
    this.handed += text.length;
    this.emit(text);
  }
}
