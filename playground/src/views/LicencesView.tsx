import { NotAvailable } from "../components/Notice.js";

export function LicencesView() {
  return (
    <section aria-labelledby="licences-h">
      <h2 id="licences-h">Licences: current vs optimized</h2>
      <NotAvailable what="The licence optimizer" engine="@districtkit/licenses">
        <p>When it lands: the current and the optimized plan side by side, the savings, reclaimable seats and the renewal calendar.</p>
      </NotAvailable>
    </section>
  );
}
