#!/usr/bin/env python3
"""Accessibility checks of generated pages in Debian's headless Chromium.

For every page given: axe-core's WCAG 2.0/2.1/2.2 A and AA rules at 1280 px and 320 px wide, and
text zoomed to 200% without horizontal scrolling. For pages given with --keyboard: every focusable
element reached with the Tab key alone shows a visible focus indicator, the theme's yellow one.

axe-selenium-python drives axe-core; it bundles axe-core 3.1, which predates the WCAG 2.1 and 2.2
rules, so the axe-core 4 script bundled by selenium-axe-python is injected in its place.

usage: accessibility_check.py SITE_FOLDER PAGE [PAGE ...] [--keyboard PAGE ...] [--widths 390,768,...]
Exit status 1 on any violation, with a report naming the page, width, rule and elements.
"""
import os
import sys

from axe_selenium_python import Axe
from selenium.webdriver.common.keys import Keys

from browser import browser, serve, set_width

import selenium_axe_python

AXE_SCRIPT = os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [1280, 320]


def axe_violations(driver, url, width):
    set_width(driver, width)
    driver.get(url)
    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    results = axe.run(options='{"runOnly": {"type": "tag", "values": %s}}' % str(WCAG_TAGS).replace("'", '"'))
    problems = []
    for violation in results["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return problems


def horizontal_scroll_at_200_percent_text(driver, url, width):
    set_width(driver, width)
    driver.get(url)
    driver.execute_script("document.documentElement.style.fontSize = '200%'")
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return [f"text zoomed to 200% scrolls sideways by {overflow}px"] if overflow > 1 else []


FOCUS_STYLE = """
const e = document.activeElement, s = getComputedStyle(e);
return [e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40),
        s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)',
        s.boxShadow !== 'none', s.backgroundColor, e === document.body,
        [s.outlineColor, s.backgroundColor, s.boxShadow].some(v => v.includes(FOCUS_YELLOW))];
""".replace("FOCUS_YELLOW", "'rgb(255, 221, 0)'")


def keyboard_problems(driver, url):
    """Tabs through the page; each focused element must look different from when unfocused."""
    set_width(driver, 1280)
    driver.get(url)
    problems, seen = [], 0
    body = driver.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    for _ in range(400):
        name, outline, shadow, background, on_body, yellow = driver.execute_script(FOCUS_STYLE)
        if on_body:
            break
        seen += 1
        unfocused_background = driver.execute_script(
            "const e = document.activeElement; e.blur(); const b = getComputedStyle(e).backgroundColor; e.focus(); return b;")
        if not (outline or shadow or background != unfocused_background):
            problems.append(f"no visible focus on {name!r}")
        elif not yellow:
            # The theme's focus style (yellow, with a dark edge) everywhere, not the browser's thin ring.
            problems.append(f"the focus on {name!r} is not the theme's yellow focus style")
        previous = driver.execute_script("return document.activeElement")
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.execute_script("return document.activeElement") == previous:
            break
    if seen < 3:
        problems.append(f"only {seen} elements could be reached with Tab")
    return problems


def main(arguments):
    global WIDTHS
    if "--widths" in arguments:
        at = arguments.index("--widths")
        WIDTHS = [int(w) for w in arguments[at + 1].split(",")]
        arguments = arguments[:at] + arguments[at + 2:]
    site, pages, keyboard_pages = arguments[0], [], []
    target = pages
    for argument in arguments[1:]:
        if argument == "--keyboard":
            target = keyboard_pages
            continue
        target.append(argument)
    failures = []
    address = serve(site)
    driver = browser()
    try:
        for page in pages:
            path = os.path.join(os.path.abspath(site), page)
            if not os.path.exists(path):
                failures.append(f"{page}: the page does not exist")
                continue
            url = address + page
            for width in WIDTHS:
                failures += [f"{page} at {width}px: {p}" for p in axe_violations(driver, url, width)]
            for width in WIDTHS:
                failures += [f"{page} at {width}px: {p}" for p in horizontal_scroll_at_200_percent_text(driver, url, width)]
        for page in keyboard_pages:
            url = address + page
            failures += [f"{page} (keyboard): {p}" for p in keyboard_problems(driver, url)]
    finally:
        driver.quit()
    for failure in failures:
        print(failure)
    print(f"checked {len(pages)} pages at {WIDTHS} px and {len(keyboard_pages)} by keyboard: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
