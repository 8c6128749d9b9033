"""Every page in ``sitemap.xml``, also after an incremental build.

sphinx-sitemap writes the sitemap (with the ``hreflang`` alternates), but it lists only the
pages written in that build (jdillard/sphinx-sitemap#13, open): after one example is edited,
the sitemap would name that page alone. No extension fixes that, so just before sphinx-sitemap
writes the file, this hook adds every document of the project that the build did not write,
and puts the list in a fixed order, so two builds of the same sources write the same bytes.
"""

from __future__ import annotations

import fnmatch
import queue
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["complete_links", "setup"]


def complete_links(
    written: list[tuple[str, str | None]], docnames: set[str], excludes: list[str], suffix: str
) -> list[tuple[str, str | None]]:
    """The links of this build's pages, plus those of every other document, sorted.

    >>> complete_links([("b.html", None)], {"a", "b", "404"}, ["404.html"], ".html")
    [('a.html', None), ('b.html', None)]
    """
    links = dict(written)
    for docname in docnames:
        link = docname + suffix
        if link not in links and not any(fnmatch.fnmatch(link, p) for p in excludes):
            links[link] = None
    return sorted(links.items())


def _fill(app: Sphinx, exception: Exception | None) -> None:
    links = getattr(app, "sitemap_links", None)  # sphinx-sitemap's queue of written pages
    if exception is not None or links is None or app.builder.name != "html":  # not dirhtml
        return
    written: list[tuple[str, str | None]] = []
    while True:
        try:
            written.append(links.get_nowait())
        except queue.Empty:
            break
    suffix = app.config.html_file_suffix or ".html"
    for link in complete_links(written, app.env.found_docs, app.config.sitemap_excludes, suffix):
        links.put(link)


def setup(app: Sphinx) -> dict[str, Any]:
    """Run before sphinx-sitemap's own ``build-finished`` hook (priority 500)."""
    app.connect("build-finished", _fill, priority=400)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
