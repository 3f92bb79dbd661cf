import { Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * Input of {@link annualizedTco}: one device's direct costs (CoSN / Gartner structure).
 *
 * @example
 * ```ts
 * annualizedTcoInputSchema.parse({ acquisition: "300", lifeYears: 4 }).residual.toString(); // => "0"
 * ```
 * @category Total cost of ownership
 */
export const annualizedTcoInputSchema = z
  .object({
    /** Purchase price. */
    acquisition: nonNegativeMoneySchema,
    /** One-time costs at purchase (management licence, imaging, cases, delivery). */
    oneTime: nonNegativeMoneySchema.default(Money.ZERO),
    /** Residual (resale or trade-in) value at the end of life. */
    residual: nonNegativeMoneySchema.default(Money.ZERO),
    /** Service life in years. */
    lifeYears: z.number().gt(0).max(50),
    /** Recurring costs a year (software, support, insurance, connectivity). */
    annualRecurring: nonNegativeMoneySchema.default(Money.ZERO),
  })
  .superRefine((v, ctx) => {
    if (v.residual.greaterThan(v.acquisition.add(v.oneTime))) ctx.addIssue({ code: "custom", path: ["residual"], message: "expected a residual value at most the acquisition plus one-time costs" });
  });

/**
 * Input of {@link annualizedTco} as given.
 *
 * @category Total cost of ownership
 */
export type AnnualizedTcoInput = z.input<typeof annualizedTcoInputSchema>;

/**
 * An annualized total cost of ownership with its parts.
 *
 * @category Total cost of ownership
 */
export interface AnnualizedTcoResult {
  /** `(acquisition + one-time − residual) / life`, exact. */
  readonly capitalPerYear: Money;
  readonly recurringPerYear: Money;
  /** The total per device per year, rounded half-up to the cent. */
  readonly perYear: Money;
  /** The total over the life, rounded half-up to the cent. */
  readonly overLife: Money;
  readonly explanation: string;
}

/**
 * The annualized per-device total cost of ownership used by the engine:
 * `(acquisition + one-time costs − residual) / life years + annual recurring costs`.
 *
 * @param input - acquisition, one-time costs, residual, life, recurring costs a year
 * @returns the cost per year and over the life, with the formula filled in
 * @throws DistrictKitError for a negative amount, a residual above the cost, or a life ≤ 0
 * @example
 * ```ts
 * const t = annualizedTco({ acquisition: "300", oneTime: "30", residual: "20", lifeYears: 4, annualRecurring: "25" });
 * t.perYear.toString(); // => "102.5"
 * ```
 * @category Total cost of ownership
 */
export function annualizedTco(input: AnnualizedTcoInput): AnnualizedTcoResult {
  const v = parseInput(annualizedTcoInputSchema, input);
  const capital = v.acquisition.add(v.oneTime).subtract(v.residual).divide(v.lifeYears);
  const perYear = capital.add(v.annualRecurring);
  return {
    capitalPerYear: capital,
    recurringPerYear: v.annualRecurring,
    perYear: perYear.roundToCents(),
    overLife: perYear.multiply(v.lifeYears).roundToCents(),
    explanation: `(${v.acquisition.format()} + ${v.oneTime.format()} − ${v.residual.format()}) / ${v.lifeYears} years + ${v.annualRecurring.format()} a year = ${perYear.roundToCents().format()} per device per year.`,
  };
}
