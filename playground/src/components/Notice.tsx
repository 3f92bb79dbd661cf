import type { ComponentChildren } from "preact";

/** The note a view shows while its engine has not landed: no numbers are faked meanwhile. */
export function NotAvailable({ what, engine, children }: { what: string; engine: string; children?: ComponentChildren }) {
  return (
    <div class="not-available" role="note">
      <h3>{what} is not available yet</h3>
      <p>
        This view runs <code>{engine}</code>, whose public API has not been published in this build. The playground never computes engine results itself, so nothing is shown rather than a guess.
      </p>
      {children}
    </div>
  );
}
