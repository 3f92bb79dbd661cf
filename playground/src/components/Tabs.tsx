import { useRef } from "preact/hooks";
import type { TabId } from "../state/schema.js";

export interface TabDef {
  readonly id: TabId;
  readonly label: string;
}

/**
 * WAI-ARIA tabs: one tab stop for the whole list, arrow keys move between tabs (and open them),
 * Home/End jump to the first/last, Tab moves into the open panel.
 */
export function Tabs({ tabs, active, onSelect }: { tabs: readonly TabDef[]; active: TabId; onSelect: (id: TabId) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const focusTab = (id: TabId) => {
    onSelect(id);
    queueMicrotask(() => list.current?.querySelector<HTMLButtonElement>(`#tab-${id}`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === active);
    let next = -1;
    if (e.key === "ArrowRight") next = (i + 1) % tabs.length;
    else if (e.key === "ArrowLeft") next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = tabs.length - 1;
    if (next >= 0) {
      e.preventDefault();
      focusTab(tabs[next]!.id);
    }
  };
  return (
    <div class="tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          key={t.id}
          aria-selected={t.id === active}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === active ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
