// Configuration files are often templates (Jinja2, Go templates, ERB). Their expressions are read as
// plain words so that the rest of the file still parses; this reports, once per file, that what is
// checked is the template and not the file it will render to.
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

const TEMPLATE_MARKER = /\{\{|\{%|<%[=\-#]?\s/;

export function reportTemplateSyntax(text: string, lines: LineIndex, diagnostics: SyntaxDiagnostic[]): void {
  const found = TEMPLATE_MARKER.exec(text);
  if (!found) return;
  diagnostics.push(
    diagnostic(
      "template-syntax",
      "warning",
      "this file contains template syntax; lblint reads template expressions as plain words, so what it checks is the template, not the file it renders to",
      lines.range(found.index, found.index + found[0].length),
    ),
  );
}
