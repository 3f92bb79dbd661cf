import { EditGrid, type GridColumn } from "../../components/EditGrid.js";
import { type SchoolRow, validateSchools } from "../../lib/ledgerImport.js";
import { updateImport } from "../../state/budgetImport.js";
import { schoolRowsNow } from "./actions.js";

const COLUMNS: readonly GridColumn<SchoolRow>[] = [
  { key: "id", label: "Id", kind: "text", get: (r) => r.id },
  { key: "name", label: "Name", kind: "text", get: (r) => r.name },
  { key: "students", label: "Students", kind: "count", get: (r) => r.students },
  { key: "nslpEligible", label: "NSLP-eligible", kind: "count", get: (r) => r.nslpEligible },
];

/** Step 3: the district's schools, enrollment and NSLP counts (the mapping's school rules name these ids). */
export function SchoolsStep() {
  const rows = schoolRowsNow();
  const problems = validateSchools(rows);
  const n = problems.reduce((k, p) => k + Object.keys(p).length, 0);
  const set = (next: SchoolRow[]) => updateImport((s) => ({ ...s, schools: next, applied: s.applied === "yes" ? "changed" : s.applied }));
  return (
    <div class="yb-step">
      <h3>3. Schools, enrollment and NSLP counts</h3>
      <p class="hint">Enrollment drives per-student costs; NSLP-eligible students (free and reduced-price lunch) set the E-Rate discount. The ids are the ones the mapping's school rules give.</p>
      <EditGrid
        caption="Schools"
        id="yb-school"
        columns={COLUMNS}
        rows={rows}
        rowLabel={(r, i) => r.name || `row ${i + 1}`}
        problems={problems}
        onChange={(i, key, value) => set(rows.map((r, k) => (k === i ? { ...r, [key]: value } : r)))}
        onRemove={(i) => set(rows.filter((_, k) => k !== i))}
      />
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          onClick={() => set([...rows, { id: `school-${rows.length + 1}`, name: "", students: "", nslpEligible: "", locale: "rural", rest: { kind: "school" } }])}
        >
          Add a school
        </button>
        <button type="button" onClick={() => updateImport((s) => ({ ...s, schools: rows, step: "items" }))}>
          Next: line items
        </button>
      </div>
      <p role="status" class={n ? "cell-count bad" : "cell-count"}>
        {n ? `${n} cell${n === 1 ? " needs" : "s need"} a look.` : "Every school reads."}
      </p>
    </div>
  );
}
