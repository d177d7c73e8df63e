// HA087: a peers section without a peer named as the global `localpeer` says. haproxy finds its own
// entry in a peers section by that name (else by the machine's host name, or `-L`); with none,
// haproxy 2.6.12 warns "Removing incomplete section 'peers mesh' (no peer named 'lb1')" and drops the
// section, so the stick tables that name it are no longer shared. The last `localpeer` counts
// (measured). Without `localpeer` the name depends on the machine, which the file does not tell.
import type { HaproxyRule } from "../../lint/rule.js";

export const localPeer: HaproxyRule = {
  meta: {
    id: "HA087",
    alias: "local-peer",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a peers section with no peer named as the global localpeer: haproxy removes the section",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const setting = model.withKeyword("localpeer").filter((placed) => placed.section.type === "global").at(-1);
    const name = setting?.value(0);
    if (!setting || name === undefined || name.includes("$")) return;
    for (const section of model.sectionsOfType("peers")) {
      const word = section.section.name;
      if (!word) continue;
      // `peer NAME ADDRESS`, or `server NAME` (without an address for the local one) after a `bind`.
      const names = [...model.keywordIn(section, "peer"), ...model.keywordIn(section, "server")].map((statement) => statement.args[0]?.value);
      if (names.includes(name) || names.some((peer) => peer?.includes("$"))) continue;
      report({
        range: word.range,
        uri: section.uri,
        message: `peers section '${section.name}' has no peer named '${name}', this haproxy's 'localpeer': haproxy removes the section, and the stick tables that name it are not shared (add 'peer ${name} ADDRESS:PORT', unless haproxy is started with -L)`,
        related: [{ uri: setting.section.uri, range: setting.statement.range, message: "the localpeer setting" }],
      });
    }
  },
};
