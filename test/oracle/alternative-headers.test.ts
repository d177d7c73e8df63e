// Alternative `@id` block headers (`@lb1 vrrp_instance A {` then `@lb2 vrrp_instance B {`, one body):
// keepalived 2.2.7 keeps each line only on the host of its id, so the body is A's with `-i lb1` and
// B's with `-i lb2`. `interface lo` in the body makes keepalived name the instance that read it
// ("(A) cannot use a loopback interface (lo) for vrrp"). lblint reads one block, headed by A, with B
// as its alternative header, and lints it without a brace error.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { lint } from "../../server/src/lint/lint.js";

const TEXT = ["@lb1 vrrp_instance A {", "@lb2 vrrp_instance B {", "    state MASTER", "    interface lo", "    virtual_router_id 51", "    priority 100", "    virtual_ipaddress {", "        10.0.0.1/24", "    }", "}", ""].join("\n");

function keepalivedSays(configId: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lblint-alt-"));
  const file = join(dir, "keepalived.conf");
  writeFileSync(file, TEXT);
  const result = spawnSync("keepalived", ["-t", "-f", file, "-l", "-D", "-i", configId], { encoding: "utf8", timeout: 30_000 });
  if (result.error) throw new Error(`keepalived is not installed (apt-get install -y keepalived): ${result.error.message}`);
  return `${result.stdout}${result.stderr}`;
}

describe("alternative @id headers, as keepalived reads them", () => {
  it("are read by keepalived as one body under the header of the host's id", () => {
    const lb1 = keepalivedSays("lb1");
    const lb2 = keepalivedSays("lb2");
    expect(lb1).toContain("Line 4) (A) cannot use a loopback interface");
    expect(lb2).toContain("Line 4) (B) cannot use a loopback interface");
    for (const output of [lb1, lb2]) expect(output).not.toMatch(/Unknown keyword|Extra '}'|Unexpected '\{'/);
  });

  it("are one block to lblint, with no brace or wrong-block finding", () => {
    const parsed = parseKeepalived(TEXT);
    expect(parsed.diagnostics).toEqual([]);
    const block = parsed.ast.items[0]!;
    expect(block.kind === "block" && [block.header!.wordValue(1), ...block.alternatives.map((a) => a.header.wordValue(1))]).toEqual(["A", "B"]);
    // Read as nested blocks, A would lack its `}` (syntax), B would stand in A (KA002) and A would have no virtual_router_id (KA014).
    expect(lint(parsed).map((problem) => `${problem.ruleId} ${problem.message}`)).toEqual([]);
  });
});
