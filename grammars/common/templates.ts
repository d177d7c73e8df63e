// Configuration files are often templates (Jinja2, Go templates, ERB). Their expressions are read as
// plain words so that the rest of the file still parses; this reports, once per file, that what is
// checked is the template and not the file it will render to.
import { diagnostic, type SyntaxDiagnostic } from "./diagnostics.js";
import type { LineIndex } from "./text.js";

/**
 * `{{ … }}` and `{% … %}` on one line, and `{# … #}` comments, which often span lines: one word each
 * in both grammars.
 */
export const TEMPLATE_EXPRESSION = /\{\{(?:[^}\r\n]|\}(?!\}))*\}\}|\{%(?:[^%\r\n]|%(?!\}))*%\}|\{#[\s\S]*?#\}/;

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
