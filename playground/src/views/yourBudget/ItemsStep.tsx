import { Money } from "@districtkit/core";
import { EditGrid, type GridColumn } from "../../components/EditGrid.js";
import { formatMoney } from "../../lib/format.js";
import { type GridRow, newItemId, parseAmount, problemCount, repeatYear, validateRows } from "../../lib/ledgerImport.js";
import { budgetImport, updateImport } from "../../state/budgetImport.js";
import { fundsInUse, gridContext } from "./actions.js";

/** The column's total of the amounts that read (Money: to the cent; a cell that does not read is flagged under it). */
function columnTotal(values: readonly string[]): string {
  const ok: string[] = [];
  for (const v of values) {
    const a = parseAmount(v);
    if (a.ok && a.value !== null) ok.push(a.value);
  }
  return Money.sum(ok).toString();
}

/** Step 4: the line items in a grid: name, category, school, fund, E-Rate and an amount per year; every cell checked as typed. */
export function ItemsStep() {
  const s = budgetImport.value;
  const rows = s.rows ?? [];
  const ctx = gridContext(s);
  const problems = validateRows(rows, ctx);
  const n = problemCount(problems);
  const set = (next: GridRow[]) => updateImport((x) => ({ ...x, rows: next, applied: x.applied === "yes" ? "changed" : x.applied }));
  const schoolOptions = [{ value: "", label: "district-wide" }, ...ctx.schools.map((sc) => ({ value: sc.id, label: sc.name }))];
  const fundOptions = fundsInUse().map((f) => ({ value: f.id, label: f.name }));
  const columns: GridColumn<GridRow>[] = [
    { key: "name", label: "Name", kind: "text", get: (r) => r.name },
    { key: "category", label: "Category", kind: "select", get: (r) => r.category, options: () => ctx.categories.map((c) => ({ value: c, label: c })) },
    { key: "school", label: "School", kind: "select", get: (r) => r.school, options: () => schoolOptions },
    { key: "fund", label: "Fund", kind: "select", get: (r) => r.fund, options: () => fundOptions },
    {
      key: "eRate",
      label: "E-Rate",
      kind: "select",
      get: (r) => r.eRate,
      options: () => [
        { value: "ineligible", label: "not eligible" },
        { value: "C1", label: "Category One" },
        { value: "C2", label: "Category Two" },
      ],
    },
    ...ctx.years.map(
      (y): GridColumn<GridRow> => ({
        key: `y${y}`,
        label: `FY${y}`,
        kind: "money",
        get: (r) => r.amounts[String(y)] ?? "",
        total: () => formatMoney(columnTotal(rows.map((r) => r.amounts[String(y)] ?? "")), { cents: true }),
      }),
    ),
  ];
  const first = ctx.years[0];
  return (
    <div class="yb-step">
      <h3>4. Line items</h3>
      <p class="hint">Arrow keys and Enter move between cells like a spreadsheet; a message under a cell says what is wrong with it. Amounts are dollars (1234.56 or 1,234.56).</p>
      {s.notes.length > 0 && (
        <details class="notes">
          <summary>What was done to the line items on the way ({s.notes.length})</summary>
          <ul>
            {s.notes.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </details>
      )}
      <EditGrid
        caption={`Line items of ${s.name || "the imported budget"}`}
        id="yb-item"
        columns={columns}
        rows={rows}
        rowLabel={(r, i) => r.name || `row ${i + 1}`}
        problems={problems}
        footer
        onChange={(i, key, value) =>
          set(rows.map((r, k) => (k !== i ? r : key.startsWith("y") && /^y\d+$/.test(key) ? { ...r, amounts: { ...r.amounts, [key.slice(1)]: value } } : { ...r, [key]: value })))
        }
        onRemove={(i) => set(rows.filter((_, k) => k !== i))}
      />
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            set([
              ...rows,
              {
                id: newItemId(rows),
                name: "",
                category: ctx.categories[0] ?? "other",
                school: "",
                fund: ctx.funds.find((f) => f.kind === "general")?.id ?? "general-fund",
                eRate: "ineligible",
                amounts: {},
              },
            ])
          }
        >
          Add a line item
        </button>
        {first !== undefined && (
          <button type="button" class="secondary" onClick={() => set(repeatYear(rows, first, ctx.years))}>
            Fill empty years with FY{first}'s amount
          </button>
        )}
        <button type="button" onClick={() => updateImport((x) => ({ ...x, step: "use" }))}>
          Next: use and compare
        </button>
      </div>
      <p role="status" class={n ? "cell-count bad" : "cell-count"} data-testid="items-status">
        {n ? `${n} cell${n === 1 ? " needs" : "s need"} a look.` : `${rows.length} line items, every cell reads.`}
      </p>
    </div>
  );
}
