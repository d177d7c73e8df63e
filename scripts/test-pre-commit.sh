#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with the real pre-commit tool (Debian package `pre-commit`): in a
# scratch git repository that uses this repository's hook at its current commit, a commit with a
# broken haproxy.cfg is blocked with lblint's message, and a commit with a good one goes through;
# with the lblint-fmt hook, an unformatted one is formatted and the commit stopped.
# Not part of `npm test` (pre-commit installs the hook with npm, which takes a while); .ci/run runs it.
# Prints one line when it passes; exits non-zero, with what went wrong, when it does not.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "test-pre-commit: pre-commit is not installed (apt-get install pre-commit)" >&2; exit 1; }
rev=$(git -C "$root" rev-parse HEAD)
if [ -n "$(git -C "$root" status --porcelain -- .pre-commit-hooks.yaml package.json server scripts/build.mjs)" ]; then
  echo "test-pre-commit: note: pre-commit installs the hook from the commit $rev, not from uncommitted changes" >&2
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="$scratch/cache"
repo="$scratch/repo"
mkdir -p "$repo"
cd "$repo"
git init -q
git config user.email ci@example.invalid
git config user.name ci
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: lblint
YAML
git add .pre-commit-config.yaml
git commit -qm "pre-commit configuration" --no-verify
pre-commit install >/dev/null

fail() { echo "test-pre-commit: $*" >&2; exit 1; }

# A broken configuration: the commit is refused, with lblint's own message.
printf 'frontend www\n    bind :80\n    timeout client 30s\n    use_backend missing\n' > haproxy.cfg
git add haproxy.cfg
if git commit -qm "broken" > "$scratch/bad.log" 2>&1; then
  cat "$scratch/bad.log" >&2
  fail "the commit of a broken haproxy.cfg went through"
fi
grep -q "backend 'missing' is not defined" "$scratch/bad.log" || { cat "$scratch/bad.log" >&2; fail "the refused commit does not show lblint's message"; }
grep -q "^lblint\.*Failed" "$scratch/bad.log" || { cat "$scratch/bad.log" >&2; fail "pre-commit does not report the lblint hook as failed"; }

# The same file, fixed: the commit goes through, and a file lblint does not read is left alone.
cat > haproxy.cfg <<'CFG'
global
    log stdout format raw local0

defaults
    mode http
    log global
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind :80
    default_backend web

backend web
    server s1 10.0.0.1:80 check
CFG
printf 'not a configuration {\n' > notes.conf
git add haproxy.cfg notes.conf
if ! git commit -qm "good" > "$scratch/good.log" 2>&1; then
  cat "$scratch/good.log" >&2
  fail "the commit of a good haproxy.cfg was refused"
fi
grep -q "^lblint\.*Passed" "$scratch/good.log" || { cat "$scratch/good.log" >&2; fail "pre-commit does not report the lblint hook as passed"; }

# The formatting hook: a badly indented file is formatted in place and the commit stopped, so that
# the change can be looked at; committed again, it goes through.
cat >> .pre-commit-config.yaml <<YAML
      - id: lblint-fmt
YAML
git add .pre-commit-config.yaml
git commit -qm "formatting hook" --no-verify
printf '        server s2 10.0.0.2:80 check\n' >> haproxy.cfg
git add haproxy.cfg
if git commit -qm "unformatted" > "$scratch/fmt.log" 2>&1; then
  cat "$scratch/fmt.log" >&2
  fail "the commit of an unformatted haproxy.cfg went through"
fi
grep -q "^lblint format\.*Failed" "$scratch/fmt.log" || { cat "$scratch/fmt.log" >&2; fail "pre-commit does not report the lblint-fmt hook as failed"; }
grep -q "^    server s2 10.0.0.2:80 check$" haproxy.cfg || fail "the lblint-fmt hook did not format haproxy.cfg"
git add haproxy.cfg
git commit -qm "formatted" > "$scratch/fmt2.log" 2>&1 || { cat "$scratch/fmt2.log" >&2; fail "the formatted haproxy.cfg was refused"; }
echo "test-pre-commit: ok (a broken haproxy.cfg is refused with lblint's message, a good one is committed, an unformatted one is formatted)"
