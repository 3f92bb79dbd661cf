import { effect, signal } from "@preact/signals";
import type { ImportKind, ImportOutcome } from "../lib/importKinds.js";
import { imports } from "../lib/imports.js";
import { DATASET_NAMES, type Dataset, type DatasetName, datasets, reloadSample } from "../lib/sample.js";

// Imported data (inventories, licence files, answers, their parsed records) is kept in this
// browser's IndexedDB, so a reload keeps it; nothing leaves the machine. One database, one object
// store, two records: the imported datasets the views use, and the parsed imports the Import /
// Export tab lists. Scenarios stay in localStorage (small, and shared as links); imported files
// can be megabytes, which is what IndexedDB is for.

const DB = "districtkit-playground";
const STORE = "imported";
type Saved = { datasets: Partial<Record<DatasetName, Dataset>>; imports: Partial<Record<ImportKind, Extract<ImportOutcome, { ok: true }>>> };

/** Bytes the imported data takes in this browser (null: unknown or storage unavailable). */
export const storedBytes = signal<number | null>(null);

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") return reject(new Error("IndexedDB is not available"));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
  });
}

/** One transaction on the store of imported data (also used by the budget import: state/budgetImport.ts). */
export async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
      tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    });
  } finally {
    db.close();
  }
}

function importedOnly(): Saved {
  const ds: Partial<Record<DatasetName, Dataset>> = {};
  for (const n of DATASET_NAMES) {
    const d = datasets.value[n];
    if (d?.source === "imported") ds[n] = d;
  }
  return { datasets: ds, imports: imports.value };
}

function sizeOf(saved: Saved): number {
  return new Blob([JSON.stringify(saved)]).size;
}

/**
 * Put back what earlier visits imported (before the views open, so they start on it). A store
 * that cannot be read leaves the sample in place and says so in the returned problem.
 */
export async function restoreImported(): Promise<string | null> {
  if (typeof indexedDB === "undefined") return null; // this browser keeps nothing: the Import tab says so
  try {
    const saved = (await run("readonly", (s) => s.get("all"))) as Saved | undefined;
    if (!saved) {
      storedBytes.value = 0;
      return null;
    }
    const ds = { ...datasets.value };
    for (const n of DATASET_NAMES) {
      const d = saved.datasets?.[n];
      if (d && d.source === "imported") ds[n] = d;
    }
    datasets.value = ds;
    imports.value = saved.imports ?? {};
    storedBytes.value = sizeOf(saved);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Keep every later import (and the datasets it feeds) in IndexedDB. Call once, after restoring. */
export function persistImported(): () => void {
  let last: unknown[] = [];
  return effect(() => {
    const saved = importedOnly();
    // write only when an import changed (the sample's own files loading later change nothing here)
    const now = [saved.imports, ...DATASET_NAMES.map((n) => saved.datasets[n])];
    if (now.length === last.length && now.every((x, i) => x === last[i])) return;
    last = now;
    const bytes = sizeOf(saved);
    run("readwrite", (s) => s.put(saved, "all"))
      .then(() => (storedBytes.value = bytes))
      .catch(() => (storedBytes.value = null));
  });
}

/** Other keepers of imported data in memory (the budget import), told when it is forgotten. */
export const onForget = new Set<() => void>();

/** Forget every imported file in this browser: the views go back to the sample district. */
export async function forgetImported(): Promise<void> {
  const forgotten = DATASET_NAMES.filter((n) => datasets.value[n]?.source === "imported");
  imports.value = {};
  for (const f of onForget) f();
  // every record of the store: the imports, the datasets made from them, the budget import
  await run("readwrite", (s) => s.clear()).catch(() => undefined);
  await reloadSample(forgotten);
  storedBytes.value = 0;
}
