// textDocument/codeLens: the number of references above each named thing (service/code-lens.ts).
// Lenses are sent without their count and counted on codeLens/resolve, which editors ask only for
// the lenses on screen: a big file has thousands. A lens runs `lblint.showReferences` with the
// places; the VS Code extension shows them in the references peek, other editors show the count.
import { lensReferences, lensSites, lensTitle } from "../service/code-lens.js";
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
        return lensSites(found.project, textDocument.uri).map(({ range, key }) => ({ range: lspRange(range), data: { uri: textDocument.uri, key } }));
      }),
    );
    context.connection.onCodeLensResolve(
      guarded(context, "codeLens/resolve", async (lens) => {
        const data = lens.data as { uri?: unknown; key?: unknown } | undefined;
        if (typeof data?.uri !== "string" || typeof data.key !== "string") return lens;
        const found = await target(context, data.uri);
        if (!found) return lens;
        const references = lensReferences(found.project, data.key);
        return { range: lens.range, command: { title: lensTitle(references.length), command: SHOW_REFERENCES, arguments: [data.uri, lens.range.start, references] } };
      }),
    );
    return { codeLensProvider: { resolveProvider: true } };
  },
};
