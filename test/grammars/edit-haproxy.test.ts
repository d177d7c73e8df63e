import { describe, expect, it } from "vitest";
import { applyEdits, edit, findHaproxyStatement, findHaproxyStatements, findSection, parseHaproxy } from "../../grammars/index.js";

const CONFIG = `global
    maxconn 4000

defaults
    mode http
    timeout client 30s

# the web tier
frontend www
    bind :80
    default_backend web
    use_backend web if { path_beg /static }

backend web
    balance roundrobin
    server web1 10.0.0.1:80 check
    server web2 10.0.0.2:80 check

# the api tier
backend api
    server api1 10.0.0.9:80 track web/web1
`;

function parsed(text = CONFIG) {
  return parseHaproxy(text);
}

describe("editing haproxy configurations", () => {
  it("adds a server after the last statement of a backend, with its siblings' indentation", () => {
    const doc = parsed();
    const web = findSection(doc.ast, "backend", "web")!;
    const out = edit(doc).insertStatement(web, "server web3 10.0.0.3:80 check").toString();
    expect(out).toBe(CONFIG.replace("server web2 10.0.0.2:80 check\n", "server web2 10.0.0.2:80 check\n    server web3 10.0.0.3:80 check\n"));
    expect(parseHaproxy(out).diagnostics).toEqual([]);
  });

  it("keeps the comment that leads the next section where it is", () => {
    const doc = parsed();
    const out = edit(doc).insertStatement(findSection(doc.ast, "backend", "web")!, "option httpchk").toString();
    expect(out).toContain("    option httpchk\n\n# the api tier\nbackend api");
  });

  it("inserts before or after a given statement, and at the start of a section", () => {
    const doc = parsed();
    const web = findSection(doc.ast, "backend", "web")!;
    const [web1] = findHaproxyStatements(web, "server");
    const out = edit(doc)
      .insertStatement(web, "server web0 10.0.0.10:80", { before: web1 })
      .insertStatement(web, "server web1b 10.0.0.11:80", { after: web1 })
      .insertStatement(web, "description web tier", { at: "start" })
      .toString();
    expect(out).toContain(
      "backend web\n    description web tier\n    balance roundrobin\n    server web0 10.0.0.10:80\n    server web1 10.0.0.1:80 check\n    server web1b 10.0.0.11:80\n",
    );
  });

  it("follows CRLF line breaks and tabs", () => {
    const text = "backend web\r\n\tbalance roundrobin\r\n";
    const doc = parsed(text);
    expect(edit(doc).insertStatement(doc.ast.sections[0]!, "server s1 10.0.0.1:80").toString()).toBe(
      "backend web\r\n\tbalance roundrobin\r\n\tserver s1 10.0.0.1:80\r\n",
    );
  });

  it("adds the missing line break when the file ends without one", () => {
    const doc = parsed("backend web\n  balance roundrobin");
    expect(edit(doc).insertStatement(doc.ast.sections[0]!, "server s1 10.0.0.1:80").toString()).toBe(
      "backend web\n  balance roundrobin\n  server s1 10.0.0.1:80",
    );
  });

  it("sets, inserts and removes arguments, quoting values that need it", () => {
    const doc = parsed();
    const global = findSection(doc.ast, "global")!;
    const maxconn = findHaproxyStatement(global, "maxconn")!;
    const [web1, web2] = findHaproxyStatements(findSection(doc.ast, "backend", "web")!, "server");
    const out = edit(doc)
      .setArgument(maxconn, 0, "8000")
      .removeArgument(web1!, 2)
      .insertArgument(web2!, 2, "weight")
      .setArgument(web2!, 3, "my value")
      .toString();
    expect(out).toContain("    maxconn 8000\n");
    expect(out).toContain("    server web1 10.0.0.1:80\n");
    expect(out).toContain("    server web2 10.0.0.2:80 weight check 'my value'\n");
  });

  it("replaces a statement's words but keeps its indentation and comment", () => {
    const doc = parsed("frontend fe\n  mode tcp   # was http\n");
    const mode = findHaproxyStatement(doc.ast.sections[0]!, "mode")!;
    expect(edit(doc).replaceStatement(mode, "mode http").toString()).toBe("frontend fe\n  mode http   # was http\n");
  });

  it("removes whole lines and whole sections", () => {
    const doc = parsed();
    const web = findSection(doc.ast, "backend", "web")!;
    const out = edit(doc).remove(findHaproxyStatement(web, "balance")!).remove(findSection(doc.ast, "defaults")!).toString();
    expect(out).not.toContain("balance");
    expect(out).toContain("global\n    maxconn 4000\n\n# the web tier\nfrontend www");
  });

  it("removes a section together with the comment right above it", () => {
    const doc = parsed();
    const out = edit(doc).remove(findSection(doc.ast, "backend", "api")!).toString();
    // The blank line that separated it from the previous section goes too: nothing trails the file.
    expect(out.endsWith("    server web2 10.0.0.2:80 check\n")).toBe(true);
  });

  it("renames a backend and every reference the grammar can see", () => {
    const doc = parsed();
    const out = edit(doc).rename(findSection(doc.ast, "backend", "web")!, "static").toString();
    expect(out).toContain("backend static\n");
    expect(out).toContain("default_backend static\n");
    expect(out).toContain("use_backend static if { path_beg /static }\n");
    expect(out).toContain("track static/web1\n");
    expect(out).toContain("server web1 10.0.0.1:80 check");
  });

  it("renames a named defaults section and the sections that inherit from it", () => {
    const doc = parsed("defaults base\n  mode http\nbackend b from base\n  server s 1.2.3.4:80\n");
    expect(edit(doc).rename(doc.ast.sections[0]!, "common").toString()).toBe("defaults common\n  mode http\nbackend b from common\n  server s 1.2.3.4:80\n");
  });

  it("adds a section after the last one, separated by a blank line and indented like the file", () => {
    const doc = parsed("global\n  daemon\n");
    const out = edit(doc).insertSection("backend new\n    server s1 10.0.0.1:80").toString();
    expect(out).toBe("global\n  daemon\n\nbackend new\n  server s1 10.0.0.1:80\n");
  });

  it("returns text edits that an editor can apply to the original text", () => {
    const doc = parsed();
    const editor = edit(doc).setArgument(findHaproxyStatement(findSection(doc.ast, "global")!, "maxconn")!, 0, "10");
    const edits = editor.textEdits();
    expect(edits).toEqual([{ start: CONFIG.indexOf("4000"), end: CONFIG.indexOf("4000") + 4, newText: "10" }]);
    expect(applyEdits(CONFIG, edits)).toBe(editor.toString());
  });

  it("refuses keepalived-only operations and arguments that do not exist", () => {
    const doc = parsed();
    const maxconn = findHaproxyStatement(findSection(doc.ast, "global")!, "maxconn")!;
    expect(() => edit(doc).setArgument(maxconn, 5, "x")).toThrow(RangeError);
    expect(() => edit(doc).removeArgument(maxconn, 1)).toThrow(RangeError);
  });
});
