// What the keyword tables say about each statement of a keepalived model, worked out once and shared
// by the keyword rules (unknown, wrong block, arguments, versions, braces).
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";
import { blocksAccepting, keepalivedBlock, keepalivedKeyword } from "../../facts/keepalived.js";
import type { KeepalivedBlock, KeepalivedKeyword } from "../../facts/types.js";
import { keepalivedEntries } from "../../facts/keepalived-entries.js";
import type { KeepalivedModel, PlacedBlock, PlacedStatement } from "./model.js";
import { KEEPALIVED_VARIABLE } from "../../facts/shapes.js";

export type KeywordReading =
  /** A keyword of the block it stands in. */
  | { readonly kind: "known"; readonly keyword: KeepalivedKeyword; readonly block: KeepalivedBlock }
  /** An entry line of a value block (`virtual_ipaddress`, `track_script`, …). */
  | { readonly kind: "entry"; readonly block: KeepalivedBlock }
  /** Not a keyword of this block; `elsewhere` lists the blocks that have it. */
  | { readonly kind: "unknown"; readonly block: KeepalivedBlock; readonly elsewhere: readonly string[] }
  /** Inside a block lblint cannot place (an unknown keyword's braces): not judged. */
  | { readonly kind: "unplaced" };

/**
 * Readings per block id and keyword: they depend on nothing else (a keyword made of a variable
 * aside), so the statements of a large file share a few. Unknown keywords are not kept; every
 * line of a value block (`virtual_ipaddress`) has its block's one reading.
 */
const readings = new Map<string, BlockReadings>();
const UNPLACED: KeywordReading = { kind: "unplaced" };

interface BlockReadings {
  readonly block: KeepalivedBlock | undefined;
  /** The reading of every line of a value block. */
  readonly entry: KeywordReading | undefined;
  readonly byName: Map<string, KeywordReading>;
}

function blockReadings(blockId: string): BlockReadings {
  let found = readings.get(blockId);
  if (!found) {
    const block = keepalivedBlock(blockId);
    found = { block, entry: block?.entries ? { kind: "entry", block } : undefined, byName: new Map() };
    // Ids of unknown blocks (`…>?`) are not kept: there may be any number of them.
    if (block) readings.set(blockId, found);
  }
  return found;
}

/** Whether a word's text is only known at run time (a `$VAR`, a `~SEQ` variable). */
export function isVariable(word: Word): boolean {
  return word.variables.length > 0 || (word.value.includes("$") && KEEPALIVED_VARIABLE.test(word.value));
}

/**
 * Whether keepalived substitutes a variable in the keyword, so that what it reads is known only at
 * run time. A `$` alone is not enough: `prompt$` or `$A/24` stay as written and keepalived reports
 * them as unknown keywords. The word is made only when its text holds a `$`.
 */
export function keywordIsVariable(statement: Statement): boolean {
  return statement.wordText(0)!.includes("$") && statement.keyword.variables.length > 0;
}

export function readKeyword(
  statement: Statement,
  blockId: string,
  inBlock = blockReadings(blockId),
  variable = keywordIsVariable(statement),
  name = statement.wordValue(0)!,
): KeywordReading {
  const block = inBlock.block;
  if (!block || variable) return UNPLACED;
  if (inBlock.entry) return inBlock.entry;
  let reading = inBlock.byName.get(name);
  if (reading) return reading;
  const keyword = keepalivedKeyword(blockId, name);
  if (!keyword) return { kind: "unknown", block, elsewhere: blocksAccepting(name) };
  reading = { kind: "known", keyword, block };
  inBlock.byName.set(name, reading);
  return reading;
}

/** An alternative `@id` header (see AlternativeHeader in the grammar) and how the block around its block reads its keyword. */
export interface AlternativeReading {
  readonly statement: Statement;
  readonly uri: string;
  /** The id of the block the header stands in: that of its block's own header. */
  readonly blockId: string;
  readonly reading: KeywordReading;
}

/** The alternative headers of every block, each read as its block's own header is, for the keyword rules. */
export function alternativeHeaderReadings(model: KeepalivedModel): AlternativeReading[] {
  const found: AlternativeReading[] = [];
  if (!model.mayHoldAlternatives) return found;
  const blocks = model.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const placed = blocks[i]!;
    const alternatives = placed.block.alternatives;
    for (let k = 0; k < alternatives.length; k++) {
      const statement = alternatives[k]!.header;
      found.push({ statement, uri: placed.uri, blockId: placed.parentId, reading: readKeyword(statement, placed.parentId) });
    }
  }
  return found;
}

/** Every statement and block header keepalived reads as a keyword, with its block id. */
export function keywordStatements(model: KeepalivedModel): readonly PlacedStatement[] {
  return model.keywordStatements();
}

