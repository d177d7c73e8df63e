// The editor features, one handler module each; each registers its handlers and returns the
// capabilities it adds.
import type { ServerCapabilities } from "vscode-languageserver/node.js";
import { codeActionsFeature } from "./actions.js";
import { codeLensFeature } from "./code-lens.js";
import { completionFeature } from "./completion.js";
import type { ServerContext } from "./context.js";
import { definitionFeature } from "./definition.js";
import { foldingFeature } from "./folding.js";
import { formattingFeature } from "./formatting.js";
import { highlightsFeature } from "./highlights.js";
import { hoverFeature } from "./hover.js";
import { inlayHintsFeature } from "./inlay-hints.js";
import { linksFeature } from "./links.js";
import { referencesFeature } from "./references.js";
import { renameFeature } from "./rename.js";
import { selectionFeature } from "./selection.js";
import { semanticTokensFeature } from "./semantic-tokens.js";
import { signatureHelpFeature } from "./signature-help.js";
import { documentSymbolsFeature } from "./symbols.js";
import { workspaceSymbolsFeature } from "./workspace-symbols.js";

export interface Feature {
  register(context: ServerContext): Partial<ServerCapabilities>;
}

export const FEATURES: readonly Feature[] = [
  completionFeature,
  hoverFeature,
  signatureHelpFeature,
  definitionFeature,
  referencesFeature,
  highlightsFeature,
  renameFeature,
  documentSymbolsFeature,
  workspaceSymbolsFeature,
  foldingFeature,
  selectionFeature,
  formattingFeature,
  codeActionsFeature,
  codeLensFeature,
  linksFeature,
  semanticTokensFeature,
  inlayHintsFeature,
];
