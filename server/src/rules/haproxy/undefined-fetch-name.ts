// HA061: a sample fetch or converter that names a backend, frontend, server, userlist, stick table
// or resolvers section that does not exist: `nbsrv(app)`, `srv_is_up(app/web1)`, `be_conn(api)`,
// `http_auth(admins)`, `sc_http_req_rate(0,per_ip)`, `table_cnt(per_ip)`, `do-resolve(txn.ip,dns)`.
// haproxy resolves these names after reading the whole file and refuses to start ("unable to find
// backend 'x' referenced in arg 1 of ACL keyword 'nbsrv'"); it reports them all, without a line.
import { namedArgument, namedCalls } from "../../../../grammars/references/haproxy-functions.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { describe, HAS_PAREN, type HaproxyModel, type SectionModel } from "./model.js";
import { rangeInWord } from "./options.js";

function names(model: HaproxyModel, types: readonly string[], needs?: (section: SectionModel) => boolean): Set<string> {
  return new Set(model.sections.filter((s) => types.includes(s.type) && s.name !== undefined && (!needs || needs(s))).map((s) => s.name!));
}

export const undefinedFetchName: HaproxyRule = {
  meta: {
    id: "HA061",
    alias: "undefined-fetch-name",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "a sample fetch or converter names a backend, server, table, userlist or resolvers that does not exist",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    let known: Readonly<Record<"backend" | "frontend" | "userlist" | "resolvers" | "table", Set<string>>> | undefined;
    const lists = () =>
      (known ??= {
        backend: names(model, ["backend", "listen"]),
        frontend: names(model, ["frontend", "listen"]),
        userlist: names(model, ["userlist"]),
        // haproxy builds a `default` resolvers section from /etc/resolv.conf (measured: `do-resolve(txn.ip,default)` passes).
        resolvers: new Set(["default", ...names(model, ["resolvers"])]),
        table: names(model, ["frontend", "backend", "listen"], (s) => model.has(s, "stick-table")),
      });
    // The calls of each word value, read once: a large file repeats a few (`hdr(host)`), most naming nothing.
    const callsOf = new Map<string, ReturnType<typeof namedCalls>>();
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const placed = placedList[placedAt]!;
      // A call needs a `(` in a word's value: the line holds one, or a quote or escape may make one.
      if (!placed.mayHold(HAS_PAREN)) continue;
      const { statement, section } = placed;
      for (const word of statement.words) {
        const value = word.value;
        if (!value.includes("(")) continue;
        let calls = callsOf.get(value);
        if (calls === undefined) callsOf.set(value, (calls = namedCalls(value)));
        for (const call of calls) {
          const named = namedArgument(call.name)!;
          const arg = call.args[named.index];
          const name = arg?.text.trim();
          if (!arg || !name || name.includes("$") || name.includes("%[")) continue;
          const start = arg.start + arg.text.indexOf(name);
          let target: string = named.target;
          let looked = name;
          let pool: Set<string>;
          if (named.target === "server") {
            const slash = name.indexOf("/");
            // A server without its backend is looked for in the proxy the line stands in: a frontend
            // has none, and a defaults section is no proxy at all (haproxy 2.6.12: "unable to find
            // server 'www' in proxy 'f'", "backend name must be set").
            if (slash < 0 && (section.type === "frontend" || section.type === "defaults")) {
              const range = rangeInWord(word, start, start + name.length);
              report({
                uri: section.uri,
                range,
                message: `${call.name}() names server '${name}' without its backend, and ${describe(section)} has no servers; write 'BACKEND/${name}'`,
              });
              continue;
            }
            const backend = slash < 0 ? section.name : name.slice(0, slash);
            looked = slash < 0 ? name : name.slice(slash + 1);
            const owners = backend === undefined ? [] : model.backends(backend);
            if (owners.length === 0) {
              // The backend part is wrong: report it as a backend.
              if (slash < 0) continue;
              target = "backend";
              looked = backend!;
              pool = lists().backend;
            } else pool = new Set(owners.flatMap((owner) => [...model.serverNames(owner).keys()]));
          } else if (named.target === "table" && name.includes("/")) {
            continue; // a table of a peers section (`peers/table`): not modelled yet
          } else pool = lists()[named.target];
          if (pool.has(looked)) continue;
          const offset = target === "backend" && named.target === "server" ? start : start + (name.length - looked.length);
          const range = rangeInWord(word, offset, offset + looked.length);
          const candidates = suggest(looked, pool);
          report({
            uri: section.uri,
            range,
            message: `${call.name}() names ${target === "table" ? "stick table" : target} '${looked}', which is not defined${didYouMean(candidates)}`,
            ...replacementFixes(range, candidates),
          });
        }
      }
    }
  },
};