/** What `linesByReading` works out once per model. */
interface LineReadings {
  readonly groups: ReadonlyMap<KeywordReading, readonly number[]>;
  /** The reading of each line, as its position in `readings`. */
  readonly ids: Uint32Array;
  /** The readings in the order of `groups`. */
  readonly readings: readonly KeywordReading[];
  /** How many words each line has. */
  readonly counts: Uint32Array;
}

const allReadings = new WeakMap<KeepalivedModel, LineReadings>();

/**
 * How many words each line of `keywordStatements(model)` has (`statement.wordCount`),
 * counted once for the rules that compare it with what a keyword takes.
 */
export function wordCounts(model: KeepalivedModel): Uint32Array {
  return lineReadings(model).counts;
}

/**
 * The reading of each line of `keywordStatements(model)`: `readings[ids[i]]` is line i's. A rule
 * that looks at most lines reads them in this order: one after the other in memory, twice as fast
 * as the lines of one reading after another (which lie far apart).
 */
export function readingOfLines(model: KeepalivedModel): { readonly ids: Uint32Array; readonly readings: readonly KeywordReading[] } {
  return lineReadings(model);
}

/**
 * The lines of `keywordStatements(model)` (their indexes, in order) of each reading. Lines of one
 * keyword in one block share their reading, so a large file has a few hundred: a rule that cares
 * about some readings tests each reading once and visits only the lines it cares about, instead of
 * every line of the file.
 */
export function linesByReading(model: KeepalivedModel): ReadonlyMap<KeywordReading, readonly number[]> {
  return lineReadings(model).groups;
}

function lineReadings(model: KeepalivedModel): LineReadings {
  let found = allReadings.get(model);
  if (!found) {
    // Worked out once per model, for every rule.
    const lines = model.keywordStatements();
    const readings: KeywordReading[] = [];
    const lists: number[][] = [];
    const idOf = new Map<KeywordReading, number>();
    const ids = new Uint32Array(lines.length);
    const counts = new Uint32Array(lines.length);
    let lastReading: KeywordReading | undefined;
    let lastGroup: number[] = [];
    let lastId = 0;
    // Without a `$` anywhere no keyword is a variable; neighbours mostly share their block.
    const variables = model.textHolds("$");
    let blockId: string | undefined;
    let inBlock: BlockReadings | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.blockId !== blockId) {
        blockId = line.blockId;
        inBlock = blockReadings(blockId);
      }
      const reading = readKeyword(line.statement, blockId, inBlock, variables && keywordIsVariable(line.statement), line.keyword);
      // Neighbours mostly share their reading: the map is asked only when it changes.
      if (reading !== lastReading) {
        lastReading = reading;
        let id = idOf.get(reading);
        if (id === undefined) {
          idOf.set(reading, (id = readings.length));
          readings.push(reading);
          lists.push([]);
        }
        lastGroup = lists[id]!;
        lastId = id;
      }
      lastGroup.push(i);
      ids[i] = lastId;
      counts[i] = line.statement.wordCount;
    }
    const groups = new Map<KeywordReading, number[]>();
    for (let id = 0; id < readings.length; id++) groups.set(readings[id]!, lists[id]!);
    allReadings.set(model, (found = { groups, ids, readings, counts }));
  }
  return found;
}

const allValueBlocks = new WeakMap<KeepalivedModel, readonly PlacedBlock[]>();

/**
 * The value blocks (`virtual_ipaddress`, `track_script`, …: blocks whose lines are entries), in
 * reading order, found once per model: the tables are asked once per block id, not per block.
 */
export function valueBlocks(model: KeepalivedModel): readonly PlacedBlock[] {
  let found = allValueBlocks.get(model);
  if (!found) {
    const ids: string[] = [];
    for (const id of model.blocksById().keys()) if (keepalivedEntries(id)) ids.push(id);
    allValueBlocks.set(model, (found = model.blocksWithIds(ids)));
  }
  return found;
}

/** A block id as people say it: `virtual_server>real_server>TCP_CHECK` → `TCP_CHECK (in real_server)`. */
export function describeBlock(id: string): string {
  let described = descriptions.get(id);
  if (described === undefined) {
    if (id === "top") described = "the top level";
    else {
      const parts = id.split(">");
      const last = parts[parts.length - 1]!;
      described = parts.length === 1 ? last : `${last} (in ${parts[parts.length - 2]})`;
    }
    // Rules describe the block of every line they look at; a file has a few dozen block ids (and
    // the unknown ones, `…>?`, are not kept).
    if (!id.includes("?")) descriptions.set(id, described);
  }
  return described;
}

const descriptions = new Map<string, string>();
