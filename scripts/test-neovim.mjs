// Neovim as an editor uses lblint: headless Neovim (Debian's `neovim`, 0.7 or later) starts
// `lblint-language-server --stdio` with its built-in LSP client, opens a keepalived.conf with a known
// problem, and reads the diagnostic back; then the problem is fixed in the buffer and the diagnostic
// must go. Run by .ci/run after `npm test` (it needs `npm run build` and `nvim`).
// Usage: node scripts/test-neovim.mjs
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const server = join(root, "dist", "server.js");
if (!existsSync(server)) {
  console.error("test-neovim: dist/server.js is missing; run npm run build first");
  process.exit(2);
}
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
if (nvim.status !== 0) {
  console.error("test-neovim: nvim is not installed (apt-get install -y neovim)");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "lblint-nvim-"));
const conf = join(work, "keepalived.conf");
const result = join(work, "result.json");
writeFileSync(
  conf,
  "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n    track_script {\n        chk_missing\n    }\n}\n",
);
// Lua for Neovim 0.7: vim.lsp.start_client + buf_attach_client (vim.lsp.start came in 0.8).
const lua = `
local out = {}
local function finish()
  local f = io.open(${JSON.stringify(result)}, "w")
  f:write(vim.json and vim.json.encode(out) or vim.fn.json_encode(out))
  f:close()
  vim.cmd("qa!")
end
vim.cmd("edit " .. ${JSON.stringify(conf)})
vim.bo.filetype = "keepalived"
local id = vim.lsp.start_client({
  name = "lblint",
  cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(server)}, "--stdio" },
  root_dir = ${JSON.stringify(work)},
})
vim.lsp.buf_attach_client(0, id)
local function find()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.message:find("chk_missing", 1, true) and d.message:find("not defined", 1, true) then return d end
  end
end
local ok = vim.wait(20000, function() return find() ~= nil end, 50)
local found = find()
out.first = found and { line = found.lnum, col = found.col, message = found.message, code = found.code, source = found.source } or vim.NIL
-- Rename the tracked script to one that exists: define it above the instance.
vim.api.nvim_buf_set_lines(0, 0, 0, false, { "vrrp_script chk_missing {", "    script \\"/usr/bin/true\\"", "}" })
out.cleared = vim.wait(20000, function() return find() == nil end, 50)
local client = vim.lsp.get_client_by_id(id)
client.stop()
vim.wait(5000, function() return client.is_stopped() end, 50)
out.stopped = client.is_stopped()
finish()
`;
const script = join(work, "test.lua");
writeFileSync(script, lua);
const run = spawnSync("nvim", ["--headless", "--clean", "-n", "-c", `luafile ${script}`], { encoding: "utf8", timeout: 90_000, env: { ...process.env, XDG_STATE_HOME: work, XDG_DATA_HOME: work, XDG_CACHE_HOME: work } });
let failures = 0;
const check = (what, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};
if (!existsSync(result)) {
  check("Neovim ran the test", false, `exit ${run.status}, ${run.stderr || run.stdout}`);
} else {
  const out = JSON.parse(readFileSync(result, "utf8"));
  const first = out.first;
  check("the diagnostic for the undefined vrrp_script reaches Neovim", first && first !== null && first.line === 9 && first.col === 8, JSON.stringify(first));
  check("it names its rule and source", first && first.source === "lblint" && /^KA\d{3}$/.test(String(first.code)), `${first?.source} ${first?.code}`);
  check("it goes away once the script is defined", out.cleared === true);
  check("the server stops when asked", out.stopped === true);
}
rmSync(work, { recursive: true, force: true });
console.log(`neovim: ${4 - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
