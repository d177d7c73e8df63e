// The incremental check of a haproxy.cfg finds exactly what lint() finds: every corpus file and a
// generated 15,000-line one, edited at random inside its proxies (lines added, removed and changed,
// servers, ACLs, options and references written and broken), compared after each edit.
import { describe, expect, it } from "vitest";
import { HaproxyDocument } from "../../grammars/incremental/haproxy-document.js";
import { defaultConfig, resolveConfig } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
import type { Problem } from "../../server/src/lint/report.js";
import { HaproxyLinter } from "../../server/src/service/incremental-lint-haproxy.js";
import { loadManifest, readCorpusFile } from "../corpus/corpus.js";
import { seededRandom } from "../support/random.js";
// @ts-expect-error the generator is plain JavaScript, shared with the benchmark
import { generateHaproxy } from "../../scripts/generate-haproxy.mjs";

const URI = "file:///etc/haproxy/haproxy.cfg";
/** More edits per file with LBLINT_FUZZ_EDITS, a different series with LBLINT_FUZZ_SEED. */
const EDITS = Number(process.env.LBLINT_FUZZ_EDITS ?? 6);
const SEED = Number(process.env.LBLINT_FUZZ_SEED ?? 1);
const SNIPPETS = [
  "x", " ", "\n", "#", "0", "s",
  "    server s9 10.0.0.9:80 check\n",
  "    server s9 app.example.com:80\n",
  "    option httpchk GET /health HTTP/1.1\n",
  "    timeout server 0\n",
  "    timeout client 30\n",
  "    acl is_x path_beg /x\n",
  "    use_backend nowhere if is_x\n",
  "    use_backend app\n",
  "    default_backend app\n",
  "    stick-table type ip size 1k\n",
  "    http-request track-sc0 src table other\n",
  "    disabled\n",
  "    mode tcp\n",
  "    mode http\n",
  "    balance uri\n",
  "    http-request deny\n",
  "    http-request redirect location /\n",
  "    maxconn 100000\n",
  "    bind :80\n",
  "    bind :443 ssl crt /x.pem verify none\n",
  "    reqrep ^(.*) \\1\n",
  "    # lblint-disable-next-line HA001\n",
  "    optoin forwardfor\n",
  "    http-request set-header X %[req.hdr(host),map(/m.map)]\n",
  "    acl dead nbsrv(app) lt 1\n",
  "    http-request deny if { srv_is_up(app/s9) }\n",
  "    http-request deny if { sc_http_req_rate(0,other) gt 10 }\n",
  "    server s9 10.0.0.9:80 track app/s1\n",
  "    use-server s9 if TRUE\n",
  "    stats enable\n",
  "    stats uri /stats\n",
  "    stats auth admin:admin\n",
  "    acl is_ws hdr(upgrade) -i websocket\n",
  "    use_backend app if is_ws\n",
  "    timeout tunnel 1h\n",
  "    server s9 10.0.0.9:443 ssl verify none\n",
  "    server s9 10.0.0.9:80 minconn 10 maxconn 5\n",
  "    maxconn 5\n",
  "    bind :8443 proto h2\n",
  "    server s9 10.0.0.9:80 proto h2\n",
  "    default-server proto h2\n",
  "    acl big req.len gt many\n",
  "    acl h hdr(host) example.com -i\n",
  "    http-request set-var(txn.x) req.hdr(host,1,2,3)\n",
  "    http-request deny if { status 500 }\n",
  "    option external-check\n",
  "    acl ip src 10.0.0.300\n",
  "    server s9 10.0.0.9 check\n",
  "    compression algo gzip\n",
  "    bind app.example.com:80\n",
  "    acl sni req_ssl_sni -i a.example\n",
  "    use_backend app if sni\n",
  "    http-request set-var(txn.x) src,lower\n",
  "    cookie SRV insert\n",
  "    server s9 10.0.0.9:80 cookie s9\n",
  "    http-request capture req.hdr(host) id 5\n",
  "    declare capture request len 32\n",
  "    filter spoe engine x config /x.conf\n",
  "    http-request send-spoe-group other grp\n",
  "    filter compression\n",
  "    acl api hdr(host)x -i api\n",
  "    http-request lua.foo\n",
  "    acl bad path_reg ^(a|b\n",
  "    http-request set-var(txn.x) 51d.all(x)\n",
  "    id 5\n",
  "    server s9 10.0.0.9:443 ssl verify required ca-file /ca.pem\n",
  "    default-server ssl verify required ca-file /ca.pem\n",
  "    log-format \"%ci %[req.hdr(host)]\"\n",
  "    no log\n",
];

