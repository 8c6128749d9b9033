"""Repairs for what axe-core finds in the theme's markup, applied to every rendered page.

* Sphinx marks toctree captions ``role="heading"`` without the ``aria-level`` that role needs.
* sphinx-gallery's card links hide their text, so they get the card title as ``aria-label``.
* Code and output blocks scroll sideways when lines are long, but a ``<pre>`` cannot take
  keyboard focus, so keyboard users could not scroll them: they get ``tabindex="0"``.
"""

from __future__ import annotations

import re

__all__ = ["repair_html"]

_HEADING_WITHOUT_LEVEL = re.compile(r'role="heading"(?![^>]*aria-level)')
_PRE = re.compile(r"<pre>")
_CARD_LINK = re.compile(
    r'<a class="reference internal" href="([^"]+)"><span class="doc">([^<]*)</span></a>'
)


def repair_html(html: str) -> str:
    """Add the missing ``aria-level`` and make code blocks focusable.

    >>> repair_html('<p class="caption" role="heading"><span>Contents</span></p>')
    '<p class="caption" role="heading" aria-level="2"><span>Contents</span></p>'
    >>> repair_html('<div class="highlight"><pre><span></span>x = 1</pre></div>')
    '<div class="highlight"><pre tabindex="0"><span></span>x = 1</pre></div>'
    """
    html = _HEADING_WITHOUT_LEVEL.sub('role="heading" aria-level="2"', html)
    if "sphx-glr-thumbcontainer" in html:
        html = _CARD_LINK.sub(
            r'<a class="reference internal" href="\1" aria-label="\2"><span class="doc">\2</span></a>',
            html,
        )
    return _PRE.sub('<pre tabindex="0">', html)
