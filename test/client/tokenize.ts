// Tokenizes text with lblint's TextMate grammars as VS Code does (vscode-textmate with the
// Oniguruma regular expressions VS Code uses), for the grammar tests.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const require = createRequire(import.meta.url);
const syntaxes = fileURLToPath(new URL("../../syntaxes/", import.meta.url));
const GRAMMARS: Readonly<Record<string, string>> = { "source.haproxy": "haproxy.tmLanguage.json", "source.keepalived": "keepalived.tmLanguage.json" };

let registry: textmate.Registry | undefined;

async function load(): Promise<textmate.Registry> {
  if (registry) return registry;
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => {
      const file = GRAMMARS[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(syntaxes + file, "utf8"), syntaxes + file) : null;
    },
  });
  return registry;
}

export interface Token {
  readonly line: number;
  readonly text: string;
  /** The innermost scope (the last one), and all of them. */
  readonly scope: string;
  readonly scopes: readonly string[];
}

export async function tokenize(scopeName: "source.haproxy" | "source.keepalived", text: string): Promise<Token[]> {
  const grammar = (await (await load()).loadGrammar(scopeName))!;
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split("\n").forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim() === "") continue;
      tokens.push({ line: index, text: piece, scope: token.scopes[token.scopes.length - 1]!, scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}
