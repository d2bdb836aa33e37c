#!/usr/bin/env bash
# `npm test`: every check, in the order a reviewer would want them to fail:
# lint, type checks, unit + integration tests (real PostgreSQL), the web build, e2e in Chromium.
# Installs what the tests need when it can, or says exactly what to install.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p .accord/reports
status=0
summary=()

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { status=1; summary+=("$1: FAILED"); }

if [ ! -d node_modules/.bin ] || [ ! -f node_modules/.package-lock.json ]; then
  step "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund || exit 1
fi

step "format (prettier --check)"
if npx prettier --check . --log-level warn; then summary+=("format: ok"); else echo "Run: npm run format"; fail format; fi

step "lint"
if npx eslint . --max-warnings=0; then summary+=("lint: ok"); else fail lint; fi

step "type checks"
tc=0
for p in packages/domain apps/server apps/web e2e bench; do
  npx tsc --noEmit -p "$p" || tc=1
done
if [ $tc -eq 0 ]; then summary+=("types: ok"); else fail types; fi

step "unit and integration tests (vitest, real PostgreSQL)"
rm -f .accord/reports/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=.accord/reports/vitest.json || status=1
vitest_line=$(node -e '
  const fs = require("fs");
  try {
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  } catch { console.log("0 passed, 1 failed"); }
' .accord/reports/vitest.json)

step "web build"
if npm run build --silent; then summary+=("build: ok"); else fail build; fi

step "end-to-end tests (Playwright in Debian's Chromium)"
chromium=${CHROMIUM_PATH:-$(command -v chromium || true)}
if [ -z "$chromium" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium package."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true
    chromium=$(command -v chromium || true)
  fi
fi
# The plan's export is opened in LibreOffice (headless) by the import e2e test.
soffice=${SOFFICE_PATH:-$(command -v soffice || command -v libreoffice || true)}
if [ -z "$soffice" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "LibreOffice is missing: installing Debian's libreoffice-calc-nogui package."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null) || true
  soffice=$(command -v soffice || true)
fi
if [ -z "$soffice" ]; then
  echo "The import e2e test opens the exported plan in LibreOffice. Install it with: sudo apt-get install -y libreoffice-calc-nogui (or set SOFFICE_PATH)."
  status=1
fi
export SOFFICE_PATH="$soffice"
if [ -z "$chromium" ]; then
  echo "The e2e tests need Chromium. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)."
  e2e_line="0 passed, 1 failed"
  status=1
else
  rm -f .accord/reports/e2e.json
  CHROMIUM_PATH="$chromium" npx playwright test -c e2e/playwright.config.ts || status=1
  e2e_line=$(node -e '
    const fs = require("fs");
    try {
      const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).stats;
      console.log(`${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
    } catch { console.log("0 passed, 1 failed"); }
  ' .accord/reports/e2e.json)
fi

printf '\n\033[1m== summary\033[0m\n'
for s in "${summary[@]}"; do echo "$s"; done
echo "vitest: $vitest_line"
echo "e2e: $e2e_line"
exit $status
