#!/usr/bin/env bash
# Glossary linking overhead on the standard corpus: release builds into tmpfs with
# glossary.link none / first / all, RUNS rounds (default 3) of one build of each, interleaved
# (this VM's speed drifts by more than the overhead between one kind's runs and the next's).
# Prints each policy's median time, its overhead against none (median of the per-round ratios,
# with their range), the best time of each against none's best, the overhead in CPU time
# (user + system, median of the per-round ratios) and the output size. The best times and the
# CPU ratios move less with the VM's phases than single wall-time rounds.
#
#   Scripts/bench-glossary.sh [PAGES]        default: 10000
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-10000}"
runs="${RUNS:-3}"
bench_dir="${BENCH_DIR:-/tmp/tongwen-bench}"
swift build -c release --product tongwen >/dev/null
binary="$(swift build -c release --show-bin-path)/tongwen"
export TONGWEN_THEME="$PWD/templates"
corpus="$bench_dir/glossary-$pages"
[ -d "$corpus/content" ] || python3 "${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}" "$pages" "$corpus" >/dev/null
# One site per policy, sharing the corpus's content folder.
policies=(none first all)
for policy in "${policies[@]}"; do
  mkdir -p "$corpus-$policy"
  ln -sfn "$corpus/content" "$corpus-$policy/content"
  printf 'glossary:\n  link: %s\n' "$policy" > "$corpus-$policy/tongwen.yml"
done
output="/dev/shm/tongwen-bench-glossary"
results="$(mktemp)"
trap 'rm -rf "$output" "$output.time" "$results"; for p in "${policies[@]}"; do rm -rf "$corpus-$p"; done' EXIT
for run in $(seq 1 "$runs"); do
  for policy in "${policies[@]}"; do
    /usr/bin/time -f '%e %U %S' -o "$output.time" "$binary" build "$corpus-$policy" --output "$output-$policy" --quiet >/dev/null 2>&1
    echo "$run $policy $(tail -1 "$output.time")" >> "$results"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for policy in "${policies[@]}"; do
  bytes=$(find "$output-$policy" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  time=$(awk -v p="$policy" '$2 == p { print $3 }' "$results" | median)
  ratios=$(awk -v p="$policy" '{ t[$1, $2] = $3; if ($1 > n) n = $1 } END { for (r = 1; r <= n; r++) print (t[r, p] / t[r, "none"] - 1) * 100 }' "$results")
  overhead=$(median <<<"$ratios")
  low=$(sort -n <<<"$ratios" | head -1); high=$(sort -n <<<"$ratios" | tail -1)
  best=$(awk -v p="$policy" '$2 == p { print $3 }' "$results" | sort -n | head -1)
  base=$(awk '$2 == "none" { print $3 }' "$results" | sort -n | head -1)
  cpu=$(awk -v p="$policy" '{ c[$1, $2] = $4 + $5; if ($1 > n) n = $1 } END { for (r = 1; r <= n; r++) print (c[r, p] / c[r, "none"] - 1) * 100 }' "$results" | median)
  awk -v p="$policy" -v m="$time" -v o="$overhead" -v lo="$low" -v hi="$high" -v b="$best" -v bb="$base" -v c="$cpu" -v y="$bytes" \
    'BEGIN { printf "%-6s median %.2f s  overhead %+.0f%% (rounds: %+.0f%% to %+.0f%%)  best %.2f s (%+.0f%%)  CPU %+.0f%%  output %.1f MB\n", p, m, o, lo, hi, b, (b / bb - 1) * 100, c, y / 1e6 }'
  rm -rf "$output-$policy"
done
