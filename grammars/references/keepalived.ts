// Every place in a keepalived.conf that names a block defined elsewhere, as keepalived 2.2 reads it:
// the entries of the value blocks that list scripts, processes, files and BFD instances
// (`track_script { chk }`, `track_process`, `track_file`, `track_bfd`), the members of a sync group
// (`group { VI_1 VI_2 }`), and `virtual_server group NAME`. Renaming and removal use it; so will the
// language server.
import type { Block, KeepalivedConfig, Statement, Word } from "../keepalived/ast.js";
import { keepalivedItems } from "../keepalived/walk.js";

/** One place where a keepalived.conf names a block defined elsewhere in it. */
export interface KeepalivedReference {
  /** The keyword of the block it names: `vrrp_script`, `vrrp_instance`, `virtual_server_group`, … */
  readonly target: string;
  readonly name: string;
  readonly word: Word;
  /**
   * The statement that holds the word. For a list entry (`chk_haproxy` in `track_script { … }`) it is
   * the entry itself, which can be removed on its own; for `virtual_server group NAME` it is the
   * virtual_server's header, which cannot.
   */
  readonly statement: Statement;
  /** True for a list entry, which removing the target may remove too. */
  readonly entry: boolean;
}

/** Which value blocks list the names of which named blocks. */
const LISTS: Readonly<Record<string, string>> = {
  track_script: "vrrp_script",
  track_process: "vrrp_track_process",
  track_file: "vrrp_track_file",
  track_bfd: "bfd_instance",
};

/** Every reference in the file, in document order. */
export function keepalivedReferences(config: KeepalivedConfig): KeepalivedReference[] {
  const found: KeepalivedReference[] = [];
  for (const item of keepalivedItems(config)) {
    // `lvs_sync_daemon IFACE [inst] VI_1` in global_defs names the instance whose state it follows.
    if (item.kind === "statement" && item.keyword.value === "lvs_sync_daemon") {
      const word = item.args[1]?.value === "inst" ? item.args[2] : item.args[1];
      if (word) found.push({ target: "vrrp_instance", name: word.value, word, statement: item, entry: false });
      continue;
    }
    if (item.kind !== "block" || !item.header) continue;
    const keyword = item.header.keyword.value;
    const target = LISTS[keyword] ?? (keyword === "group" ? "vrrp_instance" : undefined);
    if (target) {
      for (const entry of item.items) {
        if (entry.kind === "statement" && !entry.prefixOnly) found.push({ target, name: entry.keyword.value, word: entry.keyword, statement: entry, entry: true });
      }
    }
    if (keyword === "virtual_server" && item.header.args[0]?.value === "group") {
      const word = item.header.args[1];
      if (word) found.push({ target: "virtual_server_group", name: word.value, word, statement: item.header, entry: false });
    }
  }
  return found;
}

/** The keyword and name of a named block (`vrrp_instance VI_1`), or undefined. */
export function blockName(block: Block): { keyword: string; word: Word } | undefined {
  const header = block.header;
  const word = header?.args[0];
  return header && word ? { keyword: header.keyword.value, word } : undefined;
}

/** The references to a named block. A `group` block lists members only inside a vrrp_sync_group. */
export function keepalivedReferencesTo(config: KeepalivedConfig, block: Block): KeepalivedReference[] {
  const named = blockName(block);
  if (!named) return [];
  return keepalivedReferences(config).filter((reference) => reference.target === named.keyword && reference.name === named.word.value);
}
