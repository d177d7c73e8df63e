// Lookups in lblint's keepalived keyword tree (generated/keepalived.ts, written by
// scripts/gen-schema/keepalived.mjs). Blocks are named by their path of opening keywords: `top`,
// `global_defs`, `vrrp_instance`, `vrrp_instance>authentication`, `virtual_server>real_server>HTTP_GET>url`;
// a value block (`vrrp_instance>virtual_ipaddress`) has `entries` instead of keywords.
import { loadKeepalivedSchema } from "./generated/keepalived.js";
import type { KeepalivedBlock, KeepalivedKeyword, KeepalivedSchema, KeepalivedVersion } from "./types.js";
import { availabilityAt } from "./versions.js";

let schema: KeepalivedSchema | undefined;

/** The generated tables, parsed on first use: a run that lints no keepalived file never parses them. */
export function keepalivedSchema(): KeepalivedSchema {
  schema ??= loadKeepalivedSchema();
  return schema;
}

export function keepalivedBlock(id: string): KeepalivedBlock | undefined {
  return Object.hasOwn(keepalivedSchema().blocks, id) ? keepalivedSchema().blocks[id] : undefined;
}

/** The keyword `keyword` of block `blockId`, whatever its availability (removed keywords included, to name their replacement). */
export function keepalivedKeyword(blockId: string, keyword: string): KeepalivedKeyword | undefined {
  const block = keepalivedBlock(blockId);
  if (!block || !Object.hasOwn(block.keywords, keyword)) return undefined;
  return block.keywords[keyword];
}

/** The block id a keyword opens inside the block `parentId` (e.g. ("virtual_server", "real_server") → "virtual_server>real_server"); undefined when it opens none. */
export function childBlockId(parentId: string, keyword: string): string | undefined {
  return keepalivedKeyword(parentId, keyword)?.block;
}

/** Whether keepalived at `version` reads `keyword` in the block (deprecated ones included). */
export function keepalivedAccepts(blockId: string, keyword: string, version: KeepalivedVersion): boolean {
  const kw = keepalivedKeyword(blockId, keyword);
  if (!kw) return false;
  const state = availabilityAt(kw.availability, version);
  return state === "ok" || state === "deprecated";
}

let acceptingIndex: Map<string, string[]> | undefined;

/** Blocks (ids) where a keyword is valid, for "wrong block" messages ("`priority` belongs in vrrp_instance"). Keywords kept only for their replacement are left out. */
export function blocksAccepting(keyword: string): string[] {
  if (!acceptingIndex) {
    acceptingIndex = new Map();
    for (const id of Object.keys(keepalivedSchema().blocks).sort()) {
      const block = keepalivedSchema().blocks[id];
      if (!block) continue;
      for (const kw of Object.values(block.keywords)) {
        if (kw.availability?.removed !== undefined) continue;
        const list = acceptingIndex.get(kw.name);
        if (list) list.push(id);
        else acceptingIndex.set(kw.name, [id]);
      }
    }
  }
  return [...(acceptingIndex.get(keyword) ?? [])];
}

/** The keywords keepalived `version` reads in the block (deprecated ones included), by name: for completion and did-you-mean. */
export function keepalivedKeywordsIn(blockId: string, version: KeepalivedVersion): KeepalivedKeyword[] {
  const block = keepalivedBlock(blockId);
  if (!block) return [];
  return Object.values(block.keywords)
    .filter((kw) => {
      const state = availabilityAt(kw.availability, version);
      return state === "ok" || state === "deprecated";
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The man page of 2.2.7 (the tagged source) and the current one (keepalived.org, ≈ HEAD) for later versions. */
const MAN_2_2 = "https://github.com/acassen/keepalived/blob/v2.2.7/doc/man/man5/keepalived.conf.5.in";
const MAN_CURRENT = "https://www.keepalived.org/manpage.html";

/**
 * Link to keepalived.conf(5) for a keyword: the official page (https://www.keepalived.org/manpage.html,
 * with a text fragment that scrolls to the keyword) for 2.3 and 2.4, the man page source at tag
 * v2.2.7 for 2.2.
 */
export function keepalivedDocUrl(keyword: KeepalivedKeyword, version: KeepalivedVersion): string {
  if (version === "2.2") return MAN_2_2;
  const anchor = keyword.doc?.anchor;
  return anchor ? `${MAN_CURRENT}#:~:text=${encodeURIComponent(anchor)}` : MAN_CURRENT;
}
