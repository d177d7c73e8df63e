#!/usr/bin/env node
// lblint-language-server: the language server for haproxy.cfg and keepalived.conf. Speaks LSP over
// stdio (`--stdio`), Node IPC (`--node-ipc`, how VS Code starts it) or a socket (`--socket=PORT`).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node.js";
import { startServer } from "./server.js";

declare const LBLINT_VERSION: string;

const args = process.argv.slice(2);
if (args.includes("--version") || args.includes("-v")) {
  process.stdout.write(`${typeof LBLINT_VERSION === "string" ? LBLINT_VERSION : "dev"}\n`);
} else if (args.includes("--help") || args.includes("-h") || !args.some((arg) => /^--(stdio|node-ipc|socket=|pipe=|clientProcessId)/.test(arg))) {
  process.stdout.write(
    "Usage: lblint-language-server --stdio\n\n" +
      "The lblint language server for haproxy.cfg and keepalived.conf. Start it from an editor's LSP\n" +
      "client with --stdio (or --node-ipc, --socket=PORT); see docs/editors.md for set-ups.\n",
  );
  process.exitCode = args.includes("--help") || args.includes("-h") ? 0 : 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
