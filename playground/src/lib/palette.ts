/**
 * Chart colours: every one has at least 3:1 contrast against white (WCAG 2.1 SC 1.4.11 for
 * graphical objects), and charts never rely on colour alone (tables and labels carry the data).
 */
export const PALETTE = ["#1f6fb2", "#c2410c", "#2f855a", "#7c3aed", "#b91c1c", "#0f766e", "#a16207", "#be185d", "#4b5563", "#1e3a8a", "#65a30d"];

export const SCENARIO_COLORS = ["#4b5563", "#1f6fb2", "#c2410c", "#2f855a", "#7c3aed", "#be185d", "#0f766e", "#a16207"];

/** Human names for the built-in budget categories. */
export const CATEGORY_LABEL: Record<string, string> = {
  hardware: "Hardware",
  software: "Software",
  network: "Network",
  "professional-development": "Prof. development",
  "support-staff": "Support staff",
  services: "Services",
  other: "Other",
};
export const categoryLabel = (c: string): string => CATEGORY_LABEL[c] ?? c;
