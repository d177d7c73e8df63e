// Builds the VS Code extension into client/dist/: the client (extension.js, `vscode` left to VS Code)
// and the language server (server.js), both CommonJS since VS Code 1.100 loads extensions and forks
// their servers as CommonJS. `node scripts/package-extension.mjs` (npm run package) turns it into a .vsix.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

export async function buildExtension({ typecheck = true } = {}) {
  if (typecheck) execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "client/tsconfig.json"], { cwd: root, stdio: "inherit" });
  rmSync(join(root, "client", "dist"), { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
    minifyWhitespace: true,
    define: { LBLINT_VERSION: JSON.stringify(version) },
  };
  await build({ ...common, entryPoints: ["client/src/extension.ts"], outfile: "client/dist/extension.js", external: ["vscode"] });
  await build({ ...common, entryPoints: ["server/src/lsp/main.ts"], outfile: "client/dist/server.js" });
  // The schemas of lblint.config.json and lblint.site.json (package.json's jsonValidation), as the main build makes them.
  if (!existsSync(join(root, "dist", "lblint.site.schema.json"))) execFileSync(process.execPath, [join(root, "scripts", "build.mjs"), "--no-types"], { cwd: root, stdio: "inherit" });
  for (const name of ["lblint.config.schema.json", "lblint.site.schema.json"]) copyFileSync(join(root, "dist", name), join(root, "client", "dist", name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildExtension();
