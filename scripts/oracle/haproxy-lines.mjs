// Shared by the oracle scripts: real haproxy lines from the corpus, samples for keywords the corpus
// lacks, and haproxy -c's messages with their line numbers.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { haproxyCheck } from "./haproxy-check.mjs";

export const CORPUS = process.env.LBLINT_CORPUS ?? join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../../../shared/corpus");

/** Lines for keywords the corpus has no accepted line of (most need a condition or another section). */
export const SAMPLES = {
  "capture cookie": "capture cookie SID len 32",
  default_backend: "default_backend be",
  dispatch: "dispatch 127.0.0.1:80",
  "external-check command": "external-check command /bin/true",
  "force-persist": "force-persist if TRUE",
  "hash-balance-factor": "hash-balance-factor 150",
  "hash-type": "hash-type consistent",
  "http-check set-var": "http-check set-var(check.x) int(1)",
  "http-check set-var-fmt": "http-check set-var-fmt(check.x) %[int(1)]",
  "http-check unset-var": "http-check unset-var(check.x)",
  "http-send-name-header": "http-send-name-header X-Srv",
  "ignore-persist": "ignore-persist if TRUE",
  "load-server-state-from-file": "load-server-state-from-file none",
  "monitor fail": "monitor fail if TRUE",
  "option external-check": "option external-check",
  "option forwarded": "option forwarded",
  "option http-drop-request-trailers": "option http-drop-request-trailers",
  "option http-drop-response-trailers": "option http-drop-response-trailers",
  redirect: "redirect location / if TRUE",
  "retry-on": "retry-on conn-failure",
  "server-template": "server-template srv 1-3 127.0.0.1:80",
  "stats admin": "stats admin if TRUE",
  "stick match": "stick match src table be",
  "stick on": "stick on src table be",
  "stick store-request": "stick store-request src table be",
  "stick store-response": "stick store-response src table be",
  "tcp-check expect": "tcp-check expect string OK",
  "tcp-check send-binary": "tcp-check send-binary 50494e47",
  "tcp-check set-var": "tcp-check set-var(check.x) int(1)",
  "tcp-check set-var-fmt": "tcp-check set-var-fmt(check.x) %[int(1)]",
  "tcp-check unset-var": "tcp-check unset-var(check.x)",
  "use-fcgi-app": "use-fcgi-app app",
  "use-server": "use-server s if TRUE",
  use_backend: "use_backend be if TRUE",
};

/** `corpusLines()(keyword)`: up to 3 distinct lines of files haproxy 2.6 accepts that use the keyword, without a condition. */
export function corpusLines() {
  const manifest = readFileSync(join(CORPUS, "manifest.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
  const lines = [];
  for (const entry of manifest) {
    if (entry.format !== "haproxy" || entry.oracle?.exit_code !== 0 || !existsSync(join(CORPUS, entry.file))) continue;
    for (const line of readFileSync(join(CORPUS, entry.file), "utf8").split(/\r?\n/)) {
      const bare = line.replace(/(^|\s)#.*$/, "").trim();
      if (bare && !/\s(if|unless)\s/.test(bare)) lines.push(bare);
    }
  }
  return (keyword) => {
    const starts = new RegExp(`^${keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")}(\\s|$)`);
    return [...new Set(lines.filter((line) => starts.test(line)))].slice(0, 3);
  };
}

/** haproxy -c's alerts and warnings for a file, with the line each names (when it names one of `file`). */
export function runHaproxy(file) {
  // HAPROXY_BIN: another release to ask (haproxy30, haproxy32: docs/agreement.md, "Later releases as oracles").
  const run = haproxyCheck(file, { binary: process.env.HAPROXY_BIN ?? "haproxy", args: ["-dr"] });
  const name = file.split("/").pop();
  // A crash is a refusal on no line (2.6.12 and 3.0.11 end -c with a segmentation fault on `tune.bufsize 16`).
  const crashed = ["SIGSEGV", "SIGABRT", "SIGBUS"].includes(run.signal ?? "") ? `\n[ALERT] : haproxy crashed (${run.signal})` : "";
  return `${run.stdout}${run.stderr}${crashed}`
    .split("\n")
    .map((text) => {
      const level = /\[(ALERT|WARNING)\]/.exec(text)?.[1];
      const line = new RegExp(`${name.replace(/\./g, "\\.")}:(\\d+)\\]`).exec(text)?.[1];
      return level ? { level, line: line ? Number(line) : undefined, text: text.replace(/^.*?\] : /, "") } : undefined;
    })
    .filter(Boolean);
}

/** A configuration with `lines` in a proxy `sut` of type `section`, what it needs around it, and the line number of the first. */
export function proxyConfig(section, lines) {
  const bind = section === "frontend" || section === "listen" ? ["    bind :18080"] : [];
  const mode = section === "defaults" ? [] : ["    mode http"];
  const head = ["defaults base", "    mode http", "    timeout client 5s", "    timeout server 5s", "    timeout connect 5s", section === "defaults" ? "defaults sut" : `${section} sut`, ...bind, ...mode];
  const tail = ["backend be", "    stick-table type ip size 1k", "    server s 127.0.0.1:80", "listen keep", "    bind :18081", "    server s 127.0.0.1:80"];
  return { text: [...head, ...lines.map((line) => `    ${line}`), ...tail].join("\n") + "\n", first: head.length + 1 };
}
