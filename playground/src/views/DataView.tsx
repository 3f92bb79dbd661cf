import { NotAvailable } from "../components/Notice.js";
import { DATASET_NAMES, datasets } from "../lib/sample.js";

export function DataView() {
  const ds = datasets.value;
  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h">Import and export</h2>
      <table class="data">
        <caption>Datasets in use</caption>
        <thead>
          <tr><th scope="col">Dataset</th><th scope="col">Source</th></tr>
        </thead>
        <tbody>
          {DATASET_NAMES.map((n) => (
            <tr key={n}>
              <th scope="row">{n}</th>
              <td>{ds[n] ? (ds[n]!.source === "sample" ? `sample (${ds[n]!.origin})` : `imported from ${ds[n]!.origin}`) : "not loaded"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NotAvailable what="Import and export" engine="@districtkit/io" />
    </section>
  );
}
