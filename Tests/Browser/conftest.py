"""Shared fixtures: the sample portal built by the real `tongwen` binary, served on loopback."""
import functools
import http.server
import os
import pathlib
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url():
    """Builds content/ into a temporary folder and serves it on an ephemeral 127.0.0.1 port."""
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY, check=True,
                              capture_output=True, text=True).stdout.strip()
    subprocess.run(["swift", "build", "--product", "tongwen"], cwd=REPOSITORY, check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as folder:
        output = pathlib.Path(folder) / "public"
        # A fixed build date: review notices, overdue milestones and stale flags stay the same.
        environment = {**os.environ, "SOURCE_DATE_EPOCH": "1795478400"}  # 2026-11-24
        subprocess.run([f"{bin_path}/tongwen", "build", str(REPOSITORY), "--output", str(output), "--quiet"],
                       check=True, env=environment)
        handler = functools.partial(QuietHandler, directory=str(output))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()
