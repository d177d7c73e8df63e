// Reads keepalived.conf(5) (the roff source, keepalived.conf.5.in) into keyword signatures: for each
// keyword written at the start of a line inside a `.nf` … `.fi` example, the block it is written in
// (from the braces of the example), the man-page section (`.SH`) and the rest of the line, which is
// the argument syntax (`priority 100`, `lvs_sched rr|wrr|…`, `notify <STRING>|<QUOTED-STRING> [username [groupname]]`).
// Only names and argument syntax are taken; no sentence of the page is copied.

/** roff text of one line → plain text. */
function plain(line) {
  return line
    .replace(/\\f[BRIP]/g, "")
    .replace(/\\e/g, "\\")
    .replace(/\\-/g, "-")
    .replace(/\\\(aq/g, "'")
    .replace(/\\&/g, "");
}

/** The word at the start of a roff line was set in bold (`\fBword`). */
function startsBold(line) {
  return /^\s*\\fB/.test(line);
}

/**
 * @param {string} text roff source
 * @param {(path: string[], keyword: string) => boolean} isKeyword whether `keyword` is a keyword in the block at `path` (source tree)
 * @param {(path: string[]) => boolean} isValueBlock whether the block at `path` holds value entries
 * @returns {{ entries: {section: string, path: string[], keyword: string, signature: string, line: number}[], valueLines: {path: string[], text: string, line: number}[], sections: {name: string, line: number}[] }}
 */
export function readManPage(text, isKeyword, isValueBlock) {
  const lines = text.split("\n");
  const entries = [];
  const valueLines = [];
  const sections = [];
  let section = "";
  let inExample = false;
  let stack = [];
  let stop = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.startsWith(".SH")) {
      section = raw.replace(/^\.SH\s+/, "").replace(/^"|"$/g, "").trim();
      sections.push({ name: section, line: i + 1 });
      // The advanced sections show templates built from the keywords, not the keywords themselves.
      if (/^ADVANCED/.test(section)) stop = true;
      stack = [];
      continue;
    }
    if (stop) continue;
    if (raw.startsWith(".nf")) { inExample = true; continue; }
    if (raw.startsWith(".fi")) { inExample = false; continue; }
    // Outside examples, only the include directives of DESCRIPTION are keyword lines.
    if (!inExample && !(startsBold(raw) && section === "DESCRIPTION")) continue;
    if (raw.startsWith(".")) continue;
    let body = plain(raw);
    let lineNo = i + 1;
    // a trailing backslash continues the syntax on the next line
    while (/\\\s*$/.test(body.replace(/#.*$/, "")) && i + 1 < lines.length && !lines[i + 1].startsWith(".")) {
      body = body.replace(/#.*$/, "").replace(/\\\s*$/, " ") + plain(lines[++i]).trim();
    }
    const code = body.replace(/#.*$/, "").trim();
    if (code === "") continue;
    if (code === "}") { stack.pop(); continue; }
    const opens = /\{\s*$/.test(code) && !/^\{/.test(code);
    const first = code.split(/\s+/)[0];
    const inValue = stack.length > 0 && isValueBlock(stack);
    if (inValue) {
      valueLines.push({ path: [...stack], text: code.replace(/\s+/g, " "), line: lineNo });
      if (opens) stack.push(first);
      continue;
    }
    const bold = startsBold(raw);
    const known = isKeyword(stack, first);
    // Only bold words and words the sources know are keywords; the rest is prose or an example value.
    // (Capitalised or all-capital bold words that are no keyword are headings: GLOBAL, Static, …)
    const heading = !known && /^([A-Z][a-z]+|[A-Z]+)$/.test(first);
    if ((bold && !heading && /^[A-Za-z_][A-Za-z0-9_|-]*$/.test(first)) || known) {
      const signature = code.slice(first.length).replace(/\{\s*$/, "").replace(/\s+/g, " ").trim();
      entries.push({ section, path: [...stack], keyword: first, signature, line: lineNo });
    }
    if (opens) stack.push(first);
  }
  return { entries, valueLines, sections };
}
