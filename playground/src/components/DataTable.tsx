import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  /** "num" right-aligns with tabular figures. */
  readonly kind?: "text" | "num";
  readonly value: (row: Row) => ComponentChildren;
  /** Plain text of the cell for CSV copy (defaults to the rendered value when it is a string). */
  readonly text?: (row: Row) => string;
}

export interface DataTableProps<Row> {
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowHeader?: boolean;
  readonly footer?: readonly Row[];
  readonly id?: string;
}

/** A data table with a caption; numbers right-aligned in tabular figures. */
export function DataTable<Row>({ caption, columns, rows, footer, rowHeader = true, id }: DataTableProps<Row>) {
  const cell = (row: Row, c: Column<Row>, i: number) => {
    const cls = c.kind === "num" ? "num" : undefined;
    return i === 0 && rowHeader ? (
      <th scope="row" class={cls} key={c.key}>{c.value(row)}</th>
    ) : (
      <td class={cls} key={c.key}>{c.value(row)}</td>
    );
  };
  // a table wider than its column scrolls: then its wrapper is a labelled, focusable region so a
  // keyboard user can scroll it too (WCAG 2.1.1)
  const wrap = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls) {
      el.tabIndex = 0;
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", `${caption} (scrolls sideways)`);
    } else {
      el.removeAttribute("tabindex");
      el.removeAttribute("role");
      el.removeAttribute("aria-label");
    }
  });
  return (
    <div class="table-wrap" ref={wrap}>
      <table id={id} class="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.kind === "num" ? "num" : undefined} key={c.key}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri}>{columns.map((c, i) => cell(r, c, i))}</tr>
          ))}
        </tbody>
        {footer && footer.length > 0 && (
          <tfoot>
            {footer.map((r, ri) => (
              <tr key={ri}>{columns.map((c, i) => cell(r, c, i))}</tr>
            ))}
          </tfoot>
        )}
      </table>
    </div>
  );
}
