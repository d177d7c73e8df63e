// KA051: an HTTP_GET or SSL_GET check without any `url` block, a `url` without `path`, or one
// digest twice.
// keepalived 2.2.7 reports "HTTP/SSL_GET checker url has no path - ignoring" and drops the url (a
// check left with no url at all checks nothing), and "Digest '…' is a duplicate".
import type { KeepalivedRule } from "../../lint/rule.js";
import { throughClose, type PlacedBlock } from "./model.js";
import { vrrpView } from "./vrrp.js";

const CHECKS = new Set(["HTTP_GET", "SSL_GET"]);

export const urlIncomplete: KeepalivedRule = {
  meta: {
    id: "KA051",
    alias: "url-incomplete",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "an HTTP_GET or SSL_GET check without a url, or a url without a path, which keepalived drops, or with a digest given twice",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // Without an HTTP_GET or SSL_GET block anywhere, the real servers need not be read.
    if (![...CHECKS].some((keyword) => model.holdsKeyword(keyword))) return;
    const view = vrrpView(model);
    if (view.opaque) return;
    for (const server of view.virtualServers) {
      for (const real of server.blocks("real_server")) {
        for (const check of real.blocks) {
          if (!CHECKS.has(check.keyword ?? "")) continue;
          const urls = check.blocks.filter((block) => block.keyword === "url");
          for (const url of urls) checkUrl(url, report);
          // keepalived 2.2.7: "HTTP/SSL_GET checker has no urls specified - ignoring".
          if (urls.length === 0 && !check.statements.some(({ statement }) => /\$|@/.test(statement.keyword.text))) {
            report({ uri: check.uri, range: throughClose(check.block.header!.keyword.range, check.block), message: `this ${check.keyword} has no url block; keepalived ignores the check, so the real server is never taken out` });
          }
        }
      }
    }
  },
};

function checkUrl(url: PlacedBlock, report: Parameters<KeepalivedRule["check"]>[0]["report"]): void {
  if (url.statements.some(({ statement }) => /\$|@/.test(statement.keyword.text))) return;
  if (!url.statements.some(({ statement }) => statement.keyword.value === "path")) {
    report({ uri: url.uri, range: throughClose(url.block.header!.keyword.range, url.block), message: "this url has no path; keepalived drops it from the check" });
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
