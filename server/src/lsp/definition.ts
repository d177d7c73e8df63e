// textDocument/definition.
import { definition } from "../service/definition.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const definitionFeature: Feature = {
  register(context) {
    context.connection.onDefinition(
      guarded(context, "definition", async ({ textDocument, position }) => {
        const found = await target(context, textDocument.uri, position);
        return found ? definition(found.project, textDocument.uri, found.offset) : null;
      }),
    );
    return { definitionProvider: true };
  },
};
