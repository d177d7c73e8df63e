// The package as users import it: the built bundle, its declarations, and README's examples.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { publicSurface } from "./support/public-types.js";

const root = join(import.meta.dirname, "..");
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** The ```ts blocks of README.md that import from "lblint", with what each claims to print. */
function readmeExamples(): { code: string; expected: string }[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((code) => code.includes("const updated"))
    .map((code) => ({
      code,
      expected: [...code.matchAll(/^\/\/ ?(.*)$/gm)].map((line) => line[1] + "\n").join(""),
    }));
}

describe("the lblint package", () => {
  it("exports the parsers, the printer and the edit API from its entry point", async () => {
    const lblint = await import(join(root, packageJson.exports["."].import));
    for (const name of ["parseHaproxy", "parseKeepalived", "print", "edit", "loadConfig", "MemoryFileSystem", "findSection", "findBlock"]) {
      expect(typeof lblint[name], name).toBe("function");
    }
    const text = "global\n  maxconn 10 # limit\n";
    expect(lblint.print(lblint.parseHaproxy(text))).toBe(text);
  });

  it("ships type declarations where package.json says", () => {
    const types = join(root, packageJson.exports["."].types);
    expect(existsSync(types)).toBe(true);
    expect(readFileSync(types, "utf8")).toContain("export * from \"../../grammars/index.js\"");
  });

  it("type-checks a consumer project and README's examples, as written, under strict TypeScript", () => {
    const project = mkdtempSync(join(tmpdir(), "lblint-consumer-"));
    mkdirSync(join(project, "node_modules"));
    symlinkSync(root, join(project, "node_modules", "lblint"));
    writeFileSync(
      join(project, "index.ts"),
      [
        'import { edit, getSection, findSection, HaproxyDocument, parseHaproxy, parseKeepalived, print, type haproxy, type keepalived, type TextEdit } from "lblint";',
        'const doc = parseHaproxy("backend web\\n  server a 10.0.0.1:80\\n");',
        'const web: haproxy.Section | undefined = findSection(doc.ast, "backend", "web");',
        'const item: keepalived.KeepalivedItem | undefined = parseKeepalived("vrrp_instance VI_1 {\\n}\\n").ast.items[0];',
        'const next: string = edit(doc).insertStatement(getSection(doc.ast, "backend", "web"), "server b 10.0.0.2:80").toString();',
        "const edits: TextEdit[] = edit(doc).textEdits();",
        "const document = new HaproxyDocument(print(doc));",
        'document.applyEdit({ start: 0, end: 0, newText: "#\\n" });',
        "export const seen = [web?.name, item?.kind, next.length, edits.length, document.result.ast.sections.length];",
      ].join("\n"),
    );
    const examples = readmeExamples().map((example, i) => {
      const name = `readme-example-${i}.ts`;
      writeFileSync(join(project, name), example.code + "\nexport { updated };\n");
      return name;
    });
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, target: "ES2022", types: [], noUncheckedIndexedAccess: true },
        files: ["index.ts", ...examples],
      }),
    );
    // Throws, with tsc's messages, if the declarations do not describe the package or an example does not compile.
    try {
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], { encoding: "utf8" });
    } catch (error) {
      throw new Error(String((error as { stdout?: string }).stdout ?? error));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("names every type its declarations mention, and documents every export", () => {
    const surface = publicSurface(join(root, "server", "src", "index.ts"));
    expect(surface.exported.length).toBeGreaterThan(50);
    expect(surface.unnamed).toEqual([]);
    expect(surface.undocumented).toEqual([]);
  });

  it("runs README's examples and prints what they claim", async () => {
    const examples = readmeExamples();
    expect(examples).toHaveLength(3);
    // Written inside the package, the examples import "lblint" by name exactly as README shows.
    for (const [i, { code, expected }] of examples.entries()) {
      const file = join(root, "dist", `readme-example-${i}.mjs`);
      writeFileSync(file, code + "\nexport default updated;\n");
      try {
        const module = await import(pathToFileURL(file).href);
        expect(module.default).toBe(expected);
      } finally {
        rmSync(file);
      }
    }
  });
});
