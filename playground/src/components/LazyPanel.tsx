import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useVisible } from "../lib/useVisible.js";

/**
 * Load a panel's code only when it comes near the viewport (the tornado and goal seek sit below
 * the fold): the first load ships only what the first screen shows (G1). It is busy (aria-busy)
 * while its code loads once in view; out of view and not loaded, it waits, and is not busy.
 */
export function LazyPanel<P extends object>({ load, props, title, id }: { load: () => Promise<ComponentType<P>>; props: P; title: string; id: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref) || (typeof matchMedia !== "undefined" && matchMedia("print").matches);
  const [Comp, setComp] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (!visible || Comp) return;
    let live = true;
    void load().then((c) => live && setComp(() => c));
    return () => {
      live = false;
    };
  }, [visible]);
  return (
    <div ref={ref} class="lazy-panel" id={id} aria-busy={visible && !Comp}>
      {Comp ? <Comp {...props} /> : <p class="loading">{title}…</p>}
    </div>
  );
}
