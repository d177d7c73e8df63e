// What most feature handlers do first: find the open document and its configuration, and turn an
// editor position into an offset.
import type { Position } from "vscode-languageserver/node.js";
import type { ServiceDocument } from "../service/document.js";
import type { Project } from "../service/project.js";
import type { ServerContext } from "./context.js";

export interface Target {
  readonly document: ServiceDocument;
  readonly project: Project;
  readonly offset: number;
}

/** The open document at `uri` with its configuration; undefined for a document lblint does not handle. */
export async function target(context: ServerContext, uri: string, position: Position = { line: 0, character: 0 }): Promise<Target | undefined> {
  const document = context.service.document(uri);
  if (!document) return undefined;
  const project = await context.service.project(uri);
  return { document, project, offset: document.offsetAt(position) };
}

/** Editor positions of offsets in any file of a configuration. */
export function positionOf(context: ServerContext, project: Project) {
  return (uri: string, offset: number) => {
    const open = context.service.document(uri);
    if (open) return open.positionAt(offset);
    const position = project.loaded.files.get(uri)?.parse.lines.position(offset) ?? { line: 0, column: 0 };
    return { line: position.line, character: position.column };
  };
}
