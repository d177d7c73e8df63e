// sysctl.conf and sysctl.d/*.conf as sysctl(8) and systemd-sysctl read them: `key = value` lines,
// `#` and `;` comments, a leading `-` that only silences errors, and keys written with `/` instead
// of `.` (net/ipv4/ip_forward). Anything else on a line is skipped and makes the file partly
// understood.
import { physicalLines, skip, wordRange, type Located, type SiteFile } from "../files.js";

/** One `key = value` line of a sysctl file. */
export interface SysctlEntry {
  /** The key with dots (`net.ipv4.conf.all.arp_ignore`). */
  readonly key: string;
  readonly value: Located<string>;
  readonly keyRange: Located<string>["range"];
}

/** `net/ipv4/conf/eth0.100/arp_ignore` → `net.ipv4.conf.eth0/100.arp_ignore`, as sysctl swaps them. */
export function normaliseKey(key: string): string {
  const slash = key.indexOf("/");
  const dot = key.indexOf(".");
  if (slash < 0 || (dot >= 0 && dot < slash)) return key;
  return key.replace(/[./]/g, (c) => (c === "/" ? "." : "/"));
}

export function parseSysctl(file: SiteFile): SysctlEntry[] {
  const entries: SysctlEntry[] = [];
  for (const line of physicalLines(file)) {
    const trimmed = line.text.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    const match = /^(\s*-?)([^=\s]+)\s*=\s*(.*?)\s*$/.exec(line.text);
    if (!match) {
      skip(file, line.start, line.start + line.text.length, "not a 'key = value' line");
      continue;
    }
    const keyAt = match[1]!.length;
    const valueText = match[3]!;
    const valueAt = line.text.trimEnd().length - valueText.length;
    entries.push({
      key: normaliseKey(match[2]!),
      keyRange: wordRange(file, line, keyAt, match[2]!.length),
      value: { value: valueText, uri: file.uri, range: wordRange(file, line, valueAt, valueText.length) },
    });
  }
  return entries;
}
