import { signal } from "@preact/signals";

/** The names of the sample district's files (examples/data/sample-district/<name>.json). */
export const DATASET_NAMES = ["district", "budget", "devices", "repairs", "licenses", "usage", "apps"] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export interface Dataset {
  readonly name: DatasetName;
  readonly source: "sample" | "imported";
  /** The file name it came from (for an import) or the sample file. */
  readonly origin: string;
  readonly data: unknown;
}

// One copy of the sample district, shared with the examples and the docs. Each file becomes its
// own lazily loaded chunk, so only the data a view needs is fetched (from this server).
const files = import.meta.glob<unknown>("../../../examples/data/sample-district/*.json", { import: "default" });

function loaderFor(name: DatasetName): (() => Promise<unknown>) | undefined {
  const key = Object.keys(files).find((k) => k.endsWith(`/${name}.json`));
  return key ? files[key] : undefined;
}

/** The datasets in use, by name: the sample's, replaced by an import when the analyst loads one. */
export const datasets = signal<Partial<Record<DatasetName, Dataset>>>({});
/** Sample files the build did not find (the data is still being written). */
export const missingSample = signal<DatasetName[]>([]);
export const sampleLoaded = signal(false);

const pending = new Map<DatasetName, Promise<void>>();

/**
 * Load sample datasets on demand (each view asks for the files it needs, so the first load
 * fetches only the district and its budget). Files the build does not have are listed in
 * `missingSample`; an imported dataset is never replaced by the sample.
 */
export function ensureDatasets(names: readonly DatasetName[]): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let p = pending.get(name);
      if (!p) {
        const load = loaderFor(name);
        p = load
          ? load().then((data) => {
              if (datasets.value[name]?.source === "imported") return;
              datasets.value = { ...datasets.value, [name]: { name, source: "sample", origin: `sample-district/${name}.json`, data } };
            })
          : Promise.resolve().then(() => {
              if (!missingSample.value.includes(name)) missingSample.value = [...missingSample.value, name];
            });
        pending.set(name, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/** Load what the opening view needs: the district and its budget. */
export async function loadSample(): Promise<void> {
  await ensureDatasets(["district", "budget"]);
  sampleLoaded.value = true;
}

/** Replace one dataset with imported data (kept in this browser's IndexedDB across reloads: state/importStore.ts). */
export function setImported(name: DatasetName, origin: string, data: unknown): void {
  datasets.value = { ...datasets.value, [name]: { name, source: "imported", origin, data } };
}

export function datasetData(name: DatasetName): unknown {
  return datasets.value[name]?.data;
}

/** Put the sample's own files back in place of imported ones (after "forget imported data"). */
export async function reloadSample(names: readonly DatasetName[]): Promise<void> {
  const ds = { ...datasets.value };
  for (const n of names) {
    delete ds[n];
    pending.delete(n);
  }
  datasets.value = ds;
  await ensureDatasets(names);
}

/** The sample district's own copy of a file, even when an import replaced it (a model catalogue to match imports against). */
export async function sampleData(name: DatasetName): Promise<unknown> {
  const load = loaderFor(name);
  return load ? load() : undefined;
}
