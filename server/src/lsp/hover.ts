// textDocument/hover.
import { hover } from "../service/hover.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const hoverFeature: Feature = {
  register(context) {
    context.connection.onHover(
      guarded(context, "hover", async ({ textDocument, position }) => {
        const found = await target(context, textDocument.uri, position);
        return found ? hover(found.project, textDocument.uri, found.document.parsed, found.offset) : null;
      }),
    );
    return { hoverProvider: true };
  },
};
