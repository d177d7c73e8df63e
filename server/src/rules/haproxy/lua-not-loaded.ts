// HA081: a Lua action, service, sample fetch or converter (`http-request lua.auth`, `use-service
// lua.api`, `lua.geo`, `,lua.mask`) in a configuration whose global section loads no Lua script
// (`lua-load`, `lua-load-per-thread`). Only a loaded script registers `lua.` names, so haproxy
// 2.6.12 refuses each such line ("expects …, but got 'lua.auth'", "'lua.api' unknown service name",
// "unknown fetch method 'lua.geo'", "unknown converter 'lua.mask'"). With a script loaded, which
// names it registers is not known here, and nothing is said.
import type { HaproxyRule } from "../../lint/rule.js";
import { samplesOf } from "./samples.js";
import { searchFor } from "./text-search.js";

searchFor("lua.");

const LOADERS = ["lua-load", "lua-load-per-thread"];

const BECAUSE = "but the global section loads no Lua script ('lua-load') to register it: haproxy refuses the line";

export const luaNotLoaded: HaproxyRule = {
  meta: {
    id: "HA081",
    alias: "lua-not-loaded",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "a Lua action, service, fetch or converter with no Lua script loaded",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const uses = model.mentioning("lua.");
    if (uses.length === 0) return;
    if (model.sectionsOfType("global").some((global) => LOADERS.some((keyword) => model.has(global, keyword)))) return;
    const mentioned = new Set(uses);
    for (const placed of uses) {
      const { reading, section } = placed;
      if (reading.kind !== "known" || !reading.match.keyword.actions) continue;
      const [action, service] = reading.args;
      if (action?.value.startsWith("lua.")) report({ uri: section.uri, range: action.range, message: `'${action.value}' is a Lua action, ${BECAUSE}` });
      else if (action?.value === "use-service" && service?.value.startsWith("lua.")) {
        report({ uri: section.uri, range: service.range, message: `'${service.value}' is a Lua service, ${BECAUSE}` });
      }
    }
    for (const { placed, samples } of samplesOf(model)) {
      if (!mentioned.has(placed)) continue;
      for (const sample of samples) {
        if (!sample.name.startsWith("lua.")) continue;
        const what = sample.kind === "fetch" ? "sample fetch" : "converter";
        report({ uri: placed.section.uri, range: sample.range, message: `'${sample.name}' is a Lua ${what}, ${BECAUSE}` });
      }
    }
  },
};
