// KA052: email alerts that cannot reach anyone. keepalived mails alerts through global_defs'
// smtp_server to the addresses of notification_email; `smtp_alert` without a server, or without a
// recipient, sends nothing, and `keepalived -t` says nothing about it (2.2.7). An empty
// notification_email block is the one case keepalived itself warns about. An smtp_server given as a
// host name is resolved while keepalived reads its configuration: where the name does not resolve,
// 2.2.7 reports "Invalid smtp server NAME 25" and keeps no server (`keepalived -t` exits 5).
import { isIpv4, isIpv6 } from "../../facts/shapes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { throughClose, type PlacedStatement } from "./model.js";
import { vrrpView } from "./vrrp.js";

/** The keywords that turn email alerts on: in global_defs for all, elsewhere for one instance, group, server or check. */
const ALERT_KEYWORDS = ["smtp_alert", "smtp_alert_vrrp", "smtp_alert_checker"];
/** How keepalived reads a BOOL given as off. */
const OFF = new Set(["false", "no", "off", "0"]);

export const emailAlertsNowhere: KeepalivedRule = {
  meta: {
    id: "KA052",
    alias: "email-alerts-nowhere",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "smtp_alert with no smtp_server or no notification_email address, so no alert is sent; an empty notification_email block; an smtp_server host name",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    // A block with nothing in it is empty whatever the rest of the file holds (a `$MACRO` or an
    // include inside it would be a statement of its own).
    const emailBlocks = model.blocks.filter((placed) => placed.id === "global_defs>notification_email");
    for (const placed of emailBlocks) {
      if (placed.statements.length === 0 && placed.blocks.length === 0) {
        report({ uri: placed.uri, range: throughClose(placed.block.header!.keyword.range, placed.block), message: "this notification_email block lists no address; keepalived warns about it and mails no one" });
      }
    }
    for (const placed of model.withKeyword("smtp_server")) {
      if (placed.blockId !== "global_defs") continue;
      const host = placed.statement.args[0];
      if (host && namesHost(host.value)) {
        report({
          uri: placed.uri,
          range: host.range,
          message: `smtp_server names the host '${host.value}': keepalived resolves it when it reads the configuration, and where that fails (no DNS yet at boot, a name this host does not know) it reports the line and keeps no SMTP server, so no alert is sent; give the server's address`,
        });
      }
    }
    const view = vrrpView(model);
    // A global_defs in a file lblint cannot read may hold the server or the addresses.
    if (view.opaque || model.mayHoldDynamic) return;
    const alerts: PlacedStatement[] = [];
    for (const keyword of ALERT_KEYWORDS) for (const placed of model.withKeyword(keyword)) if (!OFF.has(placed.statement.args[0]?.value.toLowerCase() ?? "")) alerts.push(placed);
    if (alerts.length === 0) return;
    const hasServer = view.global.has("smtp_server");
    const hasRecipient = emailBlocks.some((placed) => placed.statements.length > 0);
    if (hasServer && hasRecipient) return;
    const missing = !hasServer && !hasRecipient ? "no smtp_server and no notification_email address" : !hasServer ? "no smtp_server" : "no notification_email address";
    alerts.sort((a, b) => a.order - b.order);
    const first = alerts[0]!;
    report({
      uri: first.uri,
      range: first.statement.keyword.range,
      message: `email alerts are turned on, but global_defs has ${missing}: keepalived sends no alert${alerts.length > 1 ? ` (${alerts.length - 1} more smtp_alert line${alerts.length > 2 ? "s" : ""} alike)` : ""}`,
    });
  },
};

/**
 * Whether an smtp_server value is a name to resolve: not an address (keepalived also takes the
 * numeric forms getaddrinfo reads, `127.1`, without DNS), not `localhost`, which /etc/hosts holds,
 * and not a `$VARIABLE` (KA010 says whether it is defined).
 */
function namesHost(value: string): boolean {
  if (isIpv4(value) || isIpv6(value) || /^[0-9.]+$/.test(value) || value.includes("$")) return false;
  return value.toLowerCase() !== "localhost";
}
