// textDocument/documentLink.
import { documentLinks } from "../service/links.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const linksFeature: Feature = {
  register(context) {
    context.connection.onDocumentLinks(
      guarded(context, "documentLink", ({ textDocument }) => {
        const document = context.service.document(textDocument.uri);
        return document ? documentLinks(textDocument.uri, document.parsed) : null;
      }),
    );
    return { documentLinkProvider: { resolveProvider: false } };
  },
};
