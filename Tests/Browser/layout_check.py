#!/usr/bin/env python3
"""Layout checks of generated pages in Debian's headless Chromium, at the widths readers use: a phone
(390 px), 200% zoom on a laptop or an upright tablet (640-960 px) and a desktop (1280 px).

At each width, for every page given:
- no element wider than the viewport (nothing to scroll sideways, except inside a region made to
  scroll: a table's focusable wrapper or a <pre>);
- no text clipped at the left or right edge of the window (paragraph numbers in the margin);
- the page's title (its h1) starting in the upper half of the first screen, and on a chapter page
  the first line of its text (the summary or the first paragraph) inside the first screen;
- no word broken across lines inside a table cell ("Opti/on");
- no line made taller than the others by a footnote reference;
- a table that does not fit scrolls inside a labelled region reachable with Tab.
And 404.html, when given, keeps its styles opened from disk. A screenshot of the first screen of
every page at every width is kept in the artefact folder.

usage: layout_check.py SITE_FOLDER ARTEFACT_FOLDER PAGE [PAGE ...] [--widths 390,640,...]
Exit status 1 on any problem, with a report naming the page, width and element.
"""
import os
import re
import sys

from browser import browser, serve

WIDTHS = [390, 640, 768, 960, 1280]
# A phone held upright is taller than it is wide; the others are a laptop's screen.
HEIGHTS = {390: 844, 320: 640}

LAYOUT_SCRIPT = r"""
const width = document.documentElement.clientWidth, height = window.innerHeight;
const problems = [];
const describe = e => {
  let s = e.tagName.toLowerCase();
  if (e.id) s += '#' + e.id;
  else if (e.classList.length) s += '.' + [...e.classList].join('.');
  const text = (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30);
  return text ? `${s} "${text}"` : s;
};
const hidden = e => {
  for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.display === 'none' || s.visibility === 'hidden') return true;
    if (n.classList.contains('visually-hidden') || n.classList.contains('skip-link')) return true;
    if (s.clipPath.startsWith('inset(50%')) return true;  // seen by screen readers only
  }
  return false;
};
// Inside an element that scrolls or clips sideways, being wider than the window is its business.
const insideScroller = e => {
  for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
    const o = getComputedStyle(n).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return n;
  }
  return null;
};
const overflow = document.documentElement.scrollWidth - width;
if (overflow > 1) problems.push(`the page scrolls sideways by ${overflow}px`);
let wide = 0;
for (const e of document.body.querySelectorAll('*')) {
  if (hidden(e) || insideScroller(e)) continue;
  const r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.right > width + 1 || r.left < -1) {
    if (wide++ < 5) problems.push(`${describe(e)} reaches from ${Math.round(r.left)} to ${Math.round(r.right)}px, beyond the ${width}px window`);
  }
}
// Text clipped at an edge: every text node's boxes must lie inside the window (or its scroller).
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let clipped = 0;
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.textContent.trim() || hidden(node.parentElement)) continue;
  const scroller = insideScroller(node.parentElement);
  const bounds = scroller ? scroller.getBoundingClientRect() : {left: 0, right: width};
  if (scroller) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) {
    if (r.width === 0) continue;
    if (r.left < bounds.left - 1 || r.right > bounds.right + 1) {
      if (clipped++ < 5) problems.push(`text "${node.textContent.trim().slice(0, 20)}" in ${describe(node.parentElement)} is cut off at the ${r.left < bounds.left - 1 ? 'left' : 'right'} edge (${Math.round(r.left)} to ${Math.round(r.right)}px)`);
      break;
    }
  }
}
if (clipped > 5) problems.push(`... and ${clipped - 5} more pieces of text cut off`);
// The title, and on a chapter the first line of text, in the first screen.
const h1 = document.querySelector('main h1, h1');
if (h1) {
  const r = h1.getBoundingClientRect();
  if (r.bottom > height) problems.push(`the title ends at ${Math.round(r.bottom)}px, below the first screen (${height}px)`);
  // The page's own content, not the header, banner and breadcrumbs, fills most of the first screen.
  else if (r.top > height / 2) problems.push(`the title starts at ${Math.round(r.top)}px, below the middle of the first screen (${height}px): what comes before it takes too much room`);
}
const first = document.querySelector('main.chapter .chapter-header .lead, main.chapter .chapter-body > p, main.chapter .chapter-body > .numbered > p');
if (first) {
  const r = first.getBoundingClientRect();
  if (r.top + 24 > height) problems.push(`the chapter's first line of text starts at ${Math.round(r.top)}px, below the first screen (${height}px)`);
}
// Words broken inside table cells: a word whose range has boxes on two lines.
let broken = 0;
for (const cell of document.querySelectorAll('td, th')) {
  if (hidden(cell)) continue;
  const cellWalker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = cellWalker.nextNode(); node; node = cellWalker.nextNode()) {
    const re = /[^\s\u00ad-]+/g;
    let m;
    while ((m = re.exec(node.textContent)) !== null) {
      if (m[0].length < 2) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1 && broken++ < 5) problems.push(`the word "${m[0]}" is broken across lines in a table cell`);
    }
  }
}
if (broken > 5) problems.push(`... and ${broken - 5} more words broken in table cells`);
// A footnote reference does not make its line taller than the others: a paragraph holding one is
// a whole number of lines high.
let tall = 0;
for (const sup of document.querySelectorAll('main p sup')) {
  const p = sup.closest('p'), s = getComputedStyle(p);
  const line = parseFloat(s.lineHeight), height = p.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
  if (!line || hidden(p)) continue;
  const lines = height / line;
  if (Math.abs(lines - Math.round(lines)) > 0.1 && tall++ < 3) problems.push(`a footnote reference makes a line taller in ${describe(p)} (${height.toFixed(1)}px for lines of ${line}px)`);
}
// A table wider than its column scrolls inside a labelled region that Tab reaches.
for (const table of document.querySelectorAll('main table')) {
  if (hidden(table)) continue;
  const scroller = insideScroller(table);
  if (!scroller) continue;
  if (scroller.scrollWidth > scroller.clientWidth + 1) {
    if (!(scroller.tabIndex >= 0 && scroller.getAttribute('role') === 'region' && scroller.getAttribute('aria-label')))
      problems.push(`${describe(scroller)} scrolls sideways but is not a labelled region reachable with Tab`);
  }
}
return problems;
"""


