#!/usr/bin/env python3
"""The preview server's live reload in Debian's headless Chromium: a saved change reloads the open
page at the same scroll position with the new title; a broken file shows the error overlay, which
goes when the file is fixed.

usage: live_reload_check.py ROUTEMAP_COMMAND REPOSITORY
  Copies REPOSITORY's content/ and themes/ to a throwaway folder and runs `routemap serve` there.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium.webdriver.common.by import By

from browser import browser, set_width


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.1)
    return None


def main(command, repository):
    problems = []
    folder = tempfile.mkdtemp(prefix="routemap-live-")
    shutil.copytree(os.path.join(repository, "content"), os.path.join(folder, "content"))
    shutil.copytree(os.path.join(repository, "themes"), os.path.join(folder, "themes"))
    chapter = os.path.join(folder, "content", "final", "governance.md")
    original = open(chapter, encoding="utf-8").read()
    port = free_port()
    server = subprocess.Popen([command, "serve", "--port", str(port), "--date", "2011-06-01"], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = None
    try:
        address = f"http://127.0.0.1:{port}/final/governance.html"
        if not wait_for(lambda: urllib.request.urlopen(address, timeout=1).status == 200, 60):
            return report(["the preview server did not start"])
        driver = browser()
        set_width(driver, 1280)
        driver.get(address)
        driver.execute_script("window.scrollTo(0, 1500)")
        time.sleep(0.5)

        retitled = original.replace("title: Governance", "title: Governance together", 1)
        with open(chapter, "w", encoding="utf-8") as f:
            f.write(retitled)
        if not wait_for(lambda: "Governance together" in driver.find_element(By.TAG_NAME, "h1").text):
            problems.append("the open page did not reload with the new title after the save")
        else:
            scrolled = wait_for(lambda: driver.execute_script("return window.scrollY"), 5) or 0
            if abs(scrolled - 1500) > 150:
                problems.append(f"the reloaded page is scrolled to {scrolled}, not near 1500")
            sidebar = driver.find_element(By.CSS_SELECTOR, ".sidebar").text
            if "Governance together" not in sidebar:
                problems.append("the new title is not in the contents sidebar")

        with open(chapter, "w", encoding="utf-8") as f:
            f.write(retitled[len("---\n"):])  # no front matter any more
        overlay = wait_for(lambda: driver.find_element(By.ID, "routemap-errors"))
        if not overlay or "governance.md" not in overlay.text:
            problems.append("a broken file shows no error overlay naming it")
        elif "Governance together" not in driver.find_element(By.TAG_NAME, "h1").text:
            problems.append("the last good page is not kept under the overlay")

        with open(chapter, "w", encoding="utf-8") as f:
            f.write(original)
        gone = wait_for(lambda: not driver.find_elements(By.ID, "routemap-errors")
                        and driver.find_element(By.TAG_NAME, "h1").text.endswith("Governance"))
        if not gone:
            problems.append("the overlay did not go (or the page not reload) once the file was fixed")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    return report(problems)


def report(problems):
    for problem in problems:
        print(problem)
    print(f"live reload checked: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
