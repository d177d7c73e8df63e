// The editor never corrupts a file: nodes of another parse, nodes an earlier call removed, and text
// that would not parse as what it is inserted as are refused before anything is recorded.
import { describe, expect, it } from "vitest";
import { applyEdits, edit, findBlock, findHaproxyStatement, findKeepalivedStatement, findSection, parseHaproxy, parseKeepalived } from "../../grammars/index.js";

const HAPROXY = `global
    maxconn 100

backend web
    server web1 10.0.0.1:80 check
    server web2 10.0.0.2:80 check

backend api
    server api1 10.0.0.9:80
`;

const KEEPALIVED = `vrrp_sync_group VG_1 {
    group {
        VI_1
        VI_2
    }
}

vrrp_instance VI_1 {
    state BACKUP
}

vrrp_instance VI_2 {
    state BACKUP
}
`;

describe("nodes that do not belong to the editor's document", () => {
  it("refuses a node from another parse instead of cutting into a line", () => {
    const a = parseHaproxy(HAPROXY);
    const b = parseHaproxy("global\n  daemon\nbackend other\n  server x 10.0.0.5:80\n");
    const foreign = findHaproxyStatement(findSection(b.ast, "backend", "other")!, "server")!;
    expect(() => edit(a).remove(foreign)).toThrow(/not part of the document this editor was made for/);
    expect(() => edit(a).insertStatement(b.ast.sections[1]!, "server y 10.0.0.6:80")).toThrow(RangeError);
    expect(() => edit(a).setWord(foreign.args[0]!, "z")).toThrow(/not part of the document/);
  });

  it("refuses a section that an earlier call removed, instead of writing outside any section", () => {
    const doc = parseHaproxy(HAPROXY);
    const api = findSection(doc.ast, "backend", "api")!;
    const editor = edit(doc).remove(api);
    expect(() => editor.insertStatement(api, "server api2 10.0.0.10:80")).toThrow(/removed by an earlier edit/);
    expect(() => editor.remove(findHaproxyStatement(api, "server")!)).toThrow(/removed by an earlier edit/);
    // The refused calls recorded nothing.
    expect(editor.toString()).toBe(HAPROXY.replace("\nbackend api\n    server api1 10.0.0.9:80\n", ""));
  });

  it("refuses to remove a section's or a block's header alone", () => {
    const doc = parseHaproxy(HAPROXY);
    expect(() => edit(doc).remove(findSection(doc.ast, "backend", "api")!.header)).toThrow(/header of a section/);
    const conf = parseKeepalived(KEEPALIVED);
    expect(() => edit(conf).remove(findBlock(conf.ast, "vrrp_instance", "VI_1")!.header!)).toThrow(/header of a block/);
  });

  it("refuses an 'after' sibling from another section", () => {
    const doc = parseHaproxy(HAPROXY);
    const api = findSection(doc.ast, "backend", "api")!;
    const web1 = findHaproxyStatement(findSection(doc.ast, "backend", "web")!, "server")!;
    expect(() => edit(doc).insertStatement(api, "server api2 10.0.0.10:80", { after: web1 })).toThrow(/not directly inside/);
  });

  it("refuses two edits of the same text at the call that makes the second", () => {
    const doc = parseHaproxy(HAPROXY);
    const web1 = findHaproxyStatement(findSection(doc.ast, "backend", "web")!, "server")!;
    const editor = edit(doc).setArgument(web1, 0, "a");
    expect(() => editor.setArgument(web1, 0, "b")).toThrow(/overlaps/);
    expect(editor.toString()).toContain("server a 10.0.0.1:80");
  });
});

