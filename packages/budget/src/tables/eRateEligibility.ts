/**
 * A service or product as E-Rate's eligibility rules name it.
 *
 * @category E-Rate
 */
export interface ERateService {
  readonly id: string;
  readonly name: string;
  /** The category it belongs to when eligible (null for what is never eligible). */
  readonly category: "C1" | "C2" | null;
}

/**
 * One eligibility ruling: from the day it was adopted, it sets whether each listed service is
 * eligible for the funding years it names.
 *
 * @category E-Rate
 */
export interface ERateEligibilityEdition {
  readonly id: string;
  /** The day the FCC adopted it: a check "as of" an earlier day does not see it. */
  readonly adopted: string;
  readonly title: string;
  readonly source: string;
  readonly changes: readonly {
    readonly service: string;
    readonly eligible: boolean;
    readonly fromFundingYear: number;
    /** Last funding year the change governs (open-ended when absent). */
    readonly toFundingYear?: number | undefined;
    readonly note?: string | undefined;
  }[];
}

/**
 * The services the eligibility rules speak of: Category One data
 * transmission and internet access; Category Two internal connections, managed internal
 * broadband and basic maintenance; and what is not eligible (end-user devices, advanced
 * firewalls outside the Cybersecurity Pilot, voice since FY2019), plus the two services whose
 * eligibility changed twice (school-bus Wi-Fi and off-premises hotspots).
 *
 * @example
 * ```ts
 * ERATE_SERVICES.find((s) => s.id === "wireless-access-points")?.category; // => "C2"
 * ```
 * @category E-Rate
 */
export const ERATE_SERVICES: readonly ERateService[] = Object.freeze([
  { id: "internet-access", name: "Internet access", category: "C1" },
  { id: "data-transmission", name: "Data transmission (WAN, leased lit or dark fiber)", category: "C1" },
  { id: "self-provisioned-network", name: "Self-provisioned network and special construction", category: "C1" },
  { id: "wireless-access-points", name: "Wireless access points", category: "C2" },
  { id: "switches", name: "Switches", category: "C2" },
  { id: "routers", name: "Routers", category: "C2" },
  { id: "cabling", name: "Cabling and connectors", category: "C2" },
  { id: "racks", name: "Racks", category: "C2" },
  { id: "ups", name: "Uninterruptible power supply / battery backup", category: "C2" },
  { id: "caching", name: "Caching", category: "C2" },
  { id: "basic-firewall", name: "Basic firewall", category: "C2" },
  { id: "wireless-controllers", name: "Wireless controllers and their software", category: "C2" },
  { id: "internal-connections-licences", name: "Licences of internal-connections equipment", category: "C2" },
  { id: "managed-internal-broadband", name: "Managed internal broadband services (MIBS)", category: "C2" },
  { id: "basic-maintenance", name: "Basic maintenance of internal connections (BMIC)", category: "C2" },
  { id: "next-generation-firewall", name: "Advanced / next-generation firewall and other cybersecurity", category: null },
  { id: "end-user-devices", name: "End-user devices (Chromebooks, laptops, tablets)", category: null },
  { id: "voice", name: "Voice services", category: "C1" },
  { id: "school-bus-wifi", name: "Wi-Fi on school buses", category: "C1" },
  { id: "off-premises-hotspots", name: "Wi-Fi hotspots and service for off-premises use", category: "C1" },
]);

