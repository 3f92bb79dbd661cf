import {
  type CsvFormat,
  googleAdminDeviceFormat,
  inventoryFromExports,
  licenseContractFormat,
  parseJsonInput,
  type ReadResult,
  readGoogleAdminDevices,
  readLicenseContracts,
  readOneRoster,
  readSnipeItAssets,
  readUsage,
  readVettingAnswers,
  readVettingAnswersJson,
  snipeItAssetFormat,
  usageFormat,
  vettingAnswerFormat,
  vettingAppsFromAnswers,
} from "@districtkit/io";
import { licensePlanInputSchema } from "@districtkit/licenses";
import type { ImportKind, ImportOutcome } from "../lib/importKinds.js";
import { plain } from "../lib/plain.js";
import { problemsOf } from "../lib/problems.js";

const MAX_ERRORS = 1000;

const FORMATS: Partial<Record<ImportKind, CsvFormat<never>>> = {
  "snipe-it": snipeItAssetFormat as CsvFormat<never>,
  "google-admin": googleAdminDeviceFormat as CsvFormat<never>,
  "license-contracts": licenseContractFormat as CsvFormat<never>,
  usage: usageFormat as CsvFormat<never>,
  "vetting-csv": vettingAnswerFormat as CsvFormat<never>,
};

function fromReadResult(kind: ImportKind, files: string[], r: ReadResult<unknown>): ImportOutcome {
  const fields = FORMATS[kind]?.fields ?? [];
  return {
    ok: true,
    kind,
    files,
    stats: { ...r.stats },
    errors: plain(r.errors.slice(0, MAX_ERRORS)),
    errorCount: r.errors.length,
    columns: r.columns.map((c) => ({ field: c.field, header: c.header, kind: fields.find((f) => f.key === c.field)?.kind ?? "text" })),
    unknownColumns: [...r.unknownColumns],
    warnings: [...r.warnings],
    records: plain(r.rows),
    recordCount: r.rows.length,
  };
}

/** Read the files of one kind through `@districtkit/io`; a file-level problem becomes a message. */
export function readImport(kind: ImportKind, files: readonly { name: string; bytes: ArrayBuffer }[]): ImportOutcome {
  const names = files.map((f) => f.name);
  try {
    const first = files[0];
    if (!first) return { ok: false, kind, files: names, problems: ["no file was chosen"] };
    switch (kind) {
      case "snipe-it":
        return fromReadResult(kind, names, readSnipeItAssets(first.bytes));
      case "google-admin":
        return fromReadResult(kind, names, readGoogleAdminDevices(first.bytes));
      case "license-contracts":
        return fromReadResult(kind, names, readLicenseContracts(first.bytes));
      case "usage":
        return fromReadResult(kind, names, readUsage(first.bytes));
      case "vetting-csv":
        return fromReadResult(kind, names, readVettingAnswers(first.bytes));
      case "vetting-json": {
        const rows = readVettingAnswersJson(first.bytes);
        const stats = { total: rows.length, parsed: rows.length, failed: 0, blankLines: 0 };
        return { ok: true, kind, files: names, stats, errors: [], errorCount: 0, columns: [], unknownColumns: [], warnings: [], records: plain(rows), recordCount: rows.length };
      }
      case "license-plan-json": {
        // checked by the optimizer's own schema when it runs (every problem listed with its path)
        const value: unknown = parseJsonInput(licensePlanInputSchema, first.bytes);
        const n = (value as { products?: unknown[] }).products?.length ?? 0;
        return {
          ok: true,
          kind,
          files: names,
          stats: { total: n, parsed: n, failed: 0, blankLines: 0 },
          errors: [],
          errorCount: 0,
          columns: [],
          unknownColumns: [],
          warnings: [],
          records: plain(value),
          recordCount: n,
        };
      }
      case "oneroster": {
        const byName: Record<string, ArrayBuffer> = {};
        for (const f of files) byName[f.name.replace(/^.*[\\/]/, "")] = f.bytes;
        const r = readOneRoster(byName);
        return {
          ok: true,
          kind,
          files: names,
          stats: { total: r.stats.total, parsed: r.stats.parsed, failed: r.stats.failed, blankLines: r.stats.blankLines },
          errors: plain(r.errors.slice(0, MAX_ERRORS)),
          errorCount: r.errors.length,
          columns: [],
          unknownColumns: [],
          warnings: [...r.warnings],
          records: plain(r.value),
          recordCount: r.stats.parsed,
        };
      }
    }
  } catch (e) {
    return { ok: false, kind, files: names, problems: problemsOf(e) };
  }
}

export type AdaptOutcome<T> = { ok: true; value: T; notes: string[] } | { ok: false; problems: string[] };

/** Vetting answers (rows read from CSV or JSON) → apps for `@districtkit/vetting`, through io. */
export function appsFromAnswers(rows: unknown[]): AdaptOutcome<{ apps: unknown[] }> {
  try {
    const r = vettingAppsFromAnswers(rows as Parameters<typeof vettingAppsFromAnswers>[0]);
    const notes = [...r.normalised, ...r.unknownCriteria.map((u) => `${u.app}: criterion "${u.criterion}" is not in the rubric and was left out`)];
    return { ok: true, value: { apps: [...plain(r.apps)] }, notes };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

/**
 * Snipe-IT and/or Google Admin records → a lifecycle inventory (models and cohorts), through io;
 * `models` gives per imported model name the figures a matched catalogue model carries (AUE,
 * support end, life…), as `modelOptionsFromMatches` builds them.
 */
export function inventoryFromRecords(
  exports: { snipeIt?: unknown[]; googleAdmin?: unknown[] },
  asOf: string,
  models?: Record<string, unknown>,
): AdaptOutcome<{ models: unknown[]; cohorts: unknown[]; excluded: number; explanation: string }> {
  try {
    const r = inventoryFromExports(exports as Parameters<typeof inventoryFromExports>[0], { asOf, detail: "cohorts", ...(models ? { models: models as never } : {}) });
    return {
      ok: true,
      value: { models: [...plain(r.models)], cohorts: [...plain(r.cohorts)], excluded: r.excluded.length, explanation: r.explanation },
      notes: [...r.modelNotes, ...r.excluded.slice(0, 50).map((x) => `${x.source} line ${x.line} (${x.id}): ${x.reason}`)],
    };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}
