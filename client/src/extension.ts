// The lblint VS Code extension: starts the bundled language server over IPC, claims .cfg/.conf
// files whose content is haproxy or keepalived (never every such file), and shows the server's state
// in the status bar. Everything else is the server's.
import * as vscode from "vscode";
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { formatFromContent, formatFromPath } from "../../server/src/workspace/detect.js";

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;

interface StatusParams {
  readonly state: "ok" | "configError";
  readonly message?: string;
  readonly uri?: string;
}

const SNIFFED = /\.(cfg|conf)$/i;
/** Files larger than this are not read to guess their language (a file named for it is still claimed). */
const SNIFF_LIMIT = 200_000;

/** Gives a .cfg or .conf file the language its content shows, when VS Code did not recognise it by name. */
function claim(document: vscode.TextDocument): void {
  if (document.languageId === "haproxy" || document.languageId === "keepalived") return;
  if (!["plaintext", "properties", "ini", "shellscript", "conf"].includes(document.languageId)) return;
  const path = document.uri.path;
  if (!SNIFFED.test(path)) return;
  const format = formatFromPath(path) ?? formatFromContent(document.getText().slice(0, SNIFF_LIMIT));
  if (format) void vscode.languages.setTextDocumentLanguage(document, format);
}

function showStatus(text: string, tooltip: string, command?: string, warning = false): void {
  status.text = text;
  status.tooltip = tooltip;
  status.command = command;
  status.backgroundColor = warning ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
  status.show();
}

async function start(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6011"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "haproxy" },
      { scheme: "file", language: "keepalived" },
      { scheme: "untitled", language: "haproxy" },
      { scheme: "untitled", language: "keepalived" },
    ],
    outputChannel: output,
    synchronize: { configurationSection: "lblint" },
  };
  client = new LanguageClient("lblint", "lblint", serverOptions, clientOptions);
  client.onDidChangeState(({ newState }) => {
    if (newState === State.Running) showStatus("$(check) lblint", "The lblint language server is running", "lblint.showOutput");
    else if (newState === State.Stopped) showStatus("$(error) lblint", "The lblint language server is not running: click to restart it", "lblint.restartServer", true);
  });
  client.onNotification("lblint/status", (params: StatusParams) => {
    if (params.state === "configError") showStatus("$(warning) lblint: config error", params.message ?? "The lblint configuration has an error", "lblint.showOutput", true);
    else showStatus("$(check) lblint", "The lblint language server is running", "lblint.showOutput");
  });
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("lblint");
  status = vscode.window.createStatusBarItem("lblint.status", vscode.StatusBarAlignment.Left, 0);
  status.name = "lblint";
  context.subscriptions.push(output, status);
  for (const document of vscode.workspace.textDocuments) claim(document);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(claim),
    vscode.commands.registerCommand("lblint.showOutput", () => output.show(true)),
    // Run by the server's reference-count lenses: the places, in VS Code's references peek.
    vscode.commands.registerCommand("lblint.showReferences", async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      if (!client) return;
      const convert = client.protocol2CodeConverter;
      await vscode.commands.executeCommand("editor.action.showReferences", vscode.Uri.parse(uri), convert.asPosition(position), locations.map((location) => convert.asLocation(location)));
    }),
    vscode.commands.registerCommand("lblint.restartServer", async () => {
      if (client) await client.stop().catch(() => undefined);
      await start(context, output);
    }),
  );
  await start(context, output);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
