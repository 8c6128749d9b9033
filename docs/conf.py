"""Sphinx configuration for rnn-guide, shared by the Korean and English trees.

One conf.py serves both languages. The language comes from the ``RNN_GUIDE_LANG``
environment variable (``nox -s docs`` sets it), and the sources are read from
``docs/<lang>/`` with examples from ``examples/<lang>/``::

    RNN_GUIDE_LANG=ko sphinx-build -c docs docs/ko docs/_build/html/ko
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from urllib.parse import urlsplit

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))  # rnn_guide (the Sphinx extension and the API pages)

from importlib.metadata import version as _version

from rnn_guide.sphinxext.matplotlib_reset import MISSING_GLYPH
from rnn_guide.sphinxext.pages import LANGUAGES

# -- Language -------------------------------------------------------------------------------
lang = os.environ.get("RNN_GUIDE_LANG", "")
if lang not in LANGUAGES:
    raise RuntimeError(
        f"docs/conf.py: RNN_GUIDE_LANG is {lang!r}; set it to one of {sorted(LANGUAGES)}, "
        "e.g. `RNN_GUIDE_LANG=ko sphinx-build -c docs docs/ko docs/_build/html/ko`, "
        "or build both with `nox -s docs`."
    )
language = lang
KO = lang == "ko"

# Where the site is hosted (canonical links, Open Graph, sitemap); override for another host.
SITE_URL = os.environ.get("RNN_GUIDE_SITE_URL", "https://rnn-guide.readthedocs.io").rstrip("/")
#: The site's path on its host ("" at a host's root, "/rnn-guide" on a GitHub project page):
#: the 404 page links from there, because the host serves it at any depth.
SITE_PATH = urlsplit(SITE_URL).path.rstrip("/")

# -- Project --------------------------------------------------------------------------------
project = "rnn-guide"
author = "rnn-guide 개발자" if KO else "rnn-guide developers"
copyright = f"2026, {author}"
release = version = "0.1.0"

# -- General --------------------------------------------------------------------------------
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx_gallery.gen_gallery",
    "myst_nb",
    "sphinx_copybutton",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
    "rnn_guide.sphinxext",
]
templates_path = [str(DOCS / "_templates")]
# Korean strings for the theme that Sphinx's own catalog lacks (compiled at build time).
locale_dirs = [str(DOCS / "locales")]
exclude_patterns = [
    "_build",
    # sphinx-gallery writes notebooks beside its pages; myst-nb must not claim them.
    "auto_examples/*.ipynb",
    "auto_examples/*.py",
    "auto_examples/*.zip",
    "auto_examples/*.codeobj.json",
    # ... and beside the pages of its subsection ("Building models", examples/<lang>/models/).
    "auto_examples/*/*.ipynb",
    "auto_examples/*/*.py",
    "auto_examples/*/*.zip",
    "auto_examples/*/*.codeobj.json",
    # nested_sections=False (below): a subsection index page can only be left over from an
    # older build.
    "auto_examples/*/index.rst",
]
nitpicky = True
nitpick_ignore = [
    # torch's objects have no intersphinx inventory offline (no network at build time).
    ("py:class", "torch.Tensor"),
    ("py:class", "torch.nn.modules.module.Module"),
    # ... nor does Python's standard library.
    ("py:class", "pathlib.Path"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Sequence"),
    # rnn_guide.explain's result type, named in rnn_guide.tracing's signatures; the error
    # catalogue's pages document what it holds.
    ("py:class", "Explanation"),
]
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}  # offline build: no inventories

# -- MyST / myst-nb -------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "substitution", "deflist"]
# The torch that prints every output on the site (read without importing torch: a no-change
# build should not pay for it).
myst_substitutions = {"torch_version": _version("torch").split("+")[0]}
# Executed pages are cached by their cells; rnn_guide.sphinxext.freshness clears the cache when
# torch, NumPy, Matplotlib or rnn_guide change, so a cached output is never stale.
nb_execution_mode = "cache"
nb_execution_cache_path = str(DOCS / "_build" / "jupyter_cache" / lang)
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_merge_streams = True

# -- sphinx-gallery -------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": str(ROOT / "examples" / lang),
    # Relative to the source folder (docs/<lang>): sphinx-gallery writes this path into the
    # toctree that links the "Building models" subsection (examples/<lang>/models/).
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/plot_",
    "within_subsection_order": "FileNameSortKey",
    # The "Building models" subsection (examples/<lang>/models/) is a section of the gallery
    # page with its own toctree, not a page of its own: nested index pages would list the
    # section twice in furo's sidebar.
    "nested_sections": False,
    "download_all_examples": True,
    # An example runs again when its file changed (sphinx-gallery's MD5) or when torch, NumPy or
    # Matplotlib changed (rnn_guide.sphinxext.freshness clears the generated gallery).
    "run_stale_examples": False,
    "abort_on_example_error": False,
    "only_warn_on_example_error": False,
    # Reproducible pages: no timings, no memory, no computation-time tables.
    "min_reported_time": float("inf"),
    "write_computation_times": False,
    "show_memory": False,
    "show_signature": False,
    "remove_config_comments": True,
    # sphinx-gallery's "matplotlib" reset would drop docs/matplotlibrc (the Korean font):
    # this one restores the rc file and makes a missing glyph fail the example.
    "reset_modules": ("rnn_guide.sphinxext.matplotlib_reset.reset_matplotlib",),
    "matplotlib_animations": False,
    "image_scrapers": ("matplotlib",),
    "default_thumb_file": None,
    # The first cell of every downloaded notebook says, in the reader's language, what to install.
    "first_notebook_cell": (
        "# 이 노트북에는 PyTorch(CPU 빌드면 충분합니다), NumPy, Matplotlib이 필요합니다.\n"
        "# 이 사이트의 출력은 torch 2.13.0 버전으로 찍었습니다. 설치하려면 다음 줄의 주석을 푸십시오.\n"
        "# %pip install torch==2.13.0 numpy matplotlib"
        if KO
        else "# This notebook needs PyTorch (the CPU build is enough), NumPy and Matplotlib.\n"
        "# The outputs on the site were printed with torch==2.13.0. To install, uncomment:\n"
        "# %pip install torch==2.13.0 numpy matplotlib"
    ),
}

# -- HTML -----------------------------------------------------------------------------------
html_theme = "furo"
# The words of the original blog post's title (입출력, shape, 차원), which readers search for.
html_title = (
    "rnn-guide · RNN 입출력 모양(shape)과 차원" if KO else "rnn-guide · RNN input and output shapes"
)
html_baseurl = f"{SITE_URL}/{lang}/"
html_favicon = str(DOCS / "_static" / "favicon.svg")
html_static_path = [str(DOCS / "_static")]
html_css_files = ["rnn-guide.css"]
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/lang-switch.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_show_sourcelink = False
# No "Python Module Index" page: the API page documents one package, nothing links to the index,
# and Sphinx draws it as a layout table without headers (axe: td-has-header, critical).
html_domain_indices = False
html_copy_source = False
html_theme_options: dict[str, object] = {
    "top_of_page_buttons": [],
    "navigation_with_keys": True,
}
html_context: dict[str, object] = {
    "rnn_guide_description": (
        "PyTorch nn.RNN, nn.LSTM, nn.GRU의 입출력과 은닉 상태 텐서 모양(shape)과 차원을 실제 "
        "순전파로 확인하는 안내서"
        if KO
        else "The input and output shapes of PyTorch's nn.RNN, nn.LSTM and nn.GRU, every "
        "dimension printed by real forward passes"
    ),
}  # rnn_guide.sphinxext adds the build's provenance

# -- sphinx-sitemap: <lang>/sitemap.xml, every page with its twins in both languages ----------
# (rnn_guide.sphinxext.sitemap_incremental puts back the pages an incremental build did not
# write: sphinx-sitemap lists only the pages written in that build.)
site_url = f"{SITE_URL}/"
sitemap_url_scheme = "{lang}{link}"  # no version folder: the trees are /ko/ and /en/
sitemap_locales = list(LANGUAGES)  # hreflang alternates, this language's own page included
sitemap_excludes = ["404.html", "search.html", "genindex.html", "py-modindex.html"]
sitemap_indent = 2

# -- sphinxext-opengraph: og:title, og:description (from the page's text), og:url ----------
ogp_site_url = html_baseurl
ogp_site_name = "rnn-guide"
ogp_type = "article"
ogp_custom_meta_tags = [
    f'<meta property="og:locale" content="{"ko_KR" if KO else "en_US"}" />',
    f'<meta property="og:locale:alternate" content="{"en_US" if KO else "ko_KR"}" />',
]
# Social cards: PNGs drawn by Matplotlib, offline; the same machine draws the same bytes (two
# --fresh builds compare equal), and each page's card is drawn once: it is kept while its title
# and description are unchanged, so an incremental build redraws only the cards of edited pages.
# Cost measured on the 2-core machine: about 0.15 s a card, some 12 s of CPU for the 74 cards
# of a cold build (the two languages draw theirs in parallel).
# Both languages draw with the figures' fonts (docs/matplotlibrc): English pages quote Korean
# words too (the glossary, the blog post), and the extension's own Roboto Flex has no Hangul; a
# missing glyph fails the build (rnn_guide.sphinxext.matplotlib_reset) instead of drawing boxes.
# The prose-only build (docs/build.py --fast, for writing) draws none: about 10% of its time.
ogp_social_cards: dict[str, object] = {
    "enable": os.environ.get("RNN_GUIDE_PROSE_ONLY") != "1",
    "font": ["DejaVu Sans", "Noto Sans CJK KR"],
}
# Whether or not an example ran in this build (the gallery's reset also sets it).
warnings.filterwarnings("error", message=MISSING_GLYPH, category=UserWarning)

# -- sphinx-notfound-page: 404.html whose links are absolute, so they work at any depth -------
# docs/build.py also publishes the Korean one as the site's /404.html, which GitHub Pages and
# Read the Docs serve for every missing address; it says the way to the English pages too.
notfound_urls_prefix = f"{SITE_PATH}/{lang}/"
notfound_context = (
    {
        "title": "페이지를 찾을 수 없습니다",
        "body": (
            "<h1>페이지를 찾을 수 없습니다</h1>\n"
            "<p>이 주소에는 페이지가 없습니다. 주소를 잘못 입력했거나 페이지가 옮겨졌을 수 "
            "있습니다.</p>\n"
            f'<p><a href="{notfound_urls_prefix}index.html">첫 페이지</a>로 가거나 '
            f'<a href="{notfound_urls_prefix}search.html">검색</a>으로 찾아 보십시오.</p>\n'
            '<p lang="en">This page does not exist. Try the '
            f'<a href="{SITE_PATH}/en/index.html" hreflang="en">English home page</a> or '
            f'<a href="{SITE_PATH}/en/search.html" hreflang="en">search</a>.</p>\n'
        ),
    }
    if KO
    else {
        "title": "Page not found",
        "body": (
            "<h1>Page not found</h1>\n"
            "<p>There is no page at this address: it may have been mistyped, or the page may "
            "have moved.</p>\n"
            f'<p>Go to the <a href="{notfound_urls_prefix}index.html">home page</a> or '
            f'<a href="{notfound_urls_prefix}search.html">search</a> for it.</p>\n'
        ),
    }
)
