/**
 * What may be done with equipment bought with E-Rate discounts, and when.
 *
 * @category E-Rate
 */
export interface ERateEquipmentRules {
  /** Years after installation before E-Rate-funded equipment may be disposed of (resold, traded in, donated, recycled). */
  readonly disposalYears: number;
  /** The day the disposal rule took effect. */
  readonly disposalEffective: string;
  /** Years after purchase before equipment may be transferred to another eligible entity (earlier only when its location closes). */
  readonly transferYears: number;
  /** Years the transferring and receiving entities keep records of a transfer. */
  readonly transferRecordYears: number;
  readonly sources: readonly string[];
}

// Sources: 47 CFR 54.513(c) (no transfer for three years after purchase, except to another
// eligible school or library when the original location is permanently or temporarily closed;
// then notify USAC and both keep records for five years; 2010 text,
// http://hallikainen.org/org/FCC/FccRules/2010/54/513); FCC 10-175, Sixth Report and Order:
// disposal of obsolete equipment for payment or other consideration no sooner than five years
// after installation, from 3 January 2011 (USAC, "Transfer of Equipment",
// http://www.usac.org/sl/applicants/before-youre-done/equipment-transfer.aspx; Funds For Learning,
// "Disposal and Transfer of Equipment", 2021). A transfer happens when the equipment serves an
// entity not on the original funding request; moving it inside a school served by that request
// is not a transfer (USAC, same page).
/**
 * The equipment rules: disposal no sooner than five years after installation (since
 * 2011-01-03), transfer to another eligible entity no sooner than three years after purchase
 * unless the location closed (then notify USAC; records kept five years).
 *
 * @example
 * ```ts
 * ERATE_EQUIPMENT_RULES.disposalYears; // => 5
 * ERATE_EQUIPMENT_RULES.transferYears; // => 3
 * ```
 * @category E-Rate
 */
export const ERATE_EQUIPMENT_RULES: ERateEquipmentRules = Object.freeze({
  disposalYears: 5,
  disposalEffective: "2011-01-03",
  transferYears: 3,
  transferRecordYears: 5,
  sources: [
    "47 CFR 54.513(c) (transfers: three years after purchase, earlier only from a closed location; notify USAC; records five years)",
    "FCC 10-175, Sixth Report and Order (disposal no sooner than five years after installation, from 2011-01-03)",
    "USAC, Transfer of Equipment (what counts as a transfer)",
  ],
});
