// Hover on the Lua names a configuration calls: `http-request lua.auth`, `lua.geo(src)`,
// `src,lua.tag`, `use-service lua.stats`. A script loaded by `lua-load` registers them when haproxy
// starts, so lblint knows what kind of function each is and where it must come from, not what it does.
import { haproxyDocUrl, matchHaproxyKeyword } from "../facts/haproxy.js";
import type { HaproxyVersion } from "../facts/types.js";

export type LuaItemKind = "action" | "sample fetch" | "converter" | "service";

/** How a script registers each kind, and how a line calls it. */
const KINDS: Readonly<Record<LuaItemKind, { readonly register: string; readonly form: (name: string) => string; readonly use: string }>> = {
  action: { register: "core.register_action()", form: (name) => `${name} [<argument> …]`, use: "the words after it are handed to the function" },
  "sample fetch": { register: "core.register_fetches()", form: (name) => `${name}([<argument>,…])`, use: "it returns the value the function returns" },
  converter: { register: "core.register_converters()", form: (name) => `${name}([<argument>,…])`, use: "the function gets the value before the comma and returns the converted one" },
  service: { register: "core.register_service()", form: (name) => `use-service ${name}`, use: "the service answers the request or the connection itself" },
};

/** Whether a word names a Lua function: `lua.` and a name. */
export function isLuaName(word: string): boolean {
  return word.startsWith("lua.") && word.length > 4;
}

export function describeLuaItem(kind: LuaItemKind, written: string, version: HaproxyVersion): string {
  const name = written.replace(/\(.*$/s, "");
  const { register, form, use } = KINDS[kind];
  const lines = [
    "```haproxy\n" + form(name) + "\n```",
    `A Lua ${kind}: \`${name.slice(4)}\`, which a script registers with \`${register}\`; ${use}.`,
    "haproxy finds it only if `lua-load` or `lua-load-per-thread` in `global` loads that script.",
  ];
  const load = matchHaproxyKeyword(["lua-load"])?.keyword;
  if (load) lines.push(`[haproxy ${version} documentation: \`lua-load\`](${haproxyDocUrl(load, version)})`);
  return lines.join("\n\n");
}