def set_viewport(driver, width):
    height = HEIGHTS.get(width, 900)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    return height


def main(arguments):
    widths = WIDTHS
    if "--widths" in arguments:
        at = arguments.index("--widths")
        widths = [int(w) for w in arguments[at + 1].split(",")]
        arguments = arguments[:at] + arguments[at + 2:]
    site, artefacts, pages = arguments[0], arguments[1], arguments[2:]
    os.makedirs(artefacts, exist_ok=True)
    address = serve(site)
    driver = browser()
    failures = []
    try:
        for page in pages:
            if not os.path.exists(os.path.join(site, page)):
                failures.append(f"{page}: the page does not exist")
                continue
            for width in widths:
                set_viewport(driver, width)
                driver.get(address + page)
                driver.execute_script("return document.fonts.ready")
                for problem in driver.execute_script(LAYOUT_SCRIPT):
                    failures.append(f"{page} at {width}px: {problem}")
                name = re.sub(r"[^A-Za-z0-9]+", "-", page.rsplit(".", 1)[0]).strip("-")
                driver.save_screenshot(os.path.join(artefacts, f"{name}-{width}.png"))
        # The 404 page keeps its styles wherever it is shown: here opened from disk, where no link
        # to the stylesheet (relative or from the site's path) would find it.
        if "404.html" in pages:
            driver.get("file://" + os.path.abspath(os.path.join(site, "404.html")))
            background = driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
            if background in ("rgba(0, 0, 0, 0)", "transparent"):
                failures.append("404.html opened from disk has lost its styles (the header has no background)")
    finally:
        driver.quit()
    for failure in failures:
        print(failure)
    print(f"layout checked: {len(pages)} pages at {widths} px; screenshots in {artefacts}; {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
