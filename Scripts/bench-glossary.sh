#!/usr/bin/env bash
# Glossary linking overhead on the standard corpus: release builds into tmpfs with
# glossary.link none / first / all, 3 runs each (median shown), and the overhead against none.
#
#   Scripts/bench-glossary.sh [PAGES]        default: 10000
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-10000}"
bench_dir="${BENCH_DIR:-/tmp/tongwen-bench}"
site="$bench_dir/glossary-$pages"
swift build -c release --product tongwen >/dev/null
binary="$(swift build -c release --show-bin-path)/tongwen"
export TONGWEN_THEME="$PWD/templates"
[ -d "$site/content" ] || python3 "${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}" "$pages" "$site" >/dev/null
output="/dev/shm/tongwen-bench-glossary"
baseline=""
for policy in none first all; do
  printf 'glossary:\n  link: %s\n' "$policy" > "$site/tongwen.yml"
  times=()
  for run in 1 2 3; do
    /usr/bin/time -f '%e' -o "$output.time" "$binary" build "$site" --output "$output" --quiet >/dev/null 2>&1
    times+=("$(tail -1 "$output.time")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  bytes=$(find "$output" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  [ -n "$baseline" ] || baseline="$median"
  awk -v p="$policy" -v m="$median" -v b="$baseline" -v y="$bytes" -v all="${times[*]}" \
    'BEGIN { printf "%-6s median %.2f s (runs: %s)  overhead %+.0f%%  output %.1f MB\n", p, m, all, (m / b - 1) * 100, y / 1e6 }'
done
rm -f "$site/tongwen.yml"
rm -rf "$output" "$output.time"
