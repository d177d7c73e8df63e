// Signature help: the syntax of the keyword being written, with the argument under the cursor
// highlighted, from the same argument shapes as hover, as the target version reads them.
import type { SignatureHelp } from "vscode-languageserver-types";
import { haproxyArgsAt, matchHaproxyKeyword } from "../facts/haproxy.js";
import { keepalivedKeyword } from "../facts/keepalived.js";
import type { ArgSpec } from "../facts/types.js";
import { parameters } from "./describe.js";
import { haproxyCursor, keepalivedCursor } from "./locate.js";
import type { Project } from "./project.js";
import type { ParseResult } from "../workspace/loader.js";

function help(name: string, args: ArgSpec | undefined, summary: string | undefined, argument: number): SignatureHelp | null {
  const params = parameters(args);
  if (params.length === 0) return null;
  let label = name;
  const offsets: [number, number][] = [];
  for (const param of params) {
    label += " ";
    offsets.push([label.length, label.length + param.length]);
    label += param;
  }
  return {
    signatures: [{ label, ...(summary ? { documentation: summary } : {}), parameters: offsets.map((range) => ({ label: range })) }],
    activeSignature: 0,
    activeParameter: Math.min(argument, params.length - 1),
  };
}

export function signatureHelp(project: Project, parsed: ParseResult, offset: number): SignatureHelp | null {
  if (parsed.format === "haproxy") {
    const cursor = haproxyCursor(parsed, offset);
    if (cursor.inComment || cursor.onHeader) return null;
    const match = matchHaproxyKeyword(cursor.words.slice(0, Math.max(cursor.index, 1)).map((word) => word.value));
    if (!match || cursor.index < match.wordCount) return null;
    const args = haproxyArgsAt(match.keyword.args, project.config.targets.haproxy);
    return help(match.keyword.name, args, match.keyword.summary, cursor.index - match.wordCount);
  }
  const cursor = keepalivedCursor(parsed, offset);
  if (!cursor.statement || cursor.index === 0 || cursor.blockId === undefined) return null;
  const keyword = keepalivedKeyword(cursor.blockId, cursor.statement.keyword.value);
  if (!keyword) return null;
  return help(keyword.name, keyword.args, keyword.summary, cursor.index - 1);
}
