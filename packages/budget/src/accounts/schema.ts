import { z } from "zod";

const segmentName = z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/, 'expected a segment name such as "fund" or "projectYear" (a letter, then letters and digits)');

/**
 * The zod schema of a code pattern in a mapping rule: an exact code (`"2230"`), a range
 * (`"2800-2899"`, inclusive, compared as numbers when both ends are digits), a prefix (`"73*"`),
 * `"*"` for any code, or a list of these (`["351", "432"]`).
 *
 * @example
 * ```ts
 * codePatternSchema.safeParse("2800-2899").success; // => true
 * codePatternSchema.safeParse("28**").success; // => false
 * ```
 * @category Accounts
 */
export const codePatternSchema = z.union([
  z.string().regex(/^(\*|[A-Za-z0-9]+\*?|[A-Za-z0-9]+-[A-Za-z0-9]+)$/, 'expected a code ("2230"), a range ("2800-2899"), a prefix ("73*") or "*"'),
  z.array(z.string().regex(/^(\*|[A-Za-z0-9]+\*?|[A-Za-z0-9]+-[A-Za-z0-9]+)$/, 'expected a code ("2230"), a range ("2800-2899"), a prefix ("73*") or "*"')).min(1),
]);

/**
 * The zod schema of one segment of an account string: its name, what it means (`role`), and for a
 * fixed-width layout its width in characters.
 *
 * @example
 * ```ts
 * accountSegmentSchema.parse({ name: "object", role: "object", width: 3 }).width; // => 3
 * ```
 * @category Accounts
 */
export const accountSegmentSchema = z.object({
  /** The name rules use (`fund`, `function`, `object`, `location`, `program`, `resource`, `goal`…). */
  name: segmentName,
  /** What the segment holds; `year` is read as the fiscal year (2 or 4 digits). */
  role: z.enum(["fund", "function", "object", "location", "program", "project", "resource", "goal", "level", "year", "other"]).default("other"),
  /** Characters in a fixed-width layout; in a delimited layout, the expected width (checked when given). */
  width: z.number().int().min(1).max(20).optional(),
  /** A title for messages and the preview, e.g. `Object`. */
  label: z.string().min(1).optional(),
});

/**
 * The zod schema of an account layout: the segments in the order they are written, and the
 * separator between them (`"-"`, `"."`, `" "`…), or no separator for a fixed-width string (every
 * segment then has a width).
 *
 * @example
 * ```ts
 * const layout = accountLayoutSchema.parse({ separator: "-", segments: [{ name: "fund", role: "fund" }, { name: "object", role: "object" }] });
 * layout.segments.length; // => 2
 * ```
 * @category Accounts
 */
export const accountLayoutSchema = z
  .object({
    separator: z.string().max(3).default("-"),
    segments: z.array(accountSegmentSchema).min(1).max(16),
  })
  .superRefine((l, ctx) => {
    const seen = new Set<string>();
    l.segments.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: "custom", path: ["segments", i, "name"], message: `duplicate segment name "${s.name}"` });
      seen.add(s.name);
      if (l.separator === "" && s.width === undefined)
        ctx.addIssue({ code: "custom", path: ["segments", i, "width"], message: "a fixed-width layout (no separator) needs the width of every segment" });
    });
    if (l.segments.filter((s) => s.role === "year").length > 1) ctx.addIssue({ code: "custom", path: ["segments"], message: "at most one segment can hold the fiscal year" });
  });

const when = z.record(segmentName, codePatternSchema).default({});

/**
 * The zod schema of a category rule: when every listed segment matches (`when`), the amount
 * belongs to `category` (a DistrictKit line-item category), or is out of scope (`exclude`, with
 * the reason — counted in the tie-out, never dropped). The first rule that matches wins.
 *
 * @example
 * ```ts
 * accountRuleSchema.parse({ when: { object: "734" }, category: "hardware" }).category; // => "hardware"
 * ```
 * @category Accounts
 */