describe("text that would change the file's structure", () => {
  it("refuses a section header given as a statement", () => {
    const doc = parseHaproxy(HAPROXY);
    const web = findSection(doc.ast, "backend", "web")!;
    expect(() => edit(doc).insertStatement(web, "backend evil")).toThrow(/starts a new 'backend' section; use insertSection/);
    expect(() => edit(doc).insertStatement(web, "server a 10.0.0.3:80\nbackend evil")).toThrow(/section/);
    expect(() => edit(doc).insertStatement(web, "server a 10.0.0.3:80\rbackend evil")).toThrow(/carriage return/);
    expect(() => edit(doc).insertStatement(web, "")).toThrow(/empty/);
    expect(() => edit(doc).insertStatement(web, 'server "a')).toThrow(/not valid haproxy/);
  });

  it("inserts several statement lines as what they are, re-indented as a whole", () => {
    const doc = parseHaproxy(HAPROXY);
    const api = findSection(doc.ast, "backend", "api")!;
    const out = edit(doc).insertStatement(api, "  server api2 10.0.0.10:80\n  server api3 10.0.0.11:80").toString();
    expect(out.endsWith("    server api1 10.0.0.9:80\n    server api2 10.0.0.10:80\n    server api3 10.0.0.11:80\n")).toBe(true);
  });

  it("refuses a replacement that would turn a statement into a section header, or the reverse", () => {
    const doc = parseHaproxy(HAPROXY);
    const web = findSection(doc.ast, "backend", "web")!;
    expect(() => edit(doc).replaceStatement(findHaproxyStatement(web, "server")!, "backend evil")).toThrow(/section header/);
    expect(() => edit(doc).replaceStatement(web.header, "server x 1.2.3.4:80")).toThrow(/not a section header/);
    expect(() => edit(doc).replaceStatement(findHaproxyStatement(web, "server")!, "server a 1.1.1.1:80\nserver b")).toThrow(/line break/);
    expect(edit(doc).replaceStatement(web.header, "backend www").toString()).toContain("backend www\n");
  });

  it("refuses keepalived statements whose braces or quotes do not balance", () => {
    const doc = parseKeepalived(KEEPALIVED);
    const instance = findBlock(doc.ast, "vrrp_instance", "VI_1")!;
    expect(() => edit(doc).insertStatement(instance, "virtual_ipaddress {")).toThrow(/not valid keepalived/);
    expect(() => edit(doc).insertStatement(instance, "}\nvrrp_instance evil {")).toThrow(/not valid keepalived/);
    expect(() => edit(doc).insertStatement(instance, 'notify "/bin/x')).toThrow(/not valid keepalived/);
    expect(() => edit(doc).replaceStatement(findKeepalivedStatement(instance, "state")!, "state MASTER }")).toThrow(/not valid keepalived/);
    expect(() => edit(doc).replaceStatement(findKeepalivedStatement(instance, "state")!, "state { MASTER }")).toThrow(/brace/);
  });

  it("re-indents an inserted block with the file's own indentation step", () => {
    const doc = parseKeepalived("vrrp_instance VI_1 {\n\tstate BACKUP\n}\n");
    const instance = findBlock(doc.ast, "vrrp_instance")!;
    const out = edit(doc).insertStatement(instance, "virtual_ipaddress {\n    10.0.0.1/24\n}").toString();
    expect(out).toBe("vrrp_instance VI_1 {\n\tstate BACKUP\n\tvirtual_ipaddress {\n\t\t10.0.0.1/24\n\t}\n}\n");
  });
});

describe("arguments", () => {
  it("inserts a value with a space as one quoted word, and several words with insertArguments", () => {
    const doc = parseHaproxy(HAPROXY);
    const [web1, web2] = [...findSection(doc.ast, "backend", "web")!.body].filter((line) => line.kind === "statement") as never as [never, never];
    const out = edit(doc).insertArgument(web1, 2, "weight 10").insertArguments(web2, 2, ["weight", "10"]).toString();
    expect(out).toContain("server web1 10.0.0.1:80 'weight 10' check\n");
    expect(out).toContain("server web2 10.0.0.2:80 weight 10 check\n");
  });

  it("refuses an index past the end, a negative or a fractional one", () => {
    const doc = parseHaproxy(HAPROXY);
    const server = findHaproxyStatement(findSection(doc.ast, "backend", "web")!, "server")!;
    expect(() => edit(doc).insertArgument(server, 4, "x")).toThrow(/argument 4 does not exist: the statement has 3 arguments/);
    expect(() => edit(doc).insertArgument(server, -1, "x")).toThrow(RangeError);
    expect(() => edit(doc).setArgument(server, 1.5, "x")).toThrow(RangeError);
    expect(edit(doc).insertArgument(server, 3, "x").toString()).toContain("server web1 10.0.0.1:80 check x\n");
  });
});

