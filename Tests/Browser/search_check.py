#!/usr/bin/env python3
"""Search in Debian's headless Chromium: typing and submitting by keyboard, results and highlighted
snippets, the status announced to screen readers, and pages without JavaScript.

Search that forgives: a misspelt word suggests the closest words of the edition, a "quoted phrase"
is searched as a phrase, and snippets from tables keep their cells apart.

usage: search_check.py SITE_FOLDER EDITION WORD [--forgiving]
  WORD must appear in the edition's chapters. With --forgiving, the checks of the real publication's
  final edition ("goverance", "sharred", "services shared", a table in chapter 5) run too.
  Exit status 1 with a list of problems on failure.
"""
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import browser, serve, set_width


def wait_for(condition, seconds=5):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


def with_javascript(address, edition, word):
    problems = []
    driver = browser()
    try:
        set_width(driver, 1280)
        driver.get(f"{address}{edition}/index.html")
        box = driver.find_element(By.ID, "site-search")
        if not box.is_displayed():
            problems.append("the header search box is not shown with JavaScript on")
        # Reach the box by keyboard from the skip link, type, and press Enter.
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        for _ in range(10):
            if driver.switch_to.active_element.get_attribute("id") == "site-search":
                break
            driver.switch_to.active_element.send_keys(Keys.TAB)
        else:
            problems.append("the search box cannot be reached with Tab")
        driver.switch_to.active_element.send_keys(word, Keys.ENTER)
        status = wait_for(lambda: driver.find_element(By.ID, "search-status").text)
        if "match" not in status or status.startswith("No "):
            problems.append(f"searching for {word!r} gave the status {status!r}")
        if driver.find_element(By.ID, "search-status").get_attribute("role") != "status":
            problems.append("the result count is not in a role=status region, so it is not announced")
        marks = driver.find_elements(By.CSS_SELECTOR, "#search-results mark")
        if not marks or any(m.text.lower() != word.lower() for m in marks):
            problems.append(f"matches are not highlighted as {word!r}: {[m.text for m in marks[:5]]}")
        links = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
        if not links:
            problems.append("no result links")
        # From the page's search box, Tab goes past its button into the results.
        field = driver.find_element(By.ID, "search-page-input")
        field.click()
        field.send_keys(Keys.TAB, Keys.TAB)
        focused = driver.switch_to.active_element
        if focused.get_attribute("href") is None or not driver.execute_script(
                "return document.getElementById('search-results').contains(document.activeElement)"):
            problems.append("Tab from the search box does not reach the results")
        else:
            target = focused.get_attribute("href")
            focused.send_keys(Keys.ENTER)
            if not wait_for(lambda: driver.current_url == target):
                problems.append(f"Enter on a result does not open it ({target})")
        # Typing refines the results without submitting.
        driver.back()
        field = wait_for(lambda: driver.find_element(By.ID, "search-page-input"))
        field.clear()
        field.send_keys("zzzznotaword")
        if not wait_for(lambda: driver.find_element(By.ID, "search-status").text.startswith("No chapters")):
            problems.append("typing a word that is nowhere does not say so")
    finally:
        driver.quit()
    return problems


def search_for(driver, address, edition, query):
    """Opens the search page with `query`; returns the status, the suggestions and the results."""
    from urllib.parse import quote
    driver.get(f"{address}{edition}/search.html?q={quote(query)}")
    status = wait_for(lambda: driver.find_element(By.ID, "search-status").text)
    suggestions = driver.find_elements(By.CSS_SELECTOR, "#search-suggestions a")
    return status, [a.text for a in suggestions if a.is_displayed()], driver.find_elements(By.CSS_SELECTOR, "#search-results > ol > li")


def forgiving(address, edition):
    problems = []
    driver = browser()
    try:
        set_width(driver, 1280)
        # A misspelt word: no match, but the closest words of the edition, as links that search for them.
        for typo, meant in [("goverance", "governance"), ("sharred", "shared"), ("information goverance", "information governance")]:
            status, suggestions, results = search_for(driver, address, edition, typo)
            if results or not status.startswith("No chapters"):
                problems.append(f"{typo!r} should match nothing, and gave {status!r}")
            if meant not in suggestions:
                problems.append(f"{typo!r} does not suggest {meant!r}: suggestions {suggestions}")
            elif meant not in status:
                problems.append(f"the suggestion for {typo!r} is not in the status, so it is not announced: {status!r}")
            else:
                link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "#search-suggestions a") if a.text == meant)
                link.send_keys(Keys.ENTER)
                status = wait_for(lambda: "match" in driver.find_element(By.ID, "search-status").text
                                  and driver.find_element(By.ID, "search-status").text)
                if not status or status.startswith("No ") or meant not in status:
                    problems.append(f"following the suggestion {meant!r} gave {status!r}")
        # A quoted phrase matches only where its words stand together, and is marked whole.
        _, _, loose = search_for(driver, address, edition, "services shared")
        status, _, together = search_for(driver, address, edition, '"services shared"')
        if not loose or together:
            problems.append(f"'\"services shared\"' is not searched as a phrase: {len(loose)} results without quotes, {len(together)} with ({status!r})")
        _, _, phrase = search_for(driver, address, edition, '"shared services"')
        marks = {m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")}
        if not phrase or marks != {"shared services"}:
            problems.append(f"'\"shared services\"' is not marked as a phrase: {sorted(marks)[:5]}")
        # A table's cells stay apart in the snippet.
        search_for(driver, address, edition, '"who takes part"')
        snippets = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "#search-results p")]
        if not any("Level | Who takes part | What it decides" in text for text in snippets):
            problems.append(f"a table's cells run together in the snippet: {snippets[:2]}")
    finally:
        driver.quit()
    return problems


def without_javascript(address, edition):
    problems = []
    driver = browser(javascript=False)
    try:
        driver.get(f"{address}{edition}/index.html")
        if driver.find_element(By.ID, "site-search").is_displayed():
            problems.append("the search box is shown without JavaScript, where it cannot work")
        if not driver.find_elements(By.CSS_SELECTOR, ".chapter-list a"):
            problems.append("the contents page has no chapter links without JavaScript")
        driver.get(f"{address}{edition}/search.html")
        if "contents page" not in driver.find_element(By.ID, "main").text:
            problems.append("the search page does not point to the contents page without JavaScript")
    finally:
        driver.quit()
    return problems


def main(site, edition, word, *options):
    address = serve(site)
    problems = with_javascript(address, edition, word) + without_javascript(address, edition)
    if "--forgiving" in options:
        problems += forgiving(address, edition)
    for problem in problems:
        print(problem)
    print(f"search checked: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
