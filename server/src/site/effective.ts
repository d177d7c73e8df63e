// What keepalived really reads on one host: its configuration with includes pulled in where they
// stand, `@id`/`@^id` lines kept or dropped for the host's config id, `$NAME=` definitions (one-line
// and multi-line) substituted, `${_INSTANCE}`, `${_PWD}`, `${_HASH}` and `${_BANG}` filled in.
// The result is one text, parsed again, so that the per-instance view (vrrp.ts) sees plain values;
// every piece of it remembers the file and offset it came from, so a finding made on the effective
// text is reported where the user wrote it. `~SEQ` lines are left as written (the view treats them
// as uncertain).
import { LineIndex, type Range } from "../../../grammars/common/text.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import type { KeepalivedVersion } from "../facts/types.js";
import { KeepalivedModel } from "../rules/keepalived/model.js";
import { vrrpView, type KeepalivedView } from "../rules/keepalived/vrrp.js";
import type { LoadedConfig } from "../workspace/loader.js";
import { uriToPath } from "../workspace/uri.js";

/** A stretch of an effective line and where it came from. */
interface Piece {
  /** Offset in the effective line. */
  readonly at: number;
  readonly length: number;
  readonly uri: string;
  /** Offset in the source file, and the length of the source text it stands for. */
  readonly from: number;
  readonly fromLength: number;
}

interface Line {
  text: string;
  pieces: Piece[];
}

/** A host's keepalived configuration as the daemon there reads it, with a way back to the written files. */
export interface EffectiveKeepalived {
  readonly configId: string;
  readonly text: string;
  readonly parse: KeepalivedParseResult;
  readonly model: KeepalivedModel;
  readonly view: KeepalivedView;
  /** Where a range of the effective text was written. */
  locate(range: Range): { uri: string; range: Range };
}

const EFFECTIVE_URI = "lblint-effective:keepalived.conf";
const MAX_DEPTH = 32;

function verbatim(text: string, uri: string, from: number): Line {
  return { text, pieces: [{ at: 0, length: text.length, uri, from, fromLength: text.length }] };
}

/** Replaces `[start, end)` of a line by `text`, which stands for the whole replaced source. */
function replace(line: Line, start: number, end: number, text: string): Line {
  const pieces: Piece[] = [];
  let source: { uri: string; from: number; to: number } | undefined;
  for (const piece of line.pieces) {
    const pieceEnd = piece.at + piece.length;
    const mapped = (offset: number) => (piece.length === piece.fromLength ? piece.from + (offset - piece.at) : offset <= piece.at ? piece.from : piece.from + piece.fromLength);
    if (pieceEnd <= start) pieces.push(piece);
    else if (piece.at >= end) pieces.push({ ...piece, at: piece.at - (end - start) + text.length });
    else {
      if (piece.at < start) pieces.push({ ...piece, length: start - piece.at, fromLength: piece.length === piece.fromLength ? start - piece.at : piece.fromLength });
      const a = mapped(Math.max(start, piece.at));
      const b = mapped(Math.min(end, pieceEnd));
      source = source ? { ...source, to: b } : { uri: piece.uri, from: a, to: b };
      if (pieceEnd > end && piece.length === piece.fromLength) {
        pieces.push({ ...piece, at: start + text.length, length: pieceEnd - end, from: piece.from + (end - piece.at), fromLength: pieceEnd - end });
      }
    }
  }
  if (source) pieces.push({ at: start, length: text.length, uri: source.uri, from: source.from, fromLength: source.to - source.from });
  pieces.sort((x, y) => x.at - y.at);
  return { text: line.text.slice(0, start) + text + line.text.slice(end), pieces };
}

interface Definition {
  /** One line for `$N=value`; the continued lines for a multi-line definition. */
  readonly lines: Line[];
  readonly multiline: boolean;
}

