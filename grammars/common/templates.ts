// Configuration files are often templates (Jinja2, Go templates, ERB). Their expressions are read as
// plain words so that the rest of the file still parses; this reports, once per file, that what is
// checked is the template and not the file it will render to. The linter reports nothing on the
// expressions themselves (server/src/lint/templates.ts finds them with templateSpans).
import { diagnostic, type SyntaxDiagnostic } from "./diagnostics.js";
import type { LineIndex } from "./text.js";
import { ForwardSearch, LineBreakSearch } from "./forward-search.js";

/**
 * `{{ … }}` and `{% … %}` on one line, and `{# … #}` comments, which often span lines: one word each
 * in both grammars. The Chevrotain lexers use this pattern; the scanners use TemplateFinder.
 */
export const TEMPLATE_EXPRESSION = /\{\{(?:[^}\r\n]|\}(?!\}))*\}\}|\{%(?:[^%\r\n]|%(?!\}))*%\}|\{#[\s\S]*?#\}/;

/**
 * Finds where template expressions end in one text (what TEMPLATE_EXPRESSION matches). A scanner
 * asks at every `{`; the searches are remembered (see ForwardSearch), so a whole scan stays linear as
 * long as it asks in increasing order of offset. Without that, `{{{{…` or `{%{%…` would re-read the
 * rest of the line at every `{`.
 */
export class TemplateFinder {
  private readonly closeBraces: ForwardSearch;
  private readonly closePercent: ForwardSearch;
  private readonly closeHash: ForwardSearch;
  private readonly lineBreaks: LineBreakSearch;

  constructor(private readonly text: string) {
    this.closeBraces = new ForwardSearch(text, "}}");
    this.closePercent = new ForwardSearch(text, "%}");
    this.closeHash = new ForwardSearch(text, "#}");
    this.lineBreaks = new LineBreakSearch(text);
  }

  /** End of the template expression that starts at `i`, or -1. */
  end(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i) !== 123 /* { */) return -1;
    const second = text.charCodeAt(i + 1);
    if (second === 35 /* # */) {
      const close = this.closeHash.indexOf(i + 2);
      return close < 0 ? -1 : close + 2;
    }
    const search = second === 123 /* { */ ? this.closeBraces : second === 37 /* % */ ? this.closePercent : undefined;
    if (!search) return -1;
    // The first closer ends the expression (the pattern lets none inside it), on the same line.
    const close = search.indexOf(i + 2);
    if (close < 0 || this.lineBreaks.between(i + 2, close)) return -1;
    return close + 2;
  }
}

/**
 * Where the first `{#` that no `#}` follows starts, or -1. Such a comment may still be closed by a
 * `#}` further on, and then take in every line up to it: what comes after it in a piece of a file
 * depends on the rest of the file. (It may also be no comment at all, inside a quote or a comment:
 * the answer errs on the safe side.)
 */
export function unclosedTemplateComment(text: string): number {
  // A `{#` that starts before the last `#}` (and is not that `#}`'s own `#`) is closed by it.
  return text.indexOf("{#", Math.max(0, text.lastIndexOf("#}") - 1));
}

