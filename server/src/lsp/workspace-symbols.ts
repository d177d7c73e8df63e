// workspace/symbol: named things of every open document's configuration.
import { workspaceSymbols } from "../service/symbols.js";
import type { Project } from "../service/project.js";
import { guarded } from "./context.js";
import type { Feature } from "./features.js";

export const workspaceSymbolsFeature: Feature = {
  register(context) {
    context.connection.onWorkspaceSymbol(
      guarded(context, "workspaceSymbol", async ({ query }) => {
        const roots = new Set([...context.service.documents.keys()].map((uri) => context.service.rootOf(uri)));
        const projects: Project[] = [];
        for (const root of roots) projects.push(await context.service.project(root));
        return workspaceSymbols(projects, query);
      }),
    );
    return { workspaceSymbolProvider: true };
  },
};
