/* Search for the Routemap site: our own small script, no framework, no request to any other site.
   Without JavaScript the search forms stay hidden and nothing else changes. */
(function () {
  "use strict";

  document.querySelectorAll("form.search[hidden]").forEach(function (form) { form.hidden = false; });

  var results = document.getElementById("search-results");
  if (!results) return;
  var input = document.getElementById("search-page-input");
  var status = document.getElementById("search-status");

  // The index is a script, not JSON, so that it also loads when the site is opened from disk.
  var script = document.createElement("script");
  script.src = results.getAttribute("data-index");
  script.onload = start;
  document.head.appendChild(script);

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function termsOf(query) {
    return normalise(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  /** Where `term` starts a word in `text` (already normalised), or -1. */
  function wordStart(text, term, from) {
    var at = text.indexOf(term, from || 0);
    while (at > 0 && /[\p{L}\p{N}]/u.test(text.charAt(at - 1))) at = text.indexOf(term, at + 1);
    return at;
  }

  function search(index, terms) {
    var found = [];
    index.chapters.forEach(function (chapter) {
      var title = normalise(chapter.t);
      var sections = [];
      var score = 0;
      chapter.s.forEach(function (section) {
        var heading = normalise(section.h);
        var text = normalise(section.x);
        var all = title + " " + heading + " " + text;
        if (!terms.every(function (t) { return wordStart(all, t) >= 0; })) return;
        var sectionScore = 0;
        terms.forEach(function (t) {
          if (wordStart(title, t) >= 0) sectionScore += 10;
          if (wordStart(heading, t) >= 0) sectionScore += 5;
          for (var at = wordStart(text, t); at >= 0; at = wordStart(text, t, at + 1)) sectionScore += 1;
        });
        score += sectionScore;
        sections.push({ section: section, score: sectionScore, text: text });
      });
      if (sections.length) {
        sections.sort(function (a, b) { return b.score - a.score; });
        found.push({ chapter: chapter, score: score, sections: sections.slice(0, 3) });
      }
    });
    found.sort(function (a, b) { return b.score - a.score || a.chapter.n - b.chapter.n; });
    return found;
  }

  /** Appends `text` to `parent`, with every word-start match of a term inside <mark>. */
  function appendMarked(parent, text, terms) {
    var lower = normalise(text);
    var marks = [];
    terms.forEach(function (t) {
      for (var at = wordStart(lower, t); at >= 0; at = wordStart(lower, t, at + 1)) marks.push([at, at + t.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var position = 0;
    marks.forEach(function (m) {
      if (m[0] < position) return;
      parent.appendChild(document.createTextNode(text.slice(position, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      parent.appendChild(mark);
      position = m[1];
    });
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  /** About 30 words around the first match. */
  function snippet(original, normalised, terms) {
    var first = Math.min.apply(null, terms.map(function (t) {
      var at = wordStart(normalised, t);
      return at < 0 ? Infinity : at;
    }));
    if (!isFinite(first)) first = 0;
    var start = Math.max(0, original.lastIndexOf(" ", Math.max(0, first - 80)));
    var end = original.indexOf(" ", Math.min(original.length, first + 140));
    if (end < 0) end = original.length;
    return (start > 0 ? "… " : "") + original.slice(start, end).trim() + (end < original.length ? " …" : "");
  }

  function show(index, query) {
    var terms = termsOf(query);
    results.textContent = "";
    if (!terms.length) {
      status.textContent = "Type the words to find in the " + index.edition + ".";
      return;
    }
    var found = search(index, terms);
    var count = found.length;
    status.textContent = count === 0
      ? "No chapters match “" + query.trim() + "”."
      : count + (count === 1 ? " chapter matches" : " chapters match") + " “" + query.trim() + "”.";
    var list = document.createElement("ol");
    list.className = "search-results";
    found.slice(0, 50).forEach(function (match) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = match.chapter.u;
      appendMarked(link, match.chapter.n + ". " + match.chapter.t, terms);
      heading.appendChild(link);
      item.appendChild(heading);
      var sections = document.createElement("ul");
      match.sections.forEach(function (found) {
        var entry = document.createElement("li");
        if (found.section.i) {
          var sectionLink = document.createElement("a");
          sectionLink.href = match.chapter.u + "#" + found.section.i;
          appendMarked(sectionLink, found.section.h, terms);
          entry.appendChild(sectionLink);
        }
        var text = document.createElement("p");
        appendMarked(text, snippet(found.section.x, found.text, terms), terms);
        entry.appendChild(text);
        sections.appendChild(entry);
      });
      item.appendChild(sections);
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function start() {
    var index = window.routemapSearchIndex;
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    show(index, query);
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        show(index, input.value);
        try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* opened from disk */ }
      }, 250);
    });
  }
})();
