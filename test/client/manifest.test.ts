// The extension's manifest: what it claims, and that every file it names is there.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import picomatch from "picomatch";

const client = new URL("../../client/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", client), "utf8"));

describe("the extension manifest", () => {
  it("declares haproxy and keepalived with their grammars and language configurations", () => {
    const languages = manifest.contributes.languages.map((l: { id: string }) => l.id);
    expect(languages).toEqual(["haproxy", "keepalived"]);
    for (const language of manifest.contributes.languages) expect(existsSync(new URL(language.configuration, client))).toBe(true);
    for (const grammar of manifest.contributes.grammars) {
      const file = new URL(`../${grammar.path.replace("./", "")}`, client);
      expect(JSON.parse(readFileSync(file, "utf8")).scopeName).toBe(grammar.scopeName);
    }
  });

  it("asks for a VS Code that code-server 4.100 (VS Code 1.100) provides", () => {
    expect(manifest.engines.vscode).toBe("^1.100.0");
  });

  it("claims files by name, never every .cfg or .conf", () => {
    const claims = (id: string, path: string) => {
      const language = manifest.contributes.languages.find((l: { id: string }) => l.id === id);
      const name = path.split("/").pop();
      return language.filenames.includes(name) || language.filenamePatterns.some((pattern: string) => picomatch(pattern, { dot: true })(path));
    };
    expect(claims("haproxy", "/etc/haproxy/haproxy.cfg")).toBe(true);
    expect(claims("haproxy", "/srv/lb/site.haproxy.cfg")).toBe(true);
    expect(claims("haproxy", "/etc/haproxy/conf.d/10-web.cfg")).toBe(true);
    expect(claims("keepalived", "/etc/keepalived/keepalived.conf")).toBe(true);
    expect(claims("keepalived", "/etc/keepalived/conf.d/vips.conf")).toBe(true);
    expect(claims("haproxy", "/home/me/app/settings.cfg")).toBe(false);
    expect(claims("keepalived", "/etc/nginx/nginx.conf")).toBe(false);
    expect(new RegExp(manifest.contributes.languages[1].firstLine).test("! Configuration File for keepalived")).toBe(true);
  });
});
