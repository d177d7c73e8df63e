// textDocument/foldingRange.
import { foldingRanges } from "../service/folding.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const foldingFeature: Feature = {
  register(context) {
    context.connection.onFoldingRanges(
      guarded(context, "foldingRange", ({ textDocument }) => {
        const document = context.service.document(textDocument.uri);
        return document ? foldingRanges(document.parsed) : null;
      }),
    );
    return { foldingRangeProvider: true };
  },
};
