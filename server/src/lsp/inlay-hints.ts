// textDocument/inlayHint.
import { inlayHints } from "../service/inlay-hints.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const inlayHintsFeature: Feature = {
  register(context) {
    context.connection.languages.inlayHint.on(
      guarded(context, "inlayHint", async ({ textDocument, range }) => {
        const found = await target(context, textDocument.uri);
        return found ? inlayHints(found.project, textDocument.uri, found.document.parsed, { start: range.start.line, end: range.end.line }) : null;
      }),
    );
    return { inlayHintProvider: true };
  },
};
