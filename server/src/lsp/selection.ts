// textDocument/selectionRange.
import { selectionRange } from "../service/selection.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const selectionFeature: Feature = {
  register(context) {
    context.connection.onSelectionRanges(
      guarded(context, "selectionRange", ({ textDocument, positions }) => {
        const document = context.service.document(textDocument.uri);
        if (!document) return null;
        return positions.map((position) => selectionRange(document.parsed, document.offsetAt(position)));
      }),
    );
    return { selectionRangeProvider: true };
  },
};
