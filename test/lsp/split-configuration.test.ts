// The real bundled server over stdio, with one file of a haproxy configuration split over conf.d/
// open: its undefined backends point at the sibling file that defines them, and the quick fix
// creates lblint.config.json with the set, after which the errors are gone.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { CodeAction, CreateFile, TextDocumentEdit } from "vscode-languageserver-protocol";
import { PUSH_CAPABILITIES, startClient, type TestClient } from "./client.js";

let client: TestClient | undefined;
afterEach(() => {
  client?.process.kill();
  client = undefined;
});

describe("the language server and a split haproxy configuration", () => {
  it("relates undefined backends to their definitions in conf.d/ and offers to read the directory as one configuration", async () => {
    const root = mkdtempSync(join(tmpdir(), "lblint-split-lsp-"));
    mkdirSync(join(root, "conf.d"));
    const frontend = "frontend www\n    bind :8080\n    default_backend app\n";
    writeFileSync(join(root, "conf.d", "00-defaults.cfg"), "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n");
    writeFileSync(join(root, "conf.d", "10-frontend.cfg"), frontend);
    writeFileSync(join(root, "conf.d", "20-backends.cfg"), "backend app\n    server a 10.0.0.1:80\n");
    const uri = pathToFileURL(join(root, "conf.d", "10-frontend.cfg")).href;

    client = await startClient({ ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ["create"] } } });
    client.open(uri, "haproxy", frontend);
    const published = await client.diagnostics(uri);
    const missing = published.diagnostics.find((d) => d.code === "HA010")!;
    expect(missing.range).toEqual({ start: { line: 2, character: 20 }, end: { line: 2, character: 23 } });
    expect(missing.relatedInformation).toEqual([
      {
        location: { uri: pathToFileURL(join(root, "conf.d", "20-backends.cfg")).href, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } } },
        message: "backend 'app' is defined in conf.d/20-backends.cfg, read with this file when haproxy is started with 'haproxy -f conf.d/'",
      },
    ]);

    const actions = (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } })) as CodeAction[];
    const split = actions.find((action) => action.title.startsWith("Read conf.d/"))!;
    expect(split.title).toBe("Read conf.d/ as one haproxy configuration (a new lblint.config.json with haproxyConfigs)");
    const [create, write] = split.edit!.documentChanges as [CreateFile, TextDocumentEdit];
    const config = pathToFileURL(join(root, "lblint.config.json")).href;
    expect(create.uri).toBe(config);

    // What the editor does with the edit: the file is written, and its watcher tells the server.
    writeFileSync(join(root, "lblint.config.json"), write.edits[0]!.newText);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: config, type: 1 }] });
    const after = await client.diagnostics(uri, (p) => p !== published && !p.diagnostics.some((d) => d.code === "HA010"));
    expect(after.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
  });
});
