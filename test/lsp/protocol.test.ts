// The real bundled server, started as a child process and driven over stdio as an editor drives it.
import { afterEach, describe, expect, it } from "vitest";
import { CancellationTokenSource } from "vscode-jsonrpc/node.js";
import { startClient, type TestClient } from "./client.js";

const KEEPALIVED = `vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
}
`;

let client: TestClient | undefined;
afterEach(async () => {
  client?.process.kill();
  client = undefined;
});

describe("the language server over stdio", () => {
  it("answers initialize with its capabilities and name", async () => {
    client = await startClient();
    expect(client.initialized.serverInfo?.name).toBe("lblint");
    expect(client.initialized.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
  });

  it("publishes the diagnostics of an opened document and refreshes them after a change", async () => {
    client = await startClient();
    const uri = "file:///tmp/lblint-protocol/keepalived.conf";
    client.open(uri, "keepalived", KEEPALIVED);
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    const undefinedScript = first.diagnostics.find((d) => d.message.includes("chk_haproxy") && d.message.includes("undefined-tracker"));
    expect(undefinedScript).toBeDefined();
    expect(undefinedScript!.range.start).toEqual({ line: 9, character: 8 });

    // Define the script at the top: the finding goes away.
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'vrrp_script chk_haproxy {\n    script "/usr/bin/true"\n}\n' }],
    });
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    expect(second.diagnostics.filter((d) => d.message.includes("undefined-tracker"))).toEqual([]);
    expect(second.diagnostics.length).toBeGreaterThan(0);
  });

  it("answers a malformed request with an error and keeps serving", async () => {
    client = await startClient();
    const error = await client.connection.sendRequest("textDocument/hover", { nonsense: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    const uri = "file:///tmp/lblint-protocol/x/keepalived.conf";
    client.open(uri, "keepalived", KEEPALIVED);
    await client.diagnostics(uri);
  });

  it("completes, hovers and renames", async () => {
    client = await startClient();
    const uri = "file:///tmp/lblint-protocol/haproxy.cfg";
    const text = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n\nfrontend www\n    bind :80\n    default_backend app\n    balance \n\nbackend app\n    server a 10.0.0.1:80\n";
    client.open(uri, "haproxy", text);
    const completion = (await client.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 9, character: 12 } })) as { items: { label: string }[] };
    expect(completion.items.map((i) => i.label)).toContain("roundrobin");
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 7, character: 5 } })) as { contents: { value: string } };
    expect(hover.contents.value).toContain("bind <address:port>");
    const prepared = await client.connection.sendRequest("textDocument/prepareRename", { textDocument: { uri }, position: { line: 11, character: 9 } });
    expect(prepared).toEqual({ range: { start: { line: 11, character: 8 }, end: { line: 11, character: 11 } }, placeholder: "app" });
    const edit = (await client.connection.sendRequest("textDocument/rename", { textDocument: { uri }, position: { line: 11, character: 9 }, newName: "be_app" })) as { changes: Record<string, unknown[]> };
    expect(edit.changes[uri]).toHaveLength(2);
    const refused = await client.connection
      .sendRequest("textDocument/rename", { textDocument: { uri }, position: { line: 11, character: 9 }, newName: "two words" })
      .then(() => "accepted", (error: { message: string }) => error.message);
    expect(refused).toMatch(/not a name haproxy accepts/);
  });

  it("formats, offers quick fixes and goes to a definition", async () => {
    client = await startClient();
    const uri = "file:///tmp/lblint-protocol/actions/haproxy.cfg";
    const text = "defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\n\nfrontend www\n  bind :80\n  optoin httplog\n  default_backend app\n\nbackend app\n  server a 10.0.0.1:80\n";
    client.open(uri, "haproxy", text);
    const published = await client.diagnostics(uri);
    const typo = published.diagnostics.find((d) => d.code === "HA001")!;
    expect(typo).toBeDefined();
    const edits = (await client.connection.sendRequest("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) as { newText: string }[];
    expect(edits.length).toBeGreaterThan(5);
    expect(edits.every((e) => e.newText === "    ")).toBe(true);
    const actions = (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } })) as { title: string; isPreferred?: boolean }[];
    expect(actions.find((a) => a.isPreferred)?.title).toMatch(/option/);
    expect(actions.map((a) => a.title)).toContain("Disable HA001 (unknown-keyword) for this line");
    const definition = (await client.connection.sendRequest("textDocument/definition", { textDocument: { uri }, position: { line: 9, character: 20 } })) as { range: { start: unknown } }[];
    expect(definition[0]!.range.start).toEqual({ line: 11, character: 8 });
  });

  it("counts the references of each named thing in lenses that list them", async () => {
    client = await startClient();
    const uri = "file:///tmp/lblint-protocol/lenses/haproxy.cfg";
    const text = "frontend www\n  bind :80\n  acl api path_beg /api\n  use_backend app if api\n  default_backend app\n\nbackend app\n  server a 10.0.0.1:80\n\nbackend spare\n  server b 10.0.0.2:80\n";
    client.open(uri, "haproxy", text);
    type Lens = { range: { start: { line: number } }; command?: { title: string; command: string; arguments: [string, unknown, { range: { start: { line: number } } }[]] } };
    const unresolved = (await client.connection.sendRequest("textDocument/codeLens", { textDocument: { uri } })) as Lens[];
    expect(unresolved.filter((lens) => lens.command)).toEqual([]);
    const lenses = (await Promise.all(unresolved.map((lens) => client!.connection.sendRequest("codeLens/resolve", lens)))) as Required<Lens>[];
    const shown = lenses.map((lens) => [lens.range.start.line, lens.command.title, lens.command.arguments[2].map((place) => place.range.start.line)]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(shown).toEqual([
      [2, "1 reference", [3]],
      [6, "2 references", [3, 4]],
      [9, "no references", []],
    ]);
    expect(new Set(lenses.map((lens) => lens.command.command))).toEqual(new Set(["lblint.showReferences"]));
    expect(client.initialized.capabilities.codeLensProvider).toEqual({ resolveProvider: true });
  });

  it("leads from a haproxy bind to the keepalived VIP it listens on, and back", async () => {
    client = await startClient();
    const keepalived = "file:///tmp/lblint-protocol/vip/keepalived.conf";
    const haproxy = "file:///tmp/lblint-protocol/vip/haproxy.cfg";
    client.open(keepalived, "keepalived", KEEPALIVED);
    client.open(haproxy, "haproxy", "frontend www\n    bind 192.0.2.10:80\n    bind 192.0.2.11:80\n    default_backend app\n\nbackend app\n    server a 10.0.0.1:80\n");
    await client.diagnostics(haproxy);
    type Location = { uri: string; range: { start: { line: number; character: number } } };
    const toVip = (await client.connection.sendRequest("textDocument/definition", { textDocument: { uri: haproxy }, position: { line: 1, character: 12 } })) as Location[];
    expect(toVip.map((l) => `${l.uri} ${l.range.start.line}:${l.range.start.character}`)).toEqual([`${keepalived} 6:8`]);
    const toBinds = (await client.connection.sendRequest("textDocument/references", {
      textDocument: { uri: keepalived },
      position: { line: 6, character: 10 },
      context: { includeDeclaration: true },
    })) as Location[];
    expect(toBinds.map((l) => `${l.uri} ${l.range.start.line}`)).toEqual([`${haproxy} 1`]);
  });

  it("survives a message that is not JSON and answers the next request", async () => {
    client = await startClient();
    const garbage = "{ this is not json";
    client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    const uri = "file:///tmp/lblint-protocol/y/keepalived.conf";
    client.open(uri, "keepalived", KEEPALIVED);
    const symbols = (await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as { name: string }[];
    expect(symbols.map((s) => s.name)).toEqual(["VI_1"]);
  });

  it("honours a cancellation that arrives before the request is handled", async () => {
    client = await startClient();
    const uri = "file:///tmp/lblint-protocol/cancel/keepalived.conf";
    client.open(uri, "keepalived", KEEPALIVED);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } }, source.token);
    source.cancel();
    const outcome = await pending.then(
      () => "answered",
      (error: { code?: number }) => error.code,
    );
    expect(outcome).toBe(-32800);
    // And the server goes on.
    const symbols = (await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as unknown[];
    expect(symbols).toHaveLength(1);
  });

  it("shuts down cleanly with exit code 0", async () => {
    client = await startClient();
    expect(await client.shutdown()).toBe(0);
  });
});

