import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ExplainDialog } from "./components/Explain.js";
import { PrintSummary } from "./components/PrintSummary.js";
import { type TabDef, Tabs } from "./components/Tabs.js";
import { DATASET_NAMES, type DatasetName, ensureDatasets } from "./lib/sample.js";
import type { TabId } from "./state/schema.js";
import { activeTab, appState, notice, ready, resetState, setTab, shareLink } from "./state/store.js";
import { DistrictSummary } from "./views/DistrictSummary.js";

const TABS: readonly TabDef[] = [
  { id: "budget", label: "Budget" },
  { id: "devices", label: "Devices" },
  { id: "repairs", label: "Repairs" },
  { id: "licences", label: "Licences" },
  { id: "vetting", label: "Vetting" },
  { id: "privacy", label: "Privacy" },
  { id: "calendar", label: "Calendar" },
  { id: "erate", label: "E-Rate" },
  { id: "data", label: "Import / Export" },
  { id: "yours", label: "Your ledger" },
];

// Each view is its own chunk: the first load carries only the shell and the open view.
const NEEDS: Record<TabId, DatasetName[]> = {
  budget: ["district", "budget"],
  devices: ["district", "budget", "devices", "repairs"],
  repairs: ["district", "repairs"],
  licences: ["district", "budget", "licenses", "usage"],
  vetting: ["district", "apps"],
  calendar: ["district", "budget", "devices", "licenses", "apps"],
  privacy: ["district"],
  erate: ["district", "budget", "devices"],
  data: [...DATASET_NAMES],
  yours: ["district", "budget"],
};

const VIEWS: Record<TabId, () => Promise<ComponentType>> = {
  budget: () => import("./views/BudgetView.js").then((m) => m.BudgetView),
  devices: () => import("./views/DevicesView.js").then((m) => m.DevicesView),
  repairs: () => import("./views/RepairsView.js").then((m) => m.RepairsView),
  licences: () => import("./views/LicencesView.js").then((m) => m.LicencesView),
  vetting: () => import("./views/VettingView.js").then((m) => m.VettingView),
  calendar: () => import("./views/CalendarView.js").then((m) => m.CalendarView),
  privacy: () => import("./views/PrivacyView.js").then((m) => m.PrivacyView),
  erate: () => import("./views/ERateView.js").then((m) => m.ERateView),
  data: () => import("./views/DataView.js").then((m) => m.DataView),
  yours: () => import("./views/YourBudgetView.js").then((m) => m.YourBudgetView),
};
const loaded = new Map<TabId, ComponentType>();

function useView(id: TabId): ComponentType | null {
  const [, force] = useState(0);
  const view = loaded.get(id) ?? null;
  useEffect(() => {
    if (loaded.has(id)) return;
    let live = true;
    void Promise.all([VIEWS[id](), ensureDatasets(NEEDS[id])]).then(([v]) => {
      loaded.set(id, v);
      if (live) force((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [id]);
  return view;
}

function ShareButton() {
  const [status, setStatus] = useState<string>("");
  const onClick = async () => {
    const url = await shareLink();
    const field = document.getElementById("share-url") as HTMLInputElement | null;
    if (field) {
      field.value = url;
      field.hidden = false;
      field.select();
    }
    setStatus("Copy this link:");
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied to the clipboard (also shown here).");
    } catch {
      // no clipboard permission: the link stays selected in the field for Ctrl+C
    }
  };
  return (
    <div class="share">
      <button type="button" onClick={onClick}>
        Copy share link
      </button>
      <input id="share-url" class="share-url" type="text" readOnly hidden aria-label="Share link" />
      <span role="status" class="status">
        {status}
      </span>
    </div>
  );
}

function NoticeBar() {
  const n = notice.value;
  if (!n) return null;
  return (
    <div class={`notice notice-${n.kind}`} role={n.kind === "error" ? "alert" : "status"} data-testid="notice">
      <strong>{n.title}</strong>
      {n.lines.length > 0 && (
        <ul>
          {n.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      <button type="button" class="link" onClick={() => (notice.value = null)}>
        Dismiss
      </button>
    </div>
  );
}

export function App() {
  const tab = activeTab.value;
  const View = useView(tab);
  // keep the document title in step with the open view (screen readers announce it)
  useEffect(() => {
    document.title = `${TABS.find((t) => t.id === tab)?.label ?? ""} · DistrictKit playground`;
  }, [tab]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to the open view
      </a>
      <header class="app-header">
        <div class="brand">
          <h1>
            DistrictKit <span>playground</span>
          </h1>
          <p class="tagline">What-if planning for a district technology office. Everything runs in this browser; no data leaves it.</p>
        </div>
        <div class="actions no-print">
          <ShareButton />
          <button type="button" onClick={() => window.print()}>
            Print summary
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              if (window.confirm("Reset to the sample district? Your scenarios, levers and vetting edits in this browser will be replaced (a share link keeps a copy).")) resetState();
            }}
          >
            Reset
          </button>
        </div>
      </header>
      <DistrictSummary />
      <nav class="no-print" aria-label="Views">
        <Tabs tabs={TABS} active={tab} onSelect={setTab} />
      </nav>
      <NoticeBar />
      <main id="main" tabIndex={-1} data-view={tab}>
        <PrintSummary />
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} aria-busy={!ready.value || !View}>
          {!ready.value || !View ? <p class="loading">Loading…</p> : <View key={`${tab}-${appState.value.version}`} />}
        </div>
      </main>
      <ExplainDialog />
      <footer class="app-footer">
        DistrictKit — open, exact, tested. Figures are computed by the <code>@districtkit/*</code> engines; click a figure to see where it came from.
      </footer>
    </>
  );
}