/** Reads a keepalived configuration as the host with `configId` does. */
export function effectiveKeepalived(loaded: LoadedConfig, configId: string, version: KeepalivedVersion): EffectiveKeepalived {
  const out: Line[] = [];
  const definitions = new Map<string, Definition>();
  const includes = new Map<string, readonly string[]>();
  for (const link of loaded.includes) includes.set(`${link.from}#${link.statement.line}`, link.targets);

  const value = (name: string, pwd: string): string | undefined => {
    if (name === "_INSTANCE") return configId;
    if (name === "_HASH") return "#";
    if (name === "_BANG") return "!";
    if (name === "_PWD") return pwd;
    const found = definitions.get(name);
    return found && !found.multiline ? found.lines[0]!.text : undefined;
  };

  /** `${NAME}` anywhere and `$NAME` before a blank or the end, recursively, as keepalived does. */
  const substitute = (line: Line, pwd: string, depth = 0): Line => {
    if (depth > MAX_DEPTH || !line.text.includes("$")) return line;
    const re = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)(?=\s|$)/g;
    let result = line;
    let shift = 0;
    for (const m of line.text.matchAll(re)) {
      const name = m[1] ?? m[2]!;
      const replacement = value(name, pwd);
      if (replacement === undefined) continue;
      const expanded = substitute(verbatim(replacement, "", 0), pwd, depth + 1).text;
      const start = m.index! + shift;
      result = replace(result, start, start + m[0].length, expanded);
      shift += expanded.length - m[0].length;
    }
    return result;
  };

  /** Keeps or drops an `@id` line; the prefix becomes spaces so that columns stay where they were. */
  const conditional = (line: Line): Line | undefined => {
    const m = /^(\s*)@(\^?)(\S+)(\s|$)/.exec(line.text);
    if (!m) return line;
    const matches = m[3] === configId;
    if (matches === (m[2] === "^")) return undefined;
    const prefixEnd = m[1]!.length + 1 + m[2]!.length + m[3]!.length;
    return { text: " ".repeat(prefixEnd) + line.text.slice(prefixEnd), pieces: line.pieces };
  };

  const readFile = (uri: string, depth: number) => {
    const file = loaded.files.get(uri);
    if (!file || depth > MAX_DEPTH) return;
    const lines = file.parse.lines;
    const pwd = uriToPath(uri).replace(/\/[^/]*$/, "") || "/";
    const physical: { line: Line; number: number }[] = [];
    for (let n = 0; n < lines.lineCount; n++) {
      const start = lines.lineStart(n);
      const end = n + 1 < lines.lineCount ? lines.lineStart(n + 1) : file.text.length;
      physical.push({ line: verbatim(file.text.slice(start, end).replace(/\r?\n$|\r$/, ""), uri, start), number: n });
    }
    for (let k = 0; k < physical.length; k++) {
      const { line, number } = physical[k]!;
      // A multi-line definition swallows the continued lines that follow it.
      const definition = /^(\s*)\$([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(conditional(line)?.text ?? "");
      if (definition && /\\\s*$/.test(line.text)) {
        const body: Line[] = [];
        const slice = (source: Line, from: number): Line => {
          const text = source.text.slice(from).replace(/\\\s*$/, "");
          return { text, pieces: [{ at: 0, length: text.length, uri, from: source.pieces[0]!.from + from, fromLength: text.length }] };
        };
        const head = slice(line, line.text.indexOf("=") + 1);
        if (head.text.trim() !== "") body.push(head);
        while (k + 1 < physical.length) {
          const next = physical[++k]!.line;
          body.push(slice(next, 0));
          if (!/\\\s*$/.test(next.text)) break;
        }
        if (conditional(line)) definitions.set(definition[2]!, { lines: body.filter((l) => l.text.trim() !== ""), multiline: true });
        continue;
      }
      process(line, uri, number, pwd, depth);
    }
  };

  const process = (raw: Line, uri: string, number: number, pwd: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let line = conditional(raw);
    if (!line) return;
    const definition = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.text);
    if (definition) {
      const text = definition[2]!.replace(/\s+[#!].*$/, "").trim();
      definitions.set(definition[1]!, { lines: [verbatim(text, uri, 0)], multiline: false });
      return;
    }
    const alone = /^\s*\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))\s*$/.exec(line.text);
    const block = alone ? definitions.get(alone[1] ?? alone[2]!) : undefined;
    if (block?.multiline) {
      for (const inner of block.lines) process(inner, uri, number, pwd, depth + 1);
      return;
    }
    line = substitute(line, pwd);
    // `$IF_MAIN priority 240` with `$IF_MAIN=@main`: the condition appears only after substitution.
    if (/^\s*@/.test(line.text)) {
      line = conditional(line);
      if (!line) return;
    }
    const words = line.text.trim().split(/\s+/);
    if (words[0] === "include") {
      const targets = includes.get(`${uri}#${number}`);
      if (targets) {
        for (const target of targets) readFile(target, depth + 1);
        return;
      }
    }
    out.push(line);
  };

  const root = loaded.files.get(loaded.root);
  if (root) readFile(root.uri, 0);
  const text = out.map((line) => line.text).join("\n") + "\n";
  const parse = parseKeepalived(text);
  const model = new KeepalivedModel([{ uri: EFFECTIVE_URI, parse }], [], version);
  const view = vrrpView(model);
  const effectiveLines = new LineIndex(text);

  const position = (offset: number, end: boolean): { uri: string; offset: number } | undefined => {
    const n = effectiveLines.lineOf(offset);
    const line = out[n];
    if (!line) return undefined;
    const column = offset - effectiveLines.lineStart(n);
    let piece = line.pieces.find((p) => column >= p.at && (column < p.at + p.length || (end && column === p.at + p.length)));
    piece ??= line.pieces[line.pieces.length - 1];
    if (!piece || piece.uri === "") return undefined;
    const within = column - piece.at;
    const from = piece.length === piece.fromLength ? piece.from + Math.min(within, piece.length) : end ? piece.from + piece.fromLength : piece.from;
    return { uri: piece.uri, offset: from };
  };

  return {
    configId,
    text,
    parse,
    model,
    view,
    locate(range: Range) {
      const start = position(range.start.offset, false);
      const end = position(range.end.offset, true);
      const uri = start?.uri ?? loaded.root;
      const lines = loaded.files.get(uri)?.parse.lines;
      if (!start || !lines) return { uri, range: { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } } };
      const endOffset = end && end.uri === uri && end.offset >= start.offset ? end.offset : start.offset;
      return { uri, range: lines.range(start.offset, endOffset) };
    },
  };
}
