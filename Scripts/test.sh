#!/usr/bin/env bash
# Every test: Swift (unit, golden files, fixture sites, CLI) and the browser tests (pytest +
# Selenium driving Debian's headless Chromium against the built sample portal).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest
swift test
python3 -m pytest -q -p no:cacheprovider Tests/Browser
