// textDocument/references.
import { references } from "../service/definition.js";
import { vipCounterparts } from "../service/vips.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const referencesFeature: Feature = {
  register(context) {
    context.connection.onReferences(
      guarded(context, "references", async ({ textDocument, position, context: options }) => {
        const found = await target(context, textDocument.uri, position);
        if (!found) return null;
        const here = references(found.project, textDocument.uri, found.offset, options.includeDeclaration);
        if (here.length > 0) return here;
        const other = found.project.format === "haproxy" ? "keepalived" : "haproxy";
        return vipCounterparts(found.project, textDocument.uri, found.offset, await context.service.projectsOf(other));
      }),
    );
    return { referencesProvider: true };
  },
};
