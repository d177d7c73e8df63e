// The words that name a section or block elsewhere in the same file, for renaming. This is the small
// set of references that need no keyword tables; the language service will know them all.
import type { HaproxyConfig, Section, Word as HaproxyWord } from "../haproxy/ast.js";
import type { Block, KeepalivedConfig, Word as KeepalivedWord } from "../keepalived/ast.js";
import { findBlocks } from "../keepalived/query.js";
import { keepalivedItems } from "../keepalived/walk.js";

const BACKEND_REFERENCES = new Set(["default_backend", "use_backend"]);

export function haproxyReferences(config: HaproxyConfig, section: Section): HaproxyWord[] {
  const name = section.name?.value;
  if (name === undefined) return [];
  const found: HaproxyWord[] = [];
  const isBackend = section.type === "backend" || section.type === "listen";
  for (const other of config.sections) {
    if (section.type === "defaults" && other.from?.value === name) found.push(other.from);
    if (!isBackend) continue;
    for (const line of other.body) {
      if (line.kind !== "statement") continue;
      const first = line.args[0];
      if (BACKEND_REFERENCES.has(line.keyword.value) && first?.value === name) found.push(first);
      if (line.keyword.value === "server" || line.keyword.value === "default-server") {
        line.args.forEach((word, i) => {
          const target = line.args[i + 1];
          if (word.value === "track" && target && target.value.startsWith(name + "/")) found.push(target);
        });
      }
    }
  }
  return found;
}

/** Which value blocks list the names of which named blocks. */
const KEEPALIVED_REFERENCE_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  vrrp_script: ["track_script"],
  vrrp_track_process: ["track_process"],
  vrrp_track_file: ["track_file"],
  bfd_instance: ["track_bfd"],
  vrrp_instance: ["group"],
  virtual_server_group: [],
};

export function keepalivedReferences(config: KeepalivedConfig, block: Block): KeepalivedWord[] {
  const keyword = block.header?.keyword.value ?? "";
  const name = block.header?.args[0]?.value;
  const lists = KEEPALIVED_REFERENCE_BLOCKS[keyword] ?? [];
  if (name === undefined) return [];
  const found: KeepalivedWord[] = [];
  for (const list of lists) {
    for (const listBlock of findBlocks(config, list, undefined, true)) {
      for (const item of keepalivedItems(listBlock)) {
        if (item.kind === "statement" && item.keyword.value === name) found.push(item.keyword);
      }
    }
  }
  if (keyword === "virtual_server_group") {
    for (const server of findBlocks(config, "virtual_server", "group", true)) {
      const groupName = server.header?.args[1];
      if (groupName?.value === name) found.push(groupName);
    }
  }
  return found;
}
