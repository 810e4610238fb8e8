"""Glossary links and the glossary index in a real headless Chromium."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def test_term_tooltip_on_hover_focus_and_escape(site_url, browser):
    browser.get(f"{site_url}/manuals/incident-reporting/")
    term = browser.find_element(By.CSS_SELECTOR, "a.term[data-term='service-desk']")
    assert not browser.execute_script("return arguments[0].hasAttribute('title')", term), \
        "with JavaScript the summary moves out of title (no doubled native tooltip)"
    assert term.get_attribute("data-summary") == "员工报告故障、申请服务的统一入口。"
    tip = browser.find_element(By.ID, "term-tooltip")
    assert tip.get_attribute("role") == "tooltip"
    assert not tip.is_displayed()

    ActionChains(browser).move_to_element(term).perform()
    assert tip.is_displayed()
    assert tip.text == "IT 服务台\n员工报告故障、申请服务的统一入口。"
    assert term.get_attribute("aria-describedby") == "term-tooltip"
    ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, "h1")).perform()
    assert not tip.is_displayed()

    browser.execute_script("arguments[0].focus()", term)
    assert tip.is_displayed(), "keyboard focus shows the summary"
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not tip.is_displayed()


def test_term_links_work_without_javascript_as_titled_links(site_url, browser):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(f"{site_url}/manuals/incident-reporting/")
        term = browser.find_element(By.CSS_SELECTOR, "a.term[data-term='service-desk']")
        assert term.get_attribute("title") == "员工报告故障、申请服务的统一入口。"
        assert term.get_attribute("href").endswith("/glossary/service-desk/")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_glossary_filter_matches_any_name(site_url, browser):
    browser.get(f"{site_url}/glossary/")
    box = browser.find_element(By.CSS_SELECTOR, "[data-glossary-filter]")
    count = browser.find_element(By.CSS_SELECTOR, "[data-glossary-count]")

    def visible():
        return [entry.find_element(By.TAG_NAME, "a").text
                for entry in browser.find_elements(By.CSS_SELECTOR, ".glossary-entry") if entry.is_displayed()]

    assert len(visible()) == 31
    box.send_keys("backlog")  # a technical name finds the business-named term
    assert visible() == ["需求池"]
    assert count.text == "1 个术语"
    box.clear()
    box.send_keys("ＳＬＡ")  # full-width input, NFKC
    assert visible() == ["服务等级协议"]
    box.clear()
    box.send_keys("没有这个词")
    assert visible() == []
    assert browser.find_element(By.CSS_SELECTOR, "[data-glossary-empty]").is_displayed()


def test_letter_bar_jumps_to_a_group(site_url, browser):
    browser.get(f"{site_url}/glossary/")
    browser.find_element(By.CSS_SELECTOR, ".letter-bar a[href='#letter-S']").click()
    assert browser.execute_script("return location.hash") == "#letter-S"
    heading = browser.find_element(By.ID, "letter-S")
    assert browser.execute_script("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight", heading)


def test_first_tap_shows_the_summary_second_tap_follows(site_url, browser):
    browser.get(f"{site_url}/manuals/incident-reporting/")
    term = browser.find_element(By.CSS_SELECTOR, "a.term[data-term='service-desk']")
    tap = """
        const event = new PointerEvent("click", {pointerType: "touch", bubbles: true, cancelable: true});
        arguments[0].dispatchEvent(event);
        return event.defaultPrevented;
    """
    assert browser.execute_script(tap, term), "first tap is held back to show the summary"
    assert browser.find_element(By.ID, "term-tooltip").is_displayed()
    assert not browser.execute_script(tap, term), "second tap on the same term follows the link"
    assert browser.current_url.endswith("/glossary/service-desk/")
