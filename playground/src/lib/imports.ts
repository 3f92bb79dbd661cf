import { signal } from "@preact/signals";
import type { ImportKind, ImportOutcome } from "./importKinds.js";

/** Successful imports of this session, by kind (kept in memory; files never leave the browser). */
export const imports = signal<Partial<Record<ImportKind, Extract<ImportOutcome, { ok: true }>>>>({});

/** Save text as a file on the analyst's machine (a blob: URL; nothing is uploaded). */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
