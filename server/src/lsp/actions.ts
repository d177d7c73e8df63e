// textDocument/codeAction: quick fixes for the findings on the lines asked about, fix-all, and
// reading a split haproxy configuration as one.
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
        const { project, problems, split } = await context.service.problems(textDocument.uri);
        const here = problems.get(textDocument.uri) ?? [];
        // The split-configuration fix reads the config file: only when a finding it explains is asked about.
        const asksSplit = split && here.some((problem) => split.has(problem) && problem.range.start.line <= range.end.line && problem.range.end.line >= range.start.line);
        const resources = context.clientCapabilities.workspace?.workspaceEdit;
        const canCreateFiles = resources?.documentChanges === true && (resources.resourceOperations ?? []).includes("create");
        const action = asksSplit ? await context.service.splitAction(textDocument.uri, canCreateFiles) : undefined;
        return codeActions({
          project,
          uri: textDocument.uri,
          problems: here,
          startLine: range.start.line,
          endLine: range.end.line,
          ...(asked.only ? { only: asked.only } : {}),
          positionOf: positionOf(context, project),
          ...(split ? { split: { problems: split, action } } : {}),
        });
      }),
    );
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } };
  },
};
