// textDocument/references.
import { references } from "../service/definition.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const referencesFeature: Feature = {
  register(context) {
    context.connection.onReferences(
      guarded(context, "references", async ({ textDocument, position, context: options }) => {
        const found = await target(context, textDocument.uri, position);
        return found ? references(found.project, textDocument.uri, found.offset, options.includeDeclaration) : null;
      }),
    );
    return { referencesProvider: true };
  },
};
