"""Korean full-text search for Sphinx: particles come off, so a bare noun finds its page.

Sphinx has no Korean search language. With the default one, words are indexed with the
particles (조사) glued to them, so ``상태의`` and ``차원과`` are indexed and a search for 상태
or 차원 finds nothing. :class:`SearchKorean` strips a trailing particle from every word, both
when the index is built (Python) and when the reader types a query (JavaScript generated from
the same list), and stems Latin words with Snowball's English stemmer, so ``batch_first`` and
``LSTM`` on Korean pages are still found.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import snowballstemmer
import sphinx.search
from sphinx.search import SearchLanguage

__all__ = ["PARTICLES", "SearchKorean", "strip_particle"]

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


class SearchKorean(SearchLanguage):
    """Korean search: particle stripping, then Snowball English stemming for Latin words."""

    lang = "ko"
    language_name = "Korean"

    def __init__(self, options: dict[str, str]) -> None:
        """Prepare the English stemmer and the JavaScript twin of :meth:`stem`."""
        super().__init__(options)
        self._english: Any = snowballstemmer.stemmer("english")
        self.js_stemmer_code = "\n".join(
            (
                _sphinx_js("base-stemmer.js"),
                _sphinx_js("english-stemmer.js"),
                _JS_STEMMER % {"particles": json.dumps(PARTICLES, ensure_ascii=False)},
            )
        )

    def stem(self, word: str) -> str:
        """Strip a particle, then stem the rest like English (Hangul passes through).

        >>> search = SearchKorean({})
        >>> [search.stem(w) for w in ["텐서들을", "Tensors", "LSTM은", "상태"]]
        ['텐서', 'tensor', 'lstm', '상태']
        """
        return str(self._english.stemWord(strip_particle(word).lower()))
