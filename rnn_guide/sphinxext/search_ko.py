"""Korean full-text search for Sphinx in the readers' own words.

Sphinx has no Korean search language. With the default one, words are indexed with the
particles (조사) glued to them, so ``상태의`` and ``차원과`` are indexed and a search for 상태
or 차원 finds nothing. :class:`SearchKorean` does four things, each both when the index is built
(Python) and when the reader types a query (JavaScript generated from the same data):

* it strips a trailing particle from every word and stems Latin words with Snowball's English
  stemmer, so ``batch_first`` and ``LSTM`` on Korean pages are still found;
* it rewrites the words other Korean sources use into the site's words, from the glossary's
  column of them (:func:`rnn_guide.glossary.search_synonyms`): 히든 스테이트 becomes 은닉 상태
  and 타임스텝 becomes 타임 스텝 on both sides, so either finds the pages of the other;
* it drops the words of a question (:data:`STOP_WORDS`: 의미, 뜻, 무엇…), because Sphinx
  requires every query word and "은닉 상태 의미" should find what "은닉 상태" finds;
* it ranks pages by how many query words their title and headings carry (:data:`SCORER_JS`),
  so the page that explains a term comes before pages that mention it; pages that mention
  every term (the glossary, the error catalogue) or use them in a whole model (the "Building
  models" examples) are weighed down (:data:`RANK_FACTORS`), so they come after the page that
  teaches the term.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import snowballstemmer
import sphinx.search
from sphinx.search import SearchLanguage

from rnn_guide.glossary import search_synonyms

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = [
    "GLOSSARY_PAGE",
    "PARTICLES",
    "RANK_FACTORS",
    "SCORER_JS",
    "STOP_WORDS",
    "SearchKorean",
    "search_data",
    "search_data_digest",
    "search_words",
    "setup_search_ko",
    "strip_particle",
]

#: The glossary's document name: it names every term, so ranking puts it after the page that
#: explains one.
GLOSSARY_PAGE = "glossary"

#: Score factors by document name (a name ending in ``/`` is a folder): the glossary and the
#: error catalogue carry nearly every term in their headings, and the "Building models"
#: examples use every term on the way to a model; each comes after the page that explains the
#: term. (A pasted error message is ranked by ``error-search.js``, which puts its entry first.)
RANK_FACTORS: tuple[tuple[str, float], ...] = (
    (GLOSSARY_PAGE, 0.5),
    ("errors", 0.5),
    ("auto_examples/models/", 0.7),
)

#: Words of a question rather than of its subject ("은닉 상태 의미", "로짓이란 무엇인가요"); they are
#: neither indexed nor required. Checked before and after the particle comes off.
STOP_WORDS: frozenset[str] = frozenset(
    {
        "의미", "뜻", "무엇", "무엇인가", "무엇인가요", "무엇일까", "뭔가요", "뭔지", "뭐",
        "뭐야", "뭘까", "란", "이란", "정의", "개념", "설명", "이해", "이해하기", "알아보기",
    }
)  # fmt: skip

#: Endings taken off a word, longest first: case particles (조사), the plural 들 with a particle,
#: and the copula (이다, 입니다) that follows nouns in running text.
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        {
            # copula and its common forms after a noun
            "입니다", "이므로", "이라는", "이라고", "이지만", "이라면",
            "이다", "이며", "이고", "이면", "이란", "라는", "라고", "인",
            # plural + particle
            "들에서", "들에게", "들은", "들는", "들이", "들을", "들의", "들에", "들로", "들과",
            "들도", "들만", "들",
            # case and auxiliary particles
            "에서는", "에서도", "에서의", "에게서", "으로는", "으로도", "으로의", "으로서",
            "으로써", "에서", "에게", "에는", "에도", "에만", "으로", "까지", "부터", "처럼",
            "보다", "마다", "이나", "과는", "와는", "과의", "와의", "과도", "와도", "로는",
            "로도", "로의", "만큼", "밖에", "조차", "이야",
            "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "나",
            "란",
        },
        key=lambda p: (-len(p), p),
    )
)  # fmt: skip

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def strip_particle(word: str) -> str:
    """Remove one trailing Korean particle, keeping at least one character of the word.

    >>> [strip_particle(w) for w in ["텐서를", "상태의", "차원과", "은닉", "레이어에서는"]]
    ['텐서', '상태', '차원', '은닉', '레이어']
    >>> strip_particle("batch_first는"), strip_particle("LSTM의"), strip_particle("의")
    ('batch_first', 'LSTM', '의')
    """
    if not word or not _HANGUL.match(word[-1]):
        return word
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


@cache
def _sphinx_js(name: str) -> str:
    folder = Path(sphinx.search.__file__).parent / "minified-js"
    return (folder / name).read_text(encoding="utf-8")


_JS_STEMMER = """
var KoreanStemmer = function () {
  var english = new EnglishStemmer();
  var particles = %(particles)s;
  var hangul = /[\\uac00-\\ud7a3]$/;
  this.stemWord = function (word) {
    if (hangul.test(word)) {
      for (var i = 0; i < particles.length; i++) {
        var p = particles[i];
        if (word.length > p.length && word.slice(-p.length) === p) {
          word = word.slice(0, -p.length);
          break;
        }
      }
    }
    return english.stemWord(word);
  };
};
window.Stemmer = KoreanStemmer;
"""

#: The query splitter: Sphinx's split, then stop words out and other sources' words rewritten
#: into the site's (the same steps as :func:`search_words`, from the same data).
_JS_SPLITTER = """
var splitQuery = function (query) {
  var synonyms = %(synonyms)s;
  var stemmer = new Stemmer();
  var words = [];
  query.split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu).forEach(function (raw) {
    if (!raw) return;
    var lower = raw.toLowerCase();
    var key = stemmer.stemWord(lower);
    if (stopwords.has(lower) || stopwords.has(key)) return;
    if (Object.prototype.hasOwnProperty.call(synonyms, key)) words.push.apply(words, synonyms[key]);
    else words.push(raw);
  });
  return words;
};
window.splitQuery = splitQuery;
"""

SCORER_JS = """
/* rnn-guide: rank a page by how many query words its title and headings carry. */
var Scorer = {
  objNameMatch: 11, objPartialMatch: 6, objPrio: {0: 15, 1: 5, 2: -5}, objPrioDefault: 0,
  title: 15, partialTitle: 7, term: 5, partialTerm: 2,
  pageTitle: 20, heading: 10, maxHeadings: 3, factors: %(factors)s,
  _headings: null,
  _words: function (text) {
    var stemmer = new Stemmer();
    return new Set(splitQuery(text).map(function (w) { return stemmer.stemWord(w.toLowerCase()); }));
  },
  _headingWords: function (index) {
    if (Scorer._headings !== null) return Scorer._headings;
    var headings = index.docnames.map(function () { return []; });
    Object.keys(index.alltitles).forEach(function (title) {
      var words = Scorer._words(title);
      index.alltitles[title].forEach(function (hit) {
        if (index.titles[hit[0]] !== title) headings[hit[0]].push(words);
      });
    });
    Scorer._headings = {
      page: index.titles.map(function (title) { return Scorer._words(title); }),
      sections: headings,
    };
    return Scorer._headings;
  },
  _has: function (files, file) {
    if (files === undefined) return false;
    return typeof files === "number" ? files === file : files.indexOf(file) >= 0;
  },
  _partial: function (mapping, word, file) {
    if (word.length <= 2) return false;
    return Object.keys(mapping).some(function (term) {
      return term.indexOf(word) >= 0 && Scorer._has(mapping[term], file);
    });
  },
  score: function (result) {
    var kind = result[6];
    var terms = Search.rnnGuideTerms;
    if ((kind !== "text" && kind !== "title") || !terms || !terms.length) return result[4];
    var index = Search._index;
    var file = index.docnames.indexOf(result[0]);
    var words = Scorer._headingWords(index);
    var score = 0;
    terms.forEach(function (word) {
      if (words.page[file].has(word)) score += Scorer.pageTitle;
      var headings = words.sections[file].filter(function (set) { return set.has(word); });
      score += Scorer.heading * Math.min(headings.length, Scorer.maxHeadings);
      if (Scorer._has(index.titleterms[word], file) || Scorer._has(index.terms[word], file))
        score += Scorer.term;
      else if (Scorer._partial(index.titleterms, word, file) || Scorer._partial(index.terms, word, file))
        score += Scorer.partialTerm;
    });
    if (kind === "title") score += 1;  /* a heading that holds the whole query, just above its page */
    Scorer.factors.forEach(function (pair) {
      var name = pair[0];
      var match = name.slice(-1) === "/" ? result[0].indexOf(name) === 0 : result[0] === name;
      if (match) score *= pair[1];
    });
    return score;
  },
};
/* Remember the stemmed words of the query being ranked (chained: other wrappers keep working). */
(function () {
  if (typeof Search === "undefined" || Search._parseQuery.rnnGuide) return;
  var parseQuery = Search._parseQuery;
  var wrapped = function () {
    var parsed = parseQuery.apply(this, arguments);
    Search.rnnGuideTerms = Array.from(parsed[1]);
    return parsed;
  };
  wrapped.rnnGuide = true;
  Search._parseQuery = wrapped;
})();
"""


_ENGLISH: Any = snowballstemmer.stemmer("english")
_WORD = re.compile(r"\w+")


@cache
def _stem(word: str) -> str:
    return str(_ENGLISH.stemWord(strip_particle(word).lower()))


@cache
def search_data() -> dict[str, Any]:
    """What the Python and the JavaScript sides share: particles, stop words, synonyms.

    The synonyms' keys are stemmed as a query word is (particle off, lower case, English stem),
    so ``Shapes`` and ``타임스텝을`` find their entries.

    >>> data = search_data()
    >>> data["synonyms"]["히든"], data["synonyms"]["featur"], "의미" in data["stop_words"]  # codespell:ignore featur
    (['은닉'], ['특성'], True)
    """
    return {
        "particles": list(PARTICLES),
        "stop_words": sorted(STOP_WORDS),
        "synonyms": {_stem(word): list(site) for word, site in sorted(search_synonyms().items())},
    }


def search_data_digest() -> str:
    """A digest of :func:`search_data`: when it changes, every page must be indexed again.

    >>> len(search_data_digest())
    16
    """
    text = json.dumps(search_data(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def search_words(text: str) -> list[str]:
    """Split ``text`` as the Korean search does: stop words out, other sources' words rewritten.

    >>> search_words("히든 스테이트의 의미")
    ['은닉', '상태']
    >>> search_words("타임스텝을 Shapes 뜻은? 차원")
    ['타임', '스텝', '모양', '차원']
    """
    synonyms = search_data()["synonyms"]
    words: list[str] = []
    for raw in _WORD.findall(text):
        key = _stem(raw)
        if raw.lower() in STOP_WORDS or key in STOP_WORDS:
            continue
        words.extend(synonyms.get(key, (raw,)))
    return words


class SearchKorean(SearchLanguage):
    """Korean search: particles, stop words, the glossary's synonyms, heading-aware ranking."""

    lang = "ko"
    language_name = "Korean"
    stopwords = STOP_WORDS

    def __init__(self, options: dict[str, str]) -> None:
        """Prepare the JavaScript twins of :meth:`stem` and :meth:`split`, and the scorer."""
        super().__init__(options)
        data = search_data()
        self.js_stemmer_code = "\n".join(
            (
                _sphinx_js("base-stemmer.js"),
                _sphinx_js("english-stemmer.js"),
                _JS_STEMMER % {"particles": json.dumps(data["particles"], ensure_ascii=False)},
            )
        )
        self.js_splitter_code = "\n".join(
            (
                _JS_SPLITTER % {"synonyms": json.dumps(data["synonyms"], ensure_ascii=False)},
                SCORER_JS % {"factors": json.dumps([list(pair) for pair in RANK_FACTORS])},
            )
        )

    def split(self, input: str) -> list[str]:
        """Split like :func:`search_words`, so the index holds the site's words.

        >>> SearchKorean({}).split("은닉층의 피처")
        ['레이어', '특성']
        """
        return search_words(input)

    def stem(self, word: str) -> str:
        """Strip a particle, then stem the rest like English (Hangul passes through).

        >>> search = SearchKorean({})
        >>> [search.stem(w) for w in ["텐서들을", "Tensors", "LSTM은", "상태"]]
        ['텐서', 'tensor', 'lstm', '상태']
        """
        return _stem(word)


def setup_search_ko(app: Sphinx) -> None:
    """Register :class:`SearchKorean`; a change of its data re-reads every Korean page.

    Sphinx keeps the index of unchanged pages between builds, so new synonyms or stop words
    would reach only the edited pages; ``rnn_guide_search_data`` (their digest, an ``env``
    setting) makes Sphinx read them all again when the data changes.
    """
    app.add_search_language(SearchKorean)
    digest = search_data_digest() if app.config.language == "ko" else ""
    app.add_config_value("rnn_guide_search_data", digest, "env", types=frozenset({str}))
