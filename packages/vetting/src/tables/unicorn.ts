/**
 * The ten metrics of the Project Unicorn interoperability rubric, each rated at level 1–4 (4 best).
 *
 * Source: https://projectunicorn.org/project-unicorn-rubric ; https://ed.link/community/project-unicorn/
 *
 * @example
 * ```ts
 * PROJECT_UNICORN_METRICS.length; // => 10
 * ```
 * @category Tables
 */
export const PROJECT_UNICORN_METRICS: readonly { readonly id: string; readonly title: string }[] = [
  { id: "dataQuality", title: "Data Quality" },
  { id: "dataGranularity", title: "Data Granularity" },
  { id: "exportProcess", title: "Export Process" },
  { id: "exportSecurity", title: "Export Security" },
  { id: "exportFrequency", title: "Export Frequency" },
  { id: "exportFormat", title: "Export Format" },
  { id: "importProcess", title: "Import Process" },
  { id: "importSecurity", title: "Import Security" },
  { id: "importFrequency", title: "Import Frequency" },
  { id: "importFormat", title: "Import Format" },
];

/**
 * The Project Unicorn vendor pledge: reach at least this level on the rubric within a year. Read
 * here as "every metric at or above it" (minimum over metrics; the pledge may mean an overall
 * level — unconfirmed).
 *
 * @example
 * ```ts
 * PROJECT_UNICORN_PLEDGE_LEVEL; // => 2
 * ```
 * @category Tables
 */
export const PROJECT_UNICORN_PLEDGE_LEVEL = 2;
