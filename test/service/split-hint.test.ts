// A haproxy configuration split over conf.d/, opened one file at a time: the undefined names a
// sibling file defines point at their definitions, and a quick fix adds the set to haproxyConfigs.
import { describe, expect, it } from "vitest";
import type { CodeAction, CreateFile, TextDocumentEdit, TextEdit } from "vscode-languageserver-types";
import { codeActions } from "../../server/src/service/actions.js";
import { LanguageService } from "../../server/src/service/language-service.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";

const DIR = "file:///etc/haproxy";
const DEFAULTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const FRONTEND = "frontend www\n    bind :8080\n    use_backend api if { path_beg /api }\n    default_backend app\n";
const BACKENDS = "backend app\n    server a 10.0.0.1:80\nbackend api\n    server b 10.0.0.2:80\n";

async function opened(files: Record<string, string>, uri: string) {
  const disk = new MemoryFileSystem(files);
  const service = new LanguageService(disk);
  service.open(uri, "haproxy", files[uri]!, 1);
  return { disk, service };
}

async function undefinedBackends(service: LanguageService, uri: string) {
  const { problems, split } = await service.problems(uri);
  return { found: (problems.get(uri) ?? []).filter((p) => p.ruleId === "HA010"), split };
}

describe("a haproxy file of a split configuration, opened alone", () => {
  const files = { [`${DIR}/conf.d/00-defaults.cfg`]: DEFAULTS, [`${DIR}/conf.d/10-frontend.cfg`]: FRONTEND, [`${DIR}/conf.d/20-backends.cfg`]: BACKENDS };
  const frontend = `${DIR}/conf.d/10-frontend.cfg`;

  it("keeps its undefined-backend errors, each pointing at the definition in the sibling file", async () => {
    const { service } = await opened(files, frontend);
    const { found, split } = await undefinedBackends(service, frontend);
    expect(found.map((p) => p.severity)).toEqual(["error", "error"]);
    expect(found.map((p) => p.related)).toEqual([
      [{ uri: `${DIR}/conf.d/20-backends.cfg`, range: expect.objectContaining({ start: expect.objectContaining({ line: 2, column: 8 }), end: expect.objectContaining({ line: 2, column: 11 }) }), message: "backend 'api' is defined in conf.d/20-backends.cfg, read with this file when haproxy is started with 'haproxy -f conf.d/'" }],
      [{ uri: `${DIR}/conf.d/20-backends.cfg`, range: expect.objectContaining({ start: expect.objectContaining({ line: 0, column: 8 }), end: expect.objectContaining({ line: 0, column: 11 }) }), message: "backend 'app' is defined in conf.d/20-backends.cfg, read with this file when haproxy is started with 'haproxy -f conf.d/'" }],
    ]);
    expect([...split!]).toEqual(found);
  });

  it("offers to create lblint.config.json with the set, after which the errors are gone", async () => {
    const { disk, service } = await opened(files, frontend);
    const action = (await service.splitAction(frontend, true))!;
    expect(action.title).toBe("Read conf.d/ as one haproxy configuration (a new lblint.config.json with haproxyConfigs)");
    const [create, write] = action.edit.documentChanges as [CreateFile, TextDocumentEdit];
    expect(create).toEqual({ kind: "create", uri: `${DIR}/lblint.config.json`, options: { ignoreIfExists: false } });
    const text = (write.edits[0] as TextEdit).newText;
    expect(JSON.parse(text)).toEqual({ haproxyConfigs: [["conf.d"]] });
    // Without the client's support for creating files there is nothing to offer.
    expect(await service.splitAction(frontend, false)).toBeUndefined();

    // An editor creates the file empty and writes its text on save: meanwhile nothing is wrong with it.
    disk.set(`${DIR}/lblint.config.json`, "");
    service.filesChanged([`${DIR}/lblint.config.json`]);
    expect((await undefinedBackends(service, frontend)).found).toHaveLength(2);
    expect([...service.configErrors.values()]).toEqual([]);
    disk.set(`${DIR}/lblint.config.json`, text);
    service.filesChanged([`${DIR}/lblint.config.json`]);
    expect((await undefinedBackends(service, frontend)).found).toEqual([]);
  });

  it("adds the set to the lblint.config.json that applies, keeping its settings", async () => {
    const config = `${DIR}/lblint.config.json`;
    const { disk, service } = await opened({ ...files, [config]: '{\n    "haproxyVersion": "2.6",\n    "haproxyConfigs": [["/srv/other.cfg", "/srv/more.cfg"]]\n}\n' }, frontend);
    const action = (await service.splitAction(frontend, false))!;
    expect(action.title).toBe("Read conf.d/ as one haproxy configuration (haproxyConfigs in lblint.config.json)");
    const [edit] = action.edit.changes![config]!;
    expect(edit!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 4, character: 0 } });
    expect(edit!.newText).toBe('{\n    "haproxyVersion": "2.6",\n    "haproxyConfigs": [\n        [\n            "/srv/other.cfg",\n            "/srv/more.cfg"\n        ],\n        [\n            "conf.d"\n        ]\n    ]\n}\n');
    disk.set(config, edit!.newText);
    service.filesChanged([config]);
    expect((await undefinedBackends(service, frontend)).found).toEqual([]);
  });

  it("is offered as a quick fix on the findings it explains", async () => {
    const { service } = await opened(files, frontend);
    const { project, problems, split } = await service.problems(frontend);
    const action = await service.splitAction(frontend, true);
    const document = service.document(frontend)!;
    const titles = (line: number) =>
      codeActions({ project, uri: frontend, problems: problems.get(frontend)!, startLine: line, endLine: line, positionOf: (_uri, offset) => document.positionAt(offset), split: { problems: split!, action } }).map(
        (found: CodeAction) => `${found.title}${found.isPreferred ? " (preferred)" : ""}`,
      );
    expect(titles(3)).toContain("Read conf.d/ as one haproxy configuration (a new lblint.config.json with haproxyConfigs) (preferred)");
    expect(titles(1).some((title) => title.startsWith("Read "))).toBe(false);
  });
});

