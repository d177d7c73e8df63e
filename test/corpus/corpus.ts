// Shared helpers for the corpus tests: where the labelled real-world corpus lives, its manifest, how to
// read a file, and how the checkers' messages are classified. The corpus is read in place, never copied
// into the repository: `../shared/corpus` next to the repository root, or `$LBLINT_CORPUS`.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SyntaxDiagnostic } from "../../grammars/common/diagnostics.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { printHaproxy } from "../../grammars/haproxy/print.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { printKeepalived } from "../../grammars/keepalived/print.js";

export type Format = "haproxy" | "keepalived";

export interface Oracle {
  readonly cmd: string;
  readonly exit_code: number;
  readonly messages: readonly string[];
  readonly n_lines?: number;
}

export interface ManifestEntry {
  /** Path relative to the corpus root, e.g. `haproxy/0001__…`. */
  readonly file: string;
  readonly format: Format;
  readonly source: "examples" | "regtest" | "samples" | "realworld";
  readonly repo: string;
  readonly path: string;
  /** `null` for the unlabelled files under `templated/`. */
  readonly oracle: Oracle | null;
  /** keepalived only: the same check with every interface the file names present. */
  readonly oracle_ifaces?: Oracle | null;
  readonly env_only: boolean | null;
  readonly error_classes?: readonly string[];
  readonly templated?: boolean;
  readonly vtc_expect?: string | null;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The corpus directory, or undefined when it is not there. */
export function findCorpus(): string | undefined {
  const fromEnv = process.env.LBLINT_CORPUS;
  if (fromEnv) return existsSync(join(resolve(fromEnv), "manifest.jsonl")) ? resolve(fromEnv) : undefined;
  // This file is test/corpus/corpus.ts, so the repository root is two levels up; three covers a
  // checkout that nests the tests one level deeper.
  for (const up of ["../..", "../../.."]) {
    const candidate = resolve(here, up, "../shared/corpus");
    if (existsSync(join(candidate, "manifest.jsonl"))) return candidate;
  }
  return undefined;
}

function requireCorpus(): string {
  const found = findCorpus();
  // A missing corpus fails the run: a corpus test that quietly skips proves nothing.
  if (!found) {
    const fromEnv = process.env.LBLINT_CORPUS;
    const where = fromEnv ? `LBLINT_CORPUS=${fromEnv} has no manifest.jsonl` : "no ../shared/corpus beside the repository";
    throw new Error(`the corpus is missing (${where}): put shared/ beside the repository or point LBLINT_CORPUS at the corpus directory`);
  }
  return found;
}

export const CORPUS: string = requireCorpus();

let cached: ManifestEntry[] | undefined;

export function loadManifest(): ManifestEntry[] {
  cached ??= readFileSync(join(CORPUS, "manifest.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ManifestEntry);
  return cached;
}

export function isTemplated(entry: ManifestEntry): boolean {
  return entry.templated === true || entry.file.startsWith("templated/");
}

/** `haproxy/regtest`, `keepalived/samples`, `templated/haproxy`, … */
export function groupName(entry: ManifestEntry): string {
  return isTemplated(entry) ? `templated/${entry.format}` : `${entry.format}/${entry.source}`;
}

export function groupBy(entries: readonly ManifestEntry[]): Map<string, ManifestEntry[]> {
  const groups = new Map<string, ManifestEntry[]>();
  for (const entry of entries) {
    const key = groupName(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export interface CorpusFile {
  readonly bytes: Buffer;
  /** The file decoded as UTF-8 (invalid sequences become U+FFFD). */
  readonly text: string;
  readonly validUtf8: boolean;
}

export function readCorpusFile(entry: ManifestEntry): CorpusFile {
  const bytes = readFileSync(join(CORPUS ?? ".", entry.file));
  let validUtf8 = true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    validUtf8 = false;
  }
  return { bytes, text: bytes.toString("utf8"), validUtf8 };
}

export interface Parsed {
  readonly diagnostics: readonly SyntaxDiagnostic[];
  readonly printed: string;
  readonly lineCount: number;
  readonly length: number;
}

export function parseAndPrint(format: Format, text: string): Parsed {
  if (format === "haproxy") {
    const result = parseHaproxy(text);
    return { diagnostics: result.diagnostics, printed: printHaproxy(result.ast), lineCount: result.lines.lineCount, length: text.length };
  }
  const result = parseKeepalived(text);
  return { diagnostics: result.diagnostics, printed: printKeepalived(result.ast), lineCount: result.lines.lineCount, length: text.length };
}

export function errors(parsed: Parsed): SyntaxDiagnostic[] {
  return parsed.diagnostics.filter((d) => d.severity === "error");
}

/** `L12 code: message` for failure lists (1-based line, as the checkers print it). */
export function describeDiagnostic(d: SyntaxDiagnostic): string {
  return `L${d.range.start.line + 1} ${d.code}: ${d.message}`;
}

export * from "./classification.js";
