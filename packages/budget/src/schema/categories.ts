/**
 * The built-in line-item categories. A budget may add its own (`budget.categories`).
 *
 * @example
 * ```ts
 * DEFAULT_CATEGORIES.includes("network"); // => true
 * ```
 * @category Schemas
 */
export const DEFAULT_CATEGORIES: readonly string[] = Object.freeze(["hardware", "software", "network", "professional-development", "support-staff", "services", "other"]);

/**
 * The drivers every budget has, derived from the district unless a series is given:
 * students (from the enrollment projection or the schools' counts), teachers, staff, schools.
 *
 * @example
 * ```ts
 * BUILT_IN_DRIVERS; // => ["students", "teachers", "staff", "schools"]
 * ```
 * @category Schemas
 */
export const BUILT_IN_DRIVERS: readonly string[] = Object.freeze(["students", "teachers", "staff", "schools"]);
