// textDocument/codeAction: quick fixes for the findings on the lines asked about, and fix-all.
import { CodeActionKind } from "vscode-languageserver/node.js";
import { codeActions, FIX_ALL_KIND } from "../service/actions.js";
import { positionOf } from "./common.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const codeActionsFeature: Feature = {
  register(context) {
    context.connection.onCodeAction(
      guarded(context, "codeAction", async ({ textDocument, range, context: asked }) => {
        if (!context.service.document(textDocument.uri)) return null;
        const { project, problems } = await context.service.problems(textDocument.uri);
        return codeActions({
          project,
          uri: textDocument.uri,
          problems: problems.get(textDocument.uri) ?? [],
          startLine: range.start.line,
          endLine: range.end.line,
          ...(asked.only ? { only: asked.only } : {}),
          positionOf: positionOf(context, project),
        });
      }),
    );
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } };
  },
};
