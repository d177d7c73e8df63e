// The editor features, one handler module each; each registers its handlers and returns the
// capabilities it adds.
import type { ServerCapabilities } from "vscode-languageserver/node.js";
import type { ServerContext } from "./context.js";

export interface Feature {
  register(context: ServerContext): Partial<ServerCapabilities>;
}

export const FEATURES: readonly Feature[] = [];
