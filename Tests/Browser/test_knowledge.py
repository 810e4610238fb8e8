"""FAQ hub, status dashboard and requirement board of the sample portal in headless Chromium."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def visible(elements):
    return [element for element in elements if element.is_displayed()]


def test_faq_permalink_opens_its_entry_and_the_filter_finds_answers(site_url, browser):
    browser.get(f"{site_url}/faq/#q-vpn-account")
    entries = browser.find_elements(By.CSS_SELECTOR, "details[data-faq-entry]")
    assert len(entries) == 13
    opened = [entry.get_attribute("id") for entry in entries if entry.get_attribute("open") is not None]
    assert opened == ["q-vpn-account"], "the permalink opens exactly its entry"

    box = browser.find_element(By.CSS_SELECTOR, "[data-faq-filter]")
    assert box.is_displayed(), "the filter shows once JavaScript runs"
    box.send_keys("密码")
    shown = visible(entries)
    assert shown and len(shown) < len(entries)
    for entry in entries:
        text = browser.execute_script("return arguments[0].textContent", entry)
        assert entry.is_displayed() == ("密码" in text), entry.get_attribute("id")
    assert all(entry.get_attribute("open") is not None for entry in shown), "matches open to show the answer"
    count = browser.find_element(By.CSS_SELECTOR, "[data-faq-count]").text
    assert count == f"{len(shown)} 个问题"
    categories = browser.find_elements(By.CSS_SELECTOR, "[data-faq-category]")
    for category in categories:
        has_match = any(entry.is_displayed() for entry in category.find_elements(By.CSS_SELECTOR, "[data-faq-entry]"))
        assert category.is_displayed() == has_match

    box.clear()
    box.send_keys("没有这样的问题xyz")
    assert not visible(entries)
    assert browser.find_element(By.CSS_SELECTOR, "[data-faq-empty]").is_displayed()


def test_faq_answers_keep_working_links(site_url, browser):
    browser.get(f"{site_url}/faq/")
    link = browser.find_element(By.CSS_SELECTOR, "#q-vpn-account .faq-answer a[href*='vpn']:not(.term)")
    assert link.get_attribute("href") == f"{site_url}/docs/access/vpn/"


def test_requirement_board_filters_by_department_and_priority(site_url, browser):
    browser.get(f"{site_url}/requirements/")
    cards = browser.find_elements(By.CSS_SELECTOR, ".board-card")
    assert len(cards) == 7
    department = Select(browser.find_element(By.CSS_SELECTOR, "[data-board-filter=requester]"))
    department.select_by_visible_text("人力资源部")
    shown = visible(cards)
    assert {card.get_attribute("data-requester") for card in shown} == {"人力资源部"}
    assert len(shown) == 2
    assert browser.find_element(By.CSS_SELECTOR, "[data-board-count]").text == "2 条需求"
    priority = Select(browser.find_element(By.CSS_SELECTOR, "[data-board-filter=priority]"))
    priority.select_by_visible_text("P2")
    assert [card.get_attribute("data-priority") for card in visible(cards)] == ["P2"]
    counts = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "[data-column-count]")]
    assert counts == ["0", "0", "0", "0", "1", "0"], "only 已交付 keeps its card"


def test_status_dashboard_flags_overdue_and_stale_projects(site_url, browser):
    browser.get(f"{site_url}/status/")
    groups = [element.get_attribute("id") for element in browser.find_elements(By.CSS_SELECTOR, ".status-group h2")]
    assert groups == ["status-blocked", "status-at-risk", "status-on-track", "status-done"]
    blocked = browser.find_element(By.CSS_SELECTOR, ".status-group-blocked .project-card")
    assert "逾期" in blocked.text and "天未更新" in blocked.text
    done = browser.find_element(By.CSS_SELECTOR, ".status-group-done .project-card")
    assert "逾期" not in done.text and "天未更新" not in done.text
