import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { type Column, DataTable } from "./DataTable.js";
import "./EditGrid.css";

/** A column of an editable grid: a text cell, a dollar amount, a count, or a choice from a list. */
export interface GridColumn<Row> {
  readonly key: string;
  readonly label: string;
  readonly kind: "text" | "money" | "count" | "select";
  readonly get: (row: Row) => string;
  /** The choices of a `select` column (for this row). */
  readonly options?: (row: Row) => readonly { readonly value: string; readonly label: string }[];
  /** What the footer row shows under this column (a total), when the grid has a footer. */
  readonly total?: () => ComponentChildren;
}

export interface EditGridProps<Row> {
  readonly caption: string;
  /** Prefix of the cells' ids (unique on the page). */
  readonly id: string;
  readonly columns: readonly GridColumn<Row>[];
  readonly rows: readonly Row[];
  /** A row's name in labels and messages ("Hardware, district-wide"). */
  readonly rowLabel: (row: Row, index: number) => string;
  /** The validation message of each cell, by row and column key. */
  readonly problems: readonly Readonly<Partial<Record<string, string>>>[];
  readonly onChange: (index: number, key: string, value: string) => void;
  readonly onRemove?: (index: number) => void;
  /** Read-only columns after the editable ones (a row total…); in the footer row their `value` gets index −1. */
  readonly extra?: readonly Column<{ row: Row | null; index: number }>[];
  /** Show a footer row (each column's `total`). */
  readonly footer?: boolean;
  readonly pageSize?: number;
}

const cellId = (id: string, row: number, key: string) => `${id}-${row}-${key}`;

/**
 * An editable grid on a data table: one input per cell, labelled by its column and row, each with
 * its validation message under it (`aria-invalid`, `aria-describedby`) as the analyst types.
 * Keyboard: Tab moves through the cells; the arrow keys move like a spreadsheet (in a text cell,
 * left and right move once the caret is at its edge; in a list, hold Ctrl); Enter moves down,
 * Shift+Enter up. Long grids are shown a page at a time. Values are kept as typed: the caller
 * decides what they mean and says what is wrong.
 */
export function EditGrid<Row>({ caption, id, columns, rows, rowLabel, problems, onChange, onRemove, extra = [], footer = false, pageSize = 50 }: EditGridProps<Row>) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const p = Math.min(page, pages - 1);
  const shown: { row: Row | null; index: number }[] = rows.slice(p * pageSize, (p + 1) * pageSize).map((row, k) => ({ row, index: p * pageSize + k }));

  const focusCell = (row: number, col: number): boolean => {
    const key = columns[col]?.key;
    if (key === undefined || row < 0 || row >= rows.length) return false;
    const target = row < p * pageSize || row >= (p + 1) * pageSize ? null : document.getElementById(cellId(id, row, key));
    if (!target) return false;
    (target as HTMLInputElement).focus();
    if (target instanceof HTMLInputElement) target.select();
    return true;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    const m = t.id.startsWith(`${id}-`) ? /^(\d+)-(.+)$/.exec(t.id.slice(id.length + 1)) : null;
    if (!m) return;
    const row = Number(m[1]);
    const col = columns.findIndex((c) => c.key === m[2]);
    const isSelect = t instanceof HTMLSelectElement;
    const input = t instanceof HTMLInputElement ? t : null;
    const atStart = input ? input.selectionStart === 0 && input.selectionEnd === 0 : false;
    const atEnd = input ? input.selectionStart === input.value.length && input.selectionEnd === input.value.length : false;
    let moved = false;
    if (isSelect && !e.ctrlKey && e.key !== "Enter") return;
    if (e.key === "ArrowDown" || (e.key === "Enter" && !e.shiftKey)) moved = focusCell(row + 1, col);
    else if (e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey)) moved = focusCell(row - 1, col);
    else if (e.key === "ArrowLeft" && (isSelect || atStart)) moved = focusCell(row, col - 1);
    else if (e.key === "ArrowRight" && (isSelect || atEnd)) moved = focusCell(row, col + 1);
    if (moved || e.key === "Enter") e.preventDefault();
  };

  const cell =
    (c: GridColumn<Row>) =>
    ({ row, index }: { row: Row | null; index: number }): ComponentChildren => {
      if (row === null) return c.total?.() ?? "";
      const cid = cellId(id, index, c.key);
      const problem = problems[index]?.[c.key];
      const label = `${c.label}, ${rowLabel(row, index)}`;
      const common = {
        id: cid,
        "aria-label": label,
        "aria-invalid": problem ? true : undefined,
        "aria-describedby": problem ? `${cid}-err` : undefined,
      } as const;
      const value = c.get(row);
      return (
        <div class={`grid-cell grid-${c.kind}`}>
          {c.kind === "select" ? (
            <select {...common} value={value} onChange={(e) => onChange(index, c.key, (e.currentTarget as HTMLSelectElement).value)}>
              {(c.options?.(row) ?? []).map((o) => (
                <option value={o.value} key={o.value}>
                  {o.label}
                </option>
              ))}
              {!(c.options?.(row) ?? []).some((o) => o.value === value) && <option value={value}>{value} (not known)</option>}
            </select>
          ) : (
            <input
              {...common}
              type="text"
              inputMode={c.kind === "money" ? "decimal" : c.kind === "count" ? "numeric" : undefined}
              autoComplete="off"
              spellcheck={false}
              value={value}
              onInput={(e) => onChange(index, c.key, (e.currentTarget as HTMLInputElement).value)}
            />
          )}
          {problem && (
            <span class="cell-error" id={`${cid}-err`}>
              {problem}
            </span>
          )}
        </div>
      );
    };

  const tableColumns: Column<{ row: Row | null; index: number }>[] = [
    ...columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind === "money" || c.kind === "count" ? ("num" as const) : ("text" as const), value: cell(c) })),
    ...extra,
    ...(onRemove
      ? [
          {
            key: "remove",
            label: "Remove",
            value: ({ row, index }: { row: Row | null; index: number }) =>
              row === null ? (
                ""
              ) : (
                <button type="button" class="secondary grid-remove" aria-label={`Remove ${rowLabel(row, index)}`} onClick={() => onRemove(index)}>
                  ✕
                </button>
              ),
          },
        ]
      : []),
  ];
  return (
    <div class="edit-grid" onKeyDown={onKeyDown}>
      {pages > 1 && (
        <div class="grid-pager" role="group" aria-label={`Pages of ${caption}`}>
          <button type="button" class="secondary" disabled={p === 0} onClick={() => setPage(p - 1)}>
            Previous rows
          </button>
          <span>
            Rows {p * pageSize + 1}–{Math.min(rows.length, (p + 1) * pageSize)} of {rows.length}
          </span>
          <button type="button" class="secondary" disabled={p >= pages - 1} onClick={() => setPage(p + 1)}>
            Next rows
          </button>
        </div>
      )}
      <DataTable caption={caption} columns={tableColumns} rows={shown} {...(footer ? { footer: [{ row: null, index: -1 }] } : {})} />
    </div>
  );
}