const TEMPLATE_MARKER = /\{\{|<%[=\-#]?\s/;

/**
 * The first template marker: `{{`, an ERB tag, or a `{%` that a `%}` closes further on. haproxy's
 * log formats write `{%[ssl_c_verify],%{+Q}[ssl_c_s_dn]}` (a literal brace, then a sample): a `{%`
 * with no `%}` after it is no Jinja statement. (If the first `{%` has none after it, no later one has.)
 */
function templateMarker(text: string): { index: number; length: number } | undefined {
  const found = TEMPLATE_MARKER.exec(text);
  const percent = text.indexOf("{%");
  const statement = percent >= 0 && text.indexOf("%}", percent + 2) >= 0 ? percent : -1;
  if (statement >= 0 && (!found || statement < found.index)) return { index: statement, length: 2 };
  return found ? { index: found.index, length: found[0].length } : undefined;
}

export function reportTemplateSyntax(text: string, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): void {
  const found = templateMarker(text);
  if (!found) return;
  diagnostics.push(
    diagnostic(
      "template-syntax",
      // Information: a template is no mistake, and `--max-warnings 0` must not fail on one.
      "info",
      "this file is a template: lblint checks the lines around its template expressions, but nothing that stands on an expression or ties exclusive branches of a template conditional together; lint the rendered file to check everything",
      lines.range(found.index, found.index + found.length),
    ),
  );
}

/**
 * Whether a template tag that renders no text of its own starts at `offset`: a Jinja2 or ERB
 * statement (`{% for s in servers %}`, `<% if @tls %>`) or comment (`{# … #}`, `<%# … %>`). Lines that
 * start with one belong to the template's structure, not to the configuration's.
 */
export function isTemplateTagAt(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) === 123 /* { */) {
    const second = text.charCodeAt(offset + 1);
    return second === 37 /* % */ || second === 35 /* # */;
  }
  return text.startsWith("<%", offset) && text.charCodeAt(offset + 2) !== 61 /* = */;
}

const CLOSER: Readonly<Record<string, string>> = { "{{": "}}", "{%": "%}", "{#": "#}", "<%": "%>" };

/**
 * Whether `offset` lies inside a template tag on its line, closed or still being typed (`{{ po|`):
 * there the user writes the template's language, not the configuration's.
 */
export function insideTemplateAt(text: string, offset: number): boolean {
  // Only the cursor's line is read, so that a request on a large file costs the length of a line.
  const lineStart = Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  let opener = -1;
  for (const open of Object.keys(CLOSER)) opener = Math.max(opener, before.lastIndexOf(open, before.length - 2));
  if (opener < 0) return false;
  const closer = CLOSER[before.slice(opener, opener + 2)]!;
  const closed = before.indexOf(closer, opener + 2);
  // Closed before the cursor (`{{ x }}|`) or not (`{{ x |`, `{{ x }|}`).
  return closed < 0 || closed + closer.length > before.length;
}

/**
 * Where the template expressions of a text stand, as [start, end) pairs in order: `{{ … }}`, `{% … %}`
 * and ERB's `<% … %>`, `{# … #}` comments. A tag may run over several lines (Jinja and ERB allow it:
 * `{% if (a ==\n b) %}`, a block of Ruby between `<%` and `%>`) as long as no opener of its kind comes
 * before its closer: an unclosed `{{` does not swallow the lines up to the next expression's `}}`.
 * Linear: each opener and closer is looked for with a ForwardSearch, and the scan never goes back.
 */
export function templateSpans(text: string): number[] {
  const spans: number[] = [];
  if (text.indexOf("{{") < 0 && text.indexOf("{%") < 0 && text.indexOf("{#") < 0 && text.indexOf("<%") < 0) return spans;
  const kinds = new Map([
    ["{{", new TagSearch(text, "{{", "}}")],
    ["{%", new TagSearch(text, "{%", "%}")],
    ["<%", new TagSearch(text, "<%", "%>")],
  ]);
  const commentClose = new ForwardSearch(text, "#}");
  const braces = new ForwardSearch(text, "{");
  const angles = new ForwardSearch(text, "<%");
  for (let i = 0; i < text.length; ) {
    const brace = braces.indexOf(i);
    const angle = angles.indexOf(i);
    if (brace < 0 && angle < 0) break;
    const at = angle < 0 || (brace >= 0 && brace < angle) ? brace : angle;
    const opener = text.slice(at, at + 2);
    let end = -1;
    if (opener === "{#") {
      const close = commentClose.indexOf(at + 2);
      end = close < 0 ? -1 : close + 2;
    } else end = kinds.get(opener)?.end(at) ?? -1;
    if (end < 0) {
      i = at + 1;
      continue;
    }
    spans.push(at, end);
    i = end;
  }
  return spans;
}

/** Where a tag of one kind (`{{`, `{%` or `<%`) that opens at an offset ends; asked in increasing order. */
class TagSearch {
  private readonly opener: ForwardSearch;
  private readonly closer: ForwardSearch;
  private readonly lineBreaks: LineBreakSearch;

  constructor(text: string, opener: string, closer: string) {
    this.opener = new ForwardSearch(text, opener);
    this.closer = new ForwardSearch(text, closer);
    this.lineBreaks = new LineBreakSearch(text);
  }

  /** End of the tag opening at `at`, or -1: its closer, on its line or before the next opener of its kind. */
  end(at: number): number {
    const close = this.closer.indexOf(at + 2);
    if (close < 0) return -1;
    if (this.lineBreaks.between(at + 2, close)) {
      const next = this.opener.indexOf(at + 2);
      if (next >= 0 && next < close) return -1;
    }
    return close + 2;
  }
}
