#!/usr/bin/env bash
# Two `tongwen` binaries built side by side, round by round, in one of three file-system states,
# printing each build's wall, user and system seconds and peak memory, then each binary's median.
#
#   Scripts/bench-ab.sh warm|cold|disk ROUNDS BINARY_A BINARY_B [SITE]
#
#   warm   output on tmpfs, removed before each build; the corpus read first (the page cache on
#          small VMs drops files within minutes, so "warm" is not warm by itself)
#   cold   output on tmpfs, removed before each build; the page cache emptied first (root only)
#   disk   rebuilds into an output on the site's disk that each binary keeps, as a writer's
#          repeated builds do (each binary's deletions slow the other's file creation on ext4
#          without a journal, so compare the two, not one run against another session's)
#
# SITE defaults to the 10,000-page standard corpus (Scripts/bench.sh makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1; rounds=$2; a=$3; b=$4
site="${5:-${BENCH_DIR:-/tmp/tongwen-bench}/10000}"
export TONGWEN_THEME="${TONGWEN_THEME:-$PWD/templates}"
[ -d "$site/content" ] || { echo "no corpus at $site (Scripts/bench.sh makes it)" >&2; exit 2; }
results="$(mktemp)"; timing="$(mktemp)"
trap 'rm -rf "$results" "$timing" /dev/shm/tongwen-ab-a /dev/shm/tongwen-ab-b' EXIT
read_corpus() { find "$site/content" -type f -exec cat {} + > /dev/null; }

for round in $(seq 1 "$rounds"); do
  for side in a b; do
    binary=$a; [ "$side" = b ] && binary=$b
    case $mode in
      warm) output=/dev/shm/tongwen-ab-$side; rm -rf "$output"; read_corpus ;;
      cold) output=/dev/shm/tongwen-ab-$side; rm -rf "$output"; sync; echo 3 > /proc/sys/vm/drop_caches ;;
      disk) output="$site/public-ab-$side"
            [ -d "$output" ] || "$binary" build "$site" --output "$output" --quiet > /dev/null 2>&1
            read_corpus ;;
      *) echo "mode: warm, cold or disk" >&2; exit 2 ;;
    esac
    /usr/bin/time -o "$timing" -f "%e %U %S %M" "$binary" build "$site" --output "$output" --quiet > /dev/null 2>&1
    line=$(tail -1 "$timing")
    echo "$round $side $line" | tee -a "$results" | awk '{ printf "round %s  %s  %6.2f s wall  %6.2f user  %6.2f sys  %5.0f MiB\n", $1, $2, $3, $4, $5, $6 / 1024 }'
  done
done
for side in a b; do
  binary=$a; [ "$side" = b ] && binary=$b
  awk -v s="$side" '$2 == s { print $3 }' "$results" | sort -n |
    awk -v label="$side $binary" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median %s: %.2f s wall (%.2f–%.2f)\n", label, m, v[1], v[NR] }'
done
[ "$mode" = disk ] && echo "outputs kept in $site/public-ab-a and -b (delete them when done)"
