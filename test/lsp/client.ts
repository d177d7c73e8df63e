// A test LSP client: starts the real bundled server (dist/server.js) as a child process and speaks
// JSON-RPC to it over stdio with vscode-jsonrpc, as an editor does.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams } from "vscode-languageserver-protocol";

export const SERVER = fileURLToPath(new URL("../../dist/server.js", import.meta.url));

export interface TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly initialized: InitializeResult;
  /** Every `textDocument/publishDiagnostics` received, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Other notifications received (method, params). */
  readonly notifications: { method: string; params: unknown }[];
  /** What the server wrote on stderr. */
  stderr(): string;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string, version?: number): void;
  /** Shuts the server down; resolves with its exit code. */
  shutdown(): Promise<number | null>;
}

export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, deprecatedSupport: true, tagSupport: { valueSet: [1] } } },
    hover: { contentFormat: ["markdown", "plaintext"] },
    rename: { prepareSupport: true },
  },
  workspace: { workspaceFolders: true },
};

export async function startClient(capabilities: ClientCapabilities = PUSH_CAPABILITIES, initializationOptions?: unknown): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const notifications: { method: string; params: unknown }[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification((method: string, params: unknown) => notifications.push({ method, params }));
  // The server may ask for settings or register capabilities; answer as a plain client would.
  connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("workspace/diagnostic/refresh", () => null);
  connection.listen();
  const initialized = (await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    capabilities,
    initializationOptions,
  })) as InitializeResult;
  await connection.sendNotification("initialized", {});

  return {
    connection,
    process: child,
    initialized,
    published,
    notifications,
    stderr: () => stderr,
    diagnostics(uri, accept = () => true, timeoutMs = 20_000) {
      const already = published.filter((p) => p.uri === uri && accept(p)).pop();
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    open(uri, languageId, text, version = 1) {
      void connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
    },
    async shutdown() {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
