import { NotAvailable } from "../components/Notice.js";

export function VettingView() {
  return (
    <section aria-labelledby="vetting-h">
      <h2 id="vetting-h">Vetting: apps, decisions and reasons</h2>
      <NotAvailable what="App vetting" engine="@districtkit/vetting">
        <p>When it lands: each app's decision, score, reasons and re-review date; edit answers or weights and see the decisions change.</p>
      </NotAvailable>
    </section>
  );
}
