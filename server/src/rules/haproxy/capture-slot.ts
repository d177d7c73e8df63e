// HA066: `http-request capture SAMPLE id N` or `http-response capture SAMPLE id N` in a frontend
// (or listen) that declares fewer capture slots of that direction. A frontend's request slots are
// its `capture request header` and `declare capture request` lines and the captures that give a
// `len` instead of an `id` (`http-request capture hdr(host) len 32`, `tcp-request content capture
// … len N`), numbered from 0 in order; response slots are the `capture response header` and
// `declare capture response` lines. haproxy 2.6.12 refuses an id past them once the proxy is checked
// ("Proxy 'f': unable to find capture id '1' referenced by http-request capture rule"), and does
// not check the ids of rules in a backend (they use the frontend's slots). Capture rules with `len`
// that a proxy inherits from a named defaults section make slots of their own, before the proxy's;
// and the named defaults section is checked too, against its own (measured: "Proxy 'base-http':
// unable to find capture id '2'").
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, searchFor, type Placed } from "./model.js";
import { atolInt32 } from "./numbers.js";

searchFor("capture");

export const captureSlot: HaproxyRule = {
  meta: {
    id: "HA066",
    alias: "capture-slot",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "an http-request or http-response capture with an id the frontend declares no capture slot for",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const byProxy = new Map<Placed["section"], Placed[]>();
    for (const placed of model.mentioning("capture")) {
      const type = placed.section.type;
      if (type !== "frontend" && type !== "listen" && type !== "defaults") continue;
      (byProxy.get(placed.section) ?? byProxy.set(placed.section, []).get(placed.section)!).push(placed);
    }
    for (const [section, lines] of byProxy) {
      // A quoted or escaped word may hide a slot's words: such a capture line, or one under `.if`, is not judged.
      const captures = lines.filter((placed) => placed.keyword === "capture" || placed.keyword === "declare" || placed.value(0) === "capture" || placed.value(1) === "capture");
      if (captures.some((placed) => placed.statement.guard !== undefined || !placed.plain)) continue;
      const slots = { request: 0, response: 0 };
      const uses: { placed: Placed; direction: "request" | "response"; at: number }[] = [];
      for (const placed of captures) {
        const { keyword } = placed;
        const first = placed.value(0);
        if (keyword === "capture" && (first === "request" || first === "response") && placed.value(1) === "header") slots[first]++;
        else if (keyword === "declare" && first === "capture" && (placed.value(1) === "request" || placed.value(1) === "response")) slots[placed.value(1) as "request" | "response"]++;
        else if ((keyword === "http-request" || keyword === "http-response") && first === "capture") {
          const at = placed.indexOf("id");
          if (at > 1) uses.push({ placed, direction: keyword === "http-request" ? "request" : "response", at: at + 1 });
          // A capture with `len` instead of `id` makes a request slot of its own.
          else if (keyword === "http-request" && placed.indexOf("len") > 1) slots.request++;
        } else if (keyword === "tcp-request" && first === "content" && placed.value(1) === "capture" && placed.indexOf("len") > 2) slots.request++;
      }
      // The capture rules a proxy inherits from its defaults (a named one, with `from`) come first and make request slots too.
      // A defaults section is checked as a proxy of its own: its ids against its own `len` captures
      // (it may not inherit rules, and may not declare slots).
      for (const holder of section.type === "defaults" ? [] : model.defaultsChain(section)) {
        for (const statement of model.keywordsIn(holder, ["http-request", "tcp-request"])) {
          const offset = statement.wordIs(0, "tcp-request") ? 1 : 0;
          if (offset === 1 && !statement.wordIs(1, "content")) continue;
          if (!statement.wordIs(1 + offset, "capture")) continue;
          for (let i = 3 + offset; i < statement.wordCount; i++) {
            if (statement.wordIs(i, "len")) {
              slots.request++;
              break;
            }
          }
        }
      }
      for (const { placed, direction, at } of uses) {
        const word = placed.statement.args[at];
        // haproxy keeps the id in 32 bits after atol() (measured: `id 4294967297` is slot 1), and checks
        // no id that comes out negative (`id 2147483648` passes without a word).
        const id = word && /^\d+$/.test(word.value) ? atolInt32(word.value) : undefined;
        if (!word || id === undefined || id < slots[direction]) continue;
        const count = slots[direction];
        const hint = section.type === "defaults" ? "a defaults section declares no slots: capture with 'len N' there, or move the rule into the frontend" : `add 'declare capture ${direction} len N'`;
        report({
          uri: section.uri,
          range: word.range,
          message: `${describe(section)} declares ${count === 0 ? "no" : count} ${direction} capture slot${count === 1 ? "" : "s"}${count === 1 ? " (id 0)" : count > 1 ? ` (ids 0-${count - 1})` : ""}, so there is no id ${word.value}${String(id) === word.value ? "" : ` (read as ${id})`}; haproxy refuses the rule (${hint})`,
        });
      }
    }
  },
};
