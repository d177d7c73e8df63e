// textDocument/semanticTokens/full and /range.
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from "../service/semantic-tokens.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const semanticTokensFeature: Feature = {
  register(context) {
    const languages = context.connection.languages.semanticTokens;
    languages.on(
      guarded(context, "semanticTokens", async ({ textDocument }) => {
        const found = await target(context, textDocument.uri);
        return { data: found ? semanticTokens(found.project, textDocument.uri, found.document.parsed) : [] };
      }),
    );
    languages.onRange(
      guarded(context, "semanticTokensRange", async ({ textDocument, range }) => {
        const found = await target(context, textDocument.uri);
        return { data: found ? semanticTokens(found.project, textDocument.uri, found.document.parsed, { start: range.start.line, end: range.end.line }) : [] };
      }),
    );
    return { semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true, range: true } };
  },
};