function key(problems: readonly Problem[]): string[] {
  return problems.map((p) =>
    JSON.stringify([p.ruleId, p.code, p.severity, p.message, p.range.start, p.range.end, p.fix?.edits, p.suggestions?.map((s) => s.edits), p.related?.map((r) => [r.range.start, r.range.end])]),
  );
}

/** Edits `text` at random inside proxy bodies; after each edit, the incremental result must be lint()'s. */
function fuzz(text: string, seed: number, edits: number, config = defaultConfig()): { mismatches: string[]; incremental: number } {
  const random = seededRandom(seed);
  const document = new HaproxyDocument(text);
  const linter = new HaproxyLinter(URI);
  linter.lint(document.result, config);
  const mismatches: string[] = [];
  let incremental = 0;
  for (let i = 0; i < edits && mismatches.length === 0; i++) {
    const proxies = document.result.ast.sections.filter((s) => ["frontend", "backend", "listen"].includes(s.type) && s.body.length > 0);
    if (proxies.length === 0) break;
    const section = proxies[Math.floor(random() * proxies.length)]!;
    const line = section.body[Math.floor(random() * section.body.length)]!;
    const start = line.range.startOffset + Math.floor(random() * (line.range.endOffset - line.range.startOffset));
    const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!;
    const remove = random() < 0.3 ? Math.min(Math.floor(random() * 30), section.range.endOffset - start - 1) : 0;
    // Whole lines go in at a line start; single characters anywhere.
    const at = snippet.endsWith("\n") && snippet.length > 1 ? line.range.startOffset : start;
    document.applyEdit({ start: at, end: at + Math.max(0, remove), newText: snippet });
    const parsed = document.result;
    const got = key(linter.lint(parsed, config));
    if (linter.lastMode === "incremental") incremental++;
    const want = key(lint(parsed, config, URI));
    if (got.join("\n") !== want.join("\n")) {
      const missing = want.filter((w) => !got.includes(w)).slice(0, 3);
      const extra = got.filter((g) => !want.includes(g)).slice(0, 3);
      mismatches.push(`edit ${i} (seed ${seed}): missing ${missing.join(" | ")}; extra ${extra.join(" | ")}`);
    }
  }
  return { mismatches, incremental };
}

describe("incremental haproxy checks", () => {
  it("find what lint() finds after random edits of every corpus file", () => {
    const failures: string[] = [];
    let incremental = 0;
    let seed = SEED;
    const config26 = resolveConfig({ haproxyVersion: "2.6" }, "test");
    for (const entry of loadManifest()) {
      if (entry.format !== "haproxy") continue;
      const { text } = readCorpusFile(entry);
      const result = fuzz(text, seed, EDITS, seed % 2 === 0 ? config26 : defaultConfig());
      seed++;
      incremental += result.incremental;
      for (const mismatch of result.mismatches) failures.push(`${entry.file}: ${mismatch}`);
    }
    expect(failures).toEqual([]);
    // The point is to check incrementally: most of these edits must have been.
    expect(incremental).toBeGreaterThan(EDITS * 60);
  });

  it("find what lint() finds on a generated 15,000-line file", () => {
    const text = generateHaproxy({ backends: 1000, serversPerBackend: 10 });
    const result = fuzz(text, SEED + 41, 3);
    expect(result.mismatches).toEqual([]);
    expect(result.incremental).toBeGreaterThanOrEqual(2);
  });
});
