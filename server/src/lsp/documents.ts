// Document sync: opens, incremental changes and closes go to the language service, which keeps one
// incremental parse per document; each change schedules fresh diagnostics.
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from "vscode-languageserver/node.js";
import { detectFormat, type Format } from "../workspace/detect.js";
import { uriToPath } from "../workspace/uri.js";
import { guardedNotification, type ServerContext } from "./context.js";
import type { DiagnosticsScheduler } from "./diagnostics.js";

/** The language ids editors use for the two formats (VS Code, Neovim and Helix agree on these). */
const LANGUAGE_IDS: Readonly<Record<string, Format>> = { haproxy: "haproxy", keepalived: "keepalived" };

/** Which format an opened document is in: its language id, else its path and content; undefined when neither tells. */
export function formatOf(languageId: string, uri: string, text: string): Format | undefined {
  const byId = LANGUAGE_IDS[languageId.toLowerCase()];
  if (byId) return byId;
  let path = uri;
  try {
    path = uriToPath(uri);
  } catch {
    // not a file URI: judge by what it says
  }
  return detectFormat(path, text);
}

export function registerDocuments(context: ServerContext, diagnostics: DiagnosticsScheduler): void {
  const { connection, service } = context;
  connection.onDidOpenTextDocument(
    guardedNotification(context, "didOpen", ({ textDocument }: DidOpenTextDocumentParams) => {
      const format = formatOf(textDocument.languageId, textDocument.uri, textDocument.text);
      if (!format) return;
      service.open(textDocument.uri, format, textDocument.text, textDocument.version);
      diagnostics.schedule(textDocument.uri);
    }),
  );
  connection.onDidChangeTextDocument(
    guardedNotification(context, "didChange", ({ textDocument, contentChanges }: DidChangeTextDocumentParams) => {
      if (!service.change(textDocument.uri, contentChanges, textDocument.version)) return;
      diagnostics.schedule(textDocument.uri);
    }),
  );
  connection.onDidCloseTextDocument(
    guardedNotification(context, "didClose", ({ textDocument }: DidCloseTextDocumentParams) => {
      if (!service.document(textDocument.uri)) return;
      service.close(textDocument.uri);
      diagnostics.closed(textDocument.uri);
    }),
  );
}
