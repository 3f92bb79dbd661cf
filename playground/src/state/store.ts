import { batch, computed, effect, signal } from "@preact/signals";
import { type AppState, appStateSchema, defaultState, describeIssues, type Levers, type Scenario, type TabId } from "./schema.js";
import { decodeShare, encodeShare } from "./share.js";

/** localStorage key of the persisted state (versioned with the schema). */
export const STORAGE_KEY = "districtkit.playground.v1";

/** The one piece of application state; views read it through the computed signals below. */
export const appState = signal<AppState>(defaultState());
/** A message shown above the views (a bad link, a restored link, a storage problem). */
export const notice = signal<{ kind: "error" | "info"; title: string; lines: string[] } | null>(null);
/** True once the state has been restored from the link or from storage. */
export const ready = signal(false);

export const activeTab = computed(() => appState.value.tab);
export const scenarios = computed(() => appState.value.scenarios);
export const activeScenario = computed(() => appState.value.scenarios.find((s) => s.id === appState.value.activeScenarioId) ?? appState.value.scenarios[0]!);

export function update(fn: (s: AppState) => AppState): void {
  appState.value = fn(appState.value);
}

export function setTab(tab: TabId): void {
  update((s) => ({ ...s, tab }));
}

export function setLever<K extends keyof Levers>(scenarioId: string, key: K, value: Levers[K] | undefined): void {
  update((s) => ({
    ...s,
    scenarios: s.scenarios.map((sc) => {
      if (sc.id !== scenarioId) return sc;
      const levers: Levers = { ...sc.levers };
      if (value === undefined) delete levers[key];
      else levers[key] = value;
      return { ...sc, levers };
    }),
  }));
}

export function renameScenario(id: string, name: string): void {
  update((s) => ({ ...s, scenarios: s.scenarios.map((sc) => (sc.id === id ? { ...sc, name: name.slice(0, 80) || sc.name } : sc)) }));
}

/** Adds a scenario copying the open one's levers and opens it; returns its id (null: 8 already). */
export function addScenario(): string | null {
  let added: string | null = null;
  update((s) => {
    if (s.scenarios.length >= 8) return s;
    let n = s.scenarios.length;
    let id = `s${n}`;
    while (s.scenarios.some((x) => x.id === id)) id = `s${++n}`;
    const from = s.scenarios.find((x) => x.id === s.activeScenarioId);
    const sc: Scenario = { id, name: `Scenario ${String.fromCharCode(64 + s.scenarios.length)}`, levers: { ...(from?.levers ?? {}) } };
    added = id;
    return { ...s, scenarios: [...s.scenarios, sc], activeScenarioId: id };
  });
  return added;
}

export function removeScenario(id: string): void {
  update((s) => {
    if (id === "baseline" || s.scenarios.length <= 1) return s;
    const rest = s.scenarios.filter((x) => x.id !== id);
    return { ...s, scenarios: rest, activeScenarioId: s.activeScenarioId === id ? rest[rest.length - 1]!.id : s.activeScenarioId };
  });
}

export function selectScenario(id: string): void {
  update((s) => ({ ...s, activeScenarioId: id }));
}

export function resetState(): void {
  batch(() => {
    appState.value = defaultState();
    notice.value = { kind: "info", title: "Reset to the sample district", lines: [] };
  });
}

function readStorage(): AppState | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = appStateSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    notice.value = { kind: "error", title: "Your saved scenarios could not be read, so the sample district is shown", lines: describeIssues(parsed.error) };
  } catch {
    // private mode or a corrupted entry: start from the default
  }
  return null;
}

/**
 * Restore the state: a share link in the hash wins, then what this browser saved, then the
 * default. A bad link shows its problems and falls back to the saved state.
 */
export async function restore(): Promise<void> {
  const hash = location.hash;
  let state = readStorage();
  if (hash.length > 1) {
    const decoded = await decodeShare(hash);
    if (decoded.ok) {
      state = decoded.state;
      notice.value = { kind: "info", title: "Scenarios restored from the shared link", lines: [] };
    } else {
      notice.value = { kind: "error", title: "This shared link could not be opened", lines: [...decoded.problems, "Your own saved scenarios are shown instead."] };
    }
    history.replaceState(null, "", location.pathname + location.search);
  }
  batch(() => {
    if (state) appState.value = state;
    ready.value = true;
  });
}

/** Save every change to localStorage (called once at start). */
export function persist(): () => void {
  return effect(() => {
    const value = appState.value;
    if (!ready.value) return;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // storage full or disabled: the session still works, it just won't survive a reload
    }
  });
}

/** The full URL of a link that restores the current state. */
export async function shareLink(): Promise<string> {
  return `${location.origin}${location.pathname}#${await encodeShare(appState.value)}`;
}
