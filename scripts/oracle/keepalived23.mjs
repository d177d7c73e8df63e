// The keepalived 2.3.3 sweeps (docs/agreement.md, "keepalived 2.3.3 as an oracle"): shared by the
// scripts of that round. Runs `keepalived23 -t -f FILE -l -D` (2.3.3, Debian trixie, see
// scripts/gen-schema/reference/README.md) or `keepalived` (2.2.7) inside a network namespace holding
// the interfaces a text names, and lints the same text with lblint's build (dist/) at a target.
//
//   import { daemon, lintAt, dropMachines } from "./keepalived23.mjs";
//   daemon("keepalived23", text) → { rc, messages: [...], byLine: Map(line → [message…]) }
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const lblint = await import(new URL(process.env.LBLINT_DIST ? `file://${process.env.LBLINT_DIST}` : "../../dist/index.js", import.meta.url).href);
const work = mkdtempSync(join(tmpdir(), "lblint-ka23-"));
const NAMESPACE = `lblint-ka23-${process.pid}`;
const ip = (...args) => spawnSync("ip", args, { encoding: "utf8" });
let made = new Set();
let active = false;

/** The interface names a keepalived text uses (`interface`, `dev`, `track_interface` entries…). */
export function interfaces(text) {
  const found = new Set(["eth0", "eth1"]);
  for (const match of text.matchAll(/\b(?:interface|dev|lvs_sync_daemon_interface|default_interface|lvs_sync_daemon|bind_if)[ \t]+([A-Za-z0-9_.:@-]+)/g)) found.add(match[1].split(":")[0]);
  for (const block of text.matchAll(/(?:track_interface|linkbeat_interfaces|garp_extra_if)\s*\{([^}]*)\}/g)) {
    for (const line of block[1].split("\n")) {
      const word = line.split(/[#!]/)[0].trim().split(/\s+/)[0];
      if (word) found.add(word);
    }
  }
  return [...found].filter((name) => /^[A-Za-z][A-Za-z0-9_.-]{0,14}$/.test(name) && name !== "lo");
}

/** Makes sure the namespace holds `text`'s interfaces (bridges: this machine has no dummy driver). */
function machineFor(text) {
  if (!active) {
    ip("netns", "del", NAMESPACE);
    active = ip("netns", "add", NAMESPACE).status === 0;
    if (!active) throw new Error("cannot make a network namespace (run as root)");
    ip("netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up");
    made = new Set();
  }
  for (const name of interfaces(text)) {
    if (made.has(name)) continue;
    made.add(name);
    ip("netns", "exec", NAMESPACE, "ip", "link", "add", name, "type", "bridge");
    ip("netns", "exec", NAMESPACE, "ip", "link", "set", name, "up");
  }
}

export function dropMachines() {
  if (active) ip("netns", "del", NAMESPACE);
  active = false;
  rmSync(work, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    dropMachines();
    process.exit(130);
  });
}

/** keepalived's answer on `text`: exit code, messages (its checker process may print after the parent exits: the pipe through cat waits). */
export function daemon(command, text, name = "k.conf") {
  machineFor(text);
  const file = join(work, name);
  writeFileSync(file, text);
  const run = spawnSync("sh", ["-c", `{ ip netns exec ${NAMESPACE} ${command} -t -f "$1" -l -D 2>&1; echo "daemon-exit=$?"; } | cat`, "sh", file], { cwd: work, encoding: "utf8", timeout: 30_000 });
  const out = run.stdout ?? "";
  const rc = Number(/daemon-exit=(\d+)/.exec(out)?.[1] ?? -1);
  const messages = [...new Set(out.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("daemon-exit=")))];
  const byLine = new Map();
  for (const message of messages) {
    const at = /Line (\d+)\)/.exec(message);
    if (at) byLine.set(Number(at[1]), [...(byLine.get(Number(at[1])) ?? []), message]);
  }
  return { rc, messages, byLine };
}

/** lblint's errors and warnings on `text` at keepalived target `version`, with 1-based lines. */
export function lintAt(text, version) {
  return lblint
    .lint(lblint.parseText("keepalived", text), { keepalivedVersion: version })
    .filter((p) => p.severity !== "info")
    .map((p) => ({ rule: p.ruleId, severity: p.severity, line: p.range.start.line + 1, endLine: p.range.end.line + 1, message: p.message }));
}

/** Messages about the machine rather than the file (users, scripts, files, interfaces). */
export const MACHINE = /Unknown interface|interface .* (does not exist|doesn't exist)|script_user|Unable to find|cannot find|not executable|No such file|insecure|security|not found|Cannot find|is not a valid interface|does not exist|WARNING - default user|getpwnam|Unable to access|realpath|Unable to resolve|cannot resolve/i;
