import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * True once the element has come near the viewport (and stays true). Work that only feeds a
 * part of the page further down (the tornado, in the worker) waits for it, so the first load
 * ships and runs only what the first screen shows.
 */
export function useVisible(ref: RefObject<Element | null>, margin = "200px"): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    if (typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          io.disconnect();
        }
      },
      { rootMargin: margin },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [ref.current, visible]);
  return visible;
}
