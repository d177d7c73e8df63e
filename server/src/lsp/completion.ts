// textDocument/completion.
import { complete } from "../service/completion.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const completionFeature: Feature = {
  register(context) {
    context.connection.onCompletion(
      guarded(context, "completion", async ({ textDocument, position }) => {
        const found = await target(context, textDocument.uri, position);
        if (!found) return null;
        return complete({ project: found.project, uri: textDocument.uri, parsed: found.document.parsed, offset: found.offset });
      }),
    );
    // A space asks for the next word (`option `, `balance `); a comma for converters; `$` for variables.
    return { completionProvider: { triggerCharacters: [" ", ",", "$", "[", "{"] } };
  },
};
