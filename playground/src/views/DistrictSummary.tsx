import { useState } from "preact/hooks";
import { currentAsOf, fileAsOf, setAsOf } from "../lib/asOf.js";
import { formatCount } from "../lib/format.js";
import { datasets, missingSample, sampleLoaded } from "../lib/sample.js";

interface SchoolLike {
  name?: string;
  students?: number;
  teachers?: number;
}
interface DistrictLike {
  name?: string;
  state?: string;
  asOf?: string;
  schools?: SchoolLike[];
}

/** Devices in the inventory file: the cohorts' counts plus listed devices (a plain sum of the data). */
function deviceCount(data: unknown): number | undefined {
  if (!data || typeof data !== "object") return undefined;
  const d = data as { cohorts?: { count?: unknown }[]; devices?: unknown[] };
  const cohorts = Array.isArray(d.cohorts) ? d.cohorts.reduce((n, c) => n + (typeof c?.count === "number" ? c.count : 0), 0) : 0;
  const devices = Array.isArray(d.devices) ? d.devices.length : 0;
  return cohorts + devices || undefined;
}

/**
 * The district header: the facts as the district file states them (names and counts, no engine
 * result). Shows whether the data is the sample's or imported.
 */
export function DistrictSummary() {
  if (!sampleLoaded.value)
    return (
      <section class="district" aria-label="District" aria-busy="true">
        <p class="loading">Loading the sample district…</p>
      </section>
    );
  const d = datasets.value.district;
  if (!d) {
    return (
      <section class="district" aria-label="District" data-testid="district">
        <p class="muted">The sample district's data has not been published in this build yet ({missingSample.value.join(", ")} missing). Import your own files from the Import / Export tab.</p>
      </section>
    );
  }
  const district = (d.data ?? {}) as DistrictLike;
  const schools = Array.isArray(district.schools) ? district.schools : [];
  const students = schools.reduce((n, s) => n + (typeof s.students === "number" ? s.students : 0), 0);
  const teachers = schools.reduce((n, s) => n + (typeof s.teachers === "number" ? s.teachers : 0), 0);
  const devices = deviceCount(datasets.value.devices?.data);
  const facts: [string, string][] = [];
  if (schools.length) facts.push(["Schools", formatCount(schools.length)]);
  if (students) facts.push(["Students", formatCount(students)]);
  if (teachers) facts.push(["Teachers", formatCount(teachers)]);
  if (devices) facts.push(["Devices", formatCount(devices)]);
  return (
    <section class="district" aria-label="District" data-testid="district">
      <h2>
        {district.name ?? "District"}
        {district.state ? <span class="muted">, {district.state}</span> : null}
      </h2>
      <dl class="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd class="num">{v}</dd>
          </div>
        ))}
        <AsOfField />
        <div>
          <dt>Data</dt>
          <dd>
            {d.source === "sample" ? "sample district (fictional)" : `imported from ${d.origin}`}
            {Object.values(datasets.value)
              .filter((x) => x && x.source === "imported" && x.name !== "district")
              .map((x) => `; ${x!.name} imported from ${x!.origin}`)
              .join("")}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * The district's one "as of" date, editable: renewal notices, support ends, vetting expiries and
 * the device forecast all run on it.
 */
function AsOfField() {
  const asOf = currentAsOf() ?? "";
  const file = fileAsOf();
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="as-of">
      <dt>
        <label for="as-of">As of</label>
      </dt>
      <dd>
        <input
          id="as-of"
          type="date"
          value={asOf}
          aria-describedby="as-of-hint"
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            if (v === "") return setAsOf(undefined);
            if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return setError("Enter a date (YYYY-MM-DD)");
            setError(null);
            setAsOf(v);
          }}
        />
        <span id="as-of-hint" class="visually-hidden">
          The date every view works on: renewal notices, support ends, vetting expiries, the device forecast.
        </span>
        {file && asOf !== file && (
          <button type="button" class="link" onClick={() => setAsOf(undefined)}>
            back to {file}
          </button>
        )}
        {error && (
          <span class="error-text" role="alert">
            {error}
          </span>
        )}
      </dd>
    </div>
  );
}
