import { datasets, missingSample, sampleLoaded } from "../lib/sample.js";

interface DistrictLike {
  name?: string;
  asOf?: string;
  schools?: { name?: string; students?: number }[];
  teachers?: number;
}

/**
 * The district header: the facts as the district file states them (no engine result here).
 * Shows which data is the sample's and which was imported.
 */
export function DistrictSummary() {
  if (!sampleLoaded.value) return <section class="district" aria-label="District"><p class="loading">Loading the sample district…</p></section>;
  const d = datasets.value.district;
  if (!d) {
    return (
      <section class="district" aria-label="District" data-testid="district">
        <p class="muted">
          The sample district's data has not been published in this build yet ({missingSample.value.join(", ")}
          {" "}missing). Import your own files from the Import / Export tab.
        </p>
      </section>
    );
  }
  const district = (d.data ?? {}) as DistrictLike;
  const schools = Array.isArray(district.schools) ? district.schools : [];
  return (
    <section class="district" aria-label="District" data-testid="district">
      <h2>{district.name ?? "District"}</h2>
      <dl class="facts">
        {schools.length > 0 && (
          <div>
            <dt>Schools</dt>
            <dd class="num">{schools.length}</dd>
          </div>
        )}
        {district.asOf && (
          <div>
            <dt>As of</dt>
            <dd>{district.asOf}</dd>
          </div>
        )}
        <div>
          <dt>Data</dt>
          <dd>{d.source === "sample" ? "sample district" : `imported from ${d.origin}`}</dd>
        </div>
      </dl>
    </section>
  );
}