export const accountRuleSchema = z
  .object({
    when,
    category: z.string().min(1).optional(),
    exclude: z.string().min(1).optional(),
    /** E-Rate category of the amounts this rule catches (default: not eligible). */
    eRate: z.enum(["C1", "C2"]).optional(),
    /** A title for the line items this rule makes, e.g. `Technology hardware`. */
    name: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.category === undefined) === (r.exclude === undefined)) ctx.addIssue({ code: "custom", path: ["category"], message: "give exactly one of category or exclude" });
  });

/**
 * The zod schema of a fund rule: account strings whose segments match `when` are paid by the
 * DistrictKit fund `fund` (a fund id of the budget, e.g. `general-fund`, `title-iv-a`).
 *
 * @example
 * ```ts
 * fundRuleSchema.parse({ when: { fund: "100-199" }, fund: "general-fund" }).fund; // => "general-fund"
 * ```
 * @category Accounts
 */
export const fundRuleSchema = z.object({ when, fund: z.string().min(1), note: z.string().optional() });

/**
 * The zod schema of a school rule: account strings whose segments match `when` belong to school
 * `school` (a school id of the district), or are district-wide (`null`).
 *
 * @example
 * ```ts
 * schoolRuleSchema.parse({ when: { location: "000" }, school: null }).school; // => null
 * ```
 * @category Accounts
 */
export const schoolRuleSchema = z.object({ when, school: z.string().min(1).nullable(), note: z.string().optional() });

/**
 * The zod schema of an account mapping: how a district's (or a state's) account strings are laid
 * out, and how their codes map to DistrictKit categories, funds and schools. Plain JSON, made to
 * be edited: the built-in ones are {@link NCES_TECHNOLOGY_MAPPING} and {@link CALIFORNIA_SACS_MAPPING}.
 *
 * @example
 * ```ts
 * const m = accountMappingSchema.parse({
 *   id: "tiny", name: "Tiny USD",
 *   layout: { separator: "-", segments: [{ name: "fund", role: "fund" }, { name: "object", role: "object" }] },
 *   categories: [{ when: { object: "734" }, category: "hardware" }],
 *   funds: [{ when: { fund: "100" }, fund: "general-fund" }],
 *   schools: [{ when: {}, school: null }],
 * });
 * m.categories[0]?.category; // => "hardware"
 * ```
 * @category Accounts
 */
export const accountMappingSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** The chart the layout and codes come from, with its edition and address. */
    source: z.string().optional(),
    layout: accountLayoutSchema,
    /** Category rules, first match wins; an account no rule matches is reported as unmapped. */
    categories: z.array(accountRuleSchema),
    /** Fund rules, first match wins. */
    funds: z.array(fundRuleSchema),
    /** School rules, first match wins. */
    schools: z.array(schoolRuleSchema),
    /** Titles of codes per segment, for explanations and the preview (`{ object: { "734": "Technology-Related Hardware" } }`). */
    codeNames: z.record(segmentName, z.record(z.string(), z.string())).default({}),
    notes: z.string().optional(),
  })
  .superRefine((m, ctx) => {
    const names = new Set(m.layout.segments.map((s) => s.name));
    const check = (list: readonly { when: Record<string, unknown> }[], key: string): void =>
      list.forEach((r, i) => {
        for (const seg of Object.keys(r.when)) {
          if (!names.has(seg)) ctx.addIssue({ code: "custom", path: [key, i, "when", seg], message: `unknown segment "${seg}" (the layout has ${[...names].join(", ")})` });
        }
      });
    check(m.categories, "categories");
    check(m.funds, "funds");
    check(m.schools, "schools");
    for (const seg of Object.keys(m.codeNames)) if (!names.has(seg)) ctx.addIssue({ code: "custom", path: ["codeNames", seg], message: `unknown segment "${seg}"` });
  });

/**
 * An account mapping as given (plain JSON).
 *
 * @category Accounts
 */
export type AccountMappingInput = z.input<typeof accountMappingSchema>;
/**
 * A validated account mapping.
 *
 * @category Accounts
 */
export type AccountMapping = z.output<typeof accountMappingSchema>;
/**
 * A code pattern (see {@link codePatternSchema}).
 *
 * @category Accounts
 */
export type CodePattern = z.output<typeof codePatternSchema>;
