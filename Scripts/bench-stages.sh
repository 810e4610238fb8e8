#!/usr/bin/env bash
# Stage times of several `tongwen` binaries (or one binary over several sites), built side by side:
# round by round, one build of each, into tmpfs with --verbose, because this VM's speed drifts by
# more between rounds than most changes are worth. Prints each stage's median and its runs.
#
#   Scripts/bench-stages.sh SITE RUNS BINARY [BINARY ...]     compare binaries on one site
#   Scripts/bench-stages.sh -s BINARY RUNS SITE [SITE ...]     compare sites with one binary
#
# e.g. a branch against main: build main with `--scratch-path .build-main`, then
#   Scripts/bench-stages.sh /tmp/tongwen-bench/10000 5 .build-main/release/tongwen .build/release/tongwen
set -euo pipefail
cd "$(dirname "$0")/.."
export TONGWEN_THEME="${TONGWEN_THEME:-$PWD/templates}"
if [ "${1:-}" = "-s" ]; then
  binary=$2; runs=$3; shift 3; sites=("$@"); binaries=("$binary")
else
  site=$1; runs=$2; shift 2; binaries=("$@"); sites=("$site")
fi
output=/dev/shm/tongwen-bench-stages
results="$(mktemp)"
trap 'rm -rf "$output" "$results"' EXIT
for run in $(seq 1 "$runs"); do
  for binary in "${binaries[@]}"; do
    for site in "${sites[@]}"; do
      rm -rf "$output"
      label="$binary"
      [ ${#sites[@]} -gt 1 ] && label="$site"
      "$binary" build "$site" --output "$output" --verbose 2>&1 | tr -d '\r' | sed 's/\x1b\[K//g' |
        awk -v label="$label" '
          /^\[[0-9]+\/[0-9]+\]/ { seconds = $(NF - 1); gsub(/[(]/, "", seconds); print label, $2, seconds }
          /^Built/ { for (i = 1; i <= NF; i++) if ($i == "in") print label, "total", $(i + 1) }' >> "$results"
    done
  done
done
# Stages in build order (SiteBuilder.stages), then the total.
awk 'BEGIN { n = split("load resolve render organize check index write total", names, " "); for (i = 1; i <= n; i++) rank[names[i]] = i }
  { key = $1 "\t" $2; runs[key] = runs[key] " " $3; first[key] = first[key] ? first[key] : NR; stage[key] = $2 }
  END { for (key in runs) print rank[stage[key]] "\t" first[key] "\t" key "\t" runs[key] }' "$results" |
  sort -t $'\t' -k1,1n -k2,2n | cut -f3- | while IFS=$'\t' read -r label stage values; do
    median=$(tr ' ' '\n' <<<"$values" | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    printf '%-9s %7.3f s  (%s )  %s\n' "$stage" "$median" "$values" "$label"
  done
