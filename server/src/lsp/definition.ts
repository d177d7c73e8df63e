// textDocument/definition.
import { definition } from "../service/definition.js";
import { vipCounterparts } from "../service/vips.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const definitionFeature: Feature = {
  register(context) {
    context.connection.onDefinition(
      guarded(context, "definition", async ({ textDocument, position }) => {
        const found = await target(context, textDocument.uri, position);
        if (!found) return null;
        const here = definition(found.project, textDocument.uri, found.offset);
        if (here.length > 0) return here;
        // A bind's address or a VIP: the other product's side.
        const other = found.project.format === "haproxy" ? "keepalived" : "haproxy";
        return vipCounterparts(found.project, textDocument.uri, found.offset, await context.service.projectsOf(other));
      }),
    );
    return { definitionProvider: true };
  },
};
