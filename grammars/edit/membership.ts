// Which nodes belong to the document an editor was made for. An edit computed from a node of another
// parse (or of an older version of the text) would land at offsets that mean something else here:
// it would cut a line in the middle or write a statement outside any section. The editor asks this
// index before it touches a node, and refuses foreign nodes with a clear error.
import type { HaproxyConfig, Line, Section, Word as HaproxyWord } from "../haproxy/ast.js";
import type { Block, KeepalivedConfig, KeepalivedItem, Statement as KeepalivedStatement, Word as KeepalivedWord } from "../keepalived/ast.js";
import { keepalivedItems } from "../keepalived/walk.js";

type Node = object;

/** Built on first use: an editor that only inserts at the end never pays for it. */
export class DocumentMembership {
  private nodes: WeakSet<Node> | undefined;
  private words: WeakSet<Node> | undefined;

  constructor(private readonly ast: HaproxyConfig | KeepalivedConfig) {}

  /** True for a section, line, block, statement or other item of this document's tree. */
  has(node: Node): boolean {
    this.nodes ??= this.collectNodes();
    return this.nodes.has(node);
  }

  /** True for a word of one of this document's statements. */
  hasWord(word: HaproxyWord | KeepalivedWord): boolean {
    this.words ??= this.collectWords();
    return this.words.has(word);
  }

  private collectNodes(): WeakSet<Node> {
    const nodes = new WeakSet<Node>([this.ast]);
    if (this.ast.format === "haproxy") {
      for (const line of this.haproxyLines()) nodes.add(line);
      for (const section of this.ast.sections) nodes.add(section);
      return nodes;
    }
    for (const item of keepalivedItems(this.ast)) {
      nodes.add(item);
      if (item.kind === "block" && item.header) nodes.add(item.header);
    }
    return nodes;
  }

  private collectWords(): WeakSet<Node> {
    const words = new WeakSet<Node>();
    if (this.ast.format === "haproxy") {
      for (const line of this.haproxyLines()) for (const word of line.words) words.add(word);
      return words;
    }
    for (const statement of this.keepalivedStatements()) for (const word of statement.words) words.add(word);
    return words;
  }

  private *haproxyLines(): Generator<Line> {
    const config = this.ast as HaproxyConfig;
    yield* config.preamble;
    for (const section of config.sections) {
      yield section.header;
      yield* section.body;
    }
  }

  private *keepalivedStatements(): Generator<KeepalivedStatement> {
    for (const item of keepalivedItems(this.ast as KeepalivedConfig)) {
      if (item.kind === "statement") yield item;
      else if (item.kind === "block" && item.header) yield item.header;
    }
  }
}

/** What a node is, for error messages: `backend 'web'`, `statement 'priority'`, … */
export function describeNode(node: Section | Line | KeepalivedItem | Block | HaproxyWord | KeepalivedWord | HaproxyConfig | KeepalivedConfig): string {
  switch (node.kind) {
    case "section":
      return node.name ? `${node.type} '${node.name.value}'` : `'${node.type}' section`;
    case "statement":
    case "directive":
      return `statement '${node.keyword.text}'`;
    case "block":
      return node.header ? `block '${node.header.keyword.text}${node.header.args[0] ? " " + node.header.args[0].text : ""}'` : "block";
    case "word":
      return `word '${node.text}'`;
    case "config":
      return "configuration";
    default:
      return node.kind;
  }
}
