// Code actions: the rules' fixes as quick fixes, disabling a rule for a line, fixing all of a rule,
// adding missing timeouts.
import { describe, expect, it } from "vitest";
import type { CodeAction, TextEdit } from "vscode-languageserver-types";
import { codeActions, FIX_ALL_KIND } from "../../server/src/service/actions.js";
import { haproxy, keepalived, type Opened } from "./harness.js";

async function actions(opened: Opened, line: number, only?: string[]): Promise<CodeAction[]> {
  const { problems } = await opened.service.problems(opened.uri);
  return codeActions({
    project: opened.project,
    uri: opened.uri,
    problems: problems.get(opened.uri) ?? [],
    startLine: line,
    endLine: line,
    ...(only ? { only } : {}),
    positionOf: (_uri, offset) => opened.document.positionAt(offset),
  });
}

function apply(text: string, action: CodeAction, uri: string): string {
  const edits = [...(action.edit!.changes![uri] as TextEdit[])];
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  let out = text;
  for (const edit of edits.sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  }
  return out;
}

const TIMEOUTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n";

describe("code actions", () => {
  it("offers a rule's fix as the preferred quick fix", async () => {
    const opened = await haproxy(`${TIMEOUTS}frontend www\n    bind :80\n    default_backend app\n    optoin httplog\n\nbackend app\n    server a 10.0.0.1:80\n`);
    const found = await actions(opened, 9);
    const fix = found.find((action) => action.isPreferred);
    expect(fix?.title).toMatch(/option/);
    expect(apply(opened.text, fix!, opened.uri)).toContain("    option httplog\n");
  });

  it("disables a rule for one line with a comment at its indentation", async () => {
    const opened = await haproxy(`${TIMEOUTS}frontend www\n    bind :80\n    use_backend nowhere\n`);
    const disable = (await actions(opened, 8)).find((action) => action.title.startsWith("Disable HA010"));
    expect(disable).toBeDefined();
    const fixed = apply(opened.text, disable!, opened.uri);
    expect(fixed).toContain("    # lblint-disable-next-line HA010\n    use_backend nowhere\n");
    const again = await haproxy(fixed);
    const { problems } = await again.service.problems(again.uri);
    expect(problems.get(again.uri)!.filter((p) => p.ruleId === "HA010")).toEqual([]);
  });

  it("fixes every finding of a rule in the file at once", async () => {
    const opened = await haproxy(`${TIMEOUTS}frontend www\n    bind :80\n    default_backend app\n    optoin httplog\n\nbackend app\n    optoin redispatch\n    server a 10.0.0.1:80\n`);
    const all = (await actions(opened, 9)).find((action) => action.title.startsWith("Fix all HA"));
    expect(all).toBeDefined();
    const fixed = apply(opened.text, all!, opened.uri);
    expect(fixed).not.toContain("optoin");
    const source = await actions(opened, 0, [FIX_ALL_KIND]);
    expect(source.map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
  });

  it("adds the missing timeouts to a proxy, or to its defaults", async () => {
    const opened = await haproxy(`defaults\n    mode http\n\nbackend app\n    server a 10.0.0.1:80\n`);
    const found = await actions(opened, 3);
    const add = found.find((action) => action.title.startsWith("Set 'timeout connect 5s' and 'timeout server 30s' in backend"));
    expect(add?.title).toBe("Set 'timeout connect 5s' and 'timeout server 30s' in backend 'app'");
    expect(apply(opened.text, add!, opened.uri)).toBe("defaults\n    mode http\n\nbackend app\n    timeout connect 5s\n    timeout server 30s\n    server a 10.0.0.1:80\n");
    expect(found.some((action) => action.title === "Set 'timeout connect 5s' and 'timeout server 30s' in defaults")).toBe(true);
  });

  it("replaces a removed haproxy keyword with its new name", async () => {
    const opened = await haproxy(`defaults\n    mode http\n    contimeout 5s\n    timeout client 30s\n    timeout server 30s\n`);
    const fix = (await actions(opened, 2)).find((action) => action.isPreferred);
    expect(fix?.title).toBe("Replace with 'timeout connect'");
    expect(apply(opened.text, fix!, opened.uri)).toBe("defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n");
  });

  it("replaces a removed keepalived keyword", async () => {
    const opened = await keepalived(`global_defs {\n    lvs_id lb1\n}\n`);
    const fix = (await actions(opened, 1)).find((action) => action.isPreferred);
    expect(fix).toBeDefined();
    expect(apply(opened.text, fix!, opened.uri)).toBe("global_defs {\n    router_id lb1\n}\n");
  });
});
