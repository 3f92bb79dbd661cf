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

export async function loadSample(): Promise<void> {
  const missing: DatasetName[] = [];
  const loaded: Partial<Record<DatasetName, Dataset>> = {};
  await Promise.all(
    DATASET_NAMES.map(async (name) => {
      const load = loaderFor(name);
      if (!load) {
        missing.push(name);
        return;
      }
      loaded[name] = { name, source: "sample", origin: `sample-district/${name}.json`, data: await load() };
    }),
  );
  datasets.value = { ...loaded, ...Object.fromEntries(Object.entries(datasets.value).filter(([, d]) => d?.source === "imported")) };
  missingSample.value = missing;
  sampleLoaded.value = true;
}

/** Replace one dataset with imported data (kept in memory for the session). */
export function useImported(name: DatasetName, origin: string, data: unknown): void {
  datasets.value = { ...datasets.value, [name]: { name, source: "imported", origin, data } };
}

export function datasetData(name: DatasetName): unknown {
  return datasets.value[name]?.data;
}
