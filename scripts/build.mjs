// Builds dist/: the library (dist/index.js), the CLI (dist/cli.cjs and dist/cli.js, and what they
// run), the language server (dist/server.js), the keyword tables as JSON, and the type declarations.
// Each bundle is one self-contained file, so that start-up does not walk node_modules (Chevrotain's
// ESM build alone loaded ~650 lodash-es files; the parsers no longer use Chevrotain at run time).
//
// What the CLI's start-up costs is mostly Node's own (`node -e 0`); the rest is kept small:
// - the keyword tables are not in the CLI's bundle: server/src/facts/generated/*.ts become
//   dist/facts/*.json, read and parsed on first use, so a run reads only the tables of the formats it
//   lints (the library and the language server keep them inline, parsed on first use too);
// - the command is dist/cli-main.cjs, one script that dist/cli.cjs (the `bin`, a few lines of
//   CommonJS; dist/cli.js is the same as an ES module) compiles with the V8 code cache the build makes
//   (dist/cli-main.cache), from a run over small samples of both formats: a run neither parses nor
//   compiles the functions it needs. A cache made by another Node version (or with other V8 flags)
//   is rejected by V8, and the script is compiled as usual.
// Usage: node scripts/build.mjs [--no-types]
import { build } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  logLevel: "warning",
  define: { LBLINT_VERSION: JSON.stringify(version) },
};

/**
 * Writes every character above U+007F of a built file as a `\uXXXX` escape. esbuild escapes them in
 * strings but keeps them in regular expression literals (a few rules look for curly quotes), and one
 * such character makes Node read the whole file as a two-byte string: reading dist/cli-main.cjs took
 * 13-26 ms instead of 4-7 on every run (a loaded machine), and the string took twice the memory.
 * Each UTF-16 code unit is escaped on its own, which regular expressions (with or without the `u`
 * flag), strings and identifiers read as the same text; no template literal of lblint's holds such a
 * character in its raw form (`String.raw`), the one place an escape would read differently.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function writeAsciiOnly(file) {
  const path = join(root, file);
  writeFileSync(path, asciiOnly(readFileSync(path, "utf8")));
}

/** The generated keyword tables: module, the loader it exports, the JSON file it becomes. */
const TABLES = [
  { name: "haproxy", loader: "loadHaproxySchema" },
  { name: "haproxy-docs", loader: "loadHaproxyDocs" },
  { name: "keepalived", loader: "loadKeepalivedSchema" },
];

/** Replaces each generated table module by one that reads dist/facts/NAME.json on first use. */
const tablesAsFiles = {
  name: "tables-as-files",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]server[\\/]src[\\/]facts[\\/]generated[\\/](haproxy|haproxy-docs|keepalived)\.ts$/ }, (args) => {
      const table = TABLES.find((t) => args.path.endsWith(`generated/${t.name}.ts`) || args.path.endsWith(`generated\\${t.name}.ts`));
      return {
        loader: "js",
        contents:
          `import { readFileSync } from "node:fs";\n` +
          `export function ${table.loader}() {\n` +
          `  return JSON.parse(readFileSync(new URL("./facts/${table.name}.json", import.meta.url), "utf8"));\n` +
          `}\n`,
      };
    });
  },
};

/**
 * Node's modules that a lint run seldom uses (`lblint --init` spawns an editor, writing a file makes a
 * random name) but that the command's bundle requires when it loads: each costs Node about a
 * millisecond to load. In the command's bundle, their functions are stubs that load the module on
 * first call. A name the bundle imports that is not a function is missing from the stub, and the
 * build fails.
 */
const LAZY_BUILTINS = ["node:crypto", "node:child_process", "node:fs/promises"];
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(builder) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join("|")})$`);
    builder.onResolve({ filter }, (args) => (args.namespace === "lazy-builtin" ? { path: args.path, external: true } : { path: args.path, namespace: "lazy-builtin" }));
    builder.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (args) => {
      const real = await import(args.path);
      const names = Object.keys(real).filter((name) => name !== "default" && typeof real[name] === "function");
      return {
        loader: "js",
        contents:
          `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\n` +
          names.map((name) => `export function ${name}(...args) { return load().${name}(...args); }\n`).join(""),
      };
    });
  },
};

/** Writes dist/facts/NAME.json from the generated modules (bundled alone, then called). */
async function writeTables() {
  mkdirSync(join(root, "dist", "facts"), { recursive: true });
  for (const table of TABLES) {
    const out = await build({ ...common, entryPoints: [`server/src/facts/generated/${table.name}.ts`], format: "esm", write: false });
    const module = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`);
    writeFileSync(join(root, "dist", "facts", `${table.name}.json`), asciiOnly(JSON.stringify(module[table.loader]())));
  }
}

/**
 * The CLI's entry, as CommonJS (dist/cli.cjs, the package's `bin`) and as an ES module (dist/cli.js,
 * for `node dist/cli.js`): compiles dist/cli-main.cjs with its code cache and runs it. Node starts a
 * CommonJS file faster: an ES module entry first sets up the ES module loader, which costs a tenth
 * of `node -e 0`.
 */
