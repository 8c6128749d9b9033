"""Sphinx configuration for rnn-guide, shared by the Korean and English trees.

One conf.py serves both languages. The language comes from the ``RNN_GUIDE_LANG``
environment variable (``nox -s docs`` sets it), and the sources are read from
``docs/<lang>/`` with examples from ``examples/<lang>/``::

    RNN_GUIDE_LANG=ko sphinx-build -c docs docs/ko docs/_build/html/ko
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))  # rnn_guide (the Sphinx extension and the API pages)

from importlib.metadata import version as _version

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
}
