// What a template's lines can hide. A line that is nothing but template output (`{{ extra_config }}`,
// `<%= line %>`, `{% include "x.cfg" %}`) can render any lines, a whole section or none; a section
// or block defined with a name built from an expression (`backend app{{ n }}`) can be named anything.
// Built in one pass over the lines and the template spans.

export type TemplateProduct = "haproxy" | "keepalived";

/** The keywords that open a haproxy section. */
const HAPROXY_SECTIONS = new Set([
  "global", "defaults", "frontend", "backend", "listen", "peers", "resolvers", "userlist", "mailers", "program",
  "http-errors", "ring", "cache", "log-forward", "crt-store", "traces", "acme", "dynamic-update",
]);
/** Keywords whose line defines a name that other lines refer to. */
const DEFINERS: Readonly<Record<TemplateProduct, ReadonlySet<string>>> = {
  haproxy: new Set([...HAPROXY_SECTIONS, "acl", "server", "server-template", "peer", "nameserver", "user", "group", "table"]),
  keepalived: new Set([
    "vrrp_script", "vrrp_instance", "vrrp_sync_group", "virtual_server_group", "virtual_server", "real_server",
    "vrrp_track_file", "track_file", "vrrp_track_process", "track_process", "include",
  ]),
};
/** keepalived blocks that hold values, not directives: a line of output there is one more value. */
const VALUE_BLOCKS = new Set([
  "virtual_ipaddress", "virtual_ipaddress_excluded", "virtual_routes", "virtual_rules", "unicast_peer", "track_script",
  "track_interface", "track_file", "track_process", "track_bfd", "notification_email", "group", "static_ipaddress",
  "static_routes", "static_rules",
]);
// Go template actions that render nothing by themselves.
const GO_CONTROL = /^\{\{-?\s*(?:if|else|end|range|with|block|define|\/\*|\$[\w.]*\s*:?=)/;

/** Whether a template span renders text: an output expression or an include, not a control tag. */
function rendersText(span: string): boolean {
  if (span.startsWith("<%=")) return true;
  if (span.startsWith("{{")) return !GO_CONTROL.test(span);
  return /^\{%-?\s*include\b/.test(span);
}

const NONE: ReadonlySet<string> = new Set();

interface LineShape {
  keyword: string;
  expression: boolean;
  /** Nothing but template output. */
  opaque: boolean;
  /** Plain words after a leading control tag: the tail of the line before when a block tag ends it. */
  controlFirst: boolean;
  /** A keyword whose last word is template output (`server a 10.0.0.1:80 {{ options }}`). */
  writtenArguments: boolean;
}

export class TemplateLayout {
  /** Line starts of lines that are nothing but template output, or that go on a line a tag ends, in order. */
  private readonly opaque: number[] = [];
  /** Lines whose words after the keyword hold template output (`option {{ name }}`), in order. */
  private readonly written: { start: number; keyword: string }[] = [];
  /** Where sections (haproxy) or top-level blocks (keepalived) start, in order; each runs to the next. */
  private readonly sections: number[] = [];
  private global: readonly [number, number] | undefined;
  /** Whether a line of output stands outside every section (before the first one, or at keepalived's top level). */
  private opaqueAtTop = false;
  /** The keywords of the keepalived blocks open at the current line. */
  private readonly blocks: string[] = [];
  /** The keywords of the lines that define a name and hold a template expression (`backend app{{ n }}`). */
  readonly namedByExpression = new Set<string>();

  constructor(
    private readonly text: string,
    spans: readonly number[],
    product: TemplateProduct,
  ) {
    let span = 0;
    let depth = 0;
    let joined = false;
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf("\n", start);
      const end = newline < 0 ? text.length : newline;
      while (span < spans.length && spans[span + 1]! <= start) span += 2;
      const line = this.lineShape(start, end, spans, span);
      if ((line.opaque || (joined && line.controlFirst)) && !VALUE_BLOCKS.has(this.blocks[this.blocks.length - 1] ?? "")) {
        this.opaque.push(start);
        if (product === "keepalived" ? this.blocks.length === 0 : this.sections.length === 0) this.opaqueAtTop = true;
      } else if (line.writtenArguments) this.written.push({ start, keyword: line.keyword });
      if (line.expression && DEFINERS[product].has(line.keyword)) this.namedByExpression.add(line.keyword);
      if (product === "haproxy" && HAPROXY_SECTIONS.has(line.keyword)) this.openSection(start, line.keyword === "global");
      if (product === "keepalived") depth = this.keepalivedBlocks(start, end, depth, line.keyword, spans, span);
      // Ansible renders Jinja with trim_blocks: the line break after a block tag goes, joining lines.
      joined = /%\}\s*$/.test(text.slice(Math.max(start, end - 8), end)) && line.expression;
      start = end + 1;
    }
    if (this.global && this.global[1] < 0) this.global = [this.global[0], text.length];
  }

  /**
   * Whether a line in [from, to) may write a directive lblint cannot see: a line of template output
   * only, or one that goes on from a tag (`{% if tls %} ssl{% endif %}` under a line that a
   * block tag ends, which Ansible's trim_blocks joins to it), or, when `keywords` are given, one of
   * these keywords whose words are partly template output (`option {{ name }}` may be `option httpchk`).
   */
  mayWrite(from: number, to: number, keywords: ReadonlySet<string> = NONE): boolean {
    const index = firstAtOrAfter(this.opaque, from);
    if (index < this.opaque.length && this.opaque[index]! < to) return true;
    if (keywords.size === 0) return false;
    let low = 0;
    let high = this.written.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.written[middle]!.start < from) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.written.length && this.written[i]!.start < to; i++) if (keywords.has(this.written[i]!.keyword)) return true;
    return false;
  }

  /** The section (haproxy) or top-level block (keepalived) holding `offset`, as [start, end). */
  sectionOf(offset: number): readonly [number, number] {
    const index = firstAtOrAfter(this.sections, offset + 1) - 1;
    return [index < 0 ? 0 : this.sections[index]!, this.sections[index + 1] ?? this.text.length];
  }

  /** Whether a line may write a global setting: in the global section, or where a global section could be written. */
  mayWriteGlobal(): boolean {
    return this.global ? this.mayWrite(...this.global) : this.opaqueAtTop;
  }

  private openSection(start: number, isGlobal: boolean): void {
    if (this.global && this.global[1] < 0) this.global = [this.global[0], start];
    this.sections.push(start);
    if (isGlobal && !this.global) this.global = [start, -1];
  }

  /** The first word of a line, and whether the line holds a template span or is nothing but template output. */
  private lineShape(start: number, end: number, spans: readonly number[], span: number): LineShape {
    const keyword = /^[ \t]*([^ \t\r{<]*)/.exec(this.text.slice(start, Math.min(end, start + 200)))?.[1] ?? "";
    // The line with control tags as blanks and output as `\u0001`: what is left is plain text.
    let shape = "";
    let controlFirst = false;
    let at = start;
    for (let i = span; i < spans.length && spans[i]! < end; i += 2) {
      const from = Math.max(start, spans[i]!);
      const to = Math.min(end, spans[i + 1]!);
      shape += this.text.slice(at, from);
      const renders = rendersText(this.text.slice(spans[i]!, Math.min(spans[i + 1]!, spans[i]! + 40)));
      if (!renders && shape.trim() === "") controlFirst = true;
      shape += (renders ? "\u0001" : " ").repeat(Math.max(0, to - from));
      at = to;
    }
    const expression = at > start || shape.length > 0;
    shape += this.text.slice(at, end);
    const words = shape.trim().split(/\s+/);
    const output = shape.includes("\u0001");
    const plain = words.some((word) => /[^\u0001]/.test(word));
    const last = words[words.length - 1] ?? "";
    return {
      keyword,
      expression: expression && (output || shape.trim() !== this.text.slice(start, end).trim()),
      opaque: output && !plain,
      controlFirst: controlFirst && plain,
      writtenArguments: keyword !== "" && words.length > 1 && last !== "" && !/[^\u0001]/.test(last),
    };
  }

  /** Tracks brace depth over one keepalived line; a block opened at depth 0 starts a section. */
  private keepalivedBlocks(start: number, end: number, depth: number, keyword: string, spans: readonly number[], span: number): number {
    let next = span;
    for (let i = start; i < end; i++) {
      if (next < spans.length && spans[next]! <= i) {
        i = spans[next + 1]! - 1;
        next += 2;
        continue;
      }
      const c = this.text[i];
      if (c === "#" || c === "!") break;
      if (c === "{") {
        if (depth === 0) this.openSection(start, keyword === "global_defs");
        this.blocks.push(keyword);
        depth++;
      } else if (c === "}" && depth > 0) {
        this.blocks.pop();
        depth--;
        if (depth === 0) this.openSection(end + 1, false);
      }
    }
    return depth;
  }
}

/** The index of the first value at or after `offset` in a sorted list. */
function firstAtOrAfter(values: readonly number[], offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
