import { effect, signal } from "@preact/signals";
import { z } from "zod";
import type { GridRow, MappingChoice, SchoolRow, StoredFile } from "../lib/ledgerImport.js";
import { onForget, run } from "./importStore.js";

// "Import your budget" keeps everything in this browser's IndexedDB (the same store as the other
// imports, its own record): the files as read (so the mapping can be changed after a reload), the
// account mapping, the schools and line items as edited (cells as typed, even unfinished), the
// actuals as mapped. The datasets the Budget tab projects are set with setImported when the
// analyst uses the budget, and kept by importStore like every import.

const KEY = "budget-import";

export const STEPS = [
  { id: "file", label: "File" },
  { id: "map", label: "Columns and accounts" },
  { id: "schools", label: "Schools" },
  { id: "items", label: "Line items" },
  { id: "use", label: "Use and compare" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];

type PlanRow = { fund: string; category: string; school: string | null; fiscalYear: number; amount: string };
type ActualRow = { fund: string; category: string; school: string | null; fiscalYear: number; period: number; posted: string; encumbered: string };
type TieOutLine = { column: string; fiscalYear: number | null; ties: boolean; explanation: string };

/** What was read from a file and how it tied out (for the summary after a reload). */
export interface ReadSummary {
  readonly explanation: string;
  readonly tieOut: readonly TieOutLine[];
}

export interface BudgetImport {
  readonly version: 1;
  readonly step: StepId;
  /** Where the line items come from: a ledger mapped with the account mapping, or the budget template. */
  readonly source: "ledger" | "template" | null;
  readonly budgetFile: StoredFile | null;
  readonly actualsFile: StoredFile | null;
  readonly mapping: MappingChoice | null;
  /** The budget's years: from `firstYear`, `years` of them; `carryForward` repeats the ledger's last year after it. */
  readonly horizon: { readonly firstYear: number; readonly years: number; readonly carryForward: boolean } | null;
  readonly name: string;
  readonly schools: readonly SchoolRow[] | null;
  readonly rows: readonly GridRow[] | null;
  /** Categories the mapping added to the built-in ones. */
  readonly categories: readonly string[];
  /** What happened to the line items on the way (funds that may not pay, years left out). */
  readonly notes: readonly string[];
  /** The ledger's budgets of years before the horizon (forecast accuracy compares them with the actuals). */
  readonly historyPlan: readonly PlanRow[];
  readonly budgetRead: ReadSummary | null;
  readonly actuals: readonly ActualRow[] | null;
  readonly actualsRead: (ReadSummary & { readonly lastPeriod: Readonly<Record<string, number>>; readonly fiscalYears: readonly number[] }) | null;
  /** The budget the Budget tab projects came from this import (and nothing changed since). */
  readonly applied: "no" | "yes" | "changed";
  readonly bva: { readonly fiscalYear: number | null; readonly projection: "seasonal" | "straight-line" };
}

export function emptyImport(): BudgetImport {
  return {
    version: 1,
    step: "file",
    source: null,
    budgetFile: null,
    actualsFile: null,
    mapping: null,
    horizon: null,
    name: "",
    schools: null,
    rows: null,
    categories: [],
    notes: [],
    historyPlan: [],
    budgetRead: null,
    actuals: null,
    actualsRead: null,
    applied: "no",
    bva: { fiscalYear: null, projection: "seasonal" },
  };
}

// What is read back is checked before it is used: a record from another version, or damaged,
// starts the import over (and says so) rather than half-working.
const fileSchema = z.object({
  name: z.string().min(1),
  format: z.enum(["csv", "xlsx"]),
  bytes: z.custom<ArrayBuffer>((v) => v instanceof ArrayBuffer, "expected the file's bytes"),
  columns: z.record(z.string(), z.string()),
  fiscalYear: z.number().int().optional(),
  sheet: z.string().optional(),
});
const savedSchema = z.object({
  version: z.literal(1),
  step: z.enum(STEPS.map((s) => s.id) as [StepId, ...StepId[]]),
  source: z.enum(["ledger", "template"]).nullable(),
  budgetFile: fileSchema.nullable(),
  actualsFile: fileSchema.nullable(),
  mapping: z.object({ preset: z.string(), edited: z.boolean(), value: z.record(z.string(), z.unknown()) }).nullable(),
  horizon: z.object({ firstYear: z.number().int(), years: z.number().int().min(1).max(30), carryForward: z.boolean() }).nullable(),
  name: z.string(),
  schools: z
    .array(z.object({ id: z.string(), name: z.string(), students: z.string(), nslpEligible: z.string(), locale: z.enum(["urban", "rural"]), rest: z.record(z.string(), z.unknown()) }))
    .nullable(),
  rows: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        category: z.string(),
        school: z.string(),
        fund: z.string(),
        eRate: z.enum(["C1", "C2", "ineligible"]),
        amounts: z.record(z.string(), z.string()),
        source: z.string().optional(),
        notes: z.string().optional(),
      }),
    )
    .nullable(),
  categories: z.array(z.string()),
  notes: z.array(z.string()),
  historyPlan: z.array(z.unknown()),
  budgetRead: z.unknown().nullable(),
  actuals: z.array(z.unknown()).nullable(),
  actualsRead: z.unknown().nullable(),
  applied: z.enum(["no", "yes", "changed"]),
  bva: z.object({ fiscalYear: z.number().int().nullable(), projection: z.enum(["seasonal", "straight-line"]) }),
});

