// textDocument/signatureHelp.
import { signatureHelp } from "../service/signature.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const signatureHelpFeature: Feature = {
  register(context) {
    context.connection.onSignatureHelp(
      guarded(context, "signatureHelp", async ({ textDocument, position }) => {
        const found = await target(context, textDocument.uri, position);
        return found ? signatureHelp(found.project, found.document.parsed, found.offset) : null;
      }),
    );
    return { signatureHelpProvider: { triggerCharacters: [" "], retriggerCharacters: [" "] } };
  },
};
