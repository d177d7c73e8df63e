import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  blocksAccepting,
  childBlockId,
  keepalivedAccepts,
  keepalivedBlock,
  keepalivedDocUrl,
  keepalivedKeyword,
  keepalivedKeywordsIn,
  keepalivedSchema,
} from "../../server/src/facts/keepalived.js";
import { keepalivedCommandWords, keepalivedEntries, readValueLine } from "../../server/src/facts/keepalived-entries.js";
import { availabilityAt } from "../../server/src/facts/versions.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("generated keepalived facts", () => {
  it("are what the generator writes from the references (nobody edited them by hand)", async () => {
    const out = mkdtempSync(join(tmpdir(), "lblint-kafacts-"));
    try {
      // a plain ES module without declarations: imported by URL
      const generator = pathToFileURL(join(root, "scripts/gen-schema/keepalived.mjs")).href;
      const { generate } = (await import(generator)) as {
        generate: (o: { referenceDir: string; outDir: string }) => Promise<{ report: string[] }>;
      };
      const { report } = await generate({ referenceDir: resolve(root, "../shared/reference"), outDir: out });
      expect(report.filter((l) => l.startsWith("WARNING"))).toEqual([]);
      const fresh = readFileSync(join(out, "keepalived.ts"), "utf8");
      const committed = readFileSync(join(root, "server/src/facts/generated/keepalived.ts"), "utf8");
      expect(fresh === committed, "server/src/facts/generated/keepalived.ts is stale: run `npm run gen:schema`").toBe(true);
      expect(committed.split("\n")[0]).toMatch(/^\/\/ GENERATED .*npm run gen:schema/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("has every block a keyword opens, and every block is opened by a keyword", () => {
    const { blocks } = keepalivedSchema();
    const opened = new Set<string>();
    for (const [id, block] of Object.entries(blocks)) {
      expect(block.id).toBe(id);
      for (const kw of Object.values(block.keywords)) {
        if (kw.block === undefined) continue;
        expect(blocks[kw.block], `${id} ${kw.name} → ${kw.block}`).toBeDefined();
        opened.add(kw.block);
      }
    }
    expect(Object.keys(blocks).filter((id) => id !== "top" && !opened.has(id))).toEqual([]);
    for (const id of ["top", "global_defs", "vrrp_instance", "vrrp_instance>authentication", "vrrp_sync_group", "vrrp_script",
      "vrrp_track_process", "vrrp_track_file", "track_file", "garp_group", "bfd_instance", "virtual_server_group", "virtual_server",
      "virtual_server>real_server", "virtual_server>real_server>TCP_CHECK", "virtual_server>real_server>HTTP_GET",
      "virtual_server>real_server>SSL_GET", "virtual_server>real_server>SMTP_CHECK", "virtual_server>real_server>SMTP_CHECK>host",
      "virtual_server>real_server>DNS_CHECK", "virtual_server>real_server>MISC_CHECK", "virtual_server>real_server>UDP_CHECK",
      "virtual_server>real_server>PING_CHECK", "virtual_server>real_server>FILE_CHECK", "virtual_server>real_server>BFD_CHECK",
      "virtual_server>real_server>HTTP_GET>url", "vrrp_instance>virtual_ipaddress", "vrrp_instance>unicast_peer",
      "vrrp_instance>track_script", "global_defs>notification_email", "vrrp_sync_group>group", "static_ipaddress", "SSL"]) {
      expect(keepalivedBlock(id), id).toBeDefined();
    }
  });

  it("gives every keyword a documentation chapter and sane argument counts", () => {
    for (const block of Object.values(keepalivedSchema().blocks)) {
      for (const kw of Object.values(block.keywords)) {
        expect(kw.doc?.chapter, `${block.id} ${kw.name}`).toBeTruthy();
        if (kw.args) expect(kw.args.max === -1 || kw.args.max >= kw.args.min, `${block.id} ${kw.name}`).toBe(true);
      }
    }
  });
});

describe("keepalived lookups", () => {
  it("priority in vrrp_instance is one integer 1..255", () => {
    const priority = keepalivedKeyword("vrrp_instance", "priority");
    expect(priority?.args).toEqual({ min: 1, max: 1, shapes: ["int:1..255"] });
    expect(keepalivedKeyword("vrrp_instance", "virtual_router_id")?.args?.shapes).toEqual(["int:1..255"]);
    expect(keepalivedKeyword("vrrp_instance", "state")?.args?.shapes).toEqual(["enum:MASTER|BACKUP"]);
    expect(priority?.doc).toEqual({ chapter: "VRRP instance(s)", anchor: "priority" });
  });

  it("follows the blocks: authentication, real_server, checkers, url, SMTP host", () => {
    expect(childBlockId("vrrp_instance", "authentication")).toBe("vrrp_instance>authentication");
    expect(childBlockId("virtual_server", "real_server")).toBe("virtual_server>real_server");
    expect(childBlockId("top", "vrrp_instance")).toBe("vrrp_instance");
    expect(childBlockId("virtual_server>real_server", "HTTP_GET")).toBe("virtual_server>real_server>HTTP_GET");
    expect(childBlockId("virtual_server>real_server>HTTP_GET", "url")).toBe("virtual_server>real_server>HTTP_GET>url");
    expect(childBlockId("virtual_server>real_server>SMTP_CHECK", "host")).toBe("virtual_server>real_server>SMTP_CHECK>host");
    expect(childBlockId("vrrp_instance", "priority")).toBeUndefined();
    expect(childBlockId("vrrp_instance", "no_such_keyword")).toBeUndefined();
    expect(keepalivedKeyword("vrrp_instance>authentication", "auth_type")?.args?.shapes).toEqual(["enum:PASS|AH"]);
    expect(keepalivedKeyword("virtual_server>real_server>HTTP_GET>url", "status_code")).toBeDefined();
    // the shared checker keywords: MISC_CHECK has no connection ones, FILE_CHECK none at all
    expect(keepalivedKeyword("virtual_server>real_server>TCP_CHECK", "connect_port")).toBeDefined();
    expect(keepalivedKeyword("virtual_server>real_server>MISC_CHECK", "connect_port")).toBeUndefined();
    expect(keepalivedKeyword("virtual_server>real_server>MISC_CHECK", "delay_before_retry")).toBeDefined();
    expect(keepalivedKeyword("virtual_server>real_server>FILE_CHECK", "retry")).toBeUndefined();
    // no prototype keys
    expect(keepalivedKeyword("vrrp_instance", "constructor")).toBeUndefined();
    expect(keepalivedBlock("toString")).toBeUndefined();
  });

  it("knows where a misplaced keyword belongs", () => {
    expect(blocksAccepting("priority")).toEqual(["vrrp_instance"]);
    expect(blocksAccepting("auth_type")).toEqual(["vrrp_instance>authentication"]);
    expect(blocksAccepting("nb_get_retry")).toEqual(["virtual_server>real_server>HTTP_GET", "virtual_server>real_server>SSL_GET"]);
    expect(blocksAccepting("lvs_id")).toEqual([]);
    expect(blocksAccepting("include")).toContain("vrrp_instance");
  });

  it("describes value blocks by their entries", () => {
    const vip = keepalivedBlock("vrrp_instance>virtual_ipaddress");
    expect(vip?.entries?.first).toBe("cidr");
    expect(vip?.entries?.options).toMatchObject({ dev: 1, brd: 1, scope: 1, label: 1, peer: 1, home: 0, "-nodad": 0, noprefixroute: 0 });
    expect(keepalivedBlock("vrrp_instance>track_script")?.entries?.options).toEqual({ weight: 1, reverse: 0, noreverse: 0 });
    expect(keepalivedBlock("vrrp_instance>unicast_peer")?.entries).toEqual({ first: "cidr", options: { min_ttl: 1, max_ttl: 1 } });
    expect(keepalivedBlock("global_defs>notification_email")?.entries?.single).toBe(true);
    expect(keepalivedBlock("vrrp_sync_group>group")?.entries).toMatchObject({ first: "ref:vrrp_instance", single: true });
    expect(childBlockId("vrrp_instance", "virtual_ipaddress")).toBe("vrrp_instance>virtual_ipaddress");
  });

  it("reads value lines as keepalived does", () => {
    // two addresses on one line: the second is taken as an option and dropped
    expect(readValueLine("vrrp_instance>virtual_ipaddress", ["10.0.0.1/24", "10.0.0.2/24"])?.problems).toEqual([{ index: 1, kind: "unknown-option" }]);
    expect(readValueLine("vrrp_instance>virtual_ipaddress", ["10.0.0.1/24", "dev", "eth0", "label", "eth0:1"])?.problems).toEqual([]);
    expect(readValueLine("vrrp_instance>virtual_ipaddress", ["10.0.0.1/24", "dev"])?.problems).toEqual([{ index: 2, kind: "missing-value" }]);
    expect(readValueLine("vrrp_instance>track_script", ["chk_a", "chk_b"])?.problems).toEqual([{ index: 1, kind: "unknown-option" }]);
    expect(readValueLine("vrrp_instance>track_script", ["chk", "weight", "-20", "reverse"])?.problems).toEqual([]);
    // a word list: every word is an entry
    expect(readValueLine("vrrp_sync_group>group", ["VI_1", "VI_2"])?.entries.length).toBe(2);
    expect(readValueLine("virtual_server_group", ["10.0.0.1", "80"])?.problems).toEqual([]);
    expect(readValueLine("virtual_server_group", ["fwmark", "7", "inet6"])?.problems).toEqual([]);
    expect(readValueLine("virtual_server_group", ["10.0.0.1", "80", "10.0.0.2", "80"])?.problems.length).toBe(2);
    expect(readValueLine("interface_up_down_delays", ["eth0", "1.5"])?.problems).toEqual([]);
    expect(readValueLine("vrrp_instance>virtual_routes", ["blackhole", "10.1.0.0/16"])?.problems).toEqual([]);
    expect(readValueLine("vrrp_instance", ["priority", "100"])).toBeUndefined();
    expect(keepalivedEntries("static_routes")?.freeForm).toBe(true);
  });

  it("counts a command's words as keepalived's script reader does", () => {
    expect(keepalivedCommandWords(["'killall", "-0", "haproxy'"])).toEqual(["'killall -0 haproxy'"]);
    expect(keepalivedCommandWords(['"/bin/check a"', "root"])).toEqual(['"/bin/check a"', "root"]);
    expect(keepalivedCommandWords(["/bin/echo", "a", "b"])).toHaveLength(3);
  });

  it("knows nb_get_retry is deprecated for retry, and the keywords keepalived 1.x had", () => {
    const nb = keepalivedKeyword("virtual_server>real_server>HTTP_GET", "nb_get_retry");
    expect(nb?.availability).toEqual({ deprecated: "2.2", replacement: "retry" });
    expect(availabilityAt(nb?.availability, "2.2")).toBe("deprecated");
    expect(keepalivedAccepts("virtual_server>real_server>HTTP_GET", "nb_get_retry", "2.2")).toBe(true);
    expect(keepalivedKeyword("virtual_server>real_server>TCP_CHECK", "nb_get_retry")).toBeUndefined();
    expect(keepalivedKeyword("global_defs", "lvs_id")?.availability).toEqual({ removed: "2.2", replacement: "router_id" });
    expect(keepalivedAccepts("global_defs", "lvs_id", "2.4")).toBe(false);
    expect(keepalivedKeyword("vrrp_instance", "lvs_sync_daemon_interface")?.availability?.replacement).toBe("lvs_sync_daemon");
    expect(keepalivedKeyword("virtual_server", "lb_kind")?.availability).toEqual({ replacement: "lvs_method" });
    expect(keepalivedAccepts("virtual_server", "lb_kind", "2.2")).toBe(true);
  });

  it("keeps HEAD-only keywords out of 2.2", () => {
    const hmac = keepalivedKeyword("vrrp_instance", "auth_hmac");
    expect(hmac?.availability?.since).toBe("2.4");
    expect(keepalivedAccepts("vrrp_instance", "auth_hmac", "2.2")).toBe(false);
    expect(keepalivedAccepts("vrrp_instance", "auth_hmac", "2.4")).toBe(true);
    const names = (v: "2.2" | "2.4") => keepalivedKeywordsIn("vrrp_instance", v).map((k) => k.name);
    expect(names("2.2")).not.toContain("auth_hmac");
    expect(names("2.4")).toContain("auth_hmac");
    expect(names("2.2")).toContain("priority");
    expect(names("2.2")).toEqual([...names("2.2")].sort());
    expect(keepalivedKeywordsIn("global_defs", "2.2").map((k) => k.name)).not.toContain("lvs_id");
  });

  it("accepts flags the way keepalived does", () => {
    // keepalived ignores a word after nopreempt; real configurations write `nopreempt 1`
    expect(keepalivedKeyword("vrrp_instance", "nopreempt")?.args).toEqual({ min: 0, max: 1 });
    // a lone <BOOL> means yes
    expect(keepalivedKeyword("vrrp_instance", "smtp_alert")?.args).toEqual({ min: 0, max: 1, shapes: ["bool"] });
    // script: one command, quoted when it has parameters
    expect(keepalivedKeyword("vrrp_script", "script")?.args).toEqual({ min: 1, max: 1, shapes: ["command"] });
    expect(keepalivedKeyword("vrrp_instance", "notify_master")?.args).toEqual({ min: 1, max: 3, shapes: ["command"] });
    expect(keepalivedKeyword("vrrp_instance", "virtual_ipaddress")?.args).toEqual({ min: 0, max: 0 });
  });

  it("links to the man page of the version", () => {
    const priority = keepalivedKeyword("vrrp_instance", "priority")!;
    expect(keepalivedDocUrl(priority, "2.2")).toBe("https://github.com/acassen/keepalived/blob/v2.2.7/doc/man/man5/keepalived.conf.5.in");
    expect(keepalivedDocUrl(priority, "2.4")).toBe("https://www.keepalived.org/manpage.html#:~:text=priority");
  });
});
