// KA051: a `url` block of an HTTP_GET or SSL_GET check without `path`, or with one digest twice.
// keepalived 2.2.7 reports "HTTP/SSL_GET checker url has no path - ignoring" and drops the url (a
// check left with no url at all checks nothing), and "Digest '…' is a duplicate".
import type { KeepalivedRule } from "../../lint/rule.js";
import type { PlacedBlock } from "./model.js";
import { vrrpView } from "./vrrp.js";

const CHECKS = new Set(["HTTP_GET", "SSL_GET"]);

export const urlIncomplete: KeepalivedRule = {
  meta: {
    id: "KA051",
    alias: "url-incomplete",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "an HTTP_GET or SSL_GET url without a path, which keepalived drops, or with a digest given twice",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.opaque) return;
    for (const server of view.virtualServers) {
      for (const real of server.blocks("real_server")) {
        for (const check of real.blocks) {
          if (!CHECKS.has(check.keyword ?? "")) continue;
          for (const url of check.blocks) if (url.keyword === "url") checkUrl(url, report);
        }
      }
    }
  },
};

function checkUrl(url: PlacedBlock, report: Parameters<KeepalivedRule["check"]>[0]["report"]): void {
  if (url.statements.some(({ statement }) => /\$|@/.test(statement.keyword.text))) return;
  if (!url.statements.some(({ statement }) => statement.keyword.value === "path")) {
    // keepalived names the line of the block's `}`, where the missing line would go.
    const header = url.block.header!.keyword.range;
    const close = url.block.close?.range;
    report({ uri: url.uri, range: close ?? header, message: "this url has no path; keepalived drops it from the check", ...(close ? { related: [{ uri: url.uri, range: header, message: "the url" }] } : {}) });
  }
  const digests = new Map<string, number>();
  for (const { statement, uri } of url.statements) {
    const value = statement.keyword.value === "digest" ? statement.args[0]?.value.toLowerCase() : undefined;
    if (!value) continue;
    const first = digests.get(value);
    if (first === undefined) digests.set(value, statement.range.start.line);
    else report({ uri, range: statement.args[0]!.range, severity: "warning", message: `this digest is already given on line ${first + 1}; keepalived reports the duplicate` });
  }
}
