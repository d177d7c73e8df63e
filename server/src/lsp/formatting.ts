// textDocument/formatting and textDocument/rangeFormatting.
import type { TextEdit } from "vscode-languageserver/node.js";
import type { ServiceDocument } from "../service/document.js";
import { formatEdits } from "../service/formatting.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

function toLsp(document: ServiceDocument, edits: ReturnType<typeof formatEdits>): TextEdit[] {
  return edits.map((edit) => ({ range: document.rangeOf(edit.start, edit.end), newText: edit.newText }));
}

export const formattingFeature: Feature = {
  register(context) {
    context.connection.onDocumentFormatting(
      guarded(context, "formatting", ({ textDocument, options }) => {
        const document = context.service.document(textDocument.uri);
        return document ? toLsp(document, formatEdits(document.parsed, options)) : null;
      }),
    );
    context.connection.onDocumentRangeFormatting(
      guarded(context, "rangeFormatting", ({ textDocument, options, range }) => {
        const document = context.service.document(textDocument.uri);
        const lines = { startLine: range.start.line, endLine: range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line };
        return document ? toLsp(document, formatEdits(document.parsed, options, lines)) : null;
      }),
    );
    return { documentFormattingProvider: true, documentRangeFormattingProvider: true };
  },
};
