// Go to definition, find references, highlights and rename across a configuration's files.
import { describe, expect, it } from "vitest";
import { definition, highlights, references } from "../../server/src/service/definition.js";
import { prepareRename, rename, RenameError } from "../../server/src/service/rename.js";
import { haproxy, keepalived } from "./harness.js";

const HAPROXY = `defaults
    mode http

frontend www
    bind :80
    acl is_api path_beg /api
    use_backend api if is_api
    default_backend web

backend api
    server a1 10.0.0.1:80 check
    server a2 10.0.0.2:80 check track api/a1

backend web
    server w1 10.0.0.3:80
    use-server w1 if { src 10.0.0.0/8 }
`;

function mark(text: string, needle: string, nth = 0, shift = 1): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return text.slice(0, at + shift) + "<|>" + text.slice(at + shift);
}

describe("definition and references", () => {
  it("goes from use_backend to the backend and back", async () => {
    const opened = await haproxy(mark(HAPROXY, "use_backend api", 0, "use_backend a".length));
    expect(definition(opened.project, opened.uri, opened.offset)).toEqual([{ uri: opened.uri, range: { start: { line: 9, character: 8 }, end: { line: 9, character: 11 } } }]);
    const refs = references(opened.project, opened.uri, opened.offset, true).map((l) => `${l.range.start.line}:${l.range.start.character}`);
    // the definition, use_backend, and `track api/a1`
    expect(refs).toEqual(["9:8", "6:16", "11:38"]);
  });

  it("finds servers by their backend, and ACLs within their section", async () => {
    const server = await haproxy(mark(HAPROXY, "api/a1", 0, 5));
    expect(definition(server.project, server.uri, server.offset)[0]!.range.start).toEqual({ line: 10, character: 11 });
    const acl = await haproxy(mark(HAPROXY, "if is_api", 0, 4));
    expect(definition(acl.project, acl.uri, acl.offset)[0]!.range.start).toEqual({ line: 5, character: 8 });
    expect(highlights(acl.project, acl.uri, acl.offset).map((h) => h.kind)).toEqual([3, 2]);
  });

  it("goes from a track_script entry to the vrrp_script in an included file", async () => {
    const opened = await keepalived(`include scripts.conf\nvrrp_instance VI_1 {\n    track_script {\n        ch<|>k\n    }\n}\n`, {
      files: { "file:///etc/keepalived/scripts.conf": 'vrrp_script chk {\n    script "/bin/true"\n}\n' },
    });
    expect(definition(opened.project, opened.uri, opened.offset)).toEqual([
      { uri: "file:///etc/keepalived/scripts.conf", range: { start: { line: 0, character: 12 }, end: { line: 0, character: 15 } } },
    ]);
  });

  it("goes from an include to the files it reads", async () => {
    const opened = await keepalived(`include conf.d/<|>*.conf\n`, { files: { "file:///etc/keepalived/conf.d/a.conf": "", "file:///etc/keepalived/conf.d/b.conf": "" } });
    expect(definition(opened.project, opened.uri, opened.offset).map((l) => l.uri)).toEqual(["file:///etc/keepalived/conf.d/a.conf", "file:///etc/keepalived/conf.d/b.conf"]);
  });
});

describe("rename", () => {
  it("renames a backend and every reference, keeping the server part of track", async () => {
    const opened = await haproxy(mark(HAPROXY, "\nbackend api", 0, 10));
    expect(prepareRename(opened.project, opened.uri, opened.offset)).toEqual({ range: { start: { line: 9, character: 8 }, end: { line: 9, character: 11 } }, placeholder: "api" });
    const edit = rename(opened.project, opened.uri, opened.offset, "be_api");
    expect(edit.changes![opened.uri]!.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}=${e.newText}`)).toEqual([
      "9:8-11=be_api",
      "6:16-19=be_api",
      "11:38-41=be_api",
    ]);
  });

  it("refuses names the daemon would reject, names already taken and predefined ACLs", async () => {
    const opened = await haproxy(mark(HAPROXY, "\nbackend api", 0, 10));
    expect(() => rename(opened.project, opened.uri, opened.offset, "has space")).toThrow(RenameError);
    expect(() => rename(opened.project, opened.uri, opened.offset, "web")).toThrow(/already taken/);
    const predefined = await haproxy(`frontend f\n    http-request deny if TR<|>UE\n`);
    expect(() => prepareRename(predefined.project, predefined.uri, predefined.offset)).toThrow(/defines itself/);
  });

  it("renames a vrrp_script across an include and a $VAR with its uses", async () => {
    const opened = await keepalived(`include scripts.conf\nvrrp_instance VI_1 {\n    track_script {\n        ch<|>k\n    }\n}\n`, {
      files: { "file:///etc/keepalived/scripts.conf": 'vrrp_script chk {\n    script "/bin/true"\n}\n' },
    });
    const edit = rename(opened.project, opened.uri, opened.offset, "chk_haproxy");
    expect(Object.keys(edit.changes!).sort()).toEqual(["file:///etc/keepalived/keepalived.conf", "file:///etc/keepalived/scripts.conf"]);
    const variable = await keepalived(`$IF<|>ACE=eth0\nvrrp_instance VI_1 {\n    interface $IFACE\n    unicast_src_ip \${IFACE}\n}\n`);
    const changes = rename(variable.project, variable.uri, variable.offset, "NIC").changes![variable.uri]!;
    expect(changes.map((c) => `${c.range.start.line}:${c.range.start.character}`)).toEqual(["0:1", "2:15", "3:21"]);
  });

  it("renames a vrrp_instance where lvs_sync_daemon names it", async () => {
    const opened = await keepalived(`global_defs {\n    lvs_sync_daemon eth0 VI_1 id 5\n}\nvrrp_instance V<|>I_1 {\n    interface eth0\n}\n`);
    const changes = rename(opened.project, opened.uri, opened.offset, "VI_WEB").changes![opened.uri]!;
    expect(changes.map((c) => `${c.range.start.line}:${c.range.start.character}`).sort()).toEqual(["1:25", "3:14"]);
  });

  it("goes from a sync group member to the alternative @id header that names it", async () => {
    const text = `vrrp_sync_group G {\n    group {\n        A\n        <|>B\n    }\n}\n@lb1 vrrp_instance A {\n@lb2 vrrp_instance B {\n    interface eth0\n}\n`;
    const opened = await keepalived(text);
    expect(definition(opened.project, opened.uri, opened.offset)).toEqual([{ uri: opened.uri, range: { start: { line: 7, character: 19 }, end: { line: 7, character: 20 } } }]);
    const changes = rename(opened.project, opened.uri, opened.offset, "VI_B").changes![opened.uri]!;
    expect(changes.map((c) => `${c.range.start.line}:${c.range.start.character}`).sort()).toEqual(["3:8", "7:19"]);
  });
});
