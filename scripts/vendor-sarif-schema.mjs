#!/usr/bin/env node
// Writes test/support/sarif-schema-2.1.0.json, the OASIS SARIF 2.1.0 JSON schema that
// test/cli-formats.test.ts validates lblint's SARIF against. No npm package ships the schema as a
// JSON file; @datadog/datadog-ci-plugin-sarif bundles it (to validate SARIF before an upload) as an
// object literal between `//#region src/json-schema/sarif-schema-2.1.0.json` and `//#endregion`.
// This script fetches that package with `npm pack`, takes the object out and writes it as JSON.
// Run it only to update the vendored copy: `node scripts/vendor-sarif-schema.mjs`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "@datadog/datadog-ci-plugin-sarif@5.25.0";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "sarif-schema-"));
try {
  const tarball = execFileSync("npm", ["pack", "--silent", PACKAGE], { cwd: work, encoding: "utf8" }).trim().split("\n").at(-1);
  execFileSync("tar", ["xzf", tarball, "package/dist/bundle.js"], { cwd: work });
  const bundle = readFileSync(join(work, "package/dist/bundle.js"), "utf8");
  const region = bundle.slice(bundle.indexOf("//#region src/json-schema/sarif-schema-2.1.0.json"));
  const start = region.indexOf("var sarif_schema_2_1_0_default = {");
  const end = region.indexOf("//#endregion");
  if (start < 0 || end < 0 || end < start) throw new Error(`the schema is no longer where this script looks for it in ${PACKAGE}`);
  const literal = region.slice(start + "var sarif_schema_2_1_0_default = ".length, end).trim().replace(/;$/, "");
  const schema = new Function(`return (${literal});`)();
  if (schema.$schema !== "http://json-schema.org/draft-07/schema#" || !String(schema.$id).endsWith("sarif-schema-2.1.0.json")) {
    throw new Error(`unexpected schema in ${PACKAGE}: ${schema.$id}`);
  }
  const out = join(root, "test/support/sarif-schema-2.1.0.json");
  writeFileSync(out, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${out} (${schema.title}) from ${PACKAGE}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
