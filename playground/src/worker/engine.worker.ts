/// <reference lib="webworker" />
import { expose, transfer } from "comlink";
import type { ImportKind, ImportOutcome } from "../lib/importKinds.js";
import { type Plain, plain } from "../lib/plain.js";
import { budgetGoalSeek, budgetTornado } from "./budgetTasks.js";
import { calendarExport, calendarReport } from "./calendarTasks.js";
import { devicesMonteCarlo } from "./devicesTasks.js";
import { appsFromAnswers, inventoryFromRecords, readImport } from "./importTask.js";
import { actualsReport, budgetWorkbook, ledgerActuals, ledgerBudget, ledgerOpen, ledgerPreview, mappingPreset, templateExport, templateRead } from "./ledgerTasks.js";
import { licencesOptimize, licencesReport } from "./licencesTasks.js";
import { privacyRosterCheck, privacyUnvetted } from "./privacyTasks.js";

/**
 * The engines' long computations run here, off the main thread (Monte Carlo forecasts,
 * the licence optimizer). Results cross the boundary as plain JSON (Money becomes its decimal
 * string), so the views format exactly what the engine computed.
 */

const api = {
  /** Resolves once the worker is up; returns which engine tasks it offers. */
  ping(): { ready: true; tasks: string[] } {
    return { ready: true, tasks: ["readImport", "budgetTornado", "budgetGoalSeek", "devicesMonteCarlo"] };
  },
  devicesMonteCarlo,
  licencesOptimize,
  licencesReport,
  calendarReport,
  calendarExport,
  // the Privacy tab: the OneRoster export and the licence usage, read here (the page froze reading them)
  privacyRosterCheck,
  privacyUnvetted,
  appsFromAnswers,
  inventoryFromRecords,
  budgetTornado,
  budgetGoalSeek,
  // "Import your budget": ledgers and actuals read and mapped here; XLSX in and out (ExcelJS loads here only)
  ledgerOpen,
  ledgerPreview,
  mappingPreset,
  ledgerBudget,
  ledgerActuals,
  templateRead,
  actualsReport,
  async templateExport(...args: Parameters<typeof templateExport>) {
    const r = await templateExport(...args);
    return r.ok && r.value.bytes ? transfer(r, [r.value.bytes.buffer]) : r;
  },
  async budgetWorkbook(input: Parameters<typeof budgetWorkbook>[0]) {
    const r = await budgetWorkbook(input);
    return r.ok ? transfer(r, [r.value.buffer]) : r;
  },
  /** Read imported files through `@districtkit/io` (row errors included). */
  readImport(kind: ImportKind, files: { name: string; bytes: ArrayBuffer }[]): ImportOutcome {
    return readImport(kind, files);
  },
  /** Echo used by tests to check the round trip through Comlink. */
  echo<T>(value: T): Plain<T> {
    return plain(value);
  },
};

export type EngineApi = typeof api;
expose(api);
