// npm run package: the VS Code extension as a .vsix (dist/lblint-<version>.vsix), holding only what it
// needs — the two bundles, the manifest, the grammars, the language configurations, README and
// CHANGELOG — staged in a temporary folder and packed with @vscode/vsce.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildExtension } from "./build-extension.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

await buildExtension();
const stage = mkdtempSync(join(tmpdir(), "lblint-vsix-"));
try {
  const manifest = JSON.parse(readFileSync(join(root, "client", "package.json"), "utf8"));
  manifest.version = version;
  writeFileSync(join(stage, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  cpSync(join(root, "client", "dist"), join(stage, "dist"), { recursive: true });
  cpSync(join(root, "client", "language-configuration"), join(stage, "language-configuration"), { recursive: true });
  mkdirSync(join(stage, "syntaxes"));
  for (const name of ["haproxy.tmLanguage.json", "keepalived.tmLanguage.json"]) cpSync(join(root, "syntaxes", name), join(stage, "syntaxes", name));
  cpSync(join(root, "client", "README.md"), join(stage, "README.md"));
  cpSync(join(root, "CHANGELOG.md"), join(stage, "CHANGELOG.md"));
  writeFileSync(join(stage, "LICENSE"), "MIT License\n\nCopyright (c) lblint contributors\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n");
  mkdirSync(join(root, "dist"), { recursive: true });
  const out = join(root, "dist", `lblint-${version}.vsix`);
  execFileSync(process.execPath, [join(root, "node_modules/@vscode/vsce/vsce"), "package", "--no-dependencies", "--allow-missing-repository", "--out", out], { cwd: stage, stdio: "inherit" });
  console.log(out);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
