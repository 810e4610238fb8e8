#!/usr/bin/env bash
# Build-speed benchmark on the standard corpus (../shared/bench/make-corpus.py).
#
#   Scripts/bench.sh [PAGES ...]        default: 1000 10000
#
# For each size: generates the corpus once (cached in $BENCH_DIR, default /tmp/tongwen-bench),
# builds it with a release `tongwen` three times, and prints wall time, pages/second, peak memory
# (max RSS) and output size. Output goes to the same disk as the corpus ("disk") and to tmpfs
# (/dev/shm, "tmpfs"), because on small VMs file creation dominates and varies between runs:
# the tmpfs figure is Tongwen's own cost. Each run replaces the previous output, as CI rebuilds do.
# COLD=1 empties the page cache before every run (root only: /proc/sys/vm/drop_caches), for the
# cost of reading the corpus from the disk.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
corpus_script="${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}"
bench_dir="${BENCH_DIR:-/tmp/tongwen-bench}"
runs="${RUNS:-3}"

swift build -c release --product tongwen >/dev/null
binary="$(swift build -c release --show-bin-path)/tongwen"
export TONGWEN_THEME="$PWD/templates"

printf '%-7s %-6s %4s %9s %11s %10s %10s\n' pages output run seconds pages/s peak_MiB output_MB
for pages in "${sizes[@]}"; do
  site="$bench_dir/$pages"
  if [ ! -d "$site/content" ]; then
    python3 "$corpus_script" "$pages" "$site" >/dev/null
  fi
  for target in disk tmpfs; do
    if [ "$target" = disk ]; then output="$site/public"; else output="/dev/shm/tongwen-bench-$pages"; fi
    rm -rf "$output"
    for run in $(seq 1 "$runs"); do
      if [ "${COLD:-0}" = 1 ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
      stats=$( { /usr/bin/time -f '%e %M' "$binary" build "$site" --output "$output" --quiet >/dev/null; } 2>&1 | tail -1 )
      seconds=${stats% *}
      kib=${stats#* }
      bytes=$(find "$output" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
      awk -v p="$pages" -v t="$target" -v r="$run" -v s="$seconds" -v k="$kib" -v b="$bytes" \
        'BEGIN { printf "%-7s %-6s %4s %9.2f %11.0f %10.0f %10.1f\n", p, t, r, s, p / s, k / 1024, b / 1000000 }'
    done
    rm -rf "/dev/shm/tongwen-bench-$pages"
  done
done
