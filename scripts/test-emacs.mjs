// Emacs as an editor uses lblint: Emacs in batch mode (Debian's `emacs-nox` 28 with `elpa-eglot`,
// or Emacs 29 and later, where Eglot is built in) starts `lblint-language-server --stdio` with
// Eglot, set up as docs/editors.md says, opens a keepalived.conf with a known problem and reads the
// diagnostic back through Flymake; then the problem is fixed in the buffer and the diagnostic must
// go. Prints what Emacs shows (a transcript for the docs) and the checks.
// Usage: node scripts/test-emacs.mjs   (after npm run build)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const server = join(root, "dist", "server.js");
if (!existsSync(server)) {
  console.error("test-emacs: dist/server.js is missing; run npm run build first");
  process.exit(2);
}
const version = spawnSync("emacs", ["--version"], { encoding: "utf8" });
if (version.status !== 0) {
  console.error("test-emacs: emacs is not installed (apt-get install -y emacs-nox elpa-eglot)");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "lblint-emacs-"));
const conf = join(work, "keepalived.conf");
const result = join(work, "result.json");
writeFileSync(
  conf,
  "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n    track_script {\n        chk_missing\n    }\n}\n",
);
const lisp = (text) => JSON.stringify(text);
// The set-up of docs/editors.md, with the server started by this node; eglot-ensure waits for a
// command loop that batch mode has not, so the connection is made with `eglot` directly.
const elisp = `
(require 'eglot)
(require 'json)
(define-derived-mode keepalived-mode conf-space-mode "keepalived")
(add-to-list 'eglot-server-programs
             '((keepalived-mode :language-id "keepalived") . (${lisp(process.execPath)} ${lisp(server)} "--stdio")))
(defun lblint-test-wait (predicate)
  (let ((deadline (+ (float-time) 30)) (done nil))
    (while (and (not (setq done (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (when (and (eglot-current-server) (not flymake-mode)) (flymake-mode 1))
      (when flymake-mode (flymake-start)))
    done))
(defun lblint-test-find ()
  (seq-find (lambda (d) (string-match-p "chk_missing. is not defined" (flymake-diagnostic-text d))) (flymake-diagnostics)))
(find-file ${lisp(conf)})
(keepalived-mode)
(apply #'eglot (eglot--guess-contact))
(let* ((found (lblint-test-wait #'lblint-test-find))
       (info (and (eglot-current-server) (eglot--server-info (eglot-current-server))))
       (out (list (cons 'server (plist-get info :name)))))
  (when found
    (push (cons 'line (line-number-at-pos (flymake-diagnostic-beg found))) out)
    (push (cons 'column (save-excursion (goto-char (flymake-diagnostic-beg found)) (current-column))) out)
    (push (cons 'text (flymake-diagnostic-text found)) out)
    (message "%s:%d:%d: %s" (buffer-name) (line-number-at-pos (flymake-diagnostic-beg found))
             (save-excursion (goto-char (flymake-diagnostic-beg found)) (current-column))
             (flymake-diagnostic-text found)))
  ;; Define the script above the instance: the diagnostic must go.
  (goto-char (point-min))
  (insert "vrrp_script chk_missing {\\n    script \\"/usr/bin/true\\"\\n}\\n")
  ;; Eglot sends changes from an idle timer, which batch mode never runs: send them now.
  (eglot--signal-textDocument/didChange)
  (push (cons 'cleared (if (lblint-test-wait (lambda () (not (lblint-test-find)))) t :json-false)) out)
  (message "after defining chk_missing: %d diagnostics, none about it being undefined" (length (flymake-diagnostics)))
  (eglot-shutdown (eglot-current-server))
  (with-temp-file ${lisp(result)} (insert (json-encode out))))
`;
const script = join(work, "test.el");
writeFileSync(script, elisp);
const run = spawnSync("emacs", ["--batch", "-l", script], { encoding: "utf8", timeout: 90_000, env: { ...process.env, HOME: work } });
for (const line of (run.stderr ?? "").split("\n")) if (line && !line.startsWith("Loading ")) console.log(`  emacs: ${line}`);
let failures = 0;
const check = (what, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};
if (!existsSync(result)) {
  check("Emacs ran the test", false, `exit ${run.status}, ${run.stderr || run.stdout}`);
} else {
  const out = JSON.parse(readFileSync(result, "utf8"));
  check("Eglot connects to lblint", out.server === "lblint", String(out.server));
  check("the diagnostic for the undefined vrrp_script reaches Flymake on its line", out.line === 10 && out.column === 8, `${out.line}:${out.column}`);
  check("it names its source and rule", /^lblint \[KA\d{3}\]/.test(String(out.text)), String(out.text));
  check("it goes away once the script is defined", out.cleared === true);
}
rmSync(work, { recursive: true, force: true });
console.log(`emacs: ${4 - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
