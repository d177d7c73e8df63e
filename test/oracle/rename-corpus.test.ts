// A rename must leave a file the daemon accepts whenever it accepted the original. Every corpus file
// the checker accepts gets every name it defines renamed at once (sections, servers, named keepalived
// blocks), and the checker reads the result, run exactly as the manifest's `oracle.cmd` ran it, from
// a scratch directory (haproxy after the first file of scripts/oracle/haproxy-check.mjs, which only
// spares it loading the system's CA store).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { edit, parseHaproxy, parseKeepalived, type haproxy, type keepalived } from "../../grammars/index.js";
import { keepalivedItems } from "../../grammars/keepalived/walk.js";
import { isTemplated, loadManifest, readCorpusFile, type ManifestEntry } from "../corpus/corpus.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const SUFFIX = "_rn";

function runOracle(entry: ManifestEntry, text: string, dir: string): { code: number | null; messages: string[] } {
  const name = basename(entry.file);
  writeFileSync(join(dir, name), text);
  const [command, ...args] = entry.oracle!.cmd.split(" ").map((arg) => (arg === "FILE" ? name : arg));
  // haproxy's own arguments, then `-f FILE` last, as the manifest writes them
  const result = command === "haproxy" && args.at(-2) === "-f" ? haproxyCheck(name, { args: args.slice(1, -2), cwd: dir }) : spawnSync(command!, args, { cwd: dir, encoding: "utf8", timeout: 30_000 });
  if (result.error) throw new Error(`${command} is not installed (apt-get install -y haproxy keepalived): ${result.error.message}`);
  const messages = `${result.stdout}${result.stderr}`.split("\n").filter((line) => line.trim() !== "");
  return { code: result.status, messages };
}

/** Renames every section and server that has a plain name; returns the new text and how many were renamed. */
function renameHaproxy(text: string): { text: string; renamed: number } {
  const doc = parseHaproxy(text);
  const editor = edit(doc);
  let renamed = 0;
  const targets: (haproxy.Section | haproxy.Statement)[] = [];
  for (const section of doc.ast.sections) {
    if (section.name && /^[A-Za-z0-9._:-]+$/.test(section.name.text)) targets.push(section);
    for (const line of section.body) {
      if (line.kind === "statement" && line.keyword.value === "server" && /^[A-Za-z0-9._:-]+$/.test(line.args[0]?.text ?? "")) targets.push(line);
    }
  }
  for (const target of targets) {
    const name = target.kind === "section" ? target.name!.value : target.args[0]!.value;
    editor.rename(target, name + SUFFIX);
    renamed++;
  }
  return { text: editor.toString(), renamed };
}

const NAMED_BLOCKS = new Set(["vrrp_instance", "vrrp_script", "vrrp_track_process", "vrrp_track_file", "vrrp_sync_group", "virtual_server_group", "bfd_instance"]);

function renameKeepalived(text: string): { text: string; renamed: number } {
  const doc = parseKeepalived(text);
  const editor = edit(doc);
  let renamed = 0;
  for (const item of keepalivedItems(doc.ast)) {
    const block = item as keepalived.Block;
    const name = block.kind === "block" ? block.header?.args[0] : undefined;
    if (!name || !NAMED_BLOCKS.has(block.header!.keyword.value) || name.quoted || name.variables.length > 0) continue;
    editor.rename(block, name.value + SUFFIX);
    renamed++;
  }
  return { text: editor.toString(), renamed };
}

function accepted(entry: ManifestEntry): boolean {
  if (isTemplated(entry) || !entry.oracle) return false;
  if (entry.format === "haproxy") return entry.oracle.exit_code === 0;
  return entry.oracle.exit_code === 0 || entry.oracle_ifaces?.exit_code === 0;
}

/** keepalived's messages about interfaces this machine lacks, which the manifest's oracle_ifaces run had. */
const notInterface = (message: string) => !/interface/i.test(message);

describe("renames keep corpus files valid for the real checker", () => {
  const entries = loadManifest().filter(accepted);

  it.each(["haproxy", "keepalived"] as const)("%s: every accepted file, everything renamed", (format) => {
    const dir = mkdtempSync(join(tmpdir(), `lblint-rename-${format}-`));
    const failures: string[] = [];
    let files = 0;
    let renamed = 0;
    try {
      for (const entry of entries.filter((candidate) => candidate.format === format)) {
        const { text, validUtf8 } = readCorpusFile(entry);
        if (!validUtf8) continue;
        const result = format === "haproxy" ? renameHaproxy(text) : renameKeepalived(text);
        if (result.renamed === 0) continue;
        files++;
        renamed += result.renamed;
        const after = runOracle(entry, result.text, dir);
        if (format === "haproxy") {
          if (after.code !== 0) failures.push(`${entry.file}: exit ${after.code}\n  ${after.messages.filter((m) => m.includes("ALERT")).join("\n  ")}`);
          continue;
        }
        const before = runOracle(entry, text, dir).messages.filter(notInterface);
        const now = after.messages.filter(notInterface);
        if (now.join("\n") !== before.join("\n")) failures.push(`${entry.file}:\n  before: ${before.join("\n  ")}\n  after:  ${now.join("\n  ")}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`${format}: renamed ${renamed} names in ${files} accepted files`);
    expect(failures).toEqual([]);
    expect(files).toBeGreaterThan(format === "haproxy" ? 100 : 15);
  });
});