describe("inserting sections the way the file is written", () => {
  const TABS = "global\n\tdaemon\nbackend a\n\tserver a1 10.0.0.1:80\nbackend b\n\tserver b1 10.0.0.2:80\n";

  it("follows tabs and the absence of blank lines between sections, wherever it inserts", () => {
    const doc = parseHaproxy(TABS);
    const b = findSection(doc.ast, "backend", "b")!;
    const out = edit(doc)
      .insertSection("backend new\n    server n1 10.0.0.3:80\n    server n2 10.0.0.4:80", { before: b })
      .insertSection("backend last\n  server l1 10.0.0.5:80")
      .toString();
    expect(out).toBe(
      "global\n\tdaemon\nbackend a\n\tserver a1 10.0.0.1:80\nbackend new\n\tserver n1 10.0.0.3:80\n\tserver n2 10.0.0.4:80\n" +
        "backend b\n\tserver b1 10.0.0.2:80\nbackend last\n\tserver l1 10.0.0.5:80\n",
    );
  });

  it("keeps a blank line on both sides in a file that separates its sections", () => {
    const doc = parseHaproxy(HAPROXY);
    const api = findSection(doc.ast, "backend", "api")!;
    const out = edit(doc).insertSection("backend mid\n\tserver m1 10.0.0.7:80", { before: api }).toString();
    expect(out).toContain("    server web2 10.0.0.2:80 check\n\nbackend mid\n    server m1 10.0.0.7:80\n\nbackend api\n");
    const first = edit(doc).insertSection("defaults\n  mode http", { at: "start" }).toString();
    expect(first.startsWith("defaults\n    mode http\n\nglobal\n")).toBe(true);
  });

  it("refuses a section without a header", () => {
    expect(() => edit(parseHaproxy(HAPROXY)).insertSection("server x 10.0.0.1:80")).toThrow(/section header/);
  });
});

describe("removals leave nothing behind", () => {
  it("leaves no run of blank lines where a section was", () => {
    const doc = parseHaproxy(HAPROXY);
    const out = edit(doc).remove(findSection(doc.ast, "backend", "web")!).toString();
    expect(out).toBe("global\n    maxconn 100\n\nbackend api\n    server api1 10.0.0.9:80\n");
  });

  it("leaves no run of blank lines where a keepalived block was, nor trailing spaces on a shared line", () => {
    const doc = parseKeepalived("global_defs {\n  router_id a\n}\n\nvrrp_script chk {\n  script true\n}\n\nvrrp_instance VI_1 {\n  state BACKUP\n} priority 200\n");
    const out = edit(doc).remove(findBlock(doc.ast, "vrrp_script")!).remove(doc.ast.items[doc.ast.items.length - 1]!).toString();
    expect(out).toBe("global_defs {\n  router_id a\n}\n\nvrrp_instance VI_1 {\n  state BACKUP\n}\n");
  });

  it("removes neighbours one call at a time as cleanly as together", () => {
    const doc = parseHaproxy("global\n    daemon\n\nbackend a\n    server a1 10.0.0.1:80\n\nbackend b\n    server b1 10.0.0.2:80\n");
    const out = edit(doc).remove(findSection(doc.ast, "backend", "a")!).remove(findSection(doc.ast, "backend", "b")!).toString();
    expect(out).toBe("global\n    daemon\n");
    const conf = parseKeepalived(KEEPALIVED);
    const both = edit(conf).remove(findBlock(conf.ast, "vrrp_instance", "VI_1")!).remove(findBlock(conf.ast, "vrrp_instance", "VI_2")!).toString();
    expect(both).toBe("vrrp_sync_group VG_1 {\n    group {\n    }\n}\n");
  });

  it("keeps the .if/.endif lines that a removed section shares with the rest of the file", () => {
    const text = "global\n    daemon\n.if defined(X)\nbackend a\n    server a1 10.0.0.1:80\n.endif\nbackend b\n    server b1 10.0.0.2:80\n";
    const doc = parseHaproxy(text);
    const out = edit(doc).remove(findSection(doc.ast, "backend", "a")!).toString();
    expect(out).toBe("global\n    daemon\n.if defined(X)\n.endif\nbackend b\n    server b1 10.0.0.2:80\n");
    expect(parseHaproxy(out).diagnostics).toEqual([]);
    const endif = findSection(doc.ast, "backend", "a")!.body.find((line) => line.kind === "directive")!;
    expect(() => edit(doc).remove(endif)).toThrow(/unbalanced/);
  });

  it("removes a vrrp_instance from its sync groups", () => {
    const doc = parseKeepalived(KEEPALIVED);
    const out = edit(doc).remove(findBlock(doc.ast, "vrrp_instance", "VI_2")!).toString();
    expect(out).toBe("vrrp_sync_group VG_1 {\n    group {\n        VI_1\n    }\n}\n\nvrrp_instance VI_1 {\n    state BACKUP\n}\n");
    const kept = edit(doc).remove(findBlock(doc.ast, "vrrp_instance", "VI_2")!, { keepReferences: true }).toString();
    expect(kept).toContain("        VI_2\n");
  });

  it("refuses to remove what other statements still name, listing them", () => {
    const doc = parseHaproxy("frontend fe\n  bind :80\n  default_backend web\nbackend web\n  server s1 10.0.0.1:80\n");
    const web = findSection(doc.ast, "backend", "web")!;
    expect(() => edit(doc).remove(web)).toThrow(/still named by 'default_backend' on line 3/);
    expect(edit(doc).remove(web, { keepReferences: true }).toString()).toBe("frontend fe\n  bind :80\n  default_backend web\n");
    const group = parseKeepalived("virtual_server_group G {\n  10.0.0.1 80\n}\nvirtual_server group G {\n  lb_algo rr\n}\n");
    expect(() => edit(group).remove(findBlock(group.ast, "virtual_server_group")!)).toThrow(/still named by 'virtual_server' on line 4/);
  });
});

