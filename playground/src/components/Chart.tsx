import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

type PlotModule = typeof import("../lib/plot.js");
let plotModule: Promise<PlotModule> | null = null;
/** Observable Plot is loaded on the first chart, not with the page shell. */
export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import("../lib/plot.js");
  return plotModule;
}

export interface ChartProps {
  readonly title: string;
  /** What the chart shows, in one sentence, for screen readers (the table beside it has the figures). */
  readonly description: string;
  /** Build the chart; called again whenever `deps` change. */
  readonly render: (Plot: PlotModule, width: number) => SVGSVGElement | HTMLElement;
  readonly deps: readonly unknown[];
  /** The data table shown beside the chart. */
  readonly children?: ComponentChildren;
  readonly onRendered?: () => void;
  readonly testId?: string;
  /** "side" (default): the table beside the chart on wide screens; "stacked": the table below it. */
  readonly layout?: "side" | "stacked";
  /** Extra class names (e.g. "print-keep" for the one-page printed summary). */
  readonly className?: string;
}

/** A figure: an Observable Plot chart (SVG, labelled) with its data table beside it. */
export function Chart({ title, description, render, deps, children, onRendered, testId, layout = "side", className }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [width, setWidth] = useState(640);

  useEffect(() => {
    const el = host.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 640);
      if (w > 0) setWidth((old) => (Math.abs(old - w) > 8 ? w : old));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // a layout effect: the chart is drawn before the browser paints (an effect would wait a frame)
  useLayoutEffect(() => {
    let live = true;
    void loadPlot().then((Plot) => {
      if (!live || !host.current) return;
      try {
        const node = render(Plot, Math.max(280, width));
        // the chart is one image with one label (its figures are in the table beside it): Plot's
        // labels on inner groups would be ARIA attributes on elements without a role
        for (const el of node.querySelectorAll("[aria-label], [aria-description]")) {
          el.removeAttribute("aria-label");
          el.removeAttribute("aria-description");
        }
        node.setAttribute("role", "img");
        node.setAttribute("aria-label", `${title}. ${description}`);
        host.current.replaceChildren(node);
        setError(null);
        onRendered?.();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    });
    return () => {
      live = false;
    };
  }, [...deps, width]);

  return (
    <figure class={`chart chart-${layout}${className ? ` ${className}` : ""}`} data-testid={testId}>
      <figcaption>
        <span class="chart-title">{title}</span>
        <span class="chart-desc">{description}</span>
      </figcaption>
      <div class="chart-body">
        <div class="plot" ref={host} />
        {error && <p class="error-text">The chart could not be drawn: {error}</p>}
      </div>
      {children && <div class="chart-table">{children}</div>}
    </figure>
  );
}
