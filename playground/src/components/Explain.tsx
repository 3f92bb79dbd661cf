import { signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

/** What a clicked figure shows: the engine's sentence, the inputs and contributions behind it. */
export interface Explanation {
  readonly title: string;
  readonly value: string;
  /** The engine's plain-English sentence. */
  readonly sentence?: string;
  /** Rows of label → value (rule, inputs, contributions), as the engine reported them. */
  readonly rows?: readonly (readonly [string, string])[];
  /** The engine's structured explanation, shown as JSON for the curious. */
  readonly detail?: unknown;
}

export const explanation = signal<Explanation | null>(null);
let opener: HTMLElement | null = null;

/** A figure that can be clicked (or activated with Enter/Space) to see where it came from. */
export function Figure({ children, explain, label }: { children: ComponentChildren; explain: () => Explanation; label?: string }) {
  return (
    <button
      type="button"
      class="figure-button"
      aria-haspopup="dialog"
      aria-label={label}
      onClick={(e) => {
        opener = e.currentTarget as HTMLElement;
        explanation.value = explain();
      }}
    >
      {children}
    </button>
  );
}

/** The dialog that shows the explanation of the last clicked figure (Escape closes it). */
export function ExplainDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const e = explanation.value;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (e && !d.open) d.showModal();
    if (!e && d.open) d.close();
  }, [e]);
  return (
    <dialog
      ref={ref}
      class="explain"
      aria-labelledby="explain-title"
      onClose={() => {
        explanation.value = null;
        opener?.focus();
      }}
    >
      {e && (
        <div>
          <div class="explain-head">
            <h2 id="explain-title">{e.title}</h2>
            <button type="button" class="secondary" onClick={() => (explanation.value = null)} autoFocus>
              Close
            </button>
          </div>
          <p class="explain-value num">{e.value}</p>
          {e.sentence && <p class="explain-sentence">{e.sentence}</p>}
          {e.rows && e.rows.length > 0 && (
            <table class="data">
              <caption>Where it comes from</caption>
              <tbody>
                {e.rows.map(([k, v], i) => (
                  <tr key={i}>
                    <th scope="row">{k}</th>
                    <td class="num">{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {e.detail !== undefined && (
            <details>
              <summary>The engine's explanation as data</summary>
              <pre class="json">{JSON.stringify(e.detail, null, 2)}</pre>
            </details>
          )}
        </div>
      )}
    </dialog>
  );
}
