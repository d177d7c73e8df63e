// textDocument/prepareRename and textDocument/rename. A name that cannot be renamed is an error
// response with the reason, which editors show.
import { ErrorCodes, ResponseError } from "vscode-languageserver/node.js";
import { prepareRename, rename, RenameError } from "../service/rename.js";
import { target } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

function reason<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
    throw error;
  }
}

export const renameFeature: Feature = {
  register(context) {
    context.connection.onPrepareRename(
      guarded(context, "prepareRename", async ({ textDocument, position }) => {
        const found = await target(context, textDocument.uri, position);
        return found ? reason(() => prepareRename(found.project, textDocument.uri, found.offset)) : null;
      }),
    );
    context.connection.onRenameRequest(
      guarded(context, "rename", async ({ textDocument, position, newName }) => {
        const found = await target(context, textDocument.uri, position);
        return found ? reason(() => rename(found.project, textDocument.uri, found.offset, newName)) : null;
      }),
    );
    return { renameProvider: { prepareProvider: true } };
  },
};