describe("the language server with a client that pulls diagnostics", () => {
  it("answers textDocument/diagnostic with the document's findings", async () => {
    client = await startClient({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    expect(client.initialized.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true });
    const uri = "file:///tmp/lblint-protocol/pull/keepalived.conf";
    client.open(uri, "keepalived", KEEPALIVED);
    const report = (await client.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { kind: string; items: { code: string }[] };
    expect(report.kind).toBe("full");
    expect(report.items.map((d) => d.code)).toContain("KA016");
    // Nothing is pushed to a client that pulls.
    expect(client.published).toEqual([]);
  });
});

describe("settings and configuration files", () => {
  it("reports a broken lblint.config.json in a status notification and keeps checking", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { pathToFileURL } = await import("node:url");
    const dir = mkdtempSync(join(tmpdir(), "lblint-config-"));
    writeFileSync(join(dir, "lblint.config.json"), '{ "haproxyVersion": "9.9" }');
    client = await startClient();
    const uri = pathToFileURL(join(dir, "keepalived.conf")).href;
    client.open(uri, "keepalived", KEEPALIVED);
    const published = await client.diagnostics(uri);
    expect(published.diagnostics.some((d) => d.code === "KA016")).toBe(true);
    for (let i = 0; i < 100 && !client.notifications.some((n) => n.method === "lblint/status"); i++) await new Promise((r) => setTimeout(r, 20));
    const status = client.notifications.find((n) => n.method === "lblint/status");
    expect(status?.params).toMatchObject({ state: "configError" });
    expect((status?.params as { message: string }).message).toMatch(/haproxyVersion '9.9'/);
    // The config file gets a diagnostic where the key stands, without its own name in the message.
    const onConfig = await client.diagnostics(pathToFileURL(join(dir, "lblint.config.json")).href);
    expect(onConfig.diagnostics.map((d) => [d.range.start, d.message])).toEqual([
      [{ line: 0, character: 2 }, "haproxyVersion '9.9' is not one lblint knows (2.6, 2.8, 3.0, 3.2, 3.4)"],
    ]);
  });

  it("formats with the indent of lblint.config.json over the editor's tab settings", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { pathToFileURL } = await import("node:url");
    const dir = mkdtempSync(join(tmpdir(), "lblint-indent-"));
    writeFileSync(join(dir, "lblint.config.json"), '{ "indent": 2 }');
    client = await startClient();
    const uri = pathToFileURL(join(dir, "haproxy.cfg")).href;
    client.open(uri, "haproxy", "backend app\n        server a 10.0.0.1:80\n");
    const edits = (await client.connection.sendRequest("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } })) as { newText: string }[];
    expect(edits.map((edit) => edit.newText)).toEqual(["  "]);
  });

  it("applies target versions from initializationOptions", async () => {
    client = await startClient(undefined, { settings: { haproxyVersion: "2.6" } });
    const uri = "file:///tmp/lblint-protocol/versions/haproxy.cfg";
    client.open(uri, "haproxy", "global\n    acme.scheduler auto\n");
    const published = await client.diagnostics(uri);
    expect(published.diagnostics.map((d) => d.code)).toContain("HA008");
  });
});
