import type { SupportEndEntryInput } from "../supportEnds.js";

// Support ends of operating systems and device families, as dated data with their sources. Only
// what a vendor has published (or, marked `estimated`, what the trade press reads from a
// vendor's practice) is here; everything else — prices of paid extensions, network gear's
// end-of-sale and end-of-support dates, a district's own estimates — is entered by the district
// through `supportEnds({ table })`, which adds entries or replaces these by id without a release.
//
// Sources (read 2025–2026):
// - Windows 10: Microsoft Lifecycle, "Windows 10 Home and Pro" and "Windows 10 Enterprise and
//   Education" — end of support 14 October 2025 (version 22H2, the last).
//   Extended Security Updates (ESU): Microsoft Windows IT Pro Blog, "Plan for Windows 10 end of
//   support with Windows 11, Windows 365, and ESU" (3 April 2024): up to three years of paid,
//   cumulative, yearly ESU; education $1 / $2 / $4 per device for years 1–3, commercial $61 /
//   $122 / $244 (as reported by Resource Recycling, 11 April 2024,
//   https://resource-recycling.com/e-scrap/2024/04/11/microsoft-names-price-for-windows-10-extended-support/).
//   The years end on October's update Tuesday (2026-10-13, 2027-10-12; the programme ends
//   2028-10-10); the two intermediate ends are the yearly renewal points (unconfirmed).
//   Prices are NOT in the table: the district enters what it pays (`extended.periods[i].pricePerDevice`).
// - iPadOS: Apple publishes no end-of-support date for an iPad (DOMAIN-lifecycle §1): the table
//   holds the last iPadOS a model can run and the day its successor shipped (no new iPadOS
//   features after that day). iPadOS 17 (released 18 September 2023) dropped the 5th-generation
//   iPad; iPadOS 18 (16 September 2024) dropped the 6th; iPadOS 26 (15 September 2025) dropped
//   the 7th and runs on the 8th generation and later (Apple's compatibility lists, as reported by
//   BGR/World of Software and Cybernews, June 2025; tombettenhausen.com / 9to5Mac for iPadOS 18).
// - macOS: macOS 26 Tahoe (15 September 2025) is the last release for Intel Macs and runs on four
//   Intel models only (MacBook Pro 16-inch 2019, MacBook Pro 13-inch 2020 with four Thunderbolt 3
//   ports, iMac 2020); every Intel MacBook Air stops at macOS 15 Sequoia (Apple's compatibility
//   list, WWDC 2025, as reported by Ars Technica, "macOS Tahoe signals that the end is near for
//   Intel Macs", June 2025). Ars Technica estimates that Macs stuck on Sequoia get security
//   updates until about autumn 2027 — an estimate (marked `estimated`), not an Apple date.

/**
 * The built-in support-end table: Windows 10 (end of support 14 October 2025, with its paid
 * Extended Security Updates years), iPad models and the last iPadOS each runs, and Intel Macs
 * and the last macOS each runs. Dated data with sources; a district adds its own entries
 * (network gear's end-of-sale / end-of-support, prices it pays for extensions, its estimates)
 * through {@link supportEnds}'s `table`, and an entry there with the same id replaces one here.
 * Chromebooks are not here: each model's Auto Update Expiration is in the model data.
 *
 * @example
 * ```ts
 * SUPPORT_END_TABLE.find((e) => e.id === "windows-10")?.supportEnd; // => "2025-10-14"
 * SUPPORT_END_TABLE.find((e) => e.id === "ipad-7th-gen")?.lastSupportedOs; // => "iPadOS 18"
 * ```
 * @category Tables
 */
