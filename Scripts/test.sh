#!/usr/bin/env bash
# Every test: Swift (unit, golden files, fixture sites, CLI), the search script under
# `node --test` (against the sample portal's index, built here by the real binary), and the
# browser tests (pytest + Selenium driving Debian's headless Chromium against the sample portal).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest
swift test

site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
"$(swift build --show-bin-path)/tongwen" build . --output "$site/public" --quiet
TONGWEN_SEARCH_SITE="$site/public" node --test Tests/JavaScript/

python3 -m pytest -q -p no:cacheprovider Tests/Browser
