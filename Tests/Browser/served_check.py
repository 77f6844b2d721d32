#!/usr/bin/env python3
"""A built site as a web server publishes it: every page, link and asset over HTTP with the right
content type, the 404 page (styled) at unknown addresses, and search in Debian's headless Chromium.

usage: served_check.py ADDRESS BASE_URL EDITION WORD [--expect-pdf]
  ADDRESS   where the server shows the site, ending in '/', such as http://127.0.0.1:8080/routemap/
  BASE_URL  the site's base_url (its sitemap's and canonical addresses start with it)
  EDITION, WORD  search the edition for a word its chapters hold
Exit status 1 with a list of problems on failure; the last line counts what was fetched.
"""
import html.parser
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

from selenium.webdriver.common.by import By

from browser import browser

# What each kind of file must be sent as.
EXPECTED_TYPES = {
    ".html": {"text/html"},
    ".css": {"text/css"},
    ".js": {"application/javascript", "text/javascript"},
    ".svg": {"image/svg+xml"},
    ".xml": {"text/xml", "application/xml", "application/atom+xml"},
    ".pdf": {"application/pdf"},
    ".png": {"image/png"},
    ".jpg": {"image/jpeg"},
    ".txt": {"text/plain"},
}


class Links(html.parser.HTMLParser):
    """Every address a page asks the browser to fetch or follow."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attributes):
        for name, value in attributes:
            if value is None:
                continue
            if name in ("href", "src") or (tag == "form" and name == "action"):
                self.found.append(value)


class Response:
    def __init__(self, url, status, content_type, body):
        self.url, self.status, self.content_type, self.body = url, status, content_type, body

    @property
    def media_type(self):
        return self.content_type.split(";")[0].strip().lower()


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "routemap-served-check"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return Response(answer.geturl(), answer.status, answer.headers.get("Content-Type", ""), answer.read())
    except urllib.error.HTTPError as error:
        return Response(url, error.code, error.headers.get("Content-Type", ""), error.read())


def extension(url):
    path = urllib.parse.urlsplit(url).path
    if path.endswith("/"):
        return ".html"
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def crawl(address, seeds):
    """Fetches every address under `address` that the pages lead to; returns problems and what was seen."""
    problems = []
    seen_types = set()
    queue = list(seeds)
    visited = set()
    while queue:
        url, referrer = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        answer = fetch(url)
        if answer.status != 200:
            problems.append(f"{url} (linked from {referrer}) answers {answer.status}")
            continue
        kind = extension(url)
        expected = EXPECTED_TYPES.get(kind)
        if expected is None:
            problems.append(f"{url}: no content type is expected for '{kind}' files; add it to served_check.py")
        elif answer.media_type not in expected:
            problems.append(f"{url} is sent as '{answer.content_type}', expected one of {sorted(expected)}")
        seen_types.add(kind)
        if answer.media_type == "text/html":
            if "charset=utf-8" not in answer.content_type.lower().replace(" ", ""):
                problems.append(f"{url} is sent without charset=utf-8 ('{answer.content_type}')")
            parser = Links()
            parser.feed(answer.body.decode("utf-8"))
            for link in parser.found:
                target = urllib.parse.urldefrag(urllib.parse.urljoin(url, link))[0]
                if urllib.parse.urlsplit(target).scheme not in ("http", "https"):
                    continue
                if target.startswith(address):
                    queue.append((target, url))
                elif urllib.parse.urlsplit(target).netloc == urllib.parse.urlsplit(address).netloc:
                    problems.append(f"{url} links to {target}, outside the site's folder {address}")
    return problems, seen_types, visited


def sitemap_addresses(address, base_url):
    """The sitemap's addresses, moved from base_url to where the server shows the site."""
    problems = []
    answer = fetch(address + "sitemap.xml")
    if answer.status != 200:
        return [f"sitemap.xml answers {answer.status}"], []
    urls = []
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    for location in ElementTree.fromstring(answer.body).iter(namespace + "loc"):
        if not location.text.startswith(base_url):
            problems.append(f"sitemap.xml lists {location.text}, not under base_url {base_url}")
            continue
        urls.append((address + location.text[len(base_url):], "sitemap.xml"))
    if not urls:
        problems.append("sitemap.xml lists no address")
    return problems, urls