function cliLoader(format) {
  const esm = format === "esm";
  const intro = `#!/usr/bin/env node
// lblint's command line. The command is dist/cli-main.cjs, one bundled script; this compiles it with
// the V8 code cache the build made (dist/cli-main.cache), so that a run neither parses nor compiles
// the functions it needs. V8 rejects a cache made by another Node version, and then compiles as usual.
`;
  const imports = esm
    ? `import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const dir = fileURLToPath(new URL(".", import.meta.url));
const require = createRequire(import.meta.url);
const url = import.meta.url;
`
    : `"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { pathToFileURL } = require("node:url");
const { Script } = require("node:vm");

const dir = __dirname + "/";
const url = pathToFileURL(__filename).href;
`;
  return `${intro}${imports}const file = dir + "cli-main.cjs";
const cacheFile = dir + "cli-main.cache";
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData });
// The build runs samples with this set to write the cache.
if (process.env.LBLINT_WRITE_CODE_CACHE === cacheFile) process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()));
// A test asks whether V8 took the cache (it refuses one made under other flags or by another Node).
if (process.env.LBLINT_CODE_CACHE_REPORT) process.stderr.write(\`code cache: \${cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted"}\\n\`);
const main = { exports: {} };
script.runInThisContext()(require, main, main.exports, file, dir, url);
`;
}

/** Small files of both formats, with problems, for the run that makes the code cache. */
const SAMPLES = {
  "haproxy.cfg": `global
    log /dev/log local0
    maxconn 4000

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind :80
    acl is_api path_beg /api
    http-request deny if { src 10.0.0.0/8 } !is_api
    use_backend api if is_api
    default_backend web

backend api
    balance roundrobin
    option httpchk GET /health
    server a1 10.0.0.1:8080 check inter 2s
    server a2 10.0.0.2:8080 check "weight" 10

backend web
    server w1 10.0.1.1:80 check
    server w1 10.0.1.2:80 check
    unknown-keyword x
`,
  "keepalived.conf": `! sample
global_defs {
    router_id lb1
}

vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass secret
    }
    virtual_ipaddress {
        10.0.0.100/24
    }
}

virtual_server 10.0.0.100 80 {
    delay_loop 6
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 10.0.0.1 80 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
    bogus_keyword 1
}
`,
};

/** Runs the CLI over the samples, in both output formats, to write dist/cli-main.cache. */
function writeCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), "lblint-build-"));
  try {
    const files = Object.entries(SAMPLES).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const cacheFile = join(root, "dist", "cli-main.cache");
    const run = spawnSync(process.execPath, [join(root, "dist", "cli.cjs"), "--format", "json", ...files], {
      cwd: dir,
      env: { ...process.env, LBLINT_WRITE_CODE_CACHE: cacheFile },
      encoding: "utf8",
    });
    // Exit 1 when the samples' errors are found (they have some, on purpose), 0 if rules change; 2 is a failure.
    if ((run.status !== 0 && run.status !== 1) || !run.stdout.startsWith("[")) {
      throw new Error(`the run that makes the code cache failed (exit ${run.status}):\n${run.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

rmSync(join(root, "dist"), { recursive: true, force: true });
// The library stays one self-contained file (a consumer may bundle it again): its tables are inline,
// and still parsed only on first use.
await build({
  ...common,
  entryPoints: ["server/src/index.ts"],
  outfile: "dist/index.js",
  format: "esm",
  banner: { js: "import { createRequire as __lblintRequire } from 'node:module'; const require = __lblintRequire(import.meta.url);" },
});
// One script, wrapped in a function that the loader calls with what a CommonJS module gets, and the
// URL of dist/cli.js for `import.meta.url` (the rule pages and the tables are found from it).
await build({
  ...common,
  entryPoints: ["server/src/cli/main.ts"],
  outfile: "dist/cli-main.cjs",
  format: "cjs",
  // LBLINT_READABLE_BUILD=1 keeps names and lines, for CPU profiles of the command.
  minify: !process.env.LBLINT_READABLE_BUILD,
  keepNames: false,
  plugins: [tablesAsFiles, lazyBuiltins],
  define: { ...common.define, "import.meta.url": "__lblintUrl" },
  banner: { js: "(function (require, module, exports, __filename, __dirname, __lblintUrl) {" },
  footer: { js: "})" },
});
writeAsciiOnly("dist/index.js");
writeAsciiOnly("dist/cli-main.cjs");
if (/\bimport\(/.test(readFileSync(join(root, "dist", "cli-main.cjs"), "utf8"))) {
  throw new Error("dist/cli-main.cjs calls import(): a script run by vm.Script cannot (bundle the module instead)");
}
writeFileSync(join(root, "dist", "cli.cjs"), cliLoader("cjs"), { mode: 0o755 });
writeFileSync(join(root, "dist", "cli.js"), cliLoader("esm"), { mode: 0o755 });
await writeTables();
// The JSON Schemas of lblint.config.json (from the rule registry) and lblint.site.json, for editors.
{
  const { configSchema, siteSchema, RULES } = await import(`${pathToFileURL(join(root, "dist", "index.js")).href}?schema=${Date.now()}`);
  writeFileSync(join(root, "dist", "lblint.config.schema.json"), `${JSON.stringify(configSchema(RULES), null, 2)}\n`);
  writeFileSync(join(root, "dist", "lblint.site.schema.json"), `${JSON.stringify(siteSchema(), null, 2)}\n`);
}
// The language server (`lblint-language-server --stdio`), as self-contained as the library.
await build({
  ...common,
  entryPoints: ["server/src/lsp/main.ts"],
  outfile: "dist/server.js",
  format: "esm",
  minifyWhitespace: true,
  banner: { js: "import { createRequire as __lblintRequire } from 'node:module'; const require = __lblintRequire(import.meta.url);" },
});
writeAsciiOnly("dist/server.js");
// `lblint --explain RULE` prints these pages.
cpSync(join(root, "docs", "rules"), join(root, "dist", "rules"), { recursive: true });
writeCodeCache();
if (!process.argv.includes("--no-types")) {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
