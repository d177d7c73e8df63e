// lblint.site.json, the description of a site whose files are not laid out as machines' roots: its
// shape, checked in full when it is read (a list written as a string, a key misspelt or an address
// that is not one would otherwise be skipped without a word, and the site read wrongly), and the
// same shape as a JSON Schema for editors (dist/lblint.site.schema.json).
import { keyPosition } from "../workspace/json-position.js";
import { parseAddress } from "../rules/keepalived/ip.js";
import { suggest } from "../lint/suggest.js";

/** What lblint.site.json holds: the site's hosts by name, and its network segments. */
export interface SiteConfigFile {
  readonly hosts?: Readonly<Record<string, SiteHostEntry>>;
  readonly segments?: readonly SiteSegmentEntry[];
}

/** A host of lblint.site.json: a directory mirroring its root, or its files, its config id and addresses. */
export interface SiteHostEntry {
  readonly root?: string;
  readonly files?: readonly string[];
  readonly configId?: string;
  readonly addresses?: readonly string[];
}

/** A network segment of lblint.site.json: its name, the hosts on it and its networks. */
export interface SiteSegmentEntry {
  readonly name: string;
  readonly hosts?: readonly string[];
  readonly networks?: readonly string[];
}

/** A problem in lblint.site.json, naming the file. */
export class SiteConfigError extends Error {
  override name = "SiteConfigError";
}

const TOP_KEYS = ["$schema", "hosts", "segments"];
const HOST_KEYS = ["root", "files", "configId", "addresses"];
const SEGMENT_KEYS = ["name", "hosts", "networks"];

/** Checks a parsed lblint.site.json (`text` for positions) and returns it typed; throws SiteConfigError. */
export function checkSiteConfig(parsed: unknown, text: string, uri: string): SiteConfigFile {
  const fail = (detail: string, key?: string): never => {
    const at = key === undefined ? undefined : keyPosition(text, key);
    throw new SiteConfigError(`${uri}${at ? `:${at.line}:${at.column}` : ""}: ${detail}`);
  };
  if (!isObject(parsed)) return fail("the site file must be a JSON object");
  knownKeys(parsed, TOP_KEYS, "", fail);
  if (parsed.hosts !== undefined) {
    if (!isObject(parsed.hosts)) fail("'hosts' must be an object of host name → { root, files, configId, addresses }", "hosts");
    for (const [name, entry] of Object.entries(parsed.hosts as Record<string, unknown>)) {
      const where = `host '${name}'`;
      if (!isObject(entry)) fail(`${where} must be an object with root, files, configId or addresses`, name);
      knownKeys(entry as Record<string, unknown>, HOST_KEYS, `${where}: `, fail);
      const host = entry as Record<string, unknown>;
      if (host.root !== undefined && typeof host.root !== "string") fail(`${where}: 'root' must be a path`, name);
      if (host.configId !== undefined && typeof host.configId !== "string") fail(`${where}: 'configId' must be a string`, name);
      stringList(host.files, `${where}: 'files'`, name, fail);
      addressList(host.addresses, `${where}: 'addresses'`, name, fail);
    }
  }
  if (parsed.segments !== undefined) {
    if (!Array.isArray(parsed.segments)) fail("'segments' must be a list of { name, hosts, networks }", "segments");
    (parsed.segments as unknown[]).forEach((segment, index) => {
      const where = `segment ${index + 1}`;
      if (!isObject(segment)) return fail(`${where} must be an object with name, hosts and networks`, "segments");
      knownKeys(segment, SEGMENT_KEYS, `${where}: `, fail);
      if (typeof segment.name !== "string" || segment.name === "") fail(`${where} needs a 'name'`, "segments");
      stringList(segment.hosts, `segment '${segment.name}': 'hosts'`, "segments", fail);
      addressList(segment.networks, `segment '${segment.name}': 'networks'`, "segments", fail);
    });
  }
  return parsed as SiteConfigFile;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function knownKeys(object: Record<string, unknown>, keys: readonly string[], where: string, fail: (detail: string, key?: string) => never): void {
  for (const key of Object.keys(object)) {
    if (keys.includes(key)) continue;
    const close = suggest(key, keys, 1)[0];
    fail(`${where}unknown key '${key}' (${close ? `did you mean '${close}'?` : `expected ${keys.filter((k) => k !== "$schema").join(", ")}`})`, key);
  }
}

function stringList(value: unknown, what: string, key: string, fail: (detail: string, key?: string) => never): void {
  if (value !== undefined && !(Array.isArray(value) && value.every((entry) => typeof entry === "string"))) fail(`${what} must be a list of strings (got ${JSON.stringify(value)})`, key);
}

function addressList(value: unknown, what: string, key: string, fail: (detail: string, key?: string) => never): void {
  stringList(value, what, key, fail);
  for (const entry of (value as string[] | undefined) ?? []) {
    const address = parseAddress(entry);
    const prefixOk = address !== undefined && (!address.hasPrefix || (address.prefix !== undefined && address.prefix <= (address.family === 4 ? 32 : 128)));
    if (!prefixOk) fail(`${what}: '${entry}' is not an IP address (ADDRESS or ADDRESS/PREFIX)`, key);
  }
}

/** The JSON Schema of lblint.site.json. */
export function siteSchema(): Record<string, unknown> {
  const strings = (description: string) => ({ type: "array", items: { type: "string" }, description });
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "lblint site description (lblint.site.json)",
    description: "Hosts and network segments of a site whose files are not laid out as machines' roots. See docs/site.md.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      hosts: {
        type: "object",
        description: "Host name → where its files are and what it is.",
        additionalProperties: {
          type: "object",
          additionalProperties: false,
          properties: {
            root: { type: "string", description: "A directory that mirrors the host's root (etc/keepalived, etc/haproxy, ...), relative to the site." },
            files: strings("The host's files (keepalived.conf, haproxy.cfg, sysctl, firewall, ...), relative to the site."),
            configId: { type: "string", description: "keepalived's config id on this host (for @id lines and ${_INSTANCE}); by default the host name up to its first dot." },
            addresses: strings("The host's addresses, ADDRESS/PREFIX."),
          },
        },
      },
      segments: {
        type: "array",
        description: "Network segments: which hosts share one, and its networks.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: { name: { type: "string", minLength: 1 }, hosts: strings("The hosts on the segment."), networks: strings("The segment's networks, ADDRESS/PREFIX.") },
        },
      },
    },
  };
}
