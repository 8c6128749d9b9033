"""Per-page context for the rnn-guide site: language pairing and build provenance.

It gives every page:

* ``rnn_guide_languages``: the links to the same page in each language, for the sidebar
  switcher (``docs/_templates/sidebar/lang-switch.html``) and ``<link rel="alternate">``
  (relative for the switchers; absolute on the 404 page, which the host serves at any depth);
* ``rnn_guide_provenance``: the torch and Python versions that printed the outputs, and the
  build date (``SOURCE_DATE_EPOCH`` wins over the clock, so builds reproduce).
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
from dataclasses import dataclass
from importlib.metadata import version

__all__ = ["LANGUAGES", "LanguageLink", "Provenance", "build_date", "language_links"]

#: Language code -> the name a reader of that language looks for in a switcher.
LANGUAGES: dict[str, str] = {"ko": "한국어", "en": "English"}


@dataclass(frozen=True)
class LanguageLink:
    """A link from one page to the same page in a language.

    Attributes:
        code: BCP 47 language code (``"ko"``, ``"en"``).
        name: the language's own name (``"한국어"``, ``"English"``).
        url: URL from the current page (relative unless the page asked for a ``root``).
        absolute: the full URL, for ``<link rel="alternate" hreflang>`` (empty without a
            site URL).
        current: whether this is the page's own language.
    """

    code: str
    name: str
    url: str
    absolute: str
    current: bool


def language_links(
    pagename: str, current: str, *, site: str = "", root: str | None = None
) -> list[LanguageLink]:
    """Links to ``pagename`` in every language, relative to that page.

    The trees sit side by side (``html/en/``, ``html/ko/``), so the way to the other
    tree goes one level above the current tree's root. With ``root`` (the site's path on its
    host, such as ``"/"``) the links start there instead, for a page served at any address.
    ``site`` is the site's full URL, for the absolute alternates.

    >>> [(link.code, link.url) for link in language_links("auto_examples/plot_01", "en")]
    [('ko', '../../ko/auto_examples/plot_01.html'), ('en', '../../en/auto_examples/plot_01.html')]
    >>> language_links("index", "ko", site="https://example.org/")[0]  # doctest: +NORMALIZE_WHITESPACE
    LanguageLink(code='ko', name='한국어', url='../ko/index.html',
                 absolute='https://example.org/ko/index.html', current=True)
    >>> language_links("404", "ko", root="/")[1].url
    '/en/404.html'
    """
    if current not in LANGUAGES:
        raise ValueError(f"unknown language {current!r}; expected one of {sorted(LANGUAGES)}")
    up = "../" * (pagename.count("/") + 1) if root is None else root
    site = site.rstrip("/") + "/" if site else ""
    return [
        LanguageLink(
            code,
            name,
            f"{up}{code}/{pagename}.html",
            f"{site}{code}/{pagename}.html" if site else "",
            code == current,
        )
        for code, name in LANGUAGES.items()
    ]


def build_date(environ: dict[str, str] | None = None) -> str:
    """The build date as ``YYYY-MM-DD`` (UTC), from ``SOURCE_DATE_EPOCH`` when set.

    >>> build_date({"SOURCE_DATE_EPOCH": "1700000000"})
    '2023-11-14'
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    moment = (
        _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
        if epoch
        else _dt.datetime.now(tz=_dt.UTC)
    )
    return moment.strftime("%Y-%m-%d")


@dataclass(frozen=True)
class Provenance:
    """What printed the outputs on the site, and when it was built."""

    torch: str
    python: str
    date: str

    @classmethod
    def current(cls) -> Provenance:
        """The provenance of this build (torch's version read from its metadata)."""
        return cls(torch=version("torch"), python=platform.python_version(), date=build_date())
