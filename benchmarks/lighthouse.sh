#!/usr/bin/env bash
# Lighthouse 12, mobile, on the app served locally: performance, accessibility, best practices and SEO,
# each at least 0.95. A benchmark, not a test: it needs npm's registry the first time, and takes a minute.
#   bash benchmarks/lighthouse.sh            (PORT=8765 by default; the JSON report goes to $REPORT)
# Lighthouse is installed into node_modules only here (--no-save: it is no dependency of the project).
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_VERSION=12.2.3
PORT="${LIGHTHOUSE_PORT:-8765}"
REPORT="${REPORT:-${TMPDIR:-/tmp}/lighthouse-report.json}"
MIN_SCORE=0.95
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

if [ "$(node_modules/.bin/lighthouse --version 2>/dev/null || true)" != "$LIGHTHOUSE_VERSION" ]; then
  npm i -E --no-save --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi

PORT="$PORT" .venv/bin/python -m api >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.2; done

node_modules/.bin/lighthouse "http://127.0.0.1:$PORT/" \
  --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run" \
  --output=json --output-path="$REPORT" --quiet

node - "$REPORT" "$MIN_SCORE" <<'JS'
const [report, min] = [JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")), Number(process.argv[3])];
let ok = true;
for (const [id, category] of Object.entries(report.categories)) {
  const pass = category.score >= min;
  ok &&= pass;
  console.log(`${id.padEnd(16)} ${category.score.toFixed(2)} ${pass ? "ok" : `below ${min}`}`);
  if (!pass) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ${audit.id}: ${audit.title} (${audit.displayValue ?? audit.score})`);
    }
  }
}
for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
  console.log(`  ${report.audits[id].title}: ${report.audits[id].displayValue}`);
}
process.exit(ok ? 0 : 1);
JS