describe("a haproxy.cfg with a conf.d/ beside it", () => {
  it("points at a backend conf.d/ defines, and the set is haproxy.cfg then conf.d/", async () => {
    const main = `${DIR}/haproxy.cfg`;
    const { service } = await opened({ [main]: `${DEFAULTS}frontend www\n    bind :8080\n    default_backend app\n`, [`${DIR}/conf.d/app.cfg`]: "backend app\n    server a 10.0.0.1:80\n" }, main);
    const { found } = await undefinedBackends(service, main);
    expect(found[0]!.related?.map((related) => related.message)).toEqual(["backend 'app' is defined in conf.d/app.cfg, read with this file when haproxy is started with 'haproxy -f haproxy.cfg -f conf.d/'"]);
    const action = (await service.splitAction(main, true))!;
    expect(action.title).toBe("Read haproxy.cfg + conf.d/ as one haproxy configuration (a new lblint.config.json with haproxyConfigs)");
    expect(JSON.parse(((action.edit.documentChanges![1] as TextDocumentEdit).edits[0] as TextEdit).newText)).toEqual({ haproxyConfigs: [["haproxy.cfg", "conf.d"]] });
  });

  it("says nothing when no nearby file defines the missing name", async () => {
    const main = `${DIR}/haproxy.cfg`;
    const { service } = await opened({ [main]: `${DEFAULTS}frontend www\n    bind :8080\n    default_backend missing\n`, [`${DIR}/conf.d/app.cfg`]: "backend app\n    server a 10.0.0.1:80\n" }, main);
    const { found, split } = await undefinedBackends(service, main);
    expect(found).toHaveLength(1);
    expect(found[0]!.related).toBeUndefined();
    expect(split).toBeUndefined();
    expect(await service.splitAction(main, true)).toBeUndefined();
  });
});
