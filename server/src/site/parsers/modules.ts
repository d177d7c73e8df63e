// Kernel modules loaded at boot: /etc/modules-load.d/*.conf (and /usr/lib, /run), Debian's
// /etc/modules (one module name a line, `#` or `;` comments, options after the name) and RHEL's
// /etc/sysconfig/modules/*.modules scripts, where `modprobe NAME` lines are read and any other line
// is skipped. What is checked with it: `ip_vs_ftp` for an FTP service behind LVS NAT.
import { physicalLines, skip, wordRange, type Located, type SiteFile } from "../files.js";

export function readModules(file: SiteFile): Located<string>[] {
  const found: Located<string>[] = [];
  const script = file.uri.endsWith(".modules");
  for (const line of physicalLines(file)) {
    const trimmed = line.text.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    if (script) {
      const match = /^(.*?\bmodprobe\s+(?:-\S+\s+)*)([A-Za-z0-9_-]+)/.exec(line.text);
      if (match) found.push({ value: match[2]!.replace(/-/g, "_"), uri: file.uri, range: wordRange(file, line, match[1]!.length, match[2]!.length) });
      else if (!/^(#!|exit\b|fi\b|then\b|if\b|done\b|for\b|do\b|else\b)/.test(trimmed)) skip(file, line.start, line.start + line.text.length, "not a modprobe line");
      continue;
    }
    const match = /^(\s*)([A-Za-z0-9_-]+)(\s|$)/.exec(line.text);
    if (!match) {
      skip(file, line.start, line.start + line.text.length, "not a module name");
      continue;
    }
    found.push({ value: match[2]!.replace(/-/g, "_"), uri: file.uri, range: wordRange(file, line, match[1]!.length, match[2]!.length) });
  }
  return found;
}
