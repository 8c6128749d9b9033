r"""Gallery cards that read like the examples: titles and tooltips without reST debris.

sphinx-gallery strips markup from an example's title and first paragraph to fill its card on
the gallery index, but it keeps reST escapes (``hidden_size\ 를``, common in Korean where a
particle follows inline code) and removes every ``*`` in pairs, so ``D * H_out`` in a literal
becomes ``D  H_out``. This module rebuilds each card's title and tooltip from the example's
own docstring, keeping literal text intact.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

__all__ = ["card_text", "plain_text", "rewrite_cards"]

_LITERAL = re.compile(r"``(.+?)``")
_ROLE_WITH_TITLE = re.compile(r":[\w:.-]+:`([^`<]+?)\s*<[^>]+>`")
_ROLE = re.compile(r":[\w:.-]+:`~?([^`]+)`")
_LINK = re.compile(r"`([^`<]+?)\s*<[^>]+>`__?")
_STRONG = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])")


def plain_text(rst: str) -> str:
    r"""The text a reader sees for one line or paragraph of reST, markup removed.

    >>> plain_text(r"``hidden_size``\ 를 ``D * H_out``\ 으로, **굵게**")
    'hidden_size를 D * H_out으로, 굵게'
    >>> plain_text(":ref:`the gallery <gallery>` and `PyTorch <https://pytorch.org>`_")
    'the gallery and PyTorch'
    """
    literals: list[str] = []

    def keep(match: re.Match[str]) -> str:
        literals.append(match.group(1))
        return f"\x00{len(literals) - 1}\x00"

    text = _LITERAL.sub(keep, rst)
    text = _ROLE_WITH_TITLE.sub(r"\1", text)
    text = _ROLE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = text.replace("\\ ", "")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\x00(\d+)\x00", lambda m: literals[int(m.group(1))], text)


def card_text(example: Path) -> tuple[str, str]:
    """The (title, intro) of an example's card, from its module docstring."""
    tree = ast.parse(example.read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree, clean=True) or ""
    paragraphs = [p for p in re.split(r"\n\s*\n", docstring) if not p.lstrip().startswith("..")]
    title_lines = paragraphs[0].strip().splitlines()
    title = title_lines[-2] if len(title_lines) >= 2 else title_lines[0]
    intro = paragraphs[1] if len(paragraphs) > 1 else title
    return plain_text(title), plain_text(intro)


#: One card: the ``:doc:`` target is ``/<gallery_dir>/<path>``, where ``<path>`` mirrors the
#: example's place in its examples folder (``plot_01_x`` or ``models/plot_01_y``).
_CARD = re.compile(
    r'(tooltip=")([^"]*)(">.*?:doc:`/[^`/]+/(?P<stem>(?:[^`/]+/)*plot_[^`/]+)`.*?'
    r'<div class="sphx-glr-thumbnail-title">)([^<]*)(</div>)',
    re.DOTALL,
)


def rewrite_cards(index_rst: str, examples_dir: Path) -> str:
    """Replace every card's tooltip and title in a generated gallery index.

    ``examples_dir`` is the gallery's root examples folder; cards of a subsection (the
    root index shows them too, and so does the subsection's own index) name their example by
    its path below that folder.
    """

    def card(match: re.Match[str]) -> str:
        example = examples_dir / f"{match.group('stem')}.py"
        if not example.exists():
            return match.group(0)
        title, intro = card_text(example)
        return (
            match.group(1)
            + html.escape(intro, quote=True)
            + match.group(3)
            + html.escape(title, quote=False)
            + match.group(6)
        )

    return _CARD.sub(card, index_rst)
