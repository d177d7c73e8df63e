// VS Code itself: the packaged .vsix installed into code-server (VS Code 1.100 in a browser) and
// driven from headless Chromium with playwright-core, reading what a user sees — the Problems
// panel, a hover, the completion list, the status bar. Not part of `npm test` (it installs
// code-server, a few minutes the first time); .ci/run runs it after the tests.
// It keeps two screenshots in dist/ as test artefacts: vscode-hover.png (the Problems panel and a
// hover) and vscode-completion.png. With --docs it also writes the first to docs/images/vscode.png,
// the picture in docs/editors.md and the README.
// Usage: node scripts/test-vscode.mjs [--docs]   (LBLINT_CODE_SERVER=DIR to reuse an installed code-server)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cs = process.env.LBLINT_CODE_SERVER ?? join(homedir(), ".cache", "lblint-code-server");
execFileSync("bash", [join(root, "scripts", "install-code-server.sh"), cs], { stdio: "inherit" });
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const vsix = join(root, "dist", `lblint-${version}.vsix`);
execFileSync(process.execPath, [join(root, "scripts", "package-extension.mjs")], { cwd: root, stdio: "inherit" });

const work = mkdtempSync(join(tmpdir(), "lblint-vscode-"));
const dirs = Object.fromEntries(["home", "data", "ext", "ws", "config", "cache", "state"].map((name) => [name, join(work, name)]));
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dirs.ws, "keepalived.conf"),
  "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n    track_script {\n        chk_missing\n    }\n}\n",
);
writeFileSync(join(dirs.ws, "haproxy.cfg"), "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nbackend app\n    balance \n    server a 10.0.0.1:80\n\nfrontend www\n    bind :80\n    default_backend app\n");
// A config with a severity lblint does not know, in a folder of its own (it applies to no other file).
mkdirSync(join(dirs.ws, "site"));
writeFileSync(join(dirs.ws, "site", "lblint.config.json"), '{\n  "rules": { "unknown-keyword": "warn" }\n}\n');
const env = { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, XDG_STATE_HOME: dirs.state };
const bin = join(cs, "node_modules", ".bin", "code-server");
const port = 18000 + Math.floor(Math.random() * 2000);
const common = ["--config", join(dirs.config, "config.yaml"), "--user-data-dir", dirs.data, "--extensions-dir", dirs.ext];
execFileSync(bin, [...common, "--install-extension", vsix], { env, stdio: "inherit" });
mkdirSync(join(dirs.data, "User"), { recursive: true });
writeFileSync(join(dirs.data, "User", "settings.json"), JSON.stringify({ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off" }));

let failures = 0;
let passes = 0;
const check = (what, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
  if (ok) passes++;
  else failures++;
};
check("the .vsix installs into VS Code 1.100", readdirSync(dirs.ext).some((name) => name.startsWith("lblint.lblint-")));

const server = spawn(bin, [...common, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", dirs.ws], {
  env,
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
});
let serverLog = "";
server.stdout.on("data", (chunk) => (serverLog += chunk));
server.stderr.on("data", (chunk) => (serverLog += chunk));
let browserServer;
try {
  browserServer = await chromium.launchServer({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
  const browser = await chromium.connect(browserServer.wsEndpoint());
  // Small enough for a picture in the docs, big enough for the editor, the hover and the Problems panel.
  const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
  for (let i = 0; i < 60 && !serverLog.includes("HTTP server listening"); i++) await new Promise((r) => setTimeout(r, 500));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}`);
  await page.waitForSelector(".monaco-workbench", { timeout: 120_000 });
  // Quick Open, retried: on a busy machine the first Ctrl+P can come before the workbench takes keys,
  // or before the file search has indexed the folder (Enter then opens nothing). Done when the
  // file's tab is the active one and its text is on screen.
  const open = async (name) => {
    const base = name.split("/").pop();
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+P");
      const input = await page.waitForSelector(".quick-input-widget input:visible", { timeout: 10_000 }).catch(() => undefined);
      if (!input) continue;
      await input.fill(name);
      const row = await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text('${base}')`, { timeout: 20_000 }).catch(() => undefined);
      if (!row) continue;
      await page.keyboard.press("Enter");
      const tab = await page.waitForSelector(`.tabs-container .tab.active:has-text('${base}')`, { timeout: 15_000 }).catch(() => undefined);
      if (!tab) continue;
      await page.waitForSelector(".monaco-editor .view-lines", { timeout: 15_000 }).catch(() => undefined);
      await page.waitForTimeout(500);
      return true;
    }
    console.log(`could not open ${name} with Quick Open`);
    return false;
  };
  await page.waitForTimeout(3000);
  check("keepalived.conf opens with Quick Open", await open("keepalived.conf"));
  // The Problems panel lists lblint's finding once the server has started and checked the file.
  await page.keyboard.press("Control+Shift+M");
  const problem = await page
    .waitForSelector(".markers-panel .monaco-list-row:has-text('chk_missing')", { timeout: 90_000 })
    .then((row) => row.textContent())
    .catch(() => undefined);
  check("the Problems panel shows the undefined vrrp_script", problem !== undefined && /chk_missing/.test(problem ?? ""), problem ?? "");
  const language = await page.locator(".statusbar-item[id='status.editor.mode']").textContent().catch(() => "");
  check("keepalived.conf opens as keepalived", /keepalived/i.test(language ?? ""), language ?? "");
  const status = await page.locator(".statusbar-item:has-text('lblint')").first().textContent().catch(() => "");
  check("the status bar shows the server running", /lblint/.test(status ?? ""), status ?? "");

  // Hover on `priority`.
  await page.keyboard.press("Escape");
  await page.click(".monaco-editor .view-lines");
  await page.keyboard.press("Control+G");
  await page.keyboard.type("5:7");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Control+I");
  const hover = await page
    .waitForSelector(".monaco-hover:visible", { timeout: 20_000 })
    .then((el) => el.textContent())
    .catch(() => "");
  const hoverShown = /priority/.test(hover ?? "") && /keepalived/i.test(hover ?? "");
  check("hover on priority shows lblint's description", hoverShown, (hover ?? "").slice(0, 120));
  await page.screenshot({ path: join(root, "dist", "vscode-hover.png") });
  // The docs' picture only when it shows what it is meant to: lblint's finding and its hover.
  if (process.argv.includes("--docs") && hoverShown && problem !== undefined) {
    mkdirSync(join(root, "docs", "images"), { recursive: true });
    await page.screenshot({ path: join(root, "docs", "images", "vscode.png") });
  }

  // Completion after `balance ` in haproxy.cfg.
  check("haproxy.cfg opens with Quick Open", await open("haproxy.cfg"));
  await page.click(".monaco-editor .view-lines");
  await page.keyboard.press("Control+G");
  await page.keyboard.type("8:13");
  await page.keyboard.press("Enter");
  // The suggest widget may open before the server answers ("No suggestions"): ask again, up to three times.
  let suggestions = [];
  for (let attempt = 0; attempt < 3 && !suggestions.some((s) => s.includes("roundrobin")); attempt++) {
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Space");
    suggestions = await page
      .waitForSelector(".suggest-widget .monaco-list-row", { timeout: 15_000 })
      .then(() => page.waitForTimeout(500))
      .then(() => page.locator(".suggest-widget .monaco-list-row").allTextContents())
      .catch(() => []);
  }
  check("completion after 'balance ' offers the algorithms", suggestions.some((s) => s.includes("roundrobin")), suggestions.slice(0, 5).join(", "));
  await page.screenshot({ path: join(root, "dist", "vscode-completion.png") });

  // The reference count above `backend app`; a click shows its use in the references peek.
  await page.keyboard.press("Escape");
  const lens = await page.waitForSelector(".monaco-editor .codelens-decoration a:has-text('1 reference')", { timeout: 30_000 }).catch(() => undefined);
  let peek = "";
  if (lens) {
    await lens.click();
    peek = (await page.waitForSelector(".peekview-widget", { timeout: 15_000 }).then((el) => el.textContent()).catch(() => "")) ?? "";
  }
  check("a reference count above backend app shows where it is used", lens !== undefined && /default_backend/.test(peek), peek.slice(0, 100));
  await page.keyboard.press("Escape");

  // lblint.config.json is checked against the schema the extension contributes.
  await page.keyboard.press("Escape");
  check("site/lblint.config.json opens with Quick Open", await open("site/lblint.config.json"));
  await page.keyboard.press("Control+Shift+M");
  const schemaProblem = await page
    .waitForSelector(".markers-panel .monaco-list-row:has-text('Valid values')", { timeout: 30_000 })
    .then((row) => row.textContent())
    .catch(() => undefined);
  check("lblint.config.json is checked against lblint's schema", schemaProblem !== undefined && /not accepted|allowed|Valid values|error, warning/i.test(schemaProblem ?? ""), schemaProblem ?? "");
  await browser.close();
} catch (error) {
  // A step that throws (a click on an editor that never opened) is one failure, with its reason.
  check("the VS Code session runs to the end", false, String(error?.message ?? error).split("\n")[0]);
} finally {
  await browserServer?.close();
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  rmSync(work, { recursive: true, force: true });
}
console.log(`vscode: ${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
