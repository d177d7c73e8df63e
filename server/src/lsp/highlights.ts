// textDocument/documentHighlight.
import { highlights } from "../service/definition.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const highlightsFeature: Feature = {
  register(context) {
    context.connection.onDocumentHighlight(
      guarded(context, "documentHighlight", async ({ textDocument, position }) => {
        const found = await target(context, textDocument.uri, position);
        return found ? highlights(found.project, textDocument.uri, found.offset) : null;
      }),
    );
    return { documentHighlightProvider: true };
  },
};