// Sources:
// - Baseline from FY2015: FCC 14-99 (E-Rate Modernization Order, adopted 11 July 2014): C1 and
//   C2 as DOMAIN-budget §3.4 lists them; voice support phased down 20 points a year from FY2015
//   and ineligible from FY2019; end-user devices never eligible. Advanced firewalls and other
//   cybersecurity are not E-Rate eligible (the separate Cybersecurity Pilot, FCC 24-63; E-Rate
//   Central, 5 January 2026, for FY2026).
// - School-bus Wi-Fi eligible from FY2024: FCC 23-92, Declaratory Ruling of October 2023 (E-Rate
//   Central, 6 January 2025: "2024 was the first year for which school bus Wi-Fi was E-Rate
//   eligible").
// - Off-premises hotspots eligible from FY2025: FCC 24-76, Report and Order of 18 July 2024
//   (ICORE, "E-Rate funds for Wi-Fi", 2024; E-Rate Central, 8 September 2025).
// - Both ineligible again, for FY2025 onward (pending FY2025 requests denied): FCC 25-62, Order on
//   Reconsideration (hotspots), and FCC 25-63, Declaratory Ruling (school-bus Wi-Fi), adopted
//   30 September 2025 (E-Rate Central, 6 October 2025; Lerman Senter, "FCC rescinds E-Rate support
//   for off-premises Wi-Fi hotspots and school bus Wi-Fi", 2025; Broadband Breakfast, 30 September 2025).
/**
 * Eligibility as versioned data: each ruling with the day it was adopted and the funding years
 * it governs. A plan checked "as of" a day sees only the rulings adopted by then, so a plan made
 * under one rule can be re-checked under another ({@link recheckERateEligibility}): FY2025
 * hotspots are eligible as of 2025-01-15 and ineligible as of 2025-10-01.
 *
 * @example
 * ```ts
 * ERATE_ELIGIBILITY_EDITIONS.map((e) => e.id); // => ["fcc-14-99-modernization", "fcc-23-92-bus-wifi", "fcc-24-76-hotspots", "fcc-25-62-25-63-off-premises"]
 * ```
 * @category E-Rate
 */
export const ERATE_ELIGIBILITY_EDITIONS: readonly ERateEligibilityEdition[] = Object.freeze([
  {
    id: "fcc-14-99-modernization",
    adopted: "2014-07-11",
    title: "E-Rate Modernization Order: Category One and Category Two",
    source: "FCC 14-99 (Seventh Report and Order), adopted 11 July 2014",
    changes: [
      ...["internet-access", "data-transmission", "self-provisioned-network"].map((service) => ({ service, eligible: true, fromFundingYear: 2015 })),
      ...[
        "wireless-access-points",
        "switches",
        "routers",
        "cabling",
        "racks",
        "ups",
        "caching",
        "basic-firewall",
        "wireless-controllers",
        "internal-connections-licences",
        "managed-internal-broadband",
        "basic-maintenance",
      ].map((service) => ({ service, eligible: true, fromFundingYear: 2015 })),
      { service: "voice", eligible: true, fromFundingYear: 2015, toFundingYear: 2018, note: "phased down by 20 points of discount a year" },
      { service: "voice", eligible: false, fromFundingYear: 2019, note: "phase-down complete" },
      { service: "end-user-devices", eligible: false, fromFundingYear: 2015 },
      { service: "next-generation-firewall", eligible: false, fromFundingYear: 2015, note: "only a basic firewall is C2; advanced security is in the separate Cybersecurity Pilot (FCC 24-63)" },
      { service: "school-bus-wifi", eligible: false, fromFundingYear: 2015 },
      { service: "off-premises-hotspots", eligible: false, fromFundingYear: 2015, note: "E-Rate supports service at schools and libraries" },
    ],
  },
  {
    id: "fcc-23-92-bus-wifi",
    adopted: "2023-10-19",
    title: "School-bus Wi-Fi Declaratory Ruling",
    source: "FCC 23-92, Declaratory Ruling (October 2023); first eligible in FY2024 (E-Rate Central, 6 January 2025)",
    changes: [{ service: "school-bus-wifi", eligible: true, fromFundingYear: 2024, note: "Wi-Fi on school buses serves an educational purpose" }],
  },
  {
    id: "fcc-24-76-hotspots",
    adopted: "2024-07-18",
    title: "Wi-Fi hotspots for off-premises use (Report and Order)",
    source: "FCC 24-76, Report and Order (July 2024); eligible from FY2025",
    changes: [{ service: "off-premises-hotspots", eligible: true, fromFundingYear: 2025, note: "hotspots loaned to students, staff and library patrons" }],
  },
  {
    id: "fcc-25-62-25-63-off-premises",
    adopted: "2025-09-30",
    title: "Off-premises hotspots (Order on Reconsideration) and school-bus Wi-Fi (Declaratory Ruling) ineligible",
    source: "FCC 25-62 and FCC 25-63, adopted 30 September 2025 (E-Rate Central, 6 October 2025; Lerman Senter 2025): pending FY2025 requests denied",
    changes: [
      { service: "off-premises-hotspots", eligible: false, fromFundingYear: 2025, note: "section 254 does not permit funding off-premises use" },
      { service: "school-bus-wifi", eligible: false, fromFundingYear: 2025, note: "a school bus is not a classroom" },
    ],
  },
]);
