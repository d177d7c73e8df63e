// HA052: connection limits that do not mean what they say. Measured with haproxy 2.6 (stats socket,
// `show info` / `show stat`):
// - without a global `maxconn`, the process limit comes from `ulimit -n`: 498 with the common soft
//   limit of 1024, whatever the frontends say (`maxconn 100000` stays 100000 on paper);
// - the global `maxconn` caps every frontend; with two global `maxconn` lines the first one holds;
// - a server `minconn` above its `maxconn` raises the limit to `minconn`, and `minconn` without
//   `maxconn` (0, unlimited) turns `minconn` into the server's maxconn.
// haproxy reports none of it (h27).
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import type { Placed, SectionModel } from "./model.js";
import { bindOptions, spanWords } from "./options.js";
import { defaultServersSet, effectiveServerOptions, globalStatements, integer } from "./proxy-settings.js";

/** The process limit haproxy 2.6 derived from the usual soft `ulimit -n` of 1024 (measured). */
const DEFAULT_PROCESS_LIMIT = 498;

export const globalMaxconn: HaproxyRule = {
  meta: {
    id: "HA052",
    alias: "global-maxconn",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "connection limits are capped or changed by another limit: the global maxconn, or a server's minconn",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const globals = model.sectionsOfType("global");
    const globalLine = globalStatements(model).find(({ statement }) => statement.keyword.value === "maxconn");
    const globalLimit = integer(globalLine?.statement.args[0]);

    if (globals.length > 0 && (globalLine === undefined || globalLimit !== undefined)) {
      const limits: { word: Word; range: ReturnType<typeof spanWords>; uri: string }[] = [];
      for (const section of model.sectionsOfType("defaults", "frontend", "listen")) {
        for (const statement of model.keywordsIn(section, ["maxconn", "bind"])) {
          if (statement.keyword.value === "maxconn" && statement.args[0]) {
            limits.push({ word: statement.args[0], range: spanWords(statement.keyword, statement.args[0]), uri: section.uri });
          } else if (statement.keyword.value === "bind" && section.type !== "defaults") {
            const option = bindOptions(statement).find((o) => o.name === "maxconn" && o.value);
            if (option) limits.push({ word: option.value!, range: spanWords(option.word, option.value!), uri: section.uri });
          }
        }
      }
      for (const { word, range, uri } of limits) {
        const value = integer(word);
        if (value === undefined) continue;
        if (globalLimit === undefined && value > DEFAULT_PROCESS_LIMIT) {
          report({
            uri,
            range,
            related: [{ uri: globals[0]!.uri, range: globals[0]!.section.header.keyword.range, message: "no maxconn in this global section" }],
            message: `'maxconn ${value}' without a global maxconn: the process limit then comes from 'ulimit -n' (498 connections with the usual 1024) and caps this one`,
          });
        } else if (globalLimit !== undefined && value > globalLimit) {
          report({
            uri,
            range,
            related: [{ uri: globalLine!.section.uri, range: globalLine!.statement.args[0]!.range, message: `global maxconn ${globalLimit}` }],
            message: `'maxconn ${value}' is above the global maxconn ${globalLimit}: the process never accepts more than ${globalLimit} connections in total`,
          });
        }
      }
    }

    const reported = new Set<Statement>();
    // Only servers with a minconn: on their line, or from a default-server line.
    const saying = new Map<SectionModel, Placed[]>();
    for (const placed of model.mentioning("minconn")) (saying.get(placed.section) ?? saying.set(placed.section, []).get(placed.section)!).push(placed);
    for (const section of model.sectionsOfType("backend", "listen")) {
      const servers = defaultServersSet(model, section, "minconn") ? model.placedIn(section) : saying.get(section);
      for (const placed of servers ?? []) {
        const { statement: server, keyword } = placed;
        if (keyword !== "server" && keyword !== "server-template") continue;
        const options = effectiveServerOptions(model, section, server);
        const min = options.get("minconn");
        const minValue = integer(min?.value);
        if (!min || minValue === undefined || minValue === 0) continue;
        const maxValue = integer(options.get("maxconn")?.value) ?? 0;
        if (maxValue !== 0 && minValue <= maxValue) continue;
        // A minconn written on a default-server line is reported there, once.
        const owner = [section, ...model.defaultsChain(section)].find((s) => s.statements.some((line) => line.words.includes(min.word))) ?? section;
        const line = owner.statements.find((l) => l.words.includes(min.word)) ?? server;
        if (reported.has(line)) continue;
        reported.add(line);
        report({
          uri: owner.uri,
          range: spanWords(min.word, min.value!),
          message:
            maxValue === 0
              ? `'minconn ${minValue}' without a maxconn: haproxy makes ${minValue} the server's maxconn`
              : `'minconn ${minValue}' is above 'maxconn ${maxValue}': haproxy raises the server's maxconn to ${minValue}`,
        });
      }
    }
  },
};
