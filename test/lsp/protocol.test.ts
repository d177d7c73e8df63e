// The real bundled server, started as a child process and driven over stdio as an editor drives it.
import { afterEach, describe, expect, it } from "vitest";
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

  it("shuts down cleanly with exit code 0", async () => {
    client = await startClient();
    expect(await client.shutdown()).toBe(0);
  });
});
