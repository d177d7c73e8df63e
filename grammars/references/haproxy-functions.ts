// Sample fetches, converters and actions whose arguments name something defined elsewhere in the
// file, from the haproxy 2.6 manual (section 7.3 and the http-request actions):
//   backend      avg_queue be_conn be_conn_free be_sess_rate connslots nbsrv queue ([<backend>])
//   frontend     fe_conn fe_req_rate fe_sess_rate ([<frontend>])
//   server       srv_conn srv_conn_free srv_is_up srv_iweight srv_queue srv_sess_rate srv_uweight
//                srv_weight ([<backend>/]<server>)
//   userlist     http_auth http_auth_group (<userlist>)
//   table        sc_*(<ctr>[,<table>]), sc0_* sc1_* sc2_* src_*([<table>]), table_avl table_cnt
//                ([<table>]), the table_* converters and in_table (<table>); the gpt/gpc forms with
//                an <idx> take it first
//   resolvers    do-resolve(<var>,<resolvers>[,ipv4|ipv6])

/** What an argument names. */
export type FunctionTarget = "backend" | "frontend" | "server" | "userlist" | "table" | "resolvers";

export interface NamedArgument {
  readonly target: FunctionTarget;
  /** Which argument (0-based) holds the name. */
  readonly index: number;
}

const BACKEND_FETCHES = ["avg_queue", "be_conn", "be_conn_free", "be_sess_rate", "connslots", "nbsrv", "queue"];
const FRONTEND_FETCHES = ["fe_conn", "fe_req_rate", "fe_sess_rate"];
const SERVER_FETCHES = ["srv_conn", "srv_conn_free", "srv_is_up", "srv_iweight", "srv_queue", "srv_sess_rate", "srv_uweight", "srv_weight"];
const USERLIST_FETCHES = ["http_auth", "http_auth_group"];

/** The gpt/gpc counters addressed by an index, which comes before the table. */
const INDEXED = /^(?:get_gpt|get_gpc|gpc_rate|inc_gpc|clr_gpc)$/;

/** `namedArgument`'s answers so far: a large file calls a few functions thousands of times. */
const namedArguments = new Map<string, NamedArgument | null>();

/** The argument of `name(...)` that names something, or undefined when none does. */
export function namedArgument(name: string): NamedArgument | undefined {
  let found = namedArguments.get(name);
  if (found === undefined) {
    found = findNamedArgument(name) ?? null;
    // Names come from the file: the cache stays small whatever it holds.
    if (namedArguments.size < 10_000) namedArguments.set(name, found);
  }
  return found ?? undefined;
}

function findNamedArgument(name: string): NamedArgument | undefined {
  if (BACKEND_FETCHES.includes(name)) return { target: "backend", index: 0 };
  if (FRONTEND_FETCHES.includes(name)) return { target: "frontend", index: 0 };
  if (SERVER_FETCHES.includes(name)) return { target: "server", index: 0 };
  if (USERLIST_FETCHES.includes(name)) return { target: "userlist", index: 0 };
  if (name === "do-resolve") return { target: "resolvers", index: 1 };
  if (name === "in_table" || name === "table_avl" || name === "table_cnt") return { target: "table", index: 0 };
  let match = /^sc_(.+)$/.exec(name);
  if (match) return { target: "table", index: INDEXED.test(match[1]!) ? 2 : 1 };
  match = /^(?:sc[0-9]|src)_(.+)$/.exec(name);
  if (match) return { target: "table", index: INDEXED.test(match[1]!) ? 1 : 0 };
  match = /^table_(.+)$/.exec(name);
  if (match) return { target: "table", index: /^(?:gpt|gpc|gpc_rate)$/.test(match[1]!) ? 1 : 0 };
  return undefined;
}

export interface FunctionCall {
  readonly name: string;
  /** Each argument with its offset in the scanned value. */
  readonly args: readonly { readonly text: string; readonly start: number }[];
}

// A function name not preceded by a name character, and arguments without nested parentheses.
const CALL = /(?<![A-Za-z0-9_.-])([a-z][a-z0-9_.-]*)\(([^()]*)\)/g;

/** The `name(args)` calls in a word's value whose name is in the table above. */
export function namedCalls(value: string): FunctionCall[] {
  if (!value.includes("(")) return [];
  const calls: FunctionCall[] = [];
  for (const match of value.matchAll(CALL)) {
    const name = match[1]!;
    if (!namedArgument(name)) continue;
    const args: { text: string; start: number }[] = [];
    let start = match.index + name.length + 1;
    for (const piece of match[2]!.split(",")) {
      args.push({ text: piece, start });
      start += piece.length + 1;
    }
    calls.push({ name, args });
  }
  return calls;
}
