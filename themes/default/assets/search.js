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

  var LETTER = "[\\p{L}\\p{N}]";
  var NOT_LETTER = "[^\\p{L}\\p{N}]+";

  function escapeForRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function wordsOf(text) {
    return normalise(text).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  /**
   * What to look for: each word on its own (matching the start of a word: "govern" finds
   * "governance"), and each "quoted phrase" as its words in that order, one after the other.
   */
  function termsOf(query) {
    var terms = [];
    var rest = query.replace(/["“”„]([^"“”„]*)["“”„]?/g, function (whole, phrase) {
      var words = wordsOf(phrase);
      if (words.length) terms.push({ words: words, phrase: words.length > 1 });
      return " ";
    });
    wordsOf(rest).forEach(function (word) { terms.push({ words: [word], phrase: false }); });
    terms.forEach(function (term) {
      term.pattern = new RegExp("(?<!" + LETTER + ")" + term.words.map(escapeForRegExp).join(NOT_LETTER), "gu");
      term.text = term.words.join(" ");
    });
    return terms;
  }

  /** Where `term` starts in `text` (already normalised), from `from`, with its length; or null. */
  function findTerm(text, term, from) {
    term.pattern.lastIndex = from || 0;
    var match = term.pattern.exec(text);
    return match ? { at: match.index, length: match[0].length } : null;
  }

  function countTerm(text, term) {
    var count = 0;
    for (var found = findTerm(text, term); found; found = findTerm(text, term, found.at + Math.max(1, found.length))) count += 1;
    return count;
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
        if (!terms.every(function (t) { return findTerm(title, t) || findTerm(heading, t) || findTerm(text, t); })) return;
        var sectionScore = 0;
        terms.forEach(function (t) {
          if (findTerm(title, t)) sectionScore += 10;
          if (findTerm(heading, t)) sectionScore += 5;
          sectionScore += countTerm(text, t);
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

  /** Appends `text` to `parent`, with every match of a term inside <mark>. */
  function appendMarked(parent, text, terms) {
    var lower = normalise(text);
    var marks = [];
    terms.forEach(function (t) {
      for (var found = findTerm(lower, t); found; found = findTerm(lower, t, found.at + Math.max(1, found.length))) {
        marks.push([found.at, found.at + found.length]);
      }
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
      var found = findTerm(normalised, t);
      return found ? found.at : Infinity;
    }));
    if (!isFinite(first)) first = 0;
    var start = Math.max(0, original.lastIndexOf(" ", Math.max(0, first - 80)));
    var end = original.indexOf(" ", Math.min(original.length, first + 140));
    if (end < 0) end = original.length;
    return (start > 0 ? "… " : "") + original.slice(start, end).trim() + (end < original.length ? " …" : "");
  }

  /** Every word of the edition, with how often it occurs: where suggestions come from. */
  function vocabularyOf(index) {
    var counts = new Map();
    index.chapters.forEach(function (chapter) {
      [chapter.t].concat(chapter.s.map(function (s) { return s.h + " " + s.x; })).forEach(function (text) {
        wordsOf(text).forEach(function (word) {
          if (word.length > 2) counts.set(word, (counts.get(word) || 0) + 1);
        });
      });
    });
    return counts;
  }

  /** Levenshtein's edit distance, given up on beyond `limit`. */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i], smallest = i;
      for (var k = 1; k <= b.length; k++) {
        current.push(Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1)));
        smallest = Math.min(smallest, current[k]);
      }
      if (smallest > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  /** For a word that starts no word of the edition: the closest that are there, best first. */
  function closestWords(word, vocabulary) {
    var limit = word.length <= 4 ? 1 : 2;
    var close = [];
    vocabulary.forEach(function (count, candidate) {
      var distance = editDistance(word, candidate, limit);
      if (distance <= limit) close.push({ word: candidate, distance: distance, count: count });
    });
    close.sort(function (a, b) { return a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : 1); });
    return close.slice(0, 3).map(function (c) { return c.word; });
  }

  /** Queries with each unknown word replaced by one of its closest words. */
  function suggestions(query, terms, vocabulary) {
    var made = [];
    terms.forEach(function (term) {
      if (term.phrase) return;
      var word = term.words[0];
      var known = false;
      vocabulary.forEach(function (count, candidate) { if (!known && candidate.lastIndexOf(word, 0) === 0) known = true; });
      if (known) return;
      closestWords(word, vocabulary).forEach(function (better) {
        var pattern = new RegExp("(?<!" + LETTER + ")" + escapeForRegExp(word) + "(?!" + LETTER + ")", "iu");
        var changed = query.replace(pattern, better);
        if (changed === query) changed = query.trim() === word ? better : query + " " + better;
        if (made.indexOf(changed) < 0) made.push(changed);
      });
    });
    return made.slice(0, 3);
  }

  function showSuggestions(queries) {
    var box = document.getElementById("search-suggestions");
    if (!box) {
      box = document.createElement("p");
      box.id = "search-suggestions";
      box.className = "search-suggestions";
      status.parentNode.insertBefore(box, status.nextSibling);
    }
    box.textContent = "";
    box.hidden = queries.length === 0;
    if (!queries.length) return;
    box.appendChild(document.createTextNode("Did you mean "));
    queries.forEach(function (q, i) {
      if (i > 0) box.appendChild(document.createTextNode(i === queries.length - 1 ? " or " : ", "));
      var link = document.createElement("a");
      link.href = "?q=" + encodeURIComponent(q);
      link.textContent = q;
      box.appendChild(link);
    });
    box.appendChild(document.createTextNode("?"));
  }

  function show(index, query, vocabulary) {
    var terms = termsOf(query);
    results.textContent = "";
    if (!terms.length) {
      status.textContent = "Type the words to find in the " + index.edition + ".";
      showSuggestions([]);
      return;
    }
    var found = search(index, terms);
    var count = found.length;
    var better = count === 0 ? suggestions(query.trim(), terms, vocabulary()) : [];
    status.textContent = (count === 0
      ? "No chapters match “" + query.trim() + "”."
      : count + (count === 1 ? " chapter matches" : " chapters match") + " “" + query.trim() + "”.")
      + (better.length ? " Did you mean “" + better.join("” or “") + "”?" : "");
    showSuggestions(better);
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
    // Made when first needed: only a search that finds nothing looks for suggestions.
    var made = null;
    var vocabulary = function () { return made || (made = vocabularyOf(index)); };
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    show(index, query, vocabulary);
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        show(index, input.value, vocabulary);
        try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* opened from disk */ }
      }, 250);
    });
  }
})();
