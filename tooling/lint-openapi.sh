#!/usr/bin/env bash
# Lints the published contract (openapi.yaml at the top of the repository) with the linters pinned in
# package-lock.json: Spectral with its spectral:oas ruleset, Redocly with its recommended one. Any error or warning fails.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

npx --no-install spectral lint ../openapi.yaml --ruleset .spectral.yaml --fail-severity=warn

# Redocly fails on errors only, so its totals decide; stylish output first, for a reader.
npx --no-install redocly lint ../openapi.yaml --config redocly.yaml --format=stylish || true
npx --no-install redocly lint ../openapi.yaml --config redocly.yaml --format=json 2>/dev/null | node -e '
  let text = ""; process.stdin.on("data", d => text += d).on("end", () => {
    const { totals } = JSON.parse(text);
    console.log(`Redocly (recommended, with schema examples checked): ${totals.errors} errors, ${totals.warnings} warnings`);
    process.exit(totals.errors + totals.warnings === 0 ? 0 : 1);
  });'
echo "openapi.yaml is lint-clean: Spectral (spectral:oas) and Redocly (recommended, with schema examples checked), no errors and no warnings"
