// The workspace: a file that a keepalived.conf includes is checked as part of that configuration,
// even when it is opened on its own; an edit in it reaches the findings of the including file.
import { describe, expect, it } from "vitest";
import { LanguageService } from "../../server/src/service/language-service.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";

const ROOT = "file:///etc/keepalived/keepalived.conf";
const INCLUDED = "file:///etc/keepalived/conf.d/vi_1.conf";
const FILES = {
  [ROOT]: 'vrrp_script chk_haproxy {\n    script "/usr/bin/killall -0 haproxy"\n    interval 2\n    timeout 1\n}\ninclude conf.d/*.conf\n',
  [INCLUDED]: "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n    track_script {\n        chk_haproxy\n    }\n}\n",
};

describe("configurations across files", () => {
  it("checks an included file alone until its configuration is found, then as part of it", async () => {
    const service = new LanguageService(new MemoryFileSystem(FILES));
    service.open(INCLUDED, "keepalived", FILES[INCLUDED]!, 1);
    const alone = await service.problems(INCLUDED);
    expect(alone.problems.get(INCLUDED)!.map((p) => p.ruleId)).toContain("KA016");

    const changed = await service.discover(["file:///etc/keepalived/"]);
    expect(changed).toEqual([INCLUDED]);
    expect(service.rootOf(INCLUDED)).toBe(ROOT);
    const together = await service.problems(INCLUDED);
    expect(together.project.root).toBe(ROOT);
    expect(together.problems.get(INCLUDED)!.map((p) => p.ruleId)).not.toContain("KA016");
  });

  it("sees an unsaved edit of the included file from the including one", async () => {
    const service = new LanguageService(new MemoryFileSystem(FILES));
    service.open(ROOT, "keepalived", FILES[ROOT]!, 1);
    service.open(INCLUDED, "keepalived", FILES[INCLUDED]!, 1);
    await service.problems(ROOT);
    expect(service.rootOf(INCLUDED)).toBe(ROOT);
    // Stop tracking the script: the root's script is now unused.
    const line = 9;
    service.change(INCLUDED, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: "" }], 2);
    const { problems } = await service.problems(ROOT);
    expect(problems.get(ROOT)!.map((p) => p.code)).toContain("unused-script");
  });
});

describe("haproxy sets", () => {
  const MAIN = "file:///etc/haproxy/haproxy.cfg";
  const API = "file:///etc/haproxy/conf.d/api.cfg";
  const SET_FILES = {
    "file:///etc/haproxy/lblint.config.json": JSON.stringify({ haproxyConfigs: [["haproxy.cfg", "conf.d"]] }),
    [MAIN]: "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend www\n    bind :80\n    default_backend api\n",
    [API]: "backend api\n    server a 10.0.0.1:80\n",
  };

  it("reads the files of a haproxyConfigs set as one configuration", async () => {
    const service = new LanguageService(new MemoryFileSystem(SET_FILES));
    service.open(MAIN, "haproxy", SET_FILES[MAIN]!, 1);
    const { project, problems } = await service.problems(MAIN);
    expect([...project.loaded.files.keys()]).toEqual([MAIN, API]);
    expect(problems.get(MAIN)!.map((p) => p.ruleId)).not.toContain("HA010");
    const { definition } = await import("../../server/src/service/definition.js");
    const offset = SET_FILES[MAIN]!.indexOf("default_backend api") + "default_backend a".length;
    expect(definition(project, MAIN, offset).map((l) => l.uri)).toEqual([API]);

    // The other file of the set, opened, belongs to the same configuration.
    service.open(API, "haproxy", SET_FILES[API]!, 1);
    expect((await service.project(API)).root).toBe(MAIN);
  });

  it("reads the set as haproxy when only a later file of it is open", async () => {
    const service = new LanguageService(new MemoryFileSystem(SET_FILES));
    service.open(API, "haproxy", SET_FILES[API]!, 1);
    await service.problems(API);
    const { project, problems } = await service.problems(API);
    expect(project.root).toBe(MAIN);
    expect(project.format).toBe("haproxy");
    expect([...project.loaded.files.keys()]).toEqual([MAIN, API]);
    // The backend is used by the closed first file: not unused.
    expect(problems.get(API)!.map((p) => p.ruleId)).not.toContain("HA015");
  });
});

describe("includes of an open keepalived file", () => {
  it("reports a missing include on its line, also after an edit above it", async () => {
    const uri = "file:///etc/keepalived/keepalived.conf";
    const text = "global_defs {\n    router_id lb1\n}\ninclude conf.d/*.conf\n";
    const service = new LanguageService(new MemoryFileSystem({ [uri]: text }));
    service.open(uri, "keepalived", text, 1);
    const first = (await service.problems(uri)).problems.get(uri)!.find((p) => p.code === "include-missing");
    expect(first?.range.start).toMatchObject({ line: 3, column: 8 });
    service.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# a comment\n" }], 2);
    const second = (await service.problems(uri)).problems.get(uri)!.find((p) => p.code === "include-missing");
    expect(second?.range.start).toMatchObject({ line: 4, column: 8 });
  });
});

describe("overrides of lblint.config.json in the editor", () => {
  it("apply to the files they match", async () => {
    const text = "defaults\n    mode http\n    mxconn 10\n";
    const service = new LanguageService(
      new MemoryFileSystem({
        "file:///srv/lblint.config.json": JSON.stringify({ overrides: [{ files: "legacy/*.cfg", rules: { HA001: "off" } }] }),
        "file:///srv/haproxy.cfg": text,
        "file:///srv/legacy/haproxy.cfg": text,
      }),
    );
    const unknown = async (uri: string) => {
      service.open(uri, "haproxy", text, 1);
      return (await service.problems(uri)).problems.get(uri)!.filter((p) => p.ruleId === "HA001").length;
    };
    expect(await unknown("file:///srv/haproxy.cfg")).toBe(1);
    expect(await unknown("file:///srv/legacy/haproxy.cfg")).toBe(0);
  });
});
