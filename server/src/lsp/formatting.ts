// textDocument/formatting and textDocument/rangeFormatting. An `indent` in lblint.config.json wins
// over the editor's tab settings, so that a team formats alike whatever each editor is set to.
import type { FormattingOptions, TextEdit } from "vscode-languageserver/node.js";
import type { ServiceDocument } from "../service/document.js";
import { formatEdits, type FormatOptions } from "../service/formatting.js";
import { indentOptions } from "../service/indent.js";
import type { ServerContext } from "./context.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

function toLsp(document: ServiceDocument, edits: ReturnType<typeof formatEdits>): TextEdit[] {
  return edits.map((edit) => ({ range: document.rangeOf(edit.start, edit.end), newText: edit.newText }));
}

async function optionsFor(context: ServerContext, uri: string, editor: FormattingOptions): Promise<FormatOptions> {
  const { config } = await context.service.configFor(uri);
  return indentOptions(config.indent) ?? editor;
}

export const formattingFeature: Feature = {
  register(context) {
    context.connection.onDocumentFormatting(
      guarded(context, "formatting", async ({ textDocument, options }) => {
        const settings = await optionsFor(context, textDocument.uri, options);
        // Read after the wait: the edits are for the text as it is now.
        const document = context.service.document(textDocument.uri);
        return document ? toLsp(document, formatEdits(document.parsed, settings)) : null;
      }),
    );
    context.connection.onDocumentRangeFormatting(
      guarded(context, "rangeFormatting", async ({ textDocument, options, range }) => {
        const settings = await optionsFor(context, textDocument.uri, options);
        const document = context.service.document(textDocument.uri);
        const lines = { startLine: range.start.line, endLine: range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line };
        return document ? toLsp(document, formatEdits(document.parsed, settings, lines)) : null;
      }),
    );
    return { documentFormattingProvider: true, documentRangeFormattingProvider: true };
  },
};