describe("text edits", () => {
  it("applyEdits refuses malformed edits with a clear error", () => {
    const text = "abcdef";
    expect(() => applyEdits(text, [{ start: NaN, end: 1, newText: "" }])).toThrow(RangeError);
    expect(() => applyEdits(text, [{ start: 0.5, end: 1, newText: "" }])).toThrow(/whole UTF-16 offset/);
    expect(() => applyEdits(text, [{ start: 2, end: 9, newText: "" }])).toThrow(/outside the text, whose length is 6/);
    expect(() => applyEdits(text, [{ start: 3, end: 2, newText: "" }])).toThrow(/comes before/);
    expect(() => applyEdits(text, [{ start: 0, end: 3, newText: "x" }, { start: 2, end: 4, newText: "y" }])).toThrow(/overlaps edit #0/);
    expect(() => applyEdits(text, [{ start: 0, end: 1 } as never])).toThrow(TypeError);
    expect(() => applyEdits(text, [{ start: "0", end: 1, newText: "" } as never])).toThrow(TypeError);
    expect(() => applyEdits(text, null as never)).toThrow(TypeError);
    expect(applyEdits(text, [{ start: 6, end: 6, newText: "!" }, { start: 0, end: 1, newText: "A" }])).toBe("Abcdef!");
  });

  it("textEdits() come sorted by offset, insertions at one offset in the order they were made", () => {
    const doc = parseHaproxy(HAPROXY);
    const api = findSection(doc.ast, "backend", "api")!;
    const edits = edit(doc)
      .insertStatement(api, "server b 10.0.0.21:80")
      .setArgument(findHaproxyStatement(findSection(doc.ast, "global")!, "maxconn")!, 0, "5")
      .insertStatement(api, "server c 10.0.0.22:80")
      .textEdits();
    expect(edits.map((e) => e.start)).toEqual([...edits.map((e) => e.start)].sort((a, b) => a - b));
    const out = applyEdits(HAPROXY, edits);
    expect(out.indexOf("server b")).toBeLessThan(out.indexOf("server c"));
  });
});

describe("parser input", () => {
  it("reads a Buffer as UTF-8 and refuses what is not text", () => {
    expect(parseHaproxy(Buffer.from("global\n  maxconn 1\n")).ast.sections[0]!.type).toBe("global");
    expect(parseKeepalived(new TextEncoder().encode("global_defs {\n}\n")).ast.items[0]!.kind).toBe("block");
    expect(() => parseHaproxy(42 as never)).toThrow(/parseHaproxy expects the file's text as a string/);
    expect(() => parseKeepalived(undefined as never)).toThrow(TypeError);
    expect(() => edit({} as never)).toThrow(TypeError);
  });
});
