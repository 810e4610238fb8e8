#!/usr/bin/env python3
"""Search benchmark on the standard corpus (../shared/bench/make-corpus.py).

    Scripts/bench-search.py [PAGES ...]        default: 1000 10000

For each size it reports:
- build time with and without search (`search: false` in a copy of the config), RUNS (default 3)
  interleaved pairs of release builds into tmpfs: the best of each, the median difference, and
  the index stage's own time (`--verbose`);
- index bytes: on disk (the files are stored gzipped), inflated, and file count;
- for three sample queries (Chinese, English, cross-vocabulary) in headless Chromium, served by
  `python3 -m http.server`, each in a fresh page with an empty cache: the bytes fetched (search
  script gzipped as a host would send it, plus the index files as stored) and the query time
  (cold, with fetches over loopback, then warm, everything cached), from the
  `tongwen-search` performance measure search.js records.
Needs: a release build (made here), chromium + chromium-driver, PyPI selenium.
"""
import gzip
import os
import re
import shutil
import statistics
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_SCRIPT = Path(os.environ.get("CORPUS_SCRIPT", REPO.parent / "shared/bench/make-corpus.py"))
BENCH_DIR = Path(os.environ.get("BENCH_DIR", "/tmp/tongwen-bench"))
RUNS = int(os.environ.get("RUNS", "3"))
QUERIES = ["需求池", "change management", "backlog"]


def release_binary():
    subprocess.run(["swift", "build", "-c", "release", "--product", "tongwen"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO, check=True,
                          capture_output=True, text=True).stdout.strip()
    return Path(path) / "tongwen"


def corpus(pages):
    site = BENCH_DIR / str(pages)
    if not (site / "content").is_dir():
        subprocess.run([sys.executable, CORPUS_SCRIPT, str(pages), site], check=True, stdout=subprocess.DEVNULL)
    return site


def timed_build(binary, site, output):
    """Wall seconds of one build and the index stage's seconds from --verbose."""
    shutil.rmtree(output, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([binary, "build", site, "--output", output, "--verbose"], capture_output=True, text=True,
                            env={**os.environ, "TONGWEN_THEME": str(REPO / "templates")})
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    stage = re.search(r"index .*\(([0-9.]+) s\)", result.stdout + result.stderr)
    return seconds, float(stage.group(1)) if stage else 0.0


def site_without_search(site):
    """A copy of the corpus with `search: false` in its config."""
    copy = Path(tempfile.mkdtemp(prefix="tongwen-nosearch-"))
    shutil.copytree(site / "content", copy / "content")
    config = (site / "tongwen.yml").read_text(encoding="utf-8") if (site / "tongwen.yml").exists() else ""
    (copy / "tongwen.yml").write_text(config + "\nsearch: false\n", encoding="utf-8")
    return copy


def index_bytes(output):
    stored = inflated = count = 0
    for path in (output / "search").rglob("*.gz"):
        data = path.read_bytes()
        stored += len(data)
        inflated += len(gzip.decompress(data))
        count += 1
    return stored, inflated, count


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def browser_queries(output):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", output], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    script_gzip = len(gzip.compress((output / "assets/search.js").read_bytes(), 9))
    rows = []
    try:
        time.sleep(0.3)
        for query in QUERIES:
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.get(f"http://127.0.0.1:{port}/")
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            driver.execute_script("performance.setResourceTimingBufferSize(10000)")

            def run(text):
                driver.execute_script("performance.clearMeasures('tongwen-search')")
                driver.execute_script("""
                    const input = document.querySelector('#site-search-input');
                    input.value = arguments[0];
                    input.dispatchEvent(new Event('input', {bubbles: true}));""", text)
                WebDriverWait(driver, 30).until(lambda d: d.execute_script(
                    "return performance.getEntriesByName('tongwen-search').length"))
                return driver.execute_script("return performance.getEntriesByName('tongwen-search')[0].duration")

            cold = run(query)
            resources = driver.execute_script("""
                return performance.getEntriesByType('resource')
                  .filter((r) => r.name.includes('/search/'))
                  .map((r) => [r.name, r.encodedBodySize]);""")
            warm = run(query)
            shown = driver.execute_script("return document.querySelectorAll('#site-search-results [role=option]').length")
            fetched = sum(size for _, size in resources)
            rows.append((query, script_gzip + fetched, len(resources), cold, warm, shown))
    finally:
        driver.quit()
        server.terminate()
    return rows


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    binary = release_binary()
    for pages in sizes:
        site = corpus(pages)
        output = Path(f"/dev/shm/tongwen-bench-search-{pages}")
        plain = site_without_search(site)
        try:
            # Interleaved, one of each per round: this VM's speed drifts by more than the
            # difference measured when all runs of one kind come first.
            with_search, without = [], []
            for _ in range(RUNS):
                with_search.append(timed_build(binary, site, output))
                without.append(timed_build(binary, plain, Path(f"{output}-off"))[0])
        finally:
            shutil.rmtree(plain)
            shutil.rmtree(f"{output}-off", ignore_errors=True)
        times_with = [s for s, _ in with_search]
        differences = [a - b for a, b in zip(times_with, without)]
        print(f"== {pages} pages")
        print(f"build: {min(times_with):.2f} s with search, {min(without):.2f} s without (best of {RUNS}); "
              f"search adds {statistics.median(differences):+.2f} s (median of {RUNS} interleaved pairs, "
              f"{min(differences):+.2f} to {max(differences):+.2f}); index stage {min(i for _, i in with_search):.2f} s")
        stored, inflated, count = index_bytes(output)
        print(f"index: {count} files, {stored / 1e6:.1f} MB on disk (gzip), {inflated / 1e6:.1f} MB inflated")
        print(f"{'query':<20} {'KB (gz)':>8} {'files':>6} {'cold ms':>8} {'warm ms':>8} {'shown':>6}")
        for query, fetched, files, cold, warm, shown in browser_queries(output):
            print(f"{query:<20} {fetched / 1000:>8.1f} {files:>6} {cold:>8.1f} {warm:>8.1f} {shown:>6}")
        shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
