import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectKeepalived, lintText } from "./harness.js";

const server = (port: number, inside: string) =>
  `virtual_server 10.0.0.1 ${port} {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n${inside}  real_server 10.0.0.2 ${port} {\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\n`;

describe("KA059 sorry-server-order", () => {
  it("accepts the settings below the sorry_server, and a sorry_server given for some hosts only", () => {
    expectKeepalived("KA059", server(80, "  sorry_server 10.0.0.9 80\n  sorry_server_lvs_method NAT\n  sorry_server_inhibit\n") + server(81, "  @lb1 sorry_server 10.0.0.9 81\n  sorry_server_inhibit\n"));
  });

  it("reports them above the sorry_server or without one", () => {
    const found = expectKeepalived(
      "KA059",
      server(80, "  «sorry_server_lvs_method» DR\n  «sorry_server_inhibit»\n  sorry_server 10.0.0.9 80\n") + server(81, "  «sorry_server_inhibit»\n"),
    );
    expect(found.map((p) => p.message)).toEqual([
      "'sorry_server_lvs_method' comes before the 'sorry_server' it applies to; keepalived reports it and ignores it (move it below the sorry_server line)",
      "'sorry_server_inhibit' comes before the 'sorry_server' it applies to; keepalived reports it and ignores it (move it below the sorry_server line)",
      "'sorry_server_inhibit' in a virtual_server without a 'sorry_server'; keepalived reports it and ignores it",
    ]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(6);
  });

  const installed = spawnSync("keepalived", ["--version"]).error === undefined;
  it.runIf(installed)("reports the lines keepalived 2.2.7 reports, and no other", () => {
    const text = server(80, "  sorry_server_lvs_method DR\n  sorry_server_inhibit\n  sorry_server 10.0.0.9 80\n") + server(81, "  sorry_server_inhibit\n") + server(82, "  sorry_server 10.0.0.9 82\n  sorry_server_lvs_method NAT\n  sorry_server_inhibit\n");
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka059-")), "keepalived.conf");
    writeFileSync(file, text);
    const run = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8" });
    const lines = [...run.stdout.matchAll(/Line (\d+)\) .*sorry_server/g)].map((m) => Number(m[1]) - 1);
    const found = lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === "KA059");
    expect(found.map((p) => p.range.start.line)).toEqual(lines);
    expect(lines).toHaveLength(3);
  });
});
