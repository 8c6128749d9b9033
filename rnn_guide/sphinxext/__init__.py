"""Sphinx extension for the rnn-guide site (loaded by ``docs/conf.py``, never by examples).

* every page knows the same page in the other language (sidebar and phone switchers,
  ``<link rel="alternate" hreflang>``) and what printed its outputs (footer);
* Korean pages get a Korean search language, and Korean interface text where the theme and
  sphinx-gallery print English;
* executed outputs are redone when what they depend on changes (:mod:`.freshness`);
* ``sitemap.xml`` (written by sphinx-sitemap) lists every page after an incremental build too
  (:mod:`.sitemap_incremental`).

Open Graph tags come from sphinxext-opengraph and the 404 page from sphinx-notfound-page
(``docs/conf.py``); this extension only gives the 404 page language links that work at any
depth.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rnn_guide.sphinxext.accessibility import repair_html
from rnn_guide.sphinxext.calculator import setup_calculator
from rnn_guide.sphinxext.catalogue import setup_catalogue
from rnn_guide.sphinxext.freshness import setup_freshness
from rnn_guide.sphinxext.gallery_cards import rewrite_cards
from rnn_guide.sphinxext.glossary_page import setup_glossary
from rnn_guide.sphinxext.korean_ui import (
    COPYBUTTON_KO,
    SEARCH_TRANSLATIONS_KO,
    rewrite_gallery_rst,
    rewrite_html,
)
from rnn_guide.sphinxext.pages import LANGUAGES, Provenance, language_links
from rnn_guide.sphinxext.reproducible import normalize_zip, zip_timestamp
from rnn_guide.sphinxext.search_ko import setup_search_ko
from rnn_guide.sphinxext.sitemap_incremental import setup as setup_sitemap_incremental

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["setup"]


def _add_provenance(app: Sphinx, config: Config) -> None:
    config.html_context.setdefault("rnn_guide_provenance", Provenance.current())


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    config = app.config
    site = (config.html_baseurl or "").rstrip("/").rsplit("/", 1)[0]  # the tree's parent
    root = None
    if pagename == getattr(config, "notfound_pagename", None):  # served at any address
        root = (config.notfound_urls_prefix or "/").removesuffix(f"{config.language}/")
    context["rnn_guide_languages"] = language_links(pagename, config.language, site=site, root=root)


def _fix_gallery_source(app: Sphinx, docname: str, source: list[str]) -> None:
    if not docname.startswith("auto_examples/"):
        return
    if docname == "auto_examples/index" or docname.endswith("/index"):  # root or subsection
        source[0] = rewrite_cards(source[0], Path(app.config.sphinx_gallery_conf["examples_dirs"]))
    if app.config.language == "ko":
        source[0] = rewrite_gallery_rst(source[0])


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    korean = app.config.language == "ko"
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        rewritten = repair_html(rewrite_html(text) if korean else text)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")
    if korean:
        _patch_script(
            outdir / "_static" / "copybutton.js",
            "'ko':",
            lambda js: js.replace("const messages = {", COPYBUTTON_KO, 1),
        )
        _patch_script(
            outdir / "_static" / "translations.js",
            "rnn-guide:",
            lambda js: js + SEARCH_TRANSLATIONS_KO,
        )
    date_time = zip_timestamp()
    for archive in outdir.rglob("*.zip"):
        normalize_zip(archive, date_time)


def _patch_script(path: Path, marker: str, patch: Callable[[str], str]) -> None:
    """Patch a copied static script once (``marker`` shows it is done already)."""
    if not path.exists():
        return
    script = path.read_text(encoding="utf-8")
    if marker not in script:
        path.write_text(patch(script), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the rnn-guide hooks with Sphinx."""
    if app.config.language not in LANGUAGES:
        raise ValueError(f"rnn_guide.sphinxext: language must be one of {sorted(LANGUAGES)}")
    setup_search_ko(app)
    setup_glossary(app)
    setup_freshness(app)
    setup_calculator(app)
    setup_catalogue(app)
    setup_sitemap_incremental(app)
    app.connect("config-inited", _add_provenance)
    app.connect("html-page-context", _page_context)
    app.connect("source-read", _fix_gallery_source)
    app.connect("build-finished", _finish)
    # env_version: raised when what the extension records while reading changes, so a kept
    # environment is read again (2: the calculator page notes the modules its data comes from).
    return {
        "version": "0.1",
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
