// Files from outside the corpus for scripts/mutations.mjs (`--files DIR[,DIR…]`): DIR/haproxy/* and
// DIR/keepalived/*, labelled by the daemon at run time (the script keeps haproxy's rule: only files
// `haproxy -c` accepts without an alert). keepalived checks each file in a network namespace of its own
// whose interfaces are the ones the file names, as the real-world rounds labelled them: without it, most
// real files stop at "Unknown interface" and hide what a mutation breaks.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";

/** Manifest-like entries for the files under each DIR: `oracle` is a stand-in, the daemon labels each base itself. */
export function otherFiles(dirs) {
  const entries = [];
  for (const dir of dirs) {
    for (const format of ["haproxy", "keepalived"]) {
      let names = [];
      try {
        names = readdirSync(join(dir, format)).sort();
      } catch {
        continue;
      }
      for (const name of names) entries.push({ file: `${basename(dir)}/${format}/${name}`, localPath: join(dir, format, name), format, oracle: { exit_code: 0 } });
    }
  }
  return entries;
}

/** The interface names a keepalived file uses (`interface`, `dev`, `track_interface` entries…). */
function interfaces(text) {
  const found = new Set();
  for (const match of text.matchAll(/\b(?:interface|dev|lvs_sync_daemon_interface|default_interface)[ \t]+([A-Za-z0-9_.:@-]+)/g)) found.add(match[1].split(":")[0]);
  for (const block of text.matchAll(/track_interface\s*\{([^}]*)\}/g)) {
    for (const line of block[1].split("\n")) {
      const word = line.split(/[#!]/)[0].trim().split(/\s+/)[0];
      if (word) found.add(word);
    }
  }
  return [...found].filter((name) => /^[A-Za-z][A-Za-z0-9_.-]{0,14}$/.test(name) && name !== "lo");
}

const NAMESPACE = `lblint-mutations-${process.pid}`;
const ip = (...args) => spawnSync("ip", args, { encoding: "utf8" });
let active = false;

/** A namespace with `text`'s interfaces (bridges: this machine has no dummy driver); later keepalived runs use it. */
export function machineFor(text) {
  ip("netns", "del", NAMESPACE);
  active = ip("netns", "add", NAMESPACE).status === 0;
  if (!active) return;
  ip("netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up");
  for (const name of interfaces(text)) {
    ip("netns", "exec", NAMESPACE, "ip", "link", "add", name, "type", "bridge");
    ip("netns", "exec", NAMESPACE, "ip", "link", "set", name, "up");
  }
}

/** The command prefix that runs keepalived in the file's namespace, when there is one. */
export const inMachine = () => (active ? `ip netns exec ${NAMESPACE} ` : "");

export function dropMachine() {
  if (active) ip("netns", "del", NAMESPACE);
  active = false;
}
