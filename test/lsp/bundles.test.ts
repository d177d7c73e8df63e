// The bundles: the library never loads LSP code, and the server starts from its bin.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER } from "./client.js";

const root = new URL("../../", import.meta.url);

describe("the bundles", () => {
  it("keep the language server out of the library", () => {
    const library = readFileSync(new URL("dist/index.js", root), "utf8");
    expect(library).not.toMatch(/vscode-languageserver|vscode-jsonrpc|createConnection/);
    const server = readFileSync(SERVER, "utf8");
    expect(server).toMatch(/textDocument\/completion|onCompletion/);
  });

  it("declare lblint-language-server as a bin and answer --help and --version", () => {
    const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
    expect(manifest.bin["lblint-language-server"]).toBe("dist/server.js");
    expect(execFileSync(process.execPath, [SERVER, "--help"], { encoding: "utf8" })).toContain("lblint-language-server --stdio");
    expect(execFileSync(process.execPath, [SERVER, "--version"], { encoding: "utf8" }).trim()).toBe(manifest.version);
  });
});
