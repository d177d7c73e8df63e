// What haproxy has only when it is built with an optional module: the device detection libraries
// (51Degrees, DeviceAtlas, WURFL, each needing a vendor's library), OpenSSL engines, and zlib (the
// packages compress with libslz instead, USE_SLZ; the sixteenth mutation round). Measured on
// the Debian packages of haproxy 2.6.12, 3.0.11 and 3.2.26: every global keyword below is "unknown
// keyword … in 'global' section", and the fetches and converters "unknown fetch method" / "unknown
// converter". Used by HA091 and by HA060, which leaves these names to it.

export interface BuildModule {
  /** What the module is, in a user's words. */
  readonly name: string;
  /** The make option that builds it in. */
  readonly flag: string;
}

const FIFTY_ONE: BuildModule = { name: "the 51Degrees device detection module", flag: "USE_51DEGREES=1" };
const DEVICE_ATLAS: BuildModule = { name: "the DeviceAtlas device detection module", flag: "USE_DEVICEATLAS=1" };
const WURFL: BuildModule = { name: "the WURFL device detection module", flag: "USE_WURFL=1" };
const ENGINE: BuildModule = { name: "OpenSSL engine support", flag: "USE_ENGINE=1" };
const ZLIB: BuildModule = { name: "zlib compression (the packages use libslz instead)", flag: "USE_ZLIB=1" };

/** Global keywords of optional modules. */
export const MODULE_KEYWORDS: ReadonlyMap<string, BuildModule> = new Map([
  ...["51degrees-data-file", "51degrees-property-name-list", "51degrees-property-separator", "51degrees-cache-size"].map((name) => [name, FIFTY_ONE] as const),
  ...["deviceatlas-json-file", "deviceatlas-log-level", "deviceatlas-separator", "deviceatlas-properties-cookie"].map((name) => [name, DEVICE_ATLAS] as const),
  ...["wurfl-data-file", "wurfl-information-list", "wurfl-information-list-separator", "wurfl-patch-file", "wurfl-cache-size"].map((name) => [name, WURFL] as const),
  ["ssl-engine", ENGINE],
  ["tune.zlib.memlevel", ZLIB],
  ["tune.zlib.windowsize", ZLIB],
]);

/** Sample fetches of optional modules. */
export const MODULE_FETCHES: ReadonlyMap<string, BuildModule> = new Map([
  ["51d.all", FIFTY_ONE],
  ["da-csv-fetch", DEVICE_ATLAS],
  ["wurfl-get-all", WURFL],
  ["wurfl-get", WURFL],
]);

/** Converters of optional modules. */
export const MODULE_CONVERTERS: ReadonlyMap<string, BuildModule> = new Map([
  ["51d.single", FIFTY_ONE],
  ["da-csv-conv", DEVICE_ATLAS],
]);
