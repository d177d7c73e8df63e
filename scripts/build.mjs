// Builds dist/: the library (dist/index.js), the CLI (dist/cli.js) and the language server (dist/server.js), each one self-contained file
// so that start-up does not walk node_modules (Chevrotain's ESM build alone loads ~650 lodash-es
// files), and the type declarations.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  define: { LBLINT_VERSION: JSON.stringify(version) },
};

rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ["server/src/index.ts"],
  outfile: "dist/index.js",
  banner: { js: "import { createRequire as __lblintRequire } from 'node:module'; const require = __lblintRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: ["server/src/cli/main.ts"],
  outfile: "dist/cli.js",
  minify: true,
  keepNames: false,
  banner: { js: "import { createRequire as __lblintRequire } from 'node:module'; const require = __lblintRequire(import.meta.url);" },
});
// The language server (`lblint-language-server --stdio`), as self-contained as the CLI.
await build({
  ...common,
  entryPoints: ["server/src/lsp/main.ts"],
  outfile: "dist/server.js",
  minifyWhitespace: true,
  banner: { js: "import { createRequire as __lblintRequire } from 'node:module'; const require = __lblintRequire(import.meta.url);" },
});
// `lblint --explain RULE` prints these pages.
cpSync(join(root, "docs", "rules"), join(root, "dist", "rules"), { recursive: true });
if (!process.argv.includes("--no-types")) {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
