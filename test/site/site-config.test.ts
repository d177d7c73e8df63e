// lblint.site.json is checked in full when it is read, and its JSON Schema says the same.
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSiteConfig, siteSchema } from "../../server/src/site/site-config.js";

const validate = new Ajv({ strict: false }).compile(siteSchema());
const read = (config: unknown) => checkSiteConfig(config, JSON.stringify(config, null, 2), "file:///site/lblint.site.json");

const VALID: unknown[] = [
  {},
  { $schema: "x", hosts: {}, segments: [] },
  {
    hosts: {
      lb1: { files: ["roles/lb/files/lb1.conf", "roles/lb/files/haproxy.cfg"], configId: "lb1", addresses: ["192.168.1.11/24"] },
      lb2: { root: "hosts/lb2", addresses: ["2001:db8::2/64", "192.168.1.12"] },
    },
    segments: [{ name: "front", hosts: ["lb1", "lb2"], networks: ["192.168.1.0/24"] }, { name: "back" }],
  },
];

const INVALID: [unknown, string][] = [
  [[], "file:///site/lblint.site.json: the site file must be a JSON object"],
  [{ segmnts: [] }, "file:///site/lblint.site.json:2:3: unknown key 'segmnts' (did you mean 'segments'?)"],
  [{ hosts: [] }, "'hosts' must be an object of host name → { root, files, configId, addresses }"],
  [{ hosts: { lb1: { file: ["a.conf"] } } }, "host 'lb1': unknown key 'file' (did you mean 'files'?)"],
  [{ hosts: { lb1: { files: "a.conf" } } }, "host 'lb1': 'files' must be a list of strings (got \"a.conf\")"],
  [{ hosts: { lb1: { addresses: "10.0.0.1/24" } } }, "host 'lb1': 'addresses' must be a list of strings"],
  [{ hosts: { lb1: { addresses: ["10.0.0.300/24"] } } }, "host 'lb1': 'addresses': '10.0.0.300/24' is not an IP address"],
  [{ hosts: { lb1: { configId: 1 } } }, "host 'lb1': 'configId' must be a string"],
  [{ hosts: { lb1: "a.conf" } }, "host 'lb1' must be an object"],
  [{ segments: {} }, "'segments' must be a list of { name, hosts, networks }"],
  [{ segments: [{ hosts: ["lb1"] }] }, "segment 1 needs a 'name'"],
  [{ segments: [{ name: "front", network: [] }] }, "segment 1: unknown key 'network' (did you mean 'networks'?)"],
  [{ segments: [{ name: "front", networks: ["192.168.1.0/33x"] }] }, "segment 'front': 'networks': '192.168.1.0/33x' is not an IP address"],
];

describe("lblint.site.json", () => {
  it("reads a site file of every kind of entry", () => {
    for (const config of VALID) {
      expect(() => read(config)).not.toThrow();
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("refuses what would be read wrongly, with the file, the place and what is wrong; the schema refuses it too", () => {
    for (const [config, message] of INVALID) {
      expect(() => read(config), JSON.stringify(config)).toThrow(message);
      // The schema checks shapes, not what an address means.
      if (!message.includes("is not an IP address")) expect(validate(config), JSON.stringify(config)).toBe(false);
    }
  });

  it("is what the build writes to dist/", () => {
    const built = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "dist", "lblint.site.schema.json"), "utf8"));
    expect(built).toEqual(siteSchema());
  });
});
