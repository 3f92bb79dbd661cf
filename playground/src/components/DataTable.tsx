import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

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
      <th scope="row" class={cls} key={c.key}>
        {c.value(row)}
      </th>
    ) : (
      <td class={cls} key={c.key}>
        {c.value(row)}
      </td>
    );
  };
  // A table wider than its column scrolls sideways: then it says so where it can be seen (a hint
  // above it and a shadow at the edge that hides columns), and its wrapper is a labelled,
  // focusable region so a keyboard user can scroll it with the arrow keys (WCAG 2.1.1). Checked
  // again whenever the wrapper or the table changes size (a window resized, a <details> opened).
  const wrap = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  // Figures in a table are one tab stop: Tab enters the table at its last-used figure, the arrow
  // keys move between figures (like a spreadsheet), Enter opens a figure's explanation.
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const buttons = [...el.querySelectorAll<HTMLButtonElement>("button.figure-button")];
    if (buttons.length === 0) return;
    const current = buttons.find((b) => b.tabIndex === 0) ?? buttons[0]!;
    for (const b of buttons) b.tabIndex = b === current ? 0 : -1;
  });
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (!target.classList.contains("figure-button") || !["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(e.key)) return;
    const buttons = [...(wrap.current?.querySelectorAll<HTMLButtonElement>("button.figure-button") ?? [])];
    const pos = (b: HTMLElement) => {
      const cell = b.closest("td, th") as HTMLTableCellElement | null;
      const row = cell?.parentElement as HTMLTableRowElement | null;
      return { r: row ? [...(wrap.current?.querySelectorAll("tr") ?? [])].indexOf(row) : 0, c: cell?.cellIndex ?? 0 };
    };
    const here = pos(target);
    const cells = buttons.map((b) => ({ b, ...pos(b) }));
    let next: HTMLButtonElement | undefined;
    if (e.key === "Home") next = buttons[0];
    else if (e.key === "End") next = buttons[buttons.length - 1];
    else if (e.key === "ArrowRight")
      next = cells.filter((x) => x.r === here.r && x.c > here.c).sort((a, b) => a.c - b.c)[0]?.b ?? cells.filter((x) => x.r > here.r).sort((a, b) => a.r - b.r || a.c - b.c)[0]?.b;
    else if (e.key === "ArrowLeft")
      next = cells.filter((x) => x.r === here.r && x.c < here.c).sort((a, b) => b.c - a.c)[0]?.b ?? cells.filter((x) => x.r < here.r).sort((a, b) => b.r - a.r || b.c - a.c)[0]?.b;
    else if (e.key === "ArrowDown") next = cells.filter((x) => x.r > here.r).sort((a, b) => a.r - b.r || Math.abs(a.c - here.c) - Math.abs(b.c - here.c))[0]?.b;
    else if (e.key === "ArrowUp") next = cells.filter((x) => x.r < here.r).sort((a, b) => b.r - a.r || Math.abs(a.c - here.c) - Math.abs(b.c - here.c))[0]?.b;
    if (!next) return;
    e.preventDefault();
    for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
    next.focus();
  };
  return (
    <>
      {scrolls && (
        <p class="scroll-hint" aria-hidden="true">
          More columns: scroll the table sideways →
        </p>
      )}
      <div
        class={scrolls ? "table-wrap scrolls" : "table-wrap"}
        ref={wrap}
        onKeyDown={onKeyDown}
        tabIndex={scrolls ? 0 : undefined}
        role={scrolls ? "region" : undefined}
        aria-label={scrolls ? `${caption} (scrolls sideways)` : undefined}
      >
        <table id={id} class="data">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" class={c.kind === "num" ? "num" : undefined} key={c.key}>
                  {c.label}
                </th>
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
    </>
  );
}
