// textDocument/documentSymbol (the outline).
import { documentSymbols } from "../service/symbols.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const documentSymbolsFeature: Feature = {
  register(context) {
    context.connection.onDocumentSymbol(
      guarded(context, "documentSymbol", ({ textDocument }) => {
        const document = context.service.document(textDocument.uri);
        return document ? documentSymbols(document.parsed) : null;
      }),
    );
    return { documentSymbolProvider: { label: "lblint" } };
  },
};
