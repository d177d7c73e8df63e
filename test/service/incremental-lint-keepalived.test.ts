// The incremental check of a keepalived.conf finds exactly what lint() finds: every corpus file and
// a generated 13,000-line one, edited at random inside its vrrp_instance and virtual_server blocks.
import { describe, expect, it } from "vitest";
import { KeepalivedDocument } from "../../grammars/incremental/keepalived-document.js";
import { defaultConfig, resolveConfig } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
import type { Problem } from "../../server/src/lint/report.js";
import { KeepalivedLinter } from "../../server/src/service/incremental-lint-keepalived.js";
import { loadManifest, readCorpusFile } from "../corpus/corpus.js";
import { seededRandom } from "../support/random.js";
// @ts-expect-error the generator is plain JavaScript, shared with the benchmark
import { generateKeepalived } from "../../scripts/generate-keepalived.mjs";

const URI = "file:///etc/keepalived/keepalived.conf";
const EDITS = Number(process.env.LBLINT_FUZZ_EDITS ?? 8);
const SEED = Number(process.env.LBLINT_FUZZ_SEED ?? 1);
const SNIPPETS = [
  "x", " ", "\n", "#", "1", "_",
  "    state MASTER\n",
  "    state BACKUP priority 100\n",
  "    priority 255\n",
  "    priority 0\n",
  "    virtual_router_id 51\n",
  "    virtual_router_id 300\n",
  "    interface eth1\n",
  "    advert_int 3\n",
  "    nopreempt\n",
  "    track_script {\n        chk_missing\n    }\n",
  "    track_script {\n        chk_haproxy weight 10\n    }\n",
  "    virtual_ipaddress {\n        192.0.2.100/24\n        192.0.2.101/24 dev eth0\n    }\n",
  "    unicast_peer {\n        10.0.0.2\n    }\n",
  "    authentication {\n        auth_type PASS\n        auth_pass secretpassword\n    }\n",
  "    lb_algo rr\n",
  "    lb_kind DR\n",
  "    protocol TCP\n",
  "    real_server 10.0.0.9 80 {\n        weight 1\n        TCP_CHECK {\n            connect_timeout 3\n        }\n    }\n",
  "    sorry_server 10.0.0.10 80\n",
  "    notify_master /usr/local/bin/x\n",
  "    interface $IFACE\n",
  "    # lblint-disable-next-line KA001\n",
  "    unknwon_keyword 1\n",
  "    advert_int 1.5\n",
  "    delay_loop 10\n",
  "    quorum 2\n",
  "    real_server 10.0.0.9 80 {\n        MISC_CHECK {\n            misc_timeout 3\n        }\n    }\n",
  "    real_server 10.0.0.9 80 {\n        HTTP_GET {\n            connect_timeout 3\n        }\n    }\n",
  "    lb_kind TUN ipip\n",
  "    virtual_ipaddress {\n        192.0.2.100/24 brd 192.0.2.255 scope nowhere\n    }\n",
  "    virtual_routes {\n        10.1.0.0/16 via 192.0.2.1 table x\n    }\n",
  "    # a comment ending in a backslash \\\n",
  "    use_vmac\n",
  "    vmac_xmit_base\n",
  "    sorry_server_inhibit\n",
];

function key(problems: readonly Problem[]): string[] {
  return problems.map((p) =>
    JSON.stringify([p.ruleId, p.code, p.severity, p.message, p.range.start, p.range.end, p.fix?.edits, p.suggestions?.map((s) => s.edits), p.related?.map((r) => [r.range.start, r.range.end])]),
  );
}

function fuzz(text: string, seed: number, edits: number, config = defaultConfig()): { mismatches: string[]; incremental: number } {
  const random = seededRandom(seed);
  const document = new KeepalivedDocument(text);
  const linter = new KeepalivedLinter(URI);
  linter.lint(document.result, config);
  const mismatches: string[] = [];
  let incremental = 0;
  for (let i = 0; i < edits && mismatches.length === 0; i++) {
    const blocks = document.result.ast.items.filter(
      (item) => item.kind === "block" && item.close && ["vrrp_instance", "virtual_server"].includes(item.header?.keyword.value ?? "") && item.items.length > 0,
    );
    if (blocks.length === 0) break;
    const block = blocks[Math.floor(random() * blocks.length)]!;
    if (block.kind !== "block") break;
    const inner = block.items[Math.floor(random() * block.items.length)]!;
    const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!;
    const whole = snippet.endsWith("\n") && snippet.length > 1;
    const lineStart = document.result.lines.lineStart(inner.range.start.line);
    const at = whole ? lineStart : inner.range.startOffset + Math.floor(random() * (inner.range.endOffset - inner.range.startOffset));
    const remove = !whole && random() < 0.3 ? Math.min(Math.floor(random() * 12), inner.range.endOffset - at) : 0;
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

describe("incremental keepalived checks", () => {
  it("find what lint() finds after random edits of every corpus file", () => {
    const failures: string[] = [];
    let incremental = 0;
    let seed = SEED;
    const config22 = resolveConfig({ keepalivedVersion: "2.2" }, "test");
    for (const entry of loadManifest()) {
      if (entry.format !== "keepalived") continue;
      const result = fuzz(readCorpusFile(entry).text, seed, EDITS, seed % 2 === 0 ? config22 : defaultConfig());
      seed++;
      incremental += result.incremental;
      for (const mismatch of result.mismatches) failures.push(`${entry.file}: ${mismatch}`);
    }
    expect(failures).toEqual([]);
    expect(incremental).toBeGreaterThan(EDITS * 30);
  });

  it("find what lint() finds on instances written under alternative @id headers", () => {
    const instances = Array.from(
      { length: 20 },
      (_, i) =>
        `@lb1 vrrp_instance A${i} {\n@lb2 vrrp_instance B${i} {\n    state BACKUP\n    interface eth0\n    virtual_router_id ${i + 1}\n    priority 100\n    virtual_ipaddress {\n        192.0.2.${i + 1}/24\n    }\n}\n`,
    ).join("");
    const text = `vrrp_sync_group G {\n    group {\n        B3\n        A4\n        B99\n    }\n}\n${instances}`;
    const result = fuzz(text, SEED + 77, 40);
    expect(result.mismatches).toEqual([]);
    expect(result.incremental).toBeGreaterThanOrEqual(20);
  });

  it("find what lint() finds on a generated 13,000-line file", () => {
    const text = generateKeepalived({ instances: 300, virtualServers: 300, realServersPerVs: 4 });
    const result = fuzz(text, SEED + 41, 3);
    expect(result.mismatches).toEqual([]);
    expect(result.incremental).toBeGreaterThanOrEqual(2);
  });
});
