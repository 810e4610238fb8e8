#!/usr/bin/env python3
"""Save-to-reload benchmark for `tongwen serve` on the standard corpus.

    Scripts/bench-serve.py [PAGES] [body|title]        default: 10000 body

Starts a release `tongwen serve --port 0` on a copy of the corpus, waits for the first build,
then RUNS times (default 5) edits one page — `body` appends a line to its body, `title` gives it
a new title in its front matter (which also changes its section's sidebar, its neighbours'
previous/next links, the section and tag pages, the search files…) — and measures the time from
the save to the moment the reload message arrives on the live-reload WebSocket, and until the
page served over HTTP shows the new text. Prints each run and the median.
"""
import base64
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_SCRIPT = Path(os.environ.get("CORPUS_SCRIPT", REPO.parent / "shared/bench/make-corpus.py"))
BENCH_DIR = Path(os.environ.get("BENCH_DIR", "/tmp/tongwen-bench"))
RUNS = int(os.environ.get("RUNS", "5"))


def websocket(host, port, path):
    """A minimal WebSocket client handshake (the standard library has none); returns the socket."""
    sock = socket.create_connection((host, port), timeout=120)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1024)
    assert b" 101 " in response.split(b"\r\n")[0], response
    return sock


def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    mode = sys.argv[2] if len(sys.argv) > 2 else "body"
    if mode not in ("body", "title"):
        sys.exit("usage: bench-serve.py [PAGES] [body|title]")
    subprocess.run(["swift", "build", "-c", "release", "--product", "tongwen"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    binary = Path(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO, check=True,
                                 capture_output=True, text=True).stdout.strip()) / "tongwen"
    corpus = BENCH_DIR / str(pages)
    if not (corpus / "content").is_dir():
        subprocess.run([sys.executable, CORPUS_SCRIPT, str(pages), corpus], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        shutil.copytree(corpus, site, ignore=shutil.ignore_patterns("public"))
        server = subprocess.Popen([binary, "serve", site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, env={**os.environ, "TONGWEN_THEME": str(REPO / "templates")})
        url = None
        while url is None:
            line = server.stdout.readline()
            if not line:
                sys.exit("tongwen serve stopped")
            found = re.search(r"at (http://(127\.0\.0\.1):(\d+)/)", line)
            if found:
                url, host, port = found.group(1), found.group(2), int(found.group(3))
        page = sorted((site / "content/docs").rglob("doc-*.md"))[0]
        page_url = url + str(page.relative_to(site / "content").with_suffix("")) + "/"
        to_reload, to_content = [], []
        try:
            for run in range(RUNS):
                sock = websocket(host, port, "/_tongwen/live")
                marker = f"bench-marker-{run}-{time.time_ns()}"
                started = time.perf_counter()
                if mode == "body":
                    with open(page, "a", encoding="utf-8") as file:
                        file.write(f"\n{marker}\n")
                else:
                    text = page.read_text(encoding="utf-8")
                    page.write_text(re.sub(r'^title: .*$', f'title: "{marker}"', text, count=1, flags=re.M), encoding="utf-8")
                frame = sock.recv(64)
                reloaded = time.perf_counter()
                assert b"reload" in frame, frame
                sock.close()
                while marker not in urllib.request.urlopen(page_url, timeout=60).read().decode():
                    time.sleep(0.01)
                shown = time.perf_counter()
                to_reload.append(reloaded - started)
                to_content.append(shown - started)
                print(f"run {run + 1}: save → reload message {1000 * to_reload[-1]:.0f} ms, → new text served {1000 * to_content[-1]:.0f} ms")
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(f"{pages} pages, {mode} edits: median save → reload {1000 * statistics.median(to_reload):.0f} ms, "
              f"save → new page {1000 * statistics.median(to_content):.0f} ms (target: 300 ms)")


if __name__ == "__main__":
    main()
