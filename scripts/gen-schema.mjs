#!/usr/bin/env node
// `npm run gen:schema [-- referenceDir [outDir]] [--quiet]`: regenerates lblint's keyword tables
// (server/src/facts/generated/) from the reference manuals. Each daemon has its generator in
// scripts/gen-schema/<daemon>.mjs exporting `generate({ referenceDir, outDir }) → { report }`.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const referenceDir = resolve(positional[0] ?? join(root, "../shared/reference"));
const outDir = resolve(positional[1] ?? join(root, "server/src/facts/generated"));
const quiet = process.argv.includes("--quiet");

if (!existsSync(referenceDir)) {
  console.error(`gen:schema: reference directory not found: ${referenceDir}`);
  process.exit(1);
}

for (const daemon of ["haproxy", "keepalived"]) {
  const file = join(root, "scripts/gen-schema", `${daemon}.mjs`);
  if (!existsSync(file)) continue;
  const { generate } = await import(pathToFileURL(file).href);
  const { report } = await generate({ referenceDir, outDir });
  if (quiet) continue;
  console.log(`== ${daemon} ==`);
  for (const line of report) console.log(line);
}
