// Wires the language service to an LSP connection: capabilities, document sync, settings, file
// watching and one handler module per feature. The transport (stdio, IPC, socket) is the caller's.
import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from "vscode-languageserver/node.js";
import { LanguageService } from "../service/language-service.js";
import { NodeFileSystem } from "../workspace/fs.js";
import { guardedNotification, type ServerContext } from "./context.js";
import { DiagnosticsScheduler } from "./diagnostics.js";
import { registerDocuments } from "./documents.js";
import { FEATURES } from "./features.js";
import { registerSettings } from "./settings.js";

declare const LBLINT_VERSION: string;

export function startServer(connection: Connection, service: LanguageService = new LanguageService(new NodeFileSystem())): void {
  const context: ServerContext = {
    connection,
    service,
    clientCapabilities: {},
    log: (message) => connection.console.error(message),
  };
  // A bug in one handler must not end the session: log it and keep serving.
  process.on("uncaughtException", (error) => context.log(`uncaught: ${error.stack ?? String(error)}`));
  process.on("unhandledRejection", (error) => context.log(`unhandled rejection: ${(error as Error)?.stack ?? String(error)}`));

  let afterInitialized: () => Promise<void> = async () => undefined;
  let initParams: InitializeParams | undefined;
  let diagnosticsScheduler: DiagnosticsScheduler | undefined;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    context.clientCapabilities = params.capabilities;
    initParams = params;
    const pull = params.capabilities.textDocument?.diagnostic !== undefined;
    const diagnostics = new DiagnosticsScheduler(context, pull);
    diagnosticsScheduler = diagnostics;
    // The site rules run in the background; when they find something new, show it.
    service.onSiteFindings = () => {
      diagnostics.refreshAll();
      diagnostics.publishSiteFiles();
    };
    registerDocuments(context, diagnostics);
    diagnostics.register();
    afterInitialized = registerSettings(context, diagnostics, params).afterInitialized;
    connection.onDidChangeWatchedFiles(
      guardedNotification(context, "didChangeWatchedFiles", ({ changes }: { changes: { uri: string }[] }) => {
        service.filesChanged(changes.map((change) => change.uri));
        for (const uri of service.documents.keys()) diagnostics.schedule(uri);
      }),
    );
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    };
    for (const feature of FEATURES) Object.assign(capabilities, feature.register(context));
    return { capabilities, serverInfo: { name: "lblint", version: typeof LBLINT_VERSION === "string" ? LBLINT_VERSION : "dev" } };
  });
  connection.onInitialized(() => {
    if (context.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: "**/{lblint.config.json,.lblintrc.json,*.cfg,*.conf}" }],
        })
        .catch(() => undefined);
    }
    void afterInitialized();
    // Which keepalived.conf includes which file: an included file opened on its own is then
    // checked as part of its configuration.
    const folders = (initParams?.workspaceFolders ?? []).map((folder) => folder.uri);
    if (folders.length === 0 && initParams?.rootUri) folders.push(initParams.rootUri);
    void service
      .discover(folders)
      .then((changed) => {
        if (changed.length > 0) diagnosticsScheduler?.refreshAll();
      })
      .catch((error: unknown) => context.log(`searching the workspace failed: ${String(error)}`));
  });
  connection.listen();
}
