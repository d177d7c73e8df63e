// Reading HTTP health-check requests: `option httpchk [<method>] [<uri>] [<version>]` (where the
// version word may hide headers and a body after `\r\n`) and `http-check send …` lines.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { argValue } from "./model.js";

export interface HttpchkOption {
  readonly statement: Statement;
  readonly method: Word | undefined;
  readonly uri: Word | undefined;
  readonly version: Word | undefined;
  /** The version alone (before any line break). */
  readonly versionText: string | undefined;
  /** A fourth argument: the Host header in haproxy versions after 2.6 (2.6 refuses it). */
  readonly host: Word | undefined;
  /** What follows the first line break of the version word, or "" when nothing is hidden there. */
  readonly hidden: string;
}

export function isHttpchk(statement: Statement): boolean {
  return statement.wordIs(0, "option") && argValue(statement, 0) === "httpchk";
}

export function readHttpchk(statement: Statement): HttpchkOption {
  const rest = statement.args.slice(1);
  const [method, uri, version] = rest.length === 1 ? [undefined, rest[0], undefined] : [rest[0], rest[1], rest[2]];
  const value = version?.value;
  const cut = value === undefined ? -1 : value.search(/[\r\n]/);
  return {
    statement,
    method,
    uri,
    version,
    host: rest[3],
    versionText: value === undefined ? undefined : cut < 0 ? value : value.slice(0, cut),
    hidden: value === undefined || cut < 0 ? "" : value.slice(cut).replace(/^\r?\n/, ""),
  };
}

export interface Header {
  readonly name: string;
  readonly value: string;
}

/** The headers hidden after the version; undefined when something else (a body, a bare line) is hidden there. */
export function hiddenHeaders(hidden: string): Header[] | undefined {
  const lines = hidden.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const headers: Header[] = [];
  for (const line of lines) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match) return undefined;
    headers.push({ name: match[1]!, value: match[2]! });
  }
  return headers;
}

export interface HttpCheckSend {
  readonly statement: Statement;
  readonly version: Word | undefined;
  readonly headers: { name: Word; value: Word | undefined }[];
}

/** An `http-check send` line's version and headers. */
export function readSend(statement: Statement): HttpCheckSend | undefined {
  if (statement.keyword.value !== "http-check" || statement.args[0]?.value !== "send") return undefined;
  let version: Word | undefined;
  const headers: { name: Word; value: Word | undefined }[] = [];
  const args = statement.args;
  for (let i = 1; i < args.length; i++) {
    const word = args[i]!.value;
    if (word === "hdr") {
      headers.push({ name: args[i + 1]!, value: args[i + 2] });
      i += 2;
    } else if (word === "ver") version = args[++i];
    else if (["meth", "uri", "uri-lf", "body", "body-lf", "comment"].includes(word)) i++;
  }
  return { statement, version, headers: headers.filter((h) => h.name !== undefined) };
}
