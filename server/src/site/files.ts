// One file of a site that is not a daemon configuration (sysctl, firewall, network), as lblint
// read it: its text and line index (so that findings land on the right line), the parse status
// the site report shows, and the lines lblint skipped because it does not understand them.
import { LineIndex, type Range } from "../../../grammars/common/text.js";

/** What a site file is, by where it lies on the host. */
export type FileKind =
  | "keepalived"
  | "haproxy"
  | "sysctl"
  | "firewalld-zone"
  | "firewalld-direct"
  | "firewalld-conf"
  | "iptables"
  | "ip6tables"
  | "nftables"
  | "arptables"
  | "ifcfg"
  | "route"
  | "nm-keyfile"
  | "interfaces"
  | "modules";

/** clean: every line understood; partial: some lines skipped; failed: nothing usable read. */
export type ParseStatus = "clean" | "partial" | "failed";

/** A line (or part) lblint skipped, and why. */
export interface Skipped {
  readonly range: Range;
  readonly reason: string;
}

/** A sysctl, firewall or network file of a site, with its parse status. */
export interface SiteFile {
  readonly uri: string;
  readonly kind: FileKind;
  readonly text: string;
  readonly lines: LineIndex;
  status: ParseStatus;
  readonly skipped: Skipped[];
}

export function siteFile(uri: string, kind: FileKind, text: string): SiteFile {
  return { uri, kind, text, lines: new LineIndex(text), status: "clean", skipped: [] };
}

/** Marks a span as not understood; the file becomes partly understood unless it already failed. */
export function skip(file: SiteFile, start: number, end: number, reason: string): void {
  file.skipped.push({ range: file.lines.range(start, end), reason });
  if (file.status === "clean") file.status = "partial";
}

/** One physical line of a file with its offsets, comments kept. */
export interface PhysicalLine {
  readonly text: string;
  readonly start: number;
  readonly number: number;
}

export function physicalLines(file: SiteFile): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  const lines = file.lines;
  for (let n = 0; n < lines.lineCount; n++) {
    const start = lines.lineStart(n);
    const next = n + 1 < lines.lineCount ? lines.lineStart(n + 1) : file.text.length;
    out.push({ text: file.text.slice(start, next).replace(/\r?\n$|\r$/, ""), start, number: n });
  }
  return out;
}

/** A value read from a file, with where it stands: what a finding points at. */
export interface Located<T> {
  readonly value: T;
  readonly uri: string;
  readonly range: Range;
}

/** The range of a word inside a physical line (offset `from` within the line text). */
export function wordRange(file: SiteFile, line: PhysicalLine, from: number, length: number): Range {
  return file.lines.range(line.start + from, line.start + from + length);
}
