"""The search box and results page in headless Chromium, against the built sample portal."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def type_query(browser, site_url, query):
    browser.get(f"{site_url}/docs/")
    box = browser.find_element(By.ID, "site-search-input")
    box.clear()
    box.send_keys(query)
    wait = WebDriverWait(browser, 10)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option]"))
    return box


def option_texts(browser):
    return [o.text for o in browser.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option]")]


def test_chinese_query_shows_matching_pages_with_highlight(browser, site_url):
    type_query(browser, site_url, "需求池")
    texts = option_texts(browser)
    assert any("如何提交需求" in t for t in texts), texts
    marks = browser.find_elements(By.CSS_SELECTOR, "#site-search-results mark")
    assert marks and all(m.text == "需求池" for m in marks)
    assert browser.find_element(By.ID, "site-search-input").get_attribute("aria-expanded") == "true"


def test_every_excerpt_that_holds_the_query_highlights_it(browser, site_url):
    # Excerpts cut with "…" used to lose their highlights (NFKC turns "…" into "...").
    type_query(browser, site_url, "服务等级 p1")
    excerpts = browser.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option] .search-excerpt")
    cut = [e for e in excerpts if "…" in e.text and ("服务等级" in e.text or "P1" in e.text)]
    assert cut, [e.text for e in excerpts]
    for excerpt in cut:
        marks = [m.text for m in excerpt.find_elements(By.CSS_SELECTOR, "mark")]
        assert marks and set(marks) <= {"服务等级", "P1"}, (excerpt.text, marks)


def test_english_query_and_keyboard_navigation(browser, site_url):
    box = type_query(browser, site_url, "rollback")
    options = browser.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option]")
    assert len(options) >= 2
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_DOWN)
    selected = browser.find_elements(By.CSS_SELECTOR, "#site-search-results [aria-selected=true]")
    assert len(selected) == 1 and selected[0] == options[1]
    assert box.get_attribute("aria-activedescendant") == options[1].get_attribute("id")
    target = options[1].find_element(By.TAG_NAME, "a").get_attribute("href")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.current_url == target)


def test_escape_closes_and_slash_focuses(browser, site_url):
    box = type_query(browser, site_url, "VPN")
    box.send_keys(Keys.ESCAPE)
    assert browser.find_element(By.CSS_SELECTOR, ".search-popup").get_attribute("hidden") is not None
    browser.find_element(By.TAG_NAME, "main").click()
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element == browser.find_element(By.ID, "site-search-input")


def test_cross_vocabulary_query_starts_with_the_term_card(browser, site_url):
    type_query(browser, site_url, "backlog")
    first = browser.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option]")[0]
    assert "search-term-card" in first.get_attribute("class")
    assert "需求池" in first.text and "Product Backlog" in first.text


def test_results_page_lists_filters_and_results(browser, site_url):
    browser.get(f"{site_url}/search/?q=%E5%8F%98%E6%9B%B4")  # 变更
    wait = WebDriverWait(browser, 10)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.search-results [role=option]"))
    status = browser.find_element(By.CSS_SELECTOR, "[data-search-status]").text
    count = int(status.split()[0])
    assert count >= 3
    sections = [o.text for o in browser.find_elements(By.CSS_SELECTOR, "select[name=section] option")]
    assert len(sections) > 2
    # Filter by kind: only FAQ entries remain.
    browser.get(f"{site_url}/search/?q=%E5%8F%98%E6%9B%B4&kind=faq")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.search-results [role=option]"))
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "ol.search-results a")]
    assert links and all("/faq/" in link for link in links)
