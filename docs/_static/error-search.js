/* rnn-guide: find the error catalogue entry for a pasted message (search page only).
 *
 * The data (#rnn-error-data) is written at build time from rnn_guide/catalogue, which also
 * serves `rnn-guide explain`; rank() below follows rnn_guide.catalogue.rank step by step.
 * Search.query is wrapped, never replaced, so other wrappers (rnn_guide/sphinxext/search_ko.py
 * wraps Search._parseQuery) compose with this one.
 */
(function () {
  "use strict";
  var node = document.getElementById("rnn-error-data");
  if (!node || typeof Search === "undefined" || Search.query.rnnGuideErrors) return;
  var data = JSON.parse(node.textContent);
  var stopwords = new Set(data.stopwords);
  var entries = data.entries.map(function (entry) {
    return {
      entry: entry,
      patterns: entry.patterns.map(function (p) { return new RegExp(p, "i"); }),
      head: entry.head === null ? null : new RegExp(entry.head, "i"),
    };
  });

  function normalise(text) { return text.replace(/\s+/g, " ").trim(); }

  function words(text) {
    var found = [];
    (text.toLowerCase().match(/[a-z_]+/g) || []).forEach(function (word) {
      word = word.replace(/^_+|_+$/g, "");
      if (word.length > 1 && !stopwords.has(word) && found.indexOf(word) < 0) found.push(word);
    });
    return found;
  }

  /* The entries that explain `query`, best first (at most three). */
  function rank(query) {
    var text = normalise(query);
    var bare = text.replace(/^\w*(?:Error|Warning|Exception):\s*/, "").toLowerCase();
    var queryWords = new Set(words(text));
    var scored = [];
    entries.forEach(function (item) {
      for (var i = 0; i < item.patterns.length; i++) {
        var match = item.patterns[i].exec(text);
        if (match) { scored.push([2000 + match[0].length, item.entry]); return; }
      }
      var head = item.head && item.head.exec(text);
      if (head) { scored.push([1000 + head[0].length, item.entry]); return; }
      var headText = item.entry.headText;
      if (headText && bare.length >= data.minPart && headText.indexOf(bare) >= 0) {
        scored.push([1000 + bare.length, item.entry]);
        return;
      }
      var signature = item.entry.words;
      var shared = signature.filter(function (w) { return queryWords.has(w); }).length;
      if (signature.length && shared >= data.minWords && shared / signature.length >= data.minOverlap)
        scored.push([(shared / signature.length) * 100 + shared, item.entry]);
    });
    scored.sort(function (a, b) { return b[0] - a[0]; });
    return scored.slice(0, 3).map(function (pair) { return pair[1]; });
  }

  /* The query for Sphinx's own search: no numbers, shapes or dimension counts (Sphinx
   * requires every word, so the reader's numbers would sink it), no punctuation. */
  function forSphinx(query) {
    return query
      .replace(/torch\.Size\(\[[^\]]*\]\)/g, " ")
      .replace(/[(\[][\d\s,x-]*[)\]]/g, " ")
      .split(/\s+/)
      .filter(function (token) {
        var bareToken = token.replace(/^[^\w\u3131-\uD7A3]+|[^\w\u3131-\uD7A3]+$/g, "");
        return bareToken && !/^-?\d+(?:[.x]\d+)*(?:-?d)?$/i.test(bareToken);
      })
      .join(" ");
  }

  function showHits(hits) {
    var hrefs = new Set();
    hits.slice().reverse().forEach(function (entry) {
      var item = document.createElement("li");
      item.className = "kind-title rnn-error-hit";
      var link = item.appendChild(document.createElement("a"));
      link.href = entry.url;
      link.textContent = entry.title;
      var label = item.appendChild(document.createElement("span"));
      label.className = "rnn-error-hit-label";
      label.textContent = data.text.hit;
      Search.output.insertBefore(item, Search.output.firstChild);
      hrefs.add(entry.url);
    });
    /* Keep the list clean: Sphinx's own results for the same entries, or for the errors page
     * as a whole, would repeat them. */
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (added) {
          if (!added.querySelector || added.classList.contains("rnn-error-hit")) return;
          var a = added.querySelector("a");
          var href = a ? a.getAttribute("href") : "";
          if (hrefs.has(href) || href === "errors.html") added.remove();
        });
      });
    }).observe(Search.output, { childList: true });
    var status = Search.status;
    var fix = function () {
      if (Search._pulse_status === -1 && status.textContent && status.textContent !== data.text.found)
        status.textContent = data.text.found;
    };
    new MutationObserver(fix).observe(status, { childList: true, characterData: true, subtree: true });
  }

  var query = Search.query;
  var wrapped = function (text) {
    var hits = rank(text);
    if (hits.length) showHits(hits);
    var cleaned = forSphinx(text);
    return query.call(this, cleaned || text);
  };
  wrapped.rnnGuideErrors = true;
  Search.query = wrapped;
  window.rnnGuideErrorRank = rank; /* for the tests */
})();
