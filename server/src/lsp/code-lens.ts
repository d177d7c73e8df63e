// textDocument/codeLens: the number of references above each named thing (service/code-lens.ts).
// A lens runs `lblint.showReferences` with the places; the VS Code extension shows them in the
// references peek, other editors show the count.
import { referenceLenses, lensTitle } from "../service/code-lens.js";
import { lspRange } from "../service/document.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

/** The client command a lens runs: arguments are the document's URI, the lens position and the places. */
export const SHOW_REFERENCES = "lblint.showReferences";

export const codeLensFeature: Feature = {
  register(context) {
    context.connection.onCodeLens(
      guarded(context, "codeLens", async ({ textDocument }) => {
        const found = await target(context, textDocument.uri);
        if (!found) return null;
        return referenceLenses(found.project, textDocument.uri).map(({ range, references }) => {
          const at = lspRange(range);
          return { range: at, command: { title: lensTitle(references.length), command: SHOW_REFERENCES, arguments: [textDocument.uri, at.start, references] } };
        });
      }),
    );
    return { codeLensProvider: { resolveProvider: false } };
  },
};
