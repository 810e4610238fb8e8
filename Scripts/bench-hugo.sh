#!/usr/bin/env bash
# The issue's reference point on this machine: Hugo 0.111 (Debian's `hugo`) with a minimal theme
# on the same standard corpus, beside Tongwen, interleaved run by run (this VM's speed drifts).
#
#   Scripts/bench-hugo.sh [PAGES]       default: 10000; RUNS (default 3) rounds
#
# Hugo reads a copy of the corpus with `content/index.md` renamed `_index.md`: Hugo takes a folder
# holding `index.md` for a leaf bundle and would build one page. Output goes to tmpfs for both.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-10000}"
runs="${RUNS:-3}"
bench_dir="${BENCH_DIR:-/tmp/tongwen-bench}"
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install -y hugo)" >&2; exit 2; }
site="$bench_dir/$pages"
[ -d "$site/content" ] || python3 ../shared/bench/make-corpus.py "$pages" "$site" >/dev/null
hugo_site="$bench_dir/hugo-$pages"
if [ ! -d "$hugo_site/content" ]; then
  mkdir -p "$hugo_site/layouts/_default"
  cp -r "$site/content" "$hugo_site/content"
  mv "$hugo_site/content/index.md" "$hugo_site/content/_index.md"
  printf 'baseURL = "http://example.org/"\ntitle = "Bench"\n' > "$hugo_site/config.toml"
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>' > "$hugo_site/layouts/_default/baseof.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}' > "$hugo_site/layouts/_default/single.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' > "$hugo_site/layouts/_default/list.html"
fi
swift build -c release --product tongwen >/dev/null
binary="$(swift build -c release --show-bin-path)/tongwen"
export TONGWEN_THEME="$PWD/templates"
times="$(mktemp)"
trap 'rm -rf "$times" /dev/shm/bench-hugo-out /dev/shm/bench-tongwen-out' EXIT
# One row: wall, user and system seconds and peak memory of a command, its own output dropped.
timed() {
  local run=$1 tool=$2; shift 2
  /usr/bin/time -o "$times" -f '%e %U %S %M' "$@" >/dev/null 2>&1
  echo "$run $tool $(tail -1 "$times")" | awk '{ printf "%-4s %-8s %8.2f %8.2f %8.2f %9.0f\n", $1, $2, $3, $4, $5, $6 / 1024 }'
}
printf '%-4s %-8s %8s %8s %8s %9s\n' run tool seconds user sys peak_MiB
for run in $(seq 1 "$runs"); do
  rm -rf /dev/shm/bench-hugo-out
  timed "$run" hugo hugo --quiet -s "$hugo_site" -d /dev/shm/bench-hugo-out
  timed "$run" tongwen "$binary" build "$site" --output /dev/shm/bench-tongwen-out --quiet
done