/** The budget import being worked on. */
export const budgetImport = signal<BudgetImport>(emptyImport());
/** False until what an earlier visit kept has been read back. */
export const budgetImportReady = signal(false);
/** "saved" once the last change is in IndexedDB; "off" when this browser keeps nothing. */
export const saveStatus = signal<"saved" | "saving" | "off">("saved");
/** A problem reading back what was kept (shown once, in the view). */
export const restoreProblem = signal<string | null>(null);

export function updateImport(fn: (s: BudgetImport) => BudgetImport): void {
  budgetImport.value = fn(budgetImport.value);
}

let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function isEmpty(s: BudgetImport): boolean {
  return s.budgetFile === null && s.actualsFile === null && s.rows === null && s.schools === null && s.mapping === null;
}

/**
 * Read back what an earlier visit kept, then keep every change (written 150 ms after the last
 * one; `saveStatus` says when it is stored). Called by the view when it first opens.
 */
export async function startBudgetImport(): Promise<void> {
  if (started) return;
  started = true;
  onForget.add(() => {
    budgetImport.value = emptyImport();
  });
  if (typeof indexedDB === "undefined") {
    saveStatus.value = "off";
  } else {
    try {
      const saved = await run("readonly", (s) => s.get(KEY));
      if (saved !== undefined) {
        const ok = savedSchema.safeParse(saved);
        if (ok.success) budgetImport.value = ok.data as unknown as BudgetImport;
        else
          restoreProblem.value = `The budget import kept in this browser could not be read back (${ok.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join(".")}: ${i.message}`)
            .join("; ")}); start again from the file.`;
      }
    } catch (e) {
      restoreProblem.value = `This browser's storage could not be read: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  budgetImportReady.value = true;
  let first = true;
  effect(() => {
    const value = budgetImport.value;
    if (first) {
      first = false;
      return;
    }
    if (saveStatus.peek() === "off") return;
    saveStatus.value = "saving";
    clearTimeout(timer);
    timer = setTimeout(() => {
      const write = isEmpty(value) ? run("readwrite", (s) => s.delete(KEY)) : run("readwrite", (s) => s.put(value, KEY));
      write.then(
        () => {
          if (budgetImport.peek() === value) saveStatus.value = "saved";
        },
        () => (saveStatus.value = "off"),
      );
    }, 150);
  });
}
