import { NotAvailable } from "../components/Notice.js";

export function DevicesView() {
  return (
    <section aria-labelledby="devices-h">
      <h2 id="devices-h">Devices: refresh forecast</h2>
      <NotAvailable what="The device refresh forecast" engine="@districtkit/lifecycle">
        <p>When it lands: the yearly replacement forecast with P10/P50/P90 bands (Monte Carlo, in a worker), the budget-capped plan, and the Auto Update Expiration cliffs; the plan flows into the budget.</p>
      </NotAvailable>
    </section>
  );
}