export const SUPPORT_END_TABLE: readonly SupportEndEntryInput[] = Object.freeze([
  {
    id: "windows-10",
    platform: "windows",
    product: "Windows 10 (22H2: Home, Pro, Education, Enterprise)",
    vendor: "Microsoft",
    models: [],
    supportEnd: "2025-10-14",
    extended: {
      name: "Windows 10 Extended Security Updates (ESU)",
      periods: [{ through: "2026-10-13" }, { through: "2027-10-12" }, { through: "2028-10-10" }],
      note: "yearly and cumulative (joining in year 2 pays year 1 too); enter the price per device you pay — Microsoft quoted education $1, $2, $4 and commercial $61, $122, $244 for years 1–3 (April 2024)",
    },
    source: "Microsoft Lifecycle (Windows 10 end of support 2025-10-14); Windows IT Pro Blog, 3 April 2024 (ESU, up to 3 years)",
    recordedOn: "2025-10-14",
  },
  {
    id: "ipad-5th-gen",
    platform: "ipados",
    product: "iPad (5th generation, 2017)",
    vendor: "Apple",
    models: ["iPad (5th generation)", "iPad 5th gen", "iPad 5"],
    lastSupportedOs: "iPadOS 16",
    featureUpdatesEnd: "2023-09-18",
    source: "Apple iPadOS 17 compatibility (iPadOS 17 released 2023-09-18)",
    recordedOn: "2023-09-18",
  },
  {
    id: "ipad-6th-gen",
    platform: "ipados",
    product: "iPad (6th generation, 2018)",
    vendor: "Apple",
    models: ["iPad (6th generation)", "iPad 6th gen", "iPad 6"],
    lastSupportedOs: "iPadOS 17",
    featureUpdatesEnd: "2024-09-16",
    source: "Apple iPadOS 18 compatibility (iPadOS 18 released 2024-09-16)",
    recordedOn: "2024-09-16",
  },
  {
    id: "ipad-7th-gen",
    platform: "ipados",
    product: "iPad (7th generation, 2019)",
    vendor: "Apple",
    models: ["iPad (7th generation)", "iPad 7th gen", "iPad 7"],
    lastSupportedOs: "iPadOS 18",
    featureUpdatesEnd: "2025-09-15",
    source: "Apple iPadOS 26 compatibility, WWDC 2025 (iPadOS 26 released 2025-09-15; A12 or later required)",
    recordedOn: "2025-09-15",
  },
  {
    id: "ipad-8th-gen-and-later",
    platform: "ipados",
    product: "iPad (8th, 9th, 10th generation and A16)",
    vendor: "Apple",
    models: [
      "iPad (8th generation)",
      "iPad 8th gen",
      "iPad 8",
      "iPad (9th generation)",
      "iPad 9th gen",
      "iPad 9",
      "iPad (10th generation)",
      "iPad 10th gen",
      "iPad 10",
      "iPad (A16)",
      "iPad 11th gen",
      "iPad (11th generation)",
    ],
    note: "runs iPadOS 26, the current release when recorded; Apple has not said which release will be the last",
    source: "Apple iPadOS 26 compatibility, WWDC 2025",
    recordedOn: "2025-09-15",
  },
  {
    id: "mac-intel-macbook-air",
    platform: "macos",
    product: "MacBook Air (Intel, 2018–2020) and other Intel Macs that stop at macOS 15",
    vendor: "Apple",
    models: ["MacBook Air (Intel)", "MacBook Air 2020 Intel", "MacBook Air (Retina, 13-inch, 2020)", "MacBook Air (Retina, 13-inch, 2019)", "MacBook Air (Retina, 13-inch, 2018)"],
    lastSupportedOs: "macOS 15 Sequoia",
    featureUpdatesEnd: "2025-09-15",
    supportEnd: "2027-09-30",
    estimated: true,
    note: "Apple announces no end of security updates; the end of September 2027 is the trade press's reading of Apple's practice (about two more years of security updates)",
    source: "Apple macOS Tahoe compatibility (WWDC 2025); Ars Technica, June 2025 (security updates likely until autumn 2027 — an estimate)",
    recordedOn: "2025-09-15",
  },
  {
    id: "mac-intel-last-tahoe",
    platform: "macos",
    product: "Intel Macs on macOS 26 Tahoe (MacBook Pro 16-inch 2019, MacBook Pro 13-inch 2020 four-port, iMac 2020)",
    vendor: "Apple",
    models: ["MacBook Pro (16-inch, 2019)", "MacBook Pro (13-inch, 2020, Four Thunderbolt 3 ports)", "iMac (Retina 5K, 27-inch, 2020)", "iMac (Retina 4K, 21.5-inch, 2020)"],
    lastSupportedOs: "macOS 26 Tahoe",
    note: "Apple said at WWDC 2025 that macOS 26 is the last release for Intel Macs; the date its successor ships (autumn 2026) and the end of security updates are not published",
    source: "Apple, WWDC 2025 Platforms State of the Union (macOS 26 the last Intel release)",
    recordedOn: "2025-09-15",
  },
]);

/**
 * A template for the district's own network gear: one entry per model, with the vendor's
 * end-of-sale and end-of-support (last day of support) dates from its end-of-life notice, and
 * where the dates came from. Copy it, fill it in, pass it to {@link supportEnds} as `table`
 * (or read a spreadsheet of such rows with `@districtkit/io`'s `readSupportEndTable`).
 *
 * @example
 * ```ts
 * NETWORK_GEAR_SUPPORT_TEMPLATE.platform; // => "network"
 * ```
 * @category Tables
 */
export const NETWORK_GEAR_SUPPORT_TEMPLATE: SupportEndEntryInput = Object.freeze({
  id: "vendor-model-eol",
  platform: "network",
  product: "Vendor Model (e.g. a 48-port PoE access switch)",
  vendor: "Vendor",
  models: ["your model id, as in your device models"],
  endOfSale: "2026-01-31",
  supportEnd: "2031-01-31",
  source: "the vendor's end-of-life notice (URL and date)",
  recordedOn: "2026-07-01",
});
