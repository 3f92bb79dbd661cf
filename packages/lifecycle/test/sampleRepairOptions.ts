// The generator options of examples/data/sample-district/repairs.json (also stored in the file).
const cohort = (prefix: string, model: string, school: string, purchaseDate: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i + 1).padStart(4, "0")}`, model, school, role: "student" as const, purchaseDate }));

export const SAMPLE_REPAIR_OPTIONS = {
  seed: "maple-valley-repairs",
  observationStart: "2024-07-01",
  asOf: "2026-07-01",
  devices: [
    ...cohort("MVHS-CB24", "acme-cb311-g2", "mvhs", "2023-08-14", 300),
    ...cohort("MVHS-CB21", "acme-cb300", "mvhs", "2020-08-10", 40),
    ...cohort("MVES-CB22", "acme-cb300", "mves", "2021-08-16", 110),
    ...cohort("MVMS-IP25", "ipad-10", "mvms", "2024-08-05", 240),
    ...cohort("MVES-IP22", "ipad-9", "mves", "2021-08-16", 120),
  ],
  failure: { shape: 1.9, scale: 6.5 },
  failureByModel: { "ipad-10": { shape: 1.6, scale: 8 }, "ipad-9": { shape: 1.6, scale: 8 } },
  repairRate: 0.2,
  lossRate: 0.02,
  kinds: [
    { kind: "screen", cost: 89, weight: 5 },
    { kind: "keyboard", cost: 60, weight: 2 },
    { kind: "charger", cost: 25, weight: 2 },
    { kind: "liquid", cost: 140, weight: 1 },
  ],
};
