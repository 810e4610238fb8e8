"""`tongwen serve` end to end: a real server on an ephemeral loopback port, a real browser tab
that reloads itself after each save, the error page while the content is broken."""
import http.client
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY


@pytest.fixture()
def served_site():
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY, check=True,
                              capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as folder:
        site = pathlib.Path(folder) / "site"
        site.mkdir()
        shutil.copytree(REPOSITORY / "content", site / "content")
        shutil.copy(REPOSITORY / "tongwen.yml", site / "tongwen.yml")
        environment = {**os.environ, "TONGWEN_THEME": str(REPOSITORY / "templates")}
        server = subprocess.Popen([f"{bin_path}/tongwen", "serve", str(site), "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment)
        url = None
        deadline = time.time() + 60
        while url is None and time.time() < deadline:
            line = server.stdout.readline()
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            if found:
                url = found.group(1)
        assert url, "tongwen serve printed its address"
        yield site, url
        server.terminate()
        server.wait(timeout=10)
        assert not (site / "public").exists(), "serve never writes the site's own public/"


def wait_for(browser, condition, timeout=15):
    # The tab reloads by itself: an element found just before a reload is gone when read.
    WebDriverWait(browser, timeout, poll_frequency=0.1,
                  ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda driver: condition())


def test_saving_a_page_reloads_the_open_tab_and_errors_show_in_the_browser(served_site, browser):
    site, url = served_site
    entry = site / "content/faq/forgot-password.md"
    browser.get(url + "faq/forgot-password/")
    assert "忘记密码" in browser.title
    browser.execute_script("window.tongwenMarker = 'before'")

    entry.write_text(entry.read_text(encoding="utf-8").replace("自助重置", "自助重置（已更新）"), encoding="utf-8")
    wait_for(browser, lambda: "自助重置（已更新）" in browser.find_element(By.TAG_NAME, "main").text)
    assert browser.execute_script("return window.tongwenMarker") is None, "the tab reloaded by itself"

    broken = site / "content/faq/broken.md"
    broken.write_text("---\ntitle: [broken\n---\n", encoding="utf-8")
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "[data-tongwen-build-failed]"))
    assert "content/faq/broken.md:3:1: error: invalid YAML" in browser.find_element(By.TAG_NAME, "body").text

    broken.unlink()
    wait_for(browser, lambda: "自助重置（已更新）" in browser.find_element(By.TAG_NAME, "body").text)
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-tongwen-build-failed]")


def test_serves_utf8_content_types_and_refuses_paths_outside_the_output(served_site):
    site, url = served_site
    host, port = re.match(r"http://([\d.]+):(\d+)/", url).groups()

    def get(path):
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, response.getheader("Content-Type"), body

    status, kind, body = get("/")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert b"/_tongwen/live" in body, "the live-reload script is injected"
    assert get("/assets/tongwen.css")[:2] == (200, "text/css; charset=utf-8")
    assert get("/assets/search.js")[:2] == (200, "text/javascript; charset=utf-8")
    assert get("/search/manifest.json.gz")[:2] == (200, "application/gzip")
    for attack in ["/../tongwen.yml", "/faq/../../tongwen.yml", "/%2e%2e/tongwen.yml", "/faq/%2E%2E/%2E%2E/content/faq/add-faq.md"]:
        status, _, body = get(attack)
        assert status == 403, attack
        assert b"title:" not in body
    assert get("/faq")[0] == 301
    assert get("/no/such/page/")[0] == 404