def not_found_pages(address):
    """Unknown addresses at the top and deep down answer 404 with the 404 page, styled: by the theme's
    stylesheet linked (which must then load), or carried in the page itself, as the default theme does.
    Returns the problems and the page's links, to follow with the others."""
    problems = []
    links = []
    unknown = [address + "no-such-page.html", address + "final/no/such/page.html"]
    for url in unknown:
        answer = fetch(url)
        if answer.status != 404:
            problems.append(f"{url} answers {answer.status}, not 404")
            continue
        if answer.media_type != "text/html" or b"Page not found" not in answer.body:
            problems.append(f"{url} does not answer with the 404 page ({answer.content_type})")
            continue
        parser = Links()
        parser.feed(answer.body.decode("utf-8"))
        targets = [urllib.parse.urldefrag(urllib.parse.urljoin(url, link))[0] for link in parser.found]
        links += [(target, url) for target in targets if target != url]  # not its own '#main
        sheets = [link for link in parser.found if link.endswith("style.css")]
        for sheet in sheets:
            target = urllib.parse.urljoin(url, sheet)
            styles = fetch(target)
            if styles.status != 200 or styles.media_type != "text/css":
                problems.append(f"the 404 page at {url} links its stylesheet as {sheet}, which answers {styles.status} ({styles.content_type})")
        # The theme's stylesheet written into the page: a <style> with the theme's rules in it.
        carried = b"<style>" in answer.body and answer.body.count(b"{") > 50
        if not sheets and not carried:
            problems.append(f"the 404 page at {url} neither links a stylesheet nor carries one")
    driver = browser()
    try:
        for url in unknown:
            driver.get(url)
            # Rules of the theme's stylesheet, linked or carried (the page's own few rules aside).
            rules = driver.execute_script(
                "return Array.from(document.styleSheets).filter(s => (s.href || '').endsWith('style.css') || !s.href)"
                ".map(s => s.cssRules.length).reduce((a, b) => a + b, 0)")
            if rules < 50:
                problems.append(f"in Chromium, the 404 page at {url} is shown without its stylesheet")
    finally:
        driver.quit()
    return problems, links


def search(address, edition, word):
    """Search from the edition's search page, as a reader arriving from the header's search box."""
    problems = []
    driver = browser()
    try:
        driver.get(f"{address}{edition}/search.html?q={urllib.parse.quote(word)}")
        deadline = time.time() + 10
        status = ""
        while time.time() < deadline:
            status = driver.find_element(By.ID, "search-status").text
            if "match" in status:
                break
            time.sleep(0.05)
        if "match" not in status or status.startswith("No "):
            problems.append(f"searching {edition} for {word!r} at {address} gave the status {status!r}")
        results = [link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
        if not results:
            problems.append(f"searching for {word!r} at {address} shows no results")
        for result in results[:3]:
            answer = fetch(result)
            if answer.status != 200 or word.lower().encode() not in answer.body.lower():
                problems.append(f"the result {result} answers {answer.status} or lacks {word!r}")
    finally:
        driver.quit()
    return problems


def main(arguments):
    address, base_url, edition, word = arguments[:4]
    expect_pdf = "--expect-pdf" in arguments
    problems, seeds = sitemap_addresses(address, base_url)
    not_found, not_found_links = not_found_pages(address)
    problems += not_found
    host = urllib.parse.urlsplit(address).netloc
    outside = sorted({link for link, _ in not_found_links if urllib.parse.urlsplit(link).netloc == host and not link.startswith(address)})
    problems += [f"the 404 page links to {link}, outside the site's folder {address}" for link in outside]
    seeds = [(address, "the start"), (address + "robots.txt", "the start"), (address + "feed.xml", "the start")] + seeds
    seeds += [(link, page) for link, page in not_found_links if link.startswith(address)]
    crawled, seen_types, visited = crawl(address, seeds)
    problems += crawled
    for kind in [".html", ".css", ".js", ".svg", ".xml"] + ([".pdf"] if expect_pdf else []):
        if kind not in seen_types:
            problems.append(f"no '{kind}' file was reached from the pages")
    problems += search(address, edition, word)
    for problem in problems:
        print(problem)
    print(f"served check at {address}: {len(visited)} addresses, types {' '.join(sorted(seen_types))}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
