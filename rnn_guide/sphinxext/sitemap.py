"""A ``sitemap.xml`` per language tree, with ``hreflang`` alternates between the two trees."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from rnn_guide.sphinxext.pages import LANGUAGES

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["sitemap_xml", "write_sitemap"]


def sitemap_xml(base_url: str, lang: str, pages: list[str]) -> str:
    """The sitemap of one language tree: its ``pages``, each with its twins as alternates.

    >>> print(sitemap_xml("https://example.org/", "ko", ["index"]).splitlines()[3])
      <url><loc>https://example.org/ko/index.html</loc>
    """
    base = base_url.rstrip("/") + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
        '        xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in sorted(pages):
        lines.append(f"  <url><loc>{escape(f'{base}{lang}/{page}.html')}</loc>")
        for alt in LANGUAGES:
            href = quoteattr(f"{base}{alt}/{page}.html")
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt}" href={href}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(app: Sphinx) -> None:
    """Write ``sitemap.xml`` into the language tree when ``html_baseurl`` is set.

    A sitemap needs absolute addresses; without ``html_baseurl`` there are none to give.
    """
    base_url = app.config.html_baseurl
    if not base_url:
        return
    pages = sorted(app.env.found_docs)
    site_root = base_url.rstrip("/").rsplit("/", 1)[0]  # html_baseurl names the language tree
    xml = sitemap_xml(site_root, app.config.language, pages)
    (Path(app.outdir) / "sitemap.xml").write_text(xml, encoding="utf-8")
